// A second, independent reader for the printed digit fields: the card prints them in a fixed
// monospace face at a fixed size, so each character cell is compared (normalised
// cross-correlation, at native resolution) with the ten digits rendered in that face. Used to
// confirm tesseract's reading, never alone. Also the era glyphs' templates.
import sharp, { type Sharp } from 'sharp';

export class GreyImage {
  constructor(
    readonly width: number,
    readonly height: number,
    readonly data: Uint8Array,
  ) {}

  static async of(png: Buffer): Promise<GreyImage> {
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    return new GreyImage(info.width, info.height, new Uint8Array(data.buffer, data.byteOffset, data.length));
  }

  /** The image as sharp's raw input (one band), for crops of it. */
  sharp(): Sharp {
    return sharp(this.data, { raw: { width: this.width, height: this.height, channels: 1 } });
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
  return nccPrepared(a, prepareTemplate(b));
}

/** A template centred on its mean with its norm: compared with many windows, computed once. */
export interface Template {
  readonly centred: Float64Array;
  readonly norm2: number;
}

export function prepareTemplate(t: Float32Array): Template {
  let m = 0;
  for (let i = 0; i < t.length; i++) m += t[i]!;
  m /= t.length;
  const centred = new Float64Array(t.length);
  let norm2 = 0;
  for (let i = 0; i < t.length; i++) {
    centred[i] = t[i]! - m;
    norm2 += centred[i]! ** 2;
  }
  return { centred, norm2 };
}

/** The window's variance (times its size), once for every template it is compared with. */
function windowStats(a: Float32Array): { var: number } {
  let m = 0;
  for (let i = 0; i < a.length; i++) m += a[i]!;
  m /= a.length;
  let v = 0;
  for (let i = 0; i < a.length; i++) v += (a[i]! - m) ** 2;
  return { var: v };
}

// Σ(a − ā)(t − t̄) = Σ a·(t − t̄): the centred template sums to zero, so the window needs no centring.
function dot(a: Float32Array, t: Float64Array): number {
  let num = 0;
  for (let i = 0; i < a.length; i++) num += a[i]! * t[i]!;
  return num;
}

function nccPrepared(a: Float32Array, t: Template, da = windowStats(a).var): number {
  return da && t.norm2 ? dot(a, t.centred) / Math.sqrt(da * t.norm2) : 0;
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
  templates: readonly (Float32Array | Template)[],
): { index: number; score: number; margin: number } {
  const da = windowStats(cell).var;
  let first = { index: -1, score: -Infinity };
  let second = -1;
  templates.forEach((t, i) => {
    const score = nccPrepared(cell, t instanceof Float32Array ? prepareTemplate(t) : t, da);
    if (score > first.score) {
      if (first.index >= 0) second = first.score;
      first = { index: i, score };
    } else if (score > second) second = score;
  });
  return {
    index: first.index,
    score: first.score,
    margin: first.score - (templates.length > 1 ? second : -1),
  };
}
