import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '../link/keys.js';
import { ImageFlag, parseVersion, TlvType } from './format.js';
import { parseImage } from './parse.js';
import { buildImage } from './sign.js';
import { BOOT_MAGIC, buildTrailer, parseTrailer, trailerLayout, trailerSize } from './trailer.js';
import { ed25519TrustedKey, validateImage, verifyImage } from './verify.js';

const key = generateKeyPair();
const body = new Uint8Array(3000).map((_, i) => (i * 7) & 0xff);
const version = parseVersion('2.1.0+9');

describe('image trailer', () => {
  it('has imgtool’s size: status area, four aligned fields, the magic', () => {
    // imgtool _trailer_size: max_sectors * 3 * align + max_align * 4 + align_up(16, max_align).
    expect(trailerSize(trailerLayout({ align: 4 }))).toBe(128 * 3 * 4 + 8 * 4 + 16);
    expect(trailerSize(trailerLayout({ align: 1, maxSectors: 16 }))).toBe(16 * 3 + 32 + 16);
    expect(trailerSize(trailerLayout({ align: 32 }))).toBe(128 * 3 * 32 + 32 * 4 + 32);
  });

  it('writes the default magic for max-align 8 and the aligned form otherwise; reads both back', () => {
    for (const [align, maxAlign] of [
      [4, 8],
      [16, 16],
      [32, 32],
    ] as const) {
      const t = buildTrailer(trailerLayout({ align }), true);
      const read = parseTrailer(t)!;
      expect(read.maxAlign).toBe(maxAlign);
      expect(read.imageOk).toBe(1);
      expect([read.copyDone, read.swapInfo, read.swapSize]).toEqual([0xff, 0xff, 0xffffffff]);
      if (maxAlign === 8) expect(read.magic).toEqual(BOOT_MAGIC);
      else expect([read.magic[0], read.magic[1]]).toEqual([maxAlign, 0]);
    }
    expect(parseTrailer(new Uint8Array(64).fill(0xff))).toBeUndefined();
    expect(parseTrailer(new Uint8Array(3))).toBeUndefined();
  });

  it('pads a signed image to the slot; the image still verifies and parses with its trailer', () => {
    const img = buildImage(body, { version, key, slot: { slotSize: 0x4000, pad: true, align: 8 } });
    expect(img).toHaveLength(0x4000);
    const p = parseImage(img);
    expect(p.trailer?.imageOk).toBe(0xff);
    expect(p.padding).toBe(0x4000 - p.totalSize);
    expect(verifyImage(img, key.publicKey).ok).toBe(true);
    // Without --pad the slot size only bounds the image.
    expect(buildImage(body, { version, key, slot: { slotSize: 0x4000 } }).length).toBe(p.totalSize);
    expect(() => buildImage(body, { version, key, slot: { slotSize: 0xe00, pad: true } })).toThrow(
      /exceeds the slot size/,
    );
  });
});

describe('header fields and hashes', () => {
  it('sets RAM_LOAD exactly when there is a load address', () => {
    expect(parseImage(buildImage(body, { version, key, loadAddr: 0x20000000 })).header.flags).toBe(
      ImageFlag.RAM_LOAD,
    );
    expect(parseImage(buildImage(body, { version, key })).header.flags).toBe(0);
  });

  it('hashes with SHA-384 and SHA-512 when asked, and checks the hash it finds', () => {
    const unsigned384 = buildImage(body, { version, hash: 'sha384' });
    const check = verifyImage(unsigned384, key.publicKey);
    expect(check.hash).toBe('sha384');
    expect(check.problems.map((p) => p.code)).toEqual(['unsigned']);
    expect(parseImage(unsigned384).tlvs.map((t) => [t.type, t.value.length])).toEqual([[TlvType.SHA384, 48]]);
    const signed512 = buildImage(body, { version, key, hash: 'sha512' });
    expect(verifyImage(signed512, key.publicKey).ok).toBe(true);
    expect(() => buildImage(body, { version, key, hash: 'sha384' })).toThrow(/cannot be used with --sha 384/);
  });

  it('verifies pure Ed25519 (over the image) with the portable implementation too', () => {
    const pure = buildImage(body, { version, key, pure: true });
    const check = verifyImage(pure, key.publicKey);
    expect([check.ok, check.pure, check.hash]).toEqual([true, true, 'sha512']);
  });

  it('survives garbage: truncations and flipped bytes parse or fail with a ReaderError', () => {
    const img = buildImage(body, { version, key, securityCounter: 3, slot: { slotSize: 0x2000, pad: true } });
    let seed = 12345;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const tries: Uint8Array[] = [];
    for (let n = 0; n < img.length; n += 97) tries.push(img.slice(0, n));
    for (let i = 0; i < 300; i++) {
      const t = img.slice();
      for (let k = 0; k < 4; k++) t[rnd(3200)] = rnd(256);
      tries.push(t);
    }
    // The signature maths is not what is under test here: a verifier that refuses everything.
    const refuse = { verify: () => false };
    for (const t of tries) {
      try {
        validateImage(t, [ed25519TrustedKey(key.publicKey)], refuse);
      } catch (e) {
        expect((e as Error).name).toBe('ReaderError');
      }
    }
  });
});
