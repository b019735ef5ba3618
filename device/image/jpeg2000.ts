// JPEG 2000 through OpenJPEG compiled to WebAssembly (@cornerstonejs/codec-openjpeg): the
// card issuer's encoder for emulated chips, and the appliance's decoder for chip photos.
import { createRequire } from 'node:module';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';

interface FrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned: boolean;
}
interface Codec {
  J2KEncoder: new () => {
    getDecodedBuffer(f: FrameInfo): Uint8Array;
    setQuality(lossless: boolean, step: number): void;
    encode(): void;
    getEncodedBuffer(): Uint8Array;
    delete(): void;
  };
  J2KDecoder: new () => {
    getEncodedBuffer(n: number): Uint8Array;
    decode(): void;
    getFrameInfo(): FrameInfo;
    getDecodedBuffer(): Uint8Array;
    delete(): void;
  };
}

let codec: Promise<Codec> | undefined;
function load(): Promise<Codec> {
  const require = createRequire(import.meta.url);
  // The module prints OpenJPEG's [INFO] lines through Module.print; silence them.
  const factory = require('@cornerstonejs/codec-openjpeg/wasmjs') as (m: object) => Promise<Codec>;
  codec ??= factory({ print: () => {}, printErr: () => {} });
  return codec;
}

export async function encodeJ2kGrey(pixels: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const c = await load();
  const enc = new c.J2KEncoder();
  try {
    enc.getDecodedBuffer({ width, height, bitsPerSample: 8, componentCount: 1, isSigned: false }).set(pixels);
    enc.setQuality(false, 0);
    enc.encode();
    return enc.getEncodedBuffer().slice();
  } finally {
    enc.delete();
  }
}

/**
 * More than any card's photo (a few hundred pixels a side) by far. The chip photo is decoded
 * before the record's signature is checked (read first, decoded while the rest comes in), so a
 * forged card's header must not make the long-lived decoder's wasm memory grow without bound.
 */
export const MAX_J2K_PIXELS = 4_000_000;

/** Width and height from the codestream's SIZ marker (in a JP2 file, its jp2c box), if found. */
export function j2kSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const end = Math.min(bytes.length, 4096) - 20;
  for (let i = 0; i < end; i++) {
    if (bytes[i] !== 0xff || bytes[i + 1] !== 0x4f || bytes[i + 2] !== 0xff || bytes[i + 3] !== 0x51)
      continue;
    const v = new DataView(bytes.buffer, bytes.byteOffset + i + 4);
    // SIZ: Lsiz, Rsiz, Xsiz, Ysiz, XOsiz, YOsiz (ISO/IEC 15444-1 A.5.1).
    const [x, y, xo, yo] = [v.getUint32(4), v.getUint32(8), v.getUint32(12), v.getUint32(16)];
    return { width: Math.max(0, x - xo), height: Math.max(0, y - yo) };
  }
  return undefined;
}

export async function decodeJ2k(
  bytes: Uint8Array,
  maxPixels = MAX_J2K_PIXELS,
): Promise<{ width: number; height: number; channels: number; pixels: Uint8Array }> {
  const size = j2kSize(bytes);
  if (!size || size.width * size.height > maxPixels || size.width === 0 || size.height === 0)
    throw new ReaderError(
      ErrorCode.Card_NotAuthentic,
      size
        ? `the chip photo declares ${size.width}×${size.height} pixels (at most ${maxPixels} decoded): not a card's photo`
        : "the chip photo has no JPEG 2000 size marker: not a card's photo",
    );
  const c = await load();
  const dec = new c.J2KDecoder();
  try {
    dec.getEncodedBuffer(bytes.length).set(bytes);
    dec.decode();
    const f = dec.getFrameInfo();
    return {
      width: f.width,
      height: f.height,
      channels: f.componentCount,
      pixels: dec.getDecodedBuffer().slice(),
    };
  } finally {
    dec.delete();
  }
}
