// Quality gates on a live frame, each with what to tell the patient: exactly one face, big
// enough, facing the camera, sharp, well exposed. Pure functions over the detection and pixels.
import type { RgbImage } from '../../device/image/decode.js';
import type { FaceFound } from './face-matcher.js';

export type QualityIssue =
  | 'no-face'
  | 'several-faces'
  | 'too-far'
  | 'turn-to-camera'
  | 'blurred'
  | 'too-dark'
  | 'too-bright';

/** What the kiosk says, in Japanese and English. */
export const GUIDANCE: Record<QualityIssue, { ja: string; en: string }> = {
  'no-face': { ja: 'カメラの方を向いてください', en: 'Please look at the camera' },
  'several-faces': { ja: 'お一人ずつお願いします', en: 'One person at a time, please' },
  'too-far': { ja: 'もう少し近づいてください', en: 'Please come a little closer' },
  'turn-to-camera': { ja: '顔を正面に向けてください', en: 'Please face the camera' },
  blurred: { ja: '動かずにお待ちください', en: 'Please hold still' },
  'too-dark': { ja: '明るい場所でお願いします', en: 'It is too dark' },
  'too-bright': { ja: '光が強すぎます', en: 'The light is too bright' },
};

export interface QualityLimits {
  /** Face box width over frame width, at least. */
  readonly minFaceWidth: number;
  /** |nose offset from the eyes' midpoint| over the eye distance, at most. */
  readonly maxYaw: number;
  /** Variance of the Laplacian over the face, at least. */
  readonly minSharpness: number;
  readonly minLuma: number;
  readonly maxLuma: number;
}

export const DEFAULT_LIMITS: QualityLimits = {
  minFaceWidth: 0.12,
  maxYaw: 0.3,
  minSharpness: 40,
  minLuma: 50,
  maxLuma: 215,
};

/** Yaw proxy from 68-point landmarks: 0 frontal, ±0.5 strongly turned. */
export function yaw(landmarks: readonly (readonly [number, number])[]): number {
  const mean = (idx: number[]) => idx.reduce((s, i) => s + landmarks[i]![0], 0) / idx.length;
  const left = mean([36, 37, 38, 39, 40, 41]);
  const right = mean([42, 43, 44, 45, 46, 47]);
  const nose = landmarks[30]![0];
  const eyes = Math.abs(right - left) || 1;
  return (nose - (left + right) / 2) / eyes;
}

function faceLuma(img: RgbImage, f: FaceFound): { luma: Float32Array; w: number; h: number } {
  const x0 = Math.max(0, Math.floor(f.box.x));
  const y0 = Math.max(0, Math.floor(f.box.y));
  const w = Math.max(1, Math.min(img.width - x0, Math.floor(f.box.width)));
  const h = Math.max(1, Math.min(img.height - y0, Math.floor(f.box.height)));
  const luma = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = ((y0 + y) * img.width + x0 + x) * 3;
      luma[y * w + x] = 0.299 * img.data[p]! + 0.587 * img.data[p + 1]! + 0.114 * img.data[p + 2]!;
    }
  }
  return { luma, w, h };
}

/** Variance of the 4-neighbour Laplacian: low on blurred or smeared faces. */
export function sharpness(luma: Float32Array, w: number, h: number): number {
  let n = 0;
  let sum = 0;
  let sq = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const l = luma[i - 1]! + luma[i + 1]! + luma[i - w]! + luma[i + w]! - 4 * luma[i]!;
      sum += l;
      sq += l * l;
      n++;
    }
  }
  return n ? sq / n - (sum / n) ** 2 : 0;
}

export interface QualityReport {
  readonly ok: boolean;
  readonly issues: QualityIssue[];
  readonly measures: { faces: number; faceWidth?: number; yaw?: number; sharpness?: number; luma?: number };
}

export function assessQuality(
  img: RgbImage,
  faces: readonly FaceFound[],
  limits: QualityLimits = DEFAULT_LIMITS,
): QualityReport {
  if (faces.length === 0) return { ok: false, issues: ['no-face'], measures: { faces: 0 } };
  if (faces.length > 1) return { ok: false, issues: ['several-faces'], measures: { faces: faces.length } };
  const f = faces[0]!;
  const issues: QualityIssue[] = [];
  const faceWidth = f.box.width / img.width;
  if (faceWidth < limits.minFaceWidth) issues.push('too-far');
  const y = yaw(f.landmarks);
  if (Math.abs(y) > limits.maxYaw) issues.push('turn-to-camera');
  const { luma, w, h } = faceLuma(img, f);
  const mean = luma.reduce((s, v) => s + v, 0) / luma.length;
  if (mean < limits.minLuma) issues.push('too-dark');
  if (mean > limits.maxLuma) issues.push('too-bright');
  const sharp = sharpness(luma, w, h);
  if (sharp < limits.minSharpness) issues.push('blurred');
  return {
    ok: issues.length === 0,
    issues,
    measures: { faces: 1, faceWidth, yaw: y, sharpness: sharp, luma: mean },
  };
}
