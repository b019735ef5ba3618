// What a patient may wear into the counter: a pleated face mask over nose and chin, or dark
// sunglasses. Drawn onto the rendered frame where the posed face's landmarks land.
import type { RgbImage } from '../../device/image/decode.js';
import { type FaceModel, type Point, type Pose, project } from './face-warp.js';

export type Accessory = 'mask' | 'sunglasses';

function inside(poly: readonly Point[], x: number, y: number): boolean {
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

function fill(
  img: RgbImage,
  poly: readonly Point[],
  colour: (x: number, y: number) => readonly number[],
): void {
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  for (
    let y = Math.max(0, Math.floor(Math.min(...ys)));
    y <= Math.min(img.height - 1, Math.ceil(Math.max(...ys)));
    y++
  )
    for (
      let x = Math.max(0, Math.floor(Math.min(...xs)));
      x <= Math.min(img.width - 1, Math.ceil(Math.max(...xs)));
      x++
    ) {
      if (!inside(poly, x, y)) continue;
      const c = colour(x, y);
      const o = (y * img.width + x) * 3;
      img.data[o] = c[0]!;
      img.data[o + 1] = c[1]!;
      img.data[o + 2] = c[2]!;
    }
}

/** Draws the accessory onto `img` (the frame rendered for `pose`), in place. */
export function wear(
  img: RgbImage,
  m: FaceModel,
  landmarks: readonly Point[],
  pose: Pose,
  what: Accessory,
): void {
  const at = (i: number): Point => project(m, pose, landmarks[i]![0], landmarks[i]![1]);
  if (what === 'mask') {
    const jaw = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map(at);
    // The top edge across the nose at the bridge's height, each point turned with the head (a
    // straight frame line at the bridge's turned height rose over the eyes on a nod up).
    const y28 = landmarks[28]![1];
    const [x1, x15] = [landmarks[1]![0], landmarks[15]![0]];
    const edge = [1, 0.75, 0.5, 0.25, 0].map((k) => project(m, pose, x1 + k * (x15 - x1), y28));
    const top = at(28);
    const poly: Point[] = [...jaw, ...edge];
    const h = Math.max(...jaw.map((p) => p[1])) - top[1] || 1;
    fill(img, poly, (_x, y) => {
      // Pleats: three folds across, a little shade under each.
      const fold = Math.abs(Math.sin(((y - top[1]) / h) * Math.PI * 3.5));
      const k = 0.88 + 0.12 * fold;
      return [186 * k, 208 * k, 226 * k];
    });
    return;
  }
  for (const i of [36, 42]) {
    const a = at(i);
    const b = at(i + 3);
    const cx = (a[0] + b[0]) / 2;
    const cy = (a[1] + b[1]) / 2;
    const rx = Math.hypot(b[0] - a[0], b[1] - a[1]) * 0.85;
    const ry = rx * 0.7;
    const lens: Point[] = Array.from({ length: 24 }, (_, k) => [
      cx + rx * Math.cos((k / 24) * 2 * Math.PI),
      cy + ry * Math.sin((k / 24) * 2 * Math.PI),
    ]);
    fill(img, lens, (x, y) => {
      const shine = Math.max(0, 1 - Math.hypot(x - cx + rx * 0.4, y - cy + ry * 0.4) / (rx * 0.5));
      return [22 + 40 * shine, 24 + 40 * shine, 30 + 40 * shine];
    });
  }
}
