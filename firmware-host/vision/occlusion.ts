// Is the face covered? A face mask hides the lower face (nose tip to chin), sunglasses the eyes:
// the patient is asked to take them off before an attempt counts. Pure functions over the
// frame's pixels and the detector's 68 landmarks: the covered region's colour and texture are
// compared with the bare skin the same face shows elsewhere (the forehead and the cheeks under
// the eyes), so skin tone and light do not matter.
import type { RgbImage } from '../../device/image/decode.js';

type Point = readonly [number, number];

export type Occlusion = 'mask' | 'sunglasses';

/** What the kiosk says, in Japanese and English. */
export const OCCLUSION_GUIDANCE: Record<Occlusion, { ja: string; en: string }> = {
  mask: { ja: 'マスクを外してカメラを見てください', en: 'Please remove your mask' },
  sunglasses: { ja: 'サングラスを外してカメラを見てください', en: 'Please take off your sunglasses' },
};

interface Stats {
  readonly luma: number;
  /** Chroma (Cb, Cr around 128): skin sits in a narrow band of it. */
  readonly cb: number;
  readonly cr: number;
  /** Luma standard deviation. */
  readonly sd: number;
}

function statsIn(img: RgbImage, cx: number, cy: number, rx: number, ry: number): Stats | undefined {
  let n = 0;
  let sy = 0;
  let sy2 = 0;
  let scb = 0;
  let scr = 0;
  for (let y = Math.max(0, Math.round(cy - ry)); y <= Math.min(img.height - 1, Math.round(cy + ry)); y++)
    for (let x = Math.max(0, Math.round(cx - rx)); x <= Math.min(img.width - 1, Math.round(cx + rx)); x++) {
      const o = (y * img.width + x) * 3;
      const r = img.data[o]!;
      const g = img.data[o + 1]!;
      const b = img.data[o + 2]!;
      const l = 0.299 * r + 0.587 * g + 0.114 * b;
      sy += l;
      sy2 += l * l;
      scb += 128 - 0.1687 * r - 0.3313 * g + 0.5 * b;
      scr += 128 + 0.5 * r - 0.4187 * g - 0.0813 * b;
      n++;
    }
  if (n < 4) return undefined;
  const luma = sy / n;
  return { luma, cb: scb / n, cr: scr / n, sd: Math.sqrt(Math.max(0, sy2 / n - luma * luma)) };
}

const chromaDistance = (a: Stats, b: Stats): number => Math.hypot(a.cb - b.cb, a.cr - b.cr);

export interface OcclusionMeasures {
  /** Chroma distance of the lower face (mouth, chin) from the cheeks' skin. */
  readonly lowerChroma: number;
  /** Luma of the lower face over the cheeks'. */
  readonly lowerLuma: number;
  /** Luma of the eyes' region over the cheeks'. */
  readonly eyeLuma: number;
  /** Luma spread within the eyes' region (an eye has white, iris and lashes; a lens is flat). */
  readonly eyeSd: number;
}

export function occlusionMeasures(img: RgbImage, l: readonly Point[]): OcclusionMeasures | undefined {
  const d = Math.hypot(l[45]![0] - l[36]![0], l[45]![1] - l[36]![1]) || 1;
  // Bare skin to compare with: a mask reaches the nose bridge, sunglasses the cheekbones' top,
  // so the forehead between the brows and the cheekbones below the eyes' outer corners.
  const brow = statsIn(
    img,
    (l[21]![0] + l[22]![0]) / 2,
    (l[21]![1] + l[22]![1]) / 2 - 0.12 * d,
    0.1 * d,
    0.06 * d,
  );
  const cheekL = statsIn(img, l[36]![0] - 0.02 * d, l[36]![1] + 0.22 * d, 0.06 * d, 0.05 * d);
  const cheekR = statsIn(img, l[45]![0] + 0.02 * d, l[45]![1] + 0.22 * d, 0.06 * d, 0.05 * d);
  const refs = [brow, cheekL, cheekR].filter((s): s is Stats => s !== undefined);
  if (!refs.length) return undefined;
  const skin: Stats = {
    luma: refs.reduce((s, r) => s + r.luma, 0) / refs.length,
    cb: refs.reduce((s, r) => s + r.cb, 0) / refs.length,
    cr: refs.reduce((s, r) => s + r.cr, 0) / refs.length,
    sd: 0,
  };
  const lower = statsIn(img, (l[48]![0] + l[54]![0]) / 2, (l[57]![1] + l[8]![1]) / 2, 0.3 * d, 0.15 * d);
  const eyes = [36, 42].map((i) => {
    const cx = (l[i]![0] + l[i + 3]![0]) / 2;
    const cy = (l[i]![1] + l[i + 3]![1]) / 2;
    return statsIn(img, cx, cy, 0.16 * d, 0.08 * d);
  });
  if (!lower || !eyes[0] || !eyes[1]) return undefined;
  return {
    lowerChroma: chromaDistance(lower, skin),
    lowerLuma: lower.luma / (skin.luma || 1),
    eyeLuma: (eyes[0].luma + eyes[1].luma) / 2 / (skin.luma || 1),
    eyeSd: (eyes[0].sd + eyes[1].sd) / 2,
  };
}

