// A padded image's trailer (imgtool --pad, --pad --confirm) read at the next reset as MCUboot's
// boot_swap_type reads it: a plain `upload` followed by a reset swaps the image in without any
// image state command; a test swap reverts at the reset after unless confirmed, a trailer with
// image-ok set makes the image permanent. Vectors: ../shared/fixtures/mcuboot (imgtool 2.4).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ImageSlotState, SmpClient } from '../../device/smp/smp-client.js';
import { SmpLink } from '../../device/smp/smp-link.js';
import { Uploader } from '../../device/smp/uploader.js';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { toHex } from '../../protocol/bytes.js';
import { isReaderError } from '../../protocol/errors.js';
import { publicKeyFromPem } from '../../protocol/link/keys.js';
import { imageHash } from '../../protocol/mcuboot/image.js';
import { SmpTarget } from '../../sim/smp-target/smp-target.js';
import { type Wired, wire, wireMissing } from '../helpers/wire.js';

const FIX = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'mcuboot');
const image = (n: string) => new Uint8Array(readFileSync(join(FIX, `${n}.img`)));
const hex = (img: Uint8Array) => toHex(imageHash(img));

let rig: Wired<SmpTarget> | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** A board running imgtool's security-counter image (a valid factory image of another hash). */
async function board(): Promise<{ client: SmpClient; link: SmpLink; factory: Uint8Array }> {
  const factory = image('ed25519-seccnt7');
  rig = await wire(
    (t) =>
      new SmpTarget(t, {
        signingKey: publicKeyFromPem(readFileSync(join(FIX, 'k-ed25519.pub.pem'), 'utf8')),
        ed: opensslEd25519,
        factoryImage: factory,
        rebootMs: 50,
        bufSize: 4096,
      }),
  );
  const link = new SmpLink(rig.host);
  return { client: new SmpClient(link, 1000), link, factory };
}

/** The list once the board answers again after a reset (bounded: 20 tries of 1 s). */
async function listAfterReset(client: SmpClient): Promise<ImageSlotState[]> {
  await client.reset();
  for (let i = 0; ; i++) {
    try {
      return await client.imageList();
    } catch (e) {
      if (i >= 20 || !isReaderError(e)) throw e;
    }
  }
}

const slotView = (list: ImageSlotState[]) =>
  list.map((s) => ({
    slot: s.slot,
    hash: s.hash && toHex(s.hash),
    active: s.active,
    confirmed: s.confirmed,
    pending: s.pending,
    permanent: s.permanent,
  }));

describe.skipIf(wireMissing())('padded images at the next reset', () => {
  it('--pad: swapped in for a test without image test, reverted at the reset after', async () => {
    const { client, link, factory } = await board();
    const padded = image('ed25519-pad');
    await new Uploader(link).upload(padded, { params: await client.params() });
    expect(slotView(await client.imageList())).toEqual([
      { slot: 0, hash: hex(factory), active: true, confirmed: true, pending: false, permanent: false },
      { slot: 1, hash: hex(padded), active: false, confirmed: false, pending: true, permanent: false },
    ]);
    expect(slotView(await listAfterReset(client))).toEqual([
      { slot: 0, hash: hex(padded), active: true, confirmed: false, pending: false, permanent: false },
      { slot: 1, hash: hex(factory), active: false, confirmed: true, pending: false, permanent: false },
    ]);
    // Not confirmed: MCUboot swaps back.
    const reverted = slotView(await listAfterReset(client));
    expect(reverted[0]).toMatchObject({ slot: 0, hash: hex(factory), active: true, confirmed: true });
    expect(reverted[1]).toMatchObject({ slot: 1, hash: hex(padded), pending: false });
    // The reverted image's trailer was consumed: a further reset keeps the factory image.
    expect(slotView(await listAfterReset(client))[0]).toMatchObject({ hash: hex(factory), active: true });
  }, 60_000);

  it('--pad --confirm: swapped in for good without image confirm, kept over later resets', async () => {
    const { client, link, factory } = await board();
    const padded = image('ed25519-pad-confirm');
    await new Uploader(link).upload(padded, { params: await client.params() });
    expect(slotView(await client.imageList())[1]).toEqual({
      slot: 1,
      hash: hex(padded),
      active: false,
      confirmed: false,
      pending: true,
      permanent: true,
    });
    for (let boot = 0; boot < 2; boot++) {
      const list = slotView(await listAfterReset(client));
      expect(list[0]).toEqual({
        slot: 0,
        hash: hex(padded),
        active: true,
        confirmed: true,
        pending: false,
        permanent: false,
      });
      expect(list[1]).toMatchObject({ slot: 1, hash: hex(factory), pending: false });
    }
  }, 60_000);
});
