// Finds the card on the tray in a card-face camera frame and returns it deskewed and scaled
// to the layout's 856 × 540: the bright card against the dark tray (Otsu threshold), its
// orientation from its top edge, then a crop to the card's extent. Every step passes raw pixels
// to the next (no PNG between them: encoding and decoding those was most of a read's time).
import sharp, { type Sharp } from 'sharp';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { CARD_SIZE } from '../../protocol/mynumber/card-face-layout.js';
import { GreyImage } from './digit-templates.js';

/** A camera frame as it comes: RGB24, width × height × 3. */
export interface RawFrame {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** A frame's pixels for sharp: an encoded picture (any format sharp reads) or a raw RGB frame. */
export function frameSharp(frame: Buffer | RawFrame): Sharp {
  return Buffer.isBuffer(frame)
    ? sharp(frame)
    : sharp(frame.data, { raw: { width: frame.width, height: frame.height, channels: 3 } });
}

async function grey(img: Sharp): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await img.greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function otsu(data: Buffer): number {
  const hist = new Array(256).fill(0);
  for (const v of data) hist[v]++;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i];
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let t = 128;
  for (let i = 0; i < 256; i++) {
    wB += hist[i];
    if (!wB) continue;
    const wF = data.length - wB;
    if (!wF) break;
    sumB += i * hist[i];
    const between = wB * wF * (sumB / wB - (sum - sumB) / wF) ** 2;
    if (between > best) {
      best = between;
      t = i;
    }
  }
  return t;
}

/** The card, deskewed and scaled to the layout's size, in grey (all the readers look at). */
export async function locateCard(frame: Buffer | RawFrame): Promise<GreyImage> {
  const g = await grey(frameSharp(frame));
  const t = otsu(g.data);
  let n = 0;
  for (const v of g.data) if (v > t) n++;
  if (n < g.width * g.height * 0.05) throw new ReaderError(ErrorCode.Camera_Failed, 'no card on the tray');
  // Orientation from the card's top edge (the card's interior, photo included, does not bias
  // it): the first bright row in each column over the middle of the card, fitted to a line.
  const bright = (x: number, y: number) => g.data[y * g.width + x]! > t;
  const colsWith: number[] = [];
  for (let x = 0; x < g.width; x++) {
    let c = 0;
    for (let y = 0; y < g.height; y++) if (bright(x, y)) c++;
    if (c > g.height * 0.05) colsWith.push(x);
  }
  const left = colsWith[0]!;
  const right = colsWith[colsWith.length - 1]!;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let x = Math.round(left + (right - left) * 0.25); x <= right - (right - left) * 0.25; x += 2) {
    for (let y = 0; y < g.height; y++) {
      if (bright(x, y) && bright(x, Math.min(g.height - 1, y + 3))) {
        xs.push(x);
        ys.push(y);
        break;
      }
    }
  }
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  const angle = (Math.atan2(num, den || 1) * 180) / Math.PI;
  const straight = await frameSharp(frame)
    .rotate(-angle, { background: '#000000' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const rgb = {
    raw: { width: straight.info.width, height: straight.info.height, channels: straight.info.channels },
  };
  const s = await grey(sharp(straight.data, rgb));
  const cols = new Array(s.width).fill(0);
  const rows = new Array(s.height).fill(0);
  for (let y = 0; y < s.height; y++) {
    for (let x = 0; x < s.width; x++) {
      if (s.data[y * s.width + x]! > t) {
        cols[x]++;
        rows[y]++;
      }
    }
  }
  // The card's edges: the first and last rows/columns mostly covered by card pixels.
  const span = (a: number[], min: number) =>
    [a.findIndex((v) => v > min), a.length - 1 - [...a].reverse().findIndex((v) => v > min)] as const;
  const [x0, x1] = span(cols, Math.max(...cols) * 0.5);
  const [y0, y1] = span(rows, Math.max(...rows) * 0.5);
  if (x1 - x0 < 100 || y1 - y0 < 60)
    throw new ReaderError(ErrorCode.Camera_Failed, 'the card is not fully in view');
  const card = await sharp(straight.data, rgb)
    .extract({ left: x0, top: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 })
    .resize(CARD_SIZE.width, CARD_SIZE.height, { fit: 'fill' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return new GreyImage(
    card.info.width,
    card.info.height,
    new Uint8Array(card.data.buffer, card.data.byteOffset, card.data.length),
  );
}