export interface OcclusionLimits {
  readonly maxLowerChroma: number;
  readonly lowerLuma: readonly [number, number];
  readonly minEyeLuma: number;
  readonly minEyeSd: number;
}

/**
 * Measured on 11 emulated subjects (5 of faces, 6 of faces-lfw), each bare, masked and in
 * sunglasses: lower-face chroma distance bare ≤ 11.0, masked ≥ 14.8; eye luma over skin bare
 * ≥ 0.37 and eye spread ≥ 21.9, in sunglasses ≤ 0.22 and ≤ 10.1.
 */
export const DEFAULT_OCCLUSION: OcclusionLimits = {
  maxLowerChroma: 13,
  lowerLuma: [0.3, 2],
  minEyeLuma: 0.3,
  minEyeSd: 16,
};

export function detectOcclusion(
  img: RgbImage,
  l: readonly Point[],
  limits: OcclusionLimits = DEFAULT_OCCLUSION,
): Occlusion | undefined {
  const m = occlusionMeasures(img, l);
  if (!m) return undefined;
  if (
    m.lowerChroma > limits.maxLowerChroma ||
    m.lowerLuma < limits.lowerLuma[0] ||
    m.lowerLuma > limits.lowerLuma[1]
  )
    return 'mask';
  if (m.eyeLuma < limits.minEyeLuma && m.eyeSd < limits.minEyeSd) return 'sunglasses';
  return undefined;
}

export interface BareFaceWait {
  /** Until this is aborted (the session cancelled): the result is then `{ bare: false }`. */
  readonly signal?: AbortSignal;
  /**
   * The wait is `timeoutMs` on the frames' clock (their timestamps) when they carry one; the
   * wall clock is a backstop of this many ms (default `timeoutMs`).
   */
  readonly wallTimeoutMs?: number;
  readonly onOcclusion?: (o: Occlusion) => void;
}

/** The camera's next frame, or undefined as soon as `signal` aborts. */
function nextOrAbort<F>(next: Promise<F>, signal?: AbortSignal): Promise<F | undefined> {
  if (!signal) return next;
  if (signal.aborted) {
    next.catch(() => {});
    return Promise.resolve(undefined);
  }
  return new Promise<F | undefined>((resolve, reject) => {
    const onAbort = (): void => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    next.then(
      (f) => {
        signal.removeEventListener('abort', onAbort);
        resolve(f);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) resolve(undefined);
        else reject(e);
      },
    );
  });
}

/**
 * Frames until one shows a bare face (or the time is up): each covered one asks the patient to
 * uncover it, at most once per kind. An attempt starts, and counts, only after this. A camera
 * that sends no frame at all in the whole wait has failed: its error is thrown, not taken for
 * the patient's timeout (a working camera sends frames whether or not anyone stands there).
 */
export async function awaitBareFace(
  camera: {
    nextFrame(
      timeoutMs: number,
    ): Promise<{ width: number; height: number; data: Uint8Array; timestampMs?: number }>;
  },
  detect: (img: RgbImage) => Promise<readonly { landmarks: readonly Point[] }[]>,
  timeoutMs: number,
  o: BareFaceWait = {},
): Promise<{ bare: boolean; asked: Occlusion[] }> {
  const deadline = performance.now() + (o.wallTimeoutMs ?? timeoutMs);
  const asked: Occlusion[] = [];
  let frames = 0;
  let first: number | undefined;
  while (performance.now() < deadline && !o.signal?.aborted) {
    let f: { width: number; height: number; data: Uint8Array; timestampMs?: number } | undefined;
    try {
      // One frame is never waited for longer than the whole wait: a dead camera is found as soon.
      const left = Math.min(timeoutMs, deadline - performance.now());
      f = await nextOrAbort(camera.nextFrame(Math.max(1, left)), o.signal);
    } catch (e) {
      // Frames came, then none in the wait's last sliver: the wait is over, the camera works.
      if (frames > 0) break;
      throw e;
    }
    if (!f) break;
    frames++;
    if (f.timestampMs !== undefined) {
      first ??= f.timestampMs;
      if (f.timestampMs - first > timeoutMs) break;
    }
    const img = { width: f.width, height: f.height, data: f.data };
    // A detect the session's abort rejects (the worker's calls carry its signal) ends the wait
    // as the abort does: `{ bare: false }`.
    let faces: readonly { landmarks: readonly Point[] }[];
    try {
      faces = await detect(img);
    } catch (e) {
      if (o.signal?.aborted) break;
      throw e;
    }
    const face = faces[0];
    if (!face) continue;
    const occ = detectOcclusion(img, face.landmarks);
    if (!occ) return { bare: true, asked };
    if (!asked.includes(occ)) {
      asked.push(occ);
      o.onOcclusion?.(occ);
    }
  }
  return { bare: false, asked };
}
