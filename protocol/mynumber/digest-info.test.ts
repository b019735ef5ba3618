import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex } from '../bytes.js';
import { parseDigestInfo } from './digest-info.js';

// DigestInfo prefixes as RFC 8017 §9.2 note 1 lists them.
const PREFIX = {
  sha1: '3021300906052b0e03021a05000414',
  sha224: '302d300d06096086480165030402040500041c',
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
} as const;

describe('DigestInfo', () => {
  it.each(Object.entries(PREFIX))('reads the RFC 8017 %s DigestInfo', (name, prefix) => {
    const digest = new Uint8Array(createHash(name).update('x').digest());
    const di = parseDigestInfo(concatBytes(fromHex(prefix), digest));
    expect(di?.algorithm).toBe(name);
    expect(di?.digest).toEqual(digest);
  });

  it('accepts absent NULL parameters and refuses everything else', () => {
    const d = new Uint8Array(32).fill(7);
    expect(
      parseDigestInfo(concatBytes(fromHex('302f300b0609608648016503040201' + '0420'), d))?.algorithm,
    ).toBe('sha256');
    const good = concatBytes(fromHex(PREFIX.sha256), d);
    expect(parseDigestInfo(good.subarray(0, 50))).toBeUndefined(); // short digest
    expect(parseDigestInfo(concatBytes(good, Uint8Array.of(0)))).toBeUndefined(); // trailing byte
    expect(parseDigestInfo(d)).toBeUndefined(); // a bare hash
    const md5 = fromHex('3020300c06082a864886f70d020505000410');
    expect(parseDigestInfo(concatBytes(md5, new Uint8Array(16)))).toBeUndefined();
    for (let n = 0; n < good.length; n++) expect(parseDigestInfo(good.subarray(0, n))).toBeUndefined();
  });
});
