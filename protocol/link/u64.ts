// protobufjs decodes uint64 as Long; the stack uses bigint for 64-bit counters.
import Long from 'long';

export type U64 = number | Long | null | undefined;

export function u64(v: U64): bigint {
  if (v === null || v === undefined) return 0n;
  if (typeof v === 'number') return BigInt(v);
  return BigInt(Long.fromValue(v).toUnsigned().toString());
}

export function toLong(v: bigint | number): Long {
  return Long.fromString(BigInt(v).toString(), true);
}

/** Milliseconds fit a double for the next 285,000 years; decode them as numbers. */
export function u64ms(v: U64): number {
  return Number(u64(v));
}
