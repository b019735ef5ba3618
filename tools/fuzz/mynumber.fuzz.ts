// My Number card helpers that read what a host or a camera produced (protocol/mynumber):
// the strict DigestInfo reader never throws and accepts exactly what it should; PIN and
// 照合番号B builders refuse bad input with ReaderError only.
import fc from 'fast-check';
import { bytesEqual } from '../../protocol/bytes.js';
import { parseDigestInfo } from '../../protocol/mynumber/digest-info.js';
import {
  cardFaceKeyB,
  digestInfoSha256,
  isDigestInfoSha256,
  pinBytes,
} from '../../protocol/mynumber/mynumber.js';
import { hostile, nastyString } from './arbitraries.js';
import { expectThat, type FuzzTarget, neverThrows, onlyReaderError, property } from './harness.js';

const OIDS: Record<number, number[]> = {
  20: [0x2b, 0x0e, 0x03, 0x02, 0x1a],
  28: [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x04],
  32: [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01],
  48: [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02],
  64: [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03],
};

/** DER DigestInfo with or without NULL parameters, for every hash the card signs. */
const digestInfo: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.constantFrom(20, 28, 32, 48, 64), fc.boolean(), fc.uint8Array({ minLength: 64, maxLength: 64 }))
  .map(([n, withNull, d]) => {
    const oid = OIDS[n]!;
    const alg = [0x06, oid.length, ...oid, ...(withNull ? [0x05, 0x00] : [])];
    const body = [0x30, alg.length, ...alg, 0x04, n, ...d.subarray(0, n)];
    return Uint8Array.from([0x30, body.length, ...body]);
  });

const same = (b: Uint8Array): Uint8Array => b;

export const mynumberTarget: FuzzTarget = {
  name: 'mynumber',
  covers: ['protocol/mynumber/digest-info.ts', 'protocol/mynumber/mynumber.ts'],
  properties: [
    property<Uint8Array>({
      name: 'digest-info',
      weight: 3,
      arbitrary: hostile(digestInfo, 120),
      check: (b) => {
        const d = neverThrows('parseDigestInfo', () => parseDigestInfo(b));
        if (d) {
          expectThat(
            bytesEqual(b.subarray(b.length - d.digest.length), d.digest),
            'digest is not the DER tail',
          );
          expectThat(b.length === b[1]! + 2, 'a DigestInfo with bytes after its SEQUENCE');
        }
        const sha = neverThrows('isDigestInfoSha256', () => isDigestInfoSha256(b));
        if (sha) expectThat(d?.algorithm === 'sha256', 'isDigestInfoSha256 and parseDigestInfo disagree');
      },
      toBytes: same,
      fromBytes: same,
    }),
    property<Uint8Array>({
      name: 'digest-info-roundtrip',
      arbitrary: fc.uint8Array({ minLength: 32, maxLength: 32 }),
      check: (digest) => {
        const d = parseDigestInfo(digestInfoSha256(digest));
        expectThat(
          d?.algorithm === 'sha256' && bytesEqual(d.digest, digest),
          'digestInfoSha256 does not parse back',
        );
      },
      toBytes: same,
      fromBytes: same,
    }),
    property<[string, number, number, number, number, string]>({
      name: 'secrets',
      arbitrary: fc.tuple(
        fc.oneof(nastyString, fc.stringMatching(/^\d{3,5}$/)),
        fc.integer({ min: -5, max: 120 }),
        fc.integer({ min: -1, max: 14 }),
        fc.integer({ min: -1, max: 33 }),
        fc.integer({ min: 1990, max: 2210 }),
        fc.oneof(nastyString, fc.stringMatching(/^\d{4}$/)),
      ),
      check: ([pin, year, month, day, expiry, code]) => {
        const p = onlyReaderError('pinBytes', () => pinBytes(pin));
        if (p) expectThat(p.length === 4, 'a PIN of other than 4 bytes');
        const k = onlyReaderError('cardFaceKeyB', () =>
          cardFaceKeyB({ era: 'heisei', year, month, day }, expiry, code),
        );
        if (k) expectThat(/^\d{14}$/.test(k), `照合番号B of the wrong form (${k.length} chars)`);
      },
      toBytes: (x) => new TextEncoder().encode(JSON.stringify(x)),
      fromBytes: (b) => JSON.parse(new TextDecoder().decode(b)),
    }),
  ],
};
