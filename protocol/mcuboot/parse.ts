// Parses an MCUboot image: 32-byte little-endian header (padded to hdr_size), body, optional
// protected TLV area, TLV area, and for a slot-padded image the trailer at its end.
// Survives garbage: every length is checked against the bytes there are.
import { ErrorCode, ReaderError } from '../errors.js';
import {
  HEADER_BYTES,
  IMAGE_MAGIC,
  type ImageHeader,
  TLV_INFO_MAGIC,
  TLV_PROT_INFO_MAGIC,
  type Tlv,
  tlvName,
} from './format.js';
import { type ImageTrailer, parseTrailer } from './trailer.js';

export interface ParsedImage {
  readonly header: ImageHeader;
  readonly tlvs: readonly Tlv[];
  /** Bytes covered by the hash TLV (and signed in pure mode): header, body, protected TLVs. */
  readonly hashed: Uint8Array;
  /** Where the TLV area ends: the image proper, without slot padding. */
  readonly totalSize: number;
  /** Bytes after the TLV area (slot padding and trailer of an `imgtool sign --pad` image). */
  readonly padding: number;
  /** Present when the bytes after the TLV area end with a boot magic. */
  readonly trailer?: ImageTrailer;
}

export const malformed = (msg: string, context: Record<string, unknown> = {}): ReaderError =>
  new ReaderError(ErrorCode.Frame_Malformed, msg, context);

function parseTlvArea(
  img: Uint8Array,
  off: number,
  magic: number,
  isProtected: boolean,
): { tlvs: Tlv[]; end: number } {
  const dv = new DataView(img.buffer, img.byteOffset, img.byteLength);
  if (off + 4 > img.length)
    throw malformed(`TLV area truncated: no room for its 4-byte info at offset ${off}`);
  const m = dv.getUint16(off, true);
  if (m !== magic) {
    throw malformed(
      `bad TLV info magic 0x${m.toString(16)} at offset ${off} (expected 0x${magic.toString(16)})`,
    );
  }
  const total = dv.getUint16(off + 2, true);
  const end = off + total;
  if (total < 4 || end > img.length)
    throw malformed(`TLV area at offset ${off} claims ${total} bytes; the file has ${img.length - off}`);
  const tlvs: Tlv[] = [];
  for (let p = off + 4; p < end; ) {
    if (p + 4 > end) throw malformed(`TLV entry header truncated at offset ${p}`);
    const type = dv.getUint16(p, true);
    const len = dv.getUint16(p + 2, true);
    if (p + 4 + len > end)
      throw malformed(`TLV ${tlvName(type)} at offset ${p} runs past the TLV area (${len} bytes)`);
    tlvs.push({ type, value: img.slice(p + 4, p + 4 + len), protected: isProtected });
    p += 4 + len;
  }
  return { tlvs, end };
}

export function parseImage(img: Uint8Array): ParsedImage {
  if (img.length < HEADER_BYTES)
    throw malformed(`image of ${img.length} bytes is shorter than the 32-byte header`);
  const dv = new DataView(img.buffer, img.byteOffset, img.byteLength);
  const magic = dv.getUint32(0, true);
  if (magic !== IMAGE_MAGIC) {
    throw malformed(
      `bad image magic 0x${magic.toString(16).padStart(8, '0')} (expected 0x96f3b83d): not an MCUboot image`,
    );
  }
  const header: ImageHeader = {
    loadAddr: dv.getUint32(4, true),
    hdrSize: dv.getUint16(8, true),
    protectTlvSize: dv.getUint16(10, true),
    imgSize: dv.getUint32(12, true),
    flags: dv.getUint32(16, true),
    version: {
      major: img[20]!,
      minor: img[21]!,
      revision: dv.getUint16(22, true),
      build: dv.getUint32(24, true),
    },
  };
  if (header.hdrSize < HEADER_BYTES) throw malformed(`header size ${header.hdrSize} is below 32`);
  let off = header.hdrSize + header.imgSize;
  if (off > img.length)
    throw malformed(`header says ${off} bytes of header and body; the file has ${img.length}`);
  const tlvs: Tlv[] = [];
  if (header.protectTlvSize > 0) {
    const prot = parseTlvArea(img, off, TLV_PROT_INFO_MAGIC, true);
    if (prot.end - off !== header.protectTlvSize) {
      throw malformed(
        `protected TLV area is ${prot.end - off} bytes; the header says ${header.protectTlvSize}`,
      );
    }
    tlvs.push(...prot.tlvs);
    off = prot.end;
  }
  const hashed = img.slice(0, off);
  const main = parseTlvArea(img, off, TLV_INFO_MAGIC, false);
  tlvs.push(...main.tlvs);
  const padding = img.length - main.end;
  const trailer = padding > 0 ? parseTrailer(img.subarray(main.end)) : undefined;
  return { header, tlvs, hashed, totalSize: main.end, padding, ...(trailer ? { trailer } : {}) };
}
