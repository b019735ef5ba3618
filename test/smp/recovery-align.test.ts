// Upload chunks cut to the flash write alignment, against the target emulator in MCUboot serial
// recovery: boot_serial.c bs_upload writes only whole write blocks of a chunk and answers the
// offset after them, so an unaligned chunk would be asked for again (a rewind, which stalls a
// pipelined upload).
import { afterEach, describe, expect, it } from 'vitest';
import { UPLOAD_WRITE_ALIGN, Uploader } from '../../device/smp/uploader.js';
import { imageHash } from '../../protocol/mcuboot/image.js';
import { decodeSmp, SmpCmd, SmpGroup } from '../../protocol/smp/smp-packet.js';
import { wireMissing } from '../helpers/wire.js';
import { type SmpBench, smpBench } from './smp-fixture.js';

let bench: SmpBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

/** Uploads with the chunks recorded as they went on the wire: [off, data length]. */
async function upload(b: SmpBench, img: Uint8Array, writeAlign?: number) {
  const chunks: [number, number][] = [];
  b.link.on('frame', (dir, body) => {
    if (dir !== 'tx') return;
    const p = decodeSmp(body);
    if (p.header.group !== SmpGroup.image || p.header.id !== SmpCmd.image.upload) return;
    chunks.push([p.payload.off as number, (p.payload.data as Uint8Array).length]);
  });
  const recovered: string[] = [];
  const up = new Uploader(b.link);
  up.on('recovered', (w) => recovered.push(w));
  await up.upload(img, { params: await b.client.params(), chunkTimeoutMs: 15_000, writeAlign });
  return { chunks, recovered };
}

describe('upload chunk lengths', () => {
  it('are multiples of the write alignment except the rest of the image', () => {
    const sha = new Uint8Array(32);
    for (const bufSize of [256, 1000, 1024, 2048]) {
      for (const align of [4, 8, 32]) {
        const total = 10_007;
        const n = Uploader.chunkLength(bufSize, 2048, total, false, sha, 0, align);
        expect(n % align).toBe(0);
        expect(n).toBeGreaterThan(bufSize / 2);
        expect(Uploader.chunkLength(bufSize, total - 5, total, false, sha, 0, align)).toBe(5);
      }
    }
    expect(UPLOAD_WRITE_ALIGN).toBe(32); // BOOT_MAX_ALIGN's upper bound
  });
});

describe.skipIf(wireMissing())('uploads to MCUboot serial recovery', () => {
  it('go through without a rewind when the board writes 32-byte blocks', async () => {
    bench = await smpBench({ serialRecovery: true, flashWriteAlign: 32, bufSize: 1024, rebootMs: 50 });
    const img = bench.image(9001, '2.0.1');
    const { chunks, recovered } = await upload(bench, img);
    expect(recovered).toEqual([]);
    expect(chunks.length).toBeGreaterThan(5);
    for (const [off, len] of chunks.slice(0, -1)) {
      expect(off % 32).toBe(0);
      expect(len % 32).toBe(0);
    }
    const [lastOff, lastLen] = chunks[chunks.length - 1]!;
    expect(lastOff + lastLen).toBe(img.length);
    // bs_list lists only images that validate: the whole image arrived intact in slot 0.
    const list = await bench.client.imageList();
    expect(list).toMatchObject([{ slot: 0, version: '2.0.1', hash: imageHash(img) }]);
  }, 60_000);

  it('are asked again from the last whole block when a chunk is not aligned', async () => {
    bench = await smpBench({ serialRecovery: true, flashWriteAlign: 32, bufSize: 1024, rebootMs: 50 });
    const img = bench.image(9001, '2.0.1');
    const { chunks, recovered } = await upload(bench, img, 1);
    // The emulator cut the unaligned chunks as boot_serial.c does: the client followed the
    // offsets it was given and still delivered every byte.
    expect(recovered.some((w) => /asked for offset \d+ again/.test(w))).toBe(true);
    expect(chunks.reduce((n, [, len]) => n + len, 0)).toBeGreaterThan(img.length);
    expect(await bench.client.imageList()).toMatchObject([{ slot: 0, hash: imageHash(img) }]);
  }, 60_000);
});
