// Images to RGB pixels: JPEG/PNG/WebP through sharp, JPEG 2000 (the chip photo) through the
// OpenJPEG wasm decoder; greyscale is widened to three channels so one pipeline embeds both.
import sharp from 'sharp';
import { decodeJ2k } from './jpeg2000.js';

export interface RgbImage {
  readonly width: number;
  readonly height: number;
  /** width × height × 3 bytes, row-major RGB. */
  readonly data: Uint8Array;
}

// Frames are decoded once and never again: libvips' operation cache (50 MB by default) would
// only hold memory on a board that has little.
sharp.cache(false);

const isJ2k = (b: Uint8Array): boolean =>
  (b[0] === 0xff && b[1] === 0x4f && b[2] === 0xff && b[3] === 0x51) || // raw codestream (SOC, SIZ)
  (b[4] === 0x6a && b[5] === 0x50 && b[6] === 0x20 && b[7] === 0x20); // JP2 signature box

export async function decodeImage(bytes: Uint8Array): Promise<RgbImage> {
  if (isJ2k(bytes)) {
    const j = await decodeJ2k(bytes);
    const rgb = new Uint8Array(j.width * j.height * 3);
    if (j.channels === 1)
      for (let i = 0; i < j.width * j.height; i++) rgb.fill(j.pixels[i]!, i * 3, i * 3 + 3);
    else
      for (let i = 0; i < j.width * j.height; i++)
        rgb.set(j.pixels.subarray(i * j.channels, i * j.channels + 3), i * 3);
    return { width: j.width, height: j.height, data: rgb };
  }
  const { data, info } = await sharp(bytes)
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels === 3) return { width: info.width, height: info.height, data: new Uint8Array(data) };
  const rgb = new Uint8Array(info.width * info.height * 3);
  for (let i = 0; i < info.width * info.height; i++) rgb.fill(data[i * info.channels]!, i * 3, i * 3 + 3);
  return { width: info.width, height: info.height, data: rgb };
}
