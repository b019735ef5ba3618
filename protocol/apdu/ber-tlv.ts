// BER-TLV (ISO/IEC 8825-1 as used by ISO 7816-4): multi-byte tags, definite lengths up to
// four bytes, constructed values parsed recursively. Garbage gives a Frame_Malformed error,
// never an out-of-bounds read.
import { ErrorCode, ReaderError } from '../errors.js';

export interface Tlv {
  /** The tag as an unsigned number of its bytes, e.g. 0xDF27, 0xFF20. */
  readonly tag: number;
  readonly value: Uint8Array;
  readonly constructed: boolean;
  /** Offset of the tag in the parsed buffer and total encoded length. */
  readonly offset: number;
  readonly length: number;
}

const bad = (why: string, offset: number) =>
  new ReaderError(ErrorCode.Frame_Malformed, `BER-TLV: ${why} at offset ${offset}`);

/** Reads one TLV header at `off`: tag, value start and value length. */
export function readHeader(
  b: Uint8Array,
  off: number,
): { tag: number; constructed: boolean; start: number; len: number } {
  if (off >= b.length) throw bad('no tag', off);
  let p = off;
  const first = b[p++]!;
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    let n = 0;
    do {
      if (p >= b.length) throw bad('tag runs past the end', off);
      if (++n > 3) throw bad('tag longer than 4 bytes', off);
      tag = tag * 256 + b[p]!;
    } while (b[p++]! & 0x80);
  }
  if (p >= b.length) throw bad('no length', off);
  let len = b[p++]!;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw bad(`unsupported length form 0x${len.toString(16)}`, off);
    if (p + n > b.length) throw bad('length runs past the end', off);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[p++]!;
  }
  return { tag, constructed: (first & 0x20) !== 0, start: p, len };
}

/**
 * Parses consecutive TLVs filling `b`. Padding 00 between objects is skipped; FF is not, since
 * the card-face record's own tag is FF20.
 */
export function parseTlvs(b: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  let off = 0;
  while (off < b.length) {
    if (b[off] === 0x00) {
      off++;
      continue;
    }
    const h = readHeader(b, off);
    if (h.start + h.len > b.length)
      throw bad(`value of ${h.len} bytes runs past the end (${b.length - h.start} left)`, off);
    out.push({
      tag: h.tag,
      value: b.subarray(h.start, h.start + h.len),
      constructed: h.constructed,
      offset: off,
      length: h.start + h.len - off,
    });
    off = h.start + h.len;
  }
  return out;
}

/** Encoded size of the header plus value, from the first bytes: for reading a file in parts. */
export function encodedLength(head: Uint8Array): number {
  const h = readHeader(head, 0);
  return h.start + h.len;
}

export function find(tlvs: readonly Tlv[], tag: number): Tlv | undefined {
  return tlvs.find((t) => t.tag === tag);
}

export function encodeTlv(tag: number, value: Uint8Array): Uint8Array {
  const tagBytes: number[] = [];
  for (let t = tag; t > 0 || tagBytes.length === 0; t = Math.floor(t / 256)) tagBytes.unshift(t & 0xff);
  const len = value.length;
  const lenBytes =
    len < 0x80
      ? [len]
      : len < 0x100
        ? [0x81, len]
        : len < 0x10000
          ? [0x82, len >> 8, len & 0xff]
          : [0x83, len >> 16, (len >> 8) & 0xff, len & 0xff];
  const out = new Uint8Array(tagBytes.length + lenBytes.length + len);
  out.set(tagBytes);
  out.set(lenBytes, tagBytes.length);
  out.set(value, tagBytes.length + lenBytes.length);
  return out;
}
