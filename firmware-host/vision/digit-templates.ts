// A second, independent reader for the printed digit fields: the card prints them in a fixed
// monospace face at a fixed size, so each character cell is compared (normalised
// cross-correlation, at native resolution) with the ten digits rendered in that face. Used to
// confirm tesseract's reading, never alone. Also the era glyphs' templates.
import sharp from 'sharp';

export class GreyImage {
  constructor(
    readonly width: number,
    readonly height: number,
    readonly data: Uint8Array,
  ) {}

  static async of(png: Buffer): Promise<GreyImage> {
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    return new GreyImage(info.width, info.height, new Uint8Array(data));
  }

  /** The w × h window at (x, y); outside the image reads as white. */
  window(x: number, y: number, w: number, h: number): Float32Array {
    const out = new Float32Array(w * h);
    for (let j = 0; j < h; j++) {
      const yy = y + j;
      for (let i = 0; i < w; i++) {
        const xx = x + i;
        out[j * w + i] =
          xx >= 0 && yy >= 0 && xx < this.width && yy < this.height ? this.data[yy * this.width + xx]! : 255;
      }
    }
    return out;
  }
}

export function ncc(a: Float32Array, b: Float32Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    num += (a[i]! - ma) * (b[i]! - mb);
    da += (a[i]! - ma) ** 2;
    db += (b[i]! - mb) ** 2;
  }
  return da && db ? num / Math.sqrt(da * db) : 0;
}

/** Renders `text` as the card prints it, into a w × h window (baseline 8 px above the bottom). */
export async function glyph(
  text: string,
  font: string,
  size: number,
  w: number,
  h: number,
  x = 0,
): Promise<Float32Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="white"/><text x="${x}" y="${h - 8}" font-size="${size}" ${font} fill="black">${text}</text></svg>`;
  return (await GreyImage.of(await sharp(Buffer.from(svg)).png().toBuffer())).window(0, 0, w, h);
}

export const DIGIT_FONT = "font-family='DejaVu Sans Mono' font-weight='bold'";

/** Best template for a window, and how far ahead of the runner-up it is. */
export function classify(
  cell: Float32Array,
  templates: readonly Float32Array[],
): { index: number; score: number; margin: number } {
  const ranked = templates.map((t, i) => [i, ncc(cell, t)] as const).sort((a, b) => b[1] - a[1]);
  return { index: ranked[0]![0], score: ranked[0]![1], margin: ranked[0]![1] - (ranked[1]?.[1] ?? -1) };
}
