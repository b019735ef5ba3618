// JPEG 2000 through OpenJPEG compiled to WebAssembly (@cornerstonejs/codec-openjpeg): the
// card issuer's encoder for emulated chips, and the appliance's decoder for chip photos.
import { createRequire } from 'node:module';

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

export async function decodeJ2k(
  bytes: Uint8Array,
): Promise<{ width: number; height: number; channels: number; pixels: Uint8Array }> {
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
