// Structurally valid protobuf wire format with random field numbers, wire types and values:
// what reaches the generated decoders' type checks, and the u64 edge cases (counters of
// 2^64 - 1, times past the Date range) that random bytes almost never spell.
import fc from 'fast-check';
import { concatBytes } from '../../protocol/bytes.js';
import { fareader } from '../../protocol/gen/fareader.js';

function varint(v: bigint): number[] {
  const out: number[] = [];
  let x = BigInt.asUintN(64, v);
  do {
    let b = Number(x & 0x7fn);
    x >>= 7n;
    if (x) b |= 0x80;
    out.push(b);
  } while (x);
  return out;
}

const interesting = fc.oneof(
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  fc.constantFrom(
    0n,
    1n,
    127n,
    128n,
    8_640_000_000_000_000n,
    8_640_000_000_000_001n,
    (1n << 63n) - 1n,
    1n << 63n,
    (1n << 64n) - 1n,
    -1n,
  ),
  fc.bigInt({ min: 0n, max: 100_000n }),
);

type Field = { readonly num: number; readonly bytes: Uint8Array };

const field = (inner: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Field> =>
  fc.oneof(
    fc.record({ num: fc.integer({ min: 1, max: 20 }), v: interesting }).map(({ num, v }) => ({
      num,
      bytes: Uint8Array.from([...varint(BigInt(num << 3)), ...varint(v)]),
    })),
    fc
      .record({
        num: fc.integer({ min: 1, max: 20 }),
        v: fc.oneof(
          inner,
          fc.string({ maxLength: 30 }).map((s) => new TextEncoder().encode(s)),
        ),
      })
      .map(({ num, v }) => ({
        num,
        bytes: Uint8Array.from([...varint(BigInt((num << 3) | 2)), ...varint(BigInt(v.length)), ...v]),
      })),
    fc
      .record({
        num: fc.integer({ min: 1, max: 20 }),
        wt: fc.constantFrom(1, 5),
        v: fc.uint8Array({ minLength: 8, maxLength: 8 }),
      })
      .map(({ num, wt, v }) => ({
        num,
        bytes: Uint8Array.from([...varint(BigInt((num << 3) | wt)), ...v.subarray(0, wt === 1 ? 8 : 4)]),
      })),
  );

const message = (inner: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> =>
  fc.array(field(inner), { maxLength: 8 }).map((fs) => concatBytes(...fs.map((f) => f.bytes)));

/** A protobuf message of random fields, nested two levels deep. */
export const protobufWire: fc.Arbitrary<Uint8Array> = message(
  message(message(fc.uint8Array({ maxLength: 16 }))),
);

type Decoder = { decode(b: Uint8Array): unknown; encode(m: never): { finish(): Uint8Array }; name?: string };

/** Every message type the generated code declares, with its decoder. */
export const messageTypes: readonly [string, Decoder][] = Object.entries(fareader.v1)
  .filter(([, v]) => typeof (v as { decode?: unknown }).decode === 'function')
  .map(([k, v]) => [k, v as unknown as Decoder]);
