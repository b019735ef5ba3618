// The card-face camera's view of the tray with a card on it: the rendered card face placed on
// a dark tray, rotated, and optionally blurred, with glare and sensor noise, as a JPEG frame.
import sharp, { type OverlayOptions } from 'sharp';

export interface SceneOptions {
  readonly rotateDeg?: number;
  readonly blurSigma?: number;
  /** A bright specular spot: centre (0..1 of the frame), radius in px, strength 0..1. */
  readonly glare?: { readonly x: number; readonly y: number; readonly r: number; readonly strength: number };
  /** Standard deviation of additive noise, in grey levels. */
  readonly noise?: number;
  readonly seed?: number;
  readonly width?: number;
  readonly height?: number;
}

export async function cardScene(card: Buffer, o: SceneOptions = {}): Promise<Buffer> {
  const width = o.width ?? 1024;
  const height = o.height ?? 768;
  const rotated = await sharp(card)
    .rotate(o.rotateDeg ?? 0, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer();
  const meta = await sharp(rotated).metadata();
  const left = Math.round((width - meta.width!) / 2);
  const top = Math.round((height - meta.height!) / 2);
  const layers: OverlayOptions[] = [{ input: rotated, left, top }];
  if (o.glare) {
    const g = o.glare;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><radialGradient id="r"><stop offset="0" stop-color="white" stop-opacity="${g.strength}"/><stop offset="1" stop-color="white" stop-opacity="0"/></radialGradient></defs><ellipse cx="${g.x * width}" cy="${g.y * height}" rx="${g.r}" ry="${g.r * 0.6}" fill="url(#r)"/></svg>`;
    layers.push({ input: Buffer.from(svg), left: 0, top: 0 });
  }
  let img = sharp({ create: { width, height, channels: 3, background: '#2b2f33' } }).composite(layers);
  if (o.blurSigma) img = sharp(await img.png().toBuffer()).blur(o.blurSigma);
  if (o.noise) {
    const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
    let s = o.seed ?? 1;
    const rnd = (): number => {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      return s / 0x7fffffff;
    };
    for (let i = 0; i < data.length; i++) {
      const n = (rnd() + rnd() + rnd() - 1.5) * 2 * o.noise; // ~normal
      data[i] = Math.max(0, Math.min(255, data[i]! + n));
    }
    img = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  }
  return img.jpeg({ quality: 90 }).toBuffer();
}
