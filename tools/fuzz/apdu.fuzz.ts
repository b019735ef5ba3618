// ISO 7816-4 APDUs (protocol/apdu/apdu.ts) and BER-TLV (ber-tlv.ts): garbage is refused with
// ReaderError only, every TLV found lies inside the bytes parsed, and what we encode parses back.
import fc from 'fast-check';
import {
  type CommandApdu,
  decodeApdu,
  decodeResponse,
  encodeApdu,
  swMeaning,
} from '../../protocol/apdu/apdu.js';
import { encodedLength, encodeTlv, parseTlvs, readHeader, type Tlv } from '../../protocol/apdu/ber-tlv.js';
import { bytesEqual, concatBytes } from '../../protocol/bytes.js';
import { garbage, hostile } from './arbitraries.js';
import { expectThat, type FuzzTarget, onlyReaderError, property } from './harness.js';

const command: fc.Arbitrary<CommandApdu & { extended: boolean }> = fc
  .record({
    cla: fc.integer({ min: 0, max: 255 }),
    ins: fc.integer({ min: 0, max: 255 }),
    p1: fc.integer({ min: 0, max: 255 }),
    p2: fc.integer({ min: 0, max: 255 }),
    data: fc.oneof(fc.constant(undefined), fc.uint8Array({ minLength: 1, maxLength: 300 })),
    le: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 256 }), fc.integer({ min: 1, max: 65536 })),
    extended: fc.boolean(),
  })
  .map((c) => ({ ...c, extended: c.extended || (c.data?.length ?? 0) > 255 || c.le > 256 }));

/** Tags as ISO 7816 uses them: one byte (not 00, not the multi-byte marker), or two. */
const tag: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 1, max: 255 }).filter((t) => (t & 0x1f) !== 0x1f),
  fc
    .tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 0x7f }))
    .map(([cls, n]) => (((cls << 5) | 0x1f) << 8) | n),
);

const tlvBytes: fc.Arbitrary<Uint8Array> = fc
  .array(fc.tuple(tag, fc.uint8Array({ maxLength: 300 })), { minLength: 1, maxLength: 3 })
  .map((ts) => concatBytes(...ts.map(([t, v]) => encodeTlv(t, v))));

const nested: fc.Arbitrary<Uint8Array> = fc
  .tuple(tlvBytes, tlvBytes)
  .map(([a, b]) => concatBytes(encodeTlv(0xff20, concatBytes(a, encodeTlv(0x7f21, b))), b));

/** Every TLV lies inside its buffer; constructed values parse recursively to a bounded depth. */
function walk(b: Uint8Array, depth: number): void {
  const tlvs = onlyReaderError('parseTlvs', () => parseTlvs(b));
  for (const t of tlvs ?? []) {
    expectThat(
      t.offset >= 0 && t.offset + t.length <= b.length,
      `TLV at ${t.offset}+${t.length} outside ${b.length}`,
    );
    expectThat(t.value.length <= t.length, 'a TLV value longer than its encoding');
    if (t.constructed && depth < 8) walk(t.value, depth + 1);
  }
}

const same = (b: Uint8Array): Uint8Array => b;
const validApdu = command.map((c) => encodeApdu(c, { extended: c.extended }));

export const apduTarget: FuzzTarget = {
  name: 'apdu',
  covers: ['protocol/apdu/apdu.ts', 'protocol/apdu/ber-tlv.ts'],
  properties: [
    property<Uint8Array>({
      name: 'command',
      weight: 2,
      arbitrary: hostile(validApdu, 300),
      check: (b) => {
        const c = onlyReaderError('decodeApdu', () => decodeApdu(b));
        if (!c) return;
        expectThat((c.data?.length ?? 0) <= b.length - 4, 'APDU data longer than the APDU');
        expectThat((c.le ?? 0) >= 0 && (c.le ?? 0) <= 65536, `Le ${c.le} out of range`);
      },
      toBytes: same,
      fromBytes: same,
    }),
    property<Uint8Array>({
      name: 'command-roundtrip',
      arbitrary: validApdu,
      check: (b) => {
        const c = onlyReaderError('decodeApdu', () => decodeApdu(b));
        expectThat(c !== undefined, 'decodeApdu refused what encodeApdu wrote');
        const again = encodeApdu(c!, { extended: c!.extended });
        expectThat(bytesEqual(again, b), 'decodeApdu ∘ encodeApdu is not the identity');
      },
      toBytes: same,
      fromBytes: same,
    }),
    property<Uint8Array>({
      name: 'response',
      arbitrary: garbage(300),
      check: (b) => {
        const r = onlyReaderError('decodeResponse', () => decodeResponse(b));
        if (r)
          expectThat(typeof swMeaning(r.sw) === 'string' && r.data.length === b.length - 2, 'bad response');
      },
      toBytes: same,
      fromBytes: same,
    }),
    property<Uint8Array>({
      name: 'ber-tlv',
      weight: 3,
      arbitrary: hostile(fc.oneof(tlvBytes, nested), 300),
      check: (b) => {
        walk(b, 0);
        const h = onlyReaderError('readHeader', () => readHeader(b, 0));
        if (h) expectThat(h.start <= b.length && h.len >= 0, 'a header past the end');
        onlyReaderError('encodedLength', () => encodedLength(b));
      },
      toBytes: same,
      fromBytes: same,
    }),
    property<[number, Uint8Array]>({
      name: 'ber-tlv-roundtrip',
      arbitrary: fc.tuple(tag, fc.uint8Array({ maxLength: 1200 })),
      check: ([t, v]) => {
        const enc = encodeTlv(t, v);
        const tlvs: Tlv[] | undefined = onlyReaderError('parseTlvs', () => parseTlvs(enc));
        expectThat(
          tlvs?.length === 1 && tlvs[0]!.tag === t && bytesEqual(tlvs[0]!.value, v),
          `encodeTlv(0x${t.toString(16)}) did not parse back`,
        );
        expectThat(encodedLength(enc) === enc.length, 'encodedLength disagrees with encodeTlv');
      },
      toBytes: ([t, v]) => concatBytes(Uint8Array.of(t >> 8, t & 0xff), v),
      fromBytes: (b) => [((b[0] ?? 0) << 8) | (b[1] ?? 1) || 1, b.subarray(2)],
    }),
  ],
};
