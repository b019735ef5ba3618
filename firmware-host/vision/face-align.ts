// ArcFace-style alignment: five points (eye centres, nose tip, mouth corners) taken from the
// 68 landmarks are mapped onto the standard 112×112 template by a similarity transform
// (rotation, uniform scale, shift; least squares, Umeyama 1991), and the face is resampled
// bilinearly. The ArcFace-family embedders were trained on faces cropped this way; fed a loose
// box they give near-chance scores (issue 11). Pure arithmetic over pixels.
import type { RgbImage } from '../../device/image/decode.js';

export const ALIGNED_SIZE = 112;

/** InsightFace's reference points for a 112×112 crop (left eye, right eye, nose, mouth L, R). */
export const ARCFACE_TEMPLATE: readonly (readonly [number, number])[] = [
  [38.2946, 51.6963],
  [73.5318, 51.5014],
  [56.0252, 71.7366],
  [41.5493, 92.3655],
  [70.7299, 92.2041],
];

type Point = readonly [number, number];

/** The five points from the 68-point (iBUG/dlib) layout: eyes 36–41 and 42–47, nose 30, mouth 48 and 54. */
export function fivePoints(landmarks: readonly Point[]): Point[] {
  const mean = (from: number, to: number): Point => {
    let x = 0;
    let y = 0;
    for (let i = from; i <= to; i++) {
      x += landmarks[i]![0];
      y += landmarks[i]![1];
    }
    const n = to - from + 1;
    return [x / n, y / n];
  };
  return [mean(36, 41), mean(42, 47), landmarks[30]!, landmarks[48]!, landmarks[54]!];
}

/** dst ≈ [[a, −b], [b, a]]·src + [tx, ty], least squares over the point pairs. */
export interface Similarity {
  readonly a: number;
  readonly b: number;
  readonly tx: number;
  readonly ty: number;
}

export function fitSimilarity(src: readonly Point[], dst: readonly Point[]): Similarity {
  const n = src.length;
  let sx = 0;
  let sy = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < n; i++) {
    sx += src[i]![0];
    sy += src[i]![1];
    dx += dst[i]![0];
    dy += dst[i]![1];
  }
  sx /= n;
  sy /= n;
  dx /= n;
  dy /= n;
  let dot = 0;
  let cross = 0;
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const px = src[i]![0] - sx;
    const py = src[i]![1] - sy;
    const qx = dst[i]![0] - dx;
    const qy = dst[i]![1] - dy;
    dot += px * qx + py * qy;
    cross += px * qy - py * qx;
    norm += px * px + py * py;
  }
  const a = norm ? dot / norm : 1;
  const b = norm ? cross / norm : 0;
  return { a, b, tx: dx - (a * sx - b * sy), ty: dy - (b * sx + a * sy) };
}

/**
 * The aligned face as 112×112×3 floats 0–255 (RGB, row-major), and its mirror image when
 * `mirror` is set (embedders average the two: a cheap gain that issue 11 measured).
 */
export function alignFace(image: RgbImage, landmarks: readonly Point[], mirror = false): Float32Array {
  const t = fitSimilarity(fivePoints(landmarks), ARCFACE_TEMPLATE);
  // Inverse map: each output pixel samples the source at M⁻¹·(u − t).
  const det = t.a * t.a + t.b * t.b || 1;
  const ia = t.a / det;
  const ib = t.b / det;
  const out = new Float32Array(ALIGNED_SIZE * ALIGNED_SIZE * 3);
  const { width: w, height: h, data } = image;
  for (let v = 0; v < ALIGNED_SIZE; v++) {
    for (let u = 0; u < ALIGNED_SIZE; u++) {
      const uu = (mirror ? ALIGNED_SIZE - 1 - u : u) - t.tx;
      const vv = v - t.ty;
      const x = ia * uu + ib * vv;
      const y = -ib * uu + ia * vv;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const fx = x - x0;
      const fy = y - y0;
      const o = (v * ALIGNED_SIZE + u) * 3;
      // Outside the image reads as black, as OpenCV's warpAffine border does.
      const in00 = x0 >= 0 && y0 >= 0 && x0 < w && y0 < h;
      const in10 = x0 + 1 >= 0 && y0 >= 0 && x0 + 1 < w && y0 < h;
      const in01 = x0 >= 0 && y0 + 1 >= 0 && x0 < w && y0 + 1 < h;
      const in11 = x0 + 1 >= 0 && y0 + 1 >= 0 && x0 + 1 < w && y0 + 1 < h;
      const p00 = (y0 * w + x0) * 3;
      const p01 = p00 + w * 3;
      const w00 = (1 - fy) * (1 - fx);
      const w10 = (1 - fy) * fx;
      const w01 = fy * (1 - fx);
      const w11 = fy * fx;
      for (let c = 0; c < 3; c++)
        out[o + c] =
          (in00 ? w00 * data[p00 + c]! : 0) +
          (in10 ? w10 * data[p00 + 3 + c]! : 0) +
          (in01 ? w01 * data[p01 + c]! : 0) +
          (in11 ? w11 * data[p01 + 3 + c]! : 0);
    }
  }
  return out;
}
