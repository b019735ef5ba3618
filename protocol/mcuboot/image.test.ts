import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '../link/keys.js';
import {
  buildImage,
  formatVersion,
  IMAGE_MAGIC,
  imageHash,
  parseImage,
  parseVersion,
  TlvType,
  verifyImage,
} from './image.js';

const key = generateKeyPair();
const body = new Uint8Array(5000).map((_, i) => (i * 31) & 0xff);
const img = buildImage(body, { version: parseVersion('1.2.3+4'), key, securityCounter: 7 });

describe('MCUboot image', () => {
  it('lays out the header as imgtool does', () => {
    const dv = new DataView(img.buffer);
    expect(dv.getUint32(0, true)).toBe(IMAGE_MAGIC);
    expect(dv.getUint16(8, true)).toBe(0x200);
    expect(dv.getUint16(10, true)).toBe(12); // protected TLV info (4) + SEC_CNT (4 + 4)
    expect(dv.getUint32(12, true)).toBe(body.length);
    expect([img[20], img[21], dv.getUint16(22, true), dv.getUint32(24, true)]).toEqual([1, 2, 3, 4]);
    expect(img.subarray(0x200, 0x200 + body.length)).toEqual(body);
  });

  it('parses back version, TLVs, and the hash covers header, body and protected TLVs', () => {
    const p = parseImage(img);
    expect(formatVersion(p.header.version)).toBe('1.2.3+4');
    expect(p.tlvs.map((t) => [t.type, t.protected])).toEqual([
      [TlvType.SEC_CNT, true],
      [TlvType.SHA256, false],
      [TlvType.KEYHASH, false],
      [TlvType.ED25519, false],
    ]);
    expect(p.hashed).toHaveLength(0x200 + body.length + 12);
    expect(imageHash(img)).toEqual(sha256(p.hashed));
    expect(p.totalSize).toBe(img.length);
  });

  it('verifies with the right key and explains each failure', () => {
    expect(verifyImage(img, key.publicKey).ok).toBe(true);
    const other = verifyImage(img, generateKeyPair().publicKey);
    // MCUboot finds no key for the KEYHASH and skips the signature: it never checks it.
    expect(other.problems.map((p) => p.code)).toEqual(['keyhash-mismatch']);
    const tampered = img.slice();
    tampered[0x300]! ^= 1;
    expect(verifyImage(tampered, key.publicKey).problems.map((p) => p.code)).toEqual([
      'hash-mismatch',
      'bad-signature',
    ]);
  });

  it('names malformed images precisely', () => {
    const badMagic = img.slice();
    badMagic[0] = 0;
    expect(() => parseImage(badMagic)).toThrow(/bad image magic/);
    expect(() => parseImage(img.slice(0, img.length - 10))).toThrow(/TLV area .* claims \d+ bytes/);
    expect(() => parseImage(img.slice(0, 0x200 + body.length + 2))).toThrow(/truncated/);
    expect(() => parseImage(img.slice(0, 20))).toThrow(/shorter than the 32-byte header/);
    expect(() => parseVersion('1.2')).toThrow(/MAJOR.MINOR.REVISION/);
  });
});
