// The CCID driver against the CCID emulator behind the WebUSB interface: the same card, the
// reader's own protocol (bSeq, time extension, slot changes), and hot-plug.
import { afterEach, describe, expect, it } from 'vitest';
import { CardChannel } from '../../device/card/card-channel.js';
import { CcidReader, findCcidReaders, watchCcidReaders } from '../../device/ccid/ccid-reader.js';
import { MyNumberCardApi } from '../../device/mynumber/mynumber-card.js';
import { CCID_READERS } from '../../platform/devices/ccid-readers.js';
import { parsePseudoAtr } from '../../protocol/ccid/ccid.js';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import { EmulatedCcidDevice, EmulatedUsbBus } from '../../sim/ccid/ccid-emulator.js';
import { makeCard } from './card-fixture.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function rig(model = CCID_READERS[0]!) {
  const bus = new EmulatedUsbBus();
  const device = new EmulatedCcidDevice(model);
  bus.plug(device);
  const [found] = await findCcidReaders(bus, CCID_READERS);
  const reader = new CcidReader(found!.device, found!.id.name, { timeoutMs: 1000 });
  await reader.open();
  cleanups.push(() => reader.close());
  return { bus, device, reader, api: new MyNumberCardApi(new CardChannel(reader)) };
}

const waitFor = (r: CcidReader, ev: 'card' | 'removed') => new Promise((resolve) => r.once(ev, resolve));

describe('CCID driver ↔ emulator over the WebUSB interface', () => {
  it('finds each reader model of the table, powers the card on and reads it end to end', async () => {
    for (const model of CCID_READERS) {
      const { device, reader, api } = await rig(model);
      expect(reader.name).toBe(model.name);
      const card = await makeCard();
      const placed = waitFor(reader, 'card');
      device.placeCard(card);
      await placed;
      const atr = parsePseudoAtr(reader.atr!);
      expect(atr.tckOk).toBe(true);
      expect((await api.readUserAuthCertificate())[0]).toBe(0x30);
      expect(await api.verifyPin('1234')).toEqual({ triesLeftBefore: 3 });
      expect(await api.signDigest(new Uint8Array(32))).toHaveLength(256);
      expect((await api.readCardFace(card.printedKeyB)).photo.length).toBeGreaterThan(1000);
    }
  });

  it("hands the chip photo over as soon as its bytes are in, before the record's rest and checks: the signed photo's bytes", async () => {
    const { device, reader, api } = await rig();
    const card = await makeCard();
    const placed = waitFor(reader, 'card');
    device.placeCard(card);
    await placed;
    const early: Uint8Array[] = [];
    let apdusAtPhoto = 0;
    let apdus = 0;
    const transmit = reader.transmit.bind(reader);
    reader.transmit = (...a: Parameters<typeof transmit>) => {
      apdus++;
      return transmit(...a);
    };
    const face = await api.readCardFace(card.printedKeyB, {
      onPhoto: (b) => {
        apdusAtPhoto = apdus;
        early.push(b);
      },
    });
    expect(early).toEqual([face.photo]);
    // Handed over before the record was all read and the chip authenticated (INTERNAL AUTH).
    expect(apdusAtPhoto).toBeLessThan(apdus - 1);
  });

  it('follows time extensions and skips stale replies', async () => {
    const { device, reader, api } = await rig();
    device.faults = { timeExtensions: 2, staleReplies: true };
    const placed = waitFor(reader, 'card');
    device.placeCard(await makeCard());
    await placed;
    expect((await api.readUserAuthCertificate())[0]).toBe(0x30);
  });

  it('a card removed mid-command is a typed error and a removed event', async () => {
    const { device, reader, api } = await rig();
    const card = await makeCard('removed-mid-command');
    const placed = waitFor(reader, 'card');
    device.placeCard(card);
    await placed;
    const removed = waitFor(reader, 'removed');
    const e = await api.readCardFace(card.printedKeyB).catch((x: unknown) => x);
    expect(isReaderError(e, ErrorCode.Card_Removed)).toBe(true);
    await removed;
  });

  it('a hung reader gives a typed timeout', async () => {
    const { device, reader, api } = await rig();
    const placed = waitFor(reader, 'card');
    device.placeCard(await makeCard());
    await placed;
    device.faults = { mute: true };
    const e = await api.pinState().catch((x: unknown) => x);
    expect(isReaderError(e, ErrorCode.Link_Timeout)).toBe(true);
  });

  it('hot-plug: a reader plugged in later is opened; unplugging reports the loss', async () => {
    const bus = new EmulatedUsbBus();
    const readers: CcidReader[] = [];
    const stop = watchCcidReaders(bus, CCID_READERS, (r) => readers.push(r), { timeoutMs: 500 });
    cleanups.push(stop);
    const device = new EmulatedCcidDevice(CCID_READERS[2]!);
    bus.plug(device);
    await new Promise((r) => setTimeout(r, 50));
    expect(readers.map((r) => r.name)).toEqual(['ACS ACR1252U']);
    const reader = readers[0]!;
    const placed = waitFor(reader, 'card');
    device.placeCard(await makeCard());
    await placed;
    const errors: Error[] = [];
    reader.on('error', (e) => errors.push(e));
    const removed = waitFor(reader, 'removed');
    bus.unplug(device);
    await removed;
    expect(errors.some((e) => isReaderError(e, ErrorCode.Link_Disconnected))).toBe(true);
    bus.plug(new EmulatedCcidDevice(CCID_READERS[2]!, 'EMU0002'));
    await new Promise((r) => setTimeout(r, 50));
    expect(readers).toHaveLength(2);
  });
});
