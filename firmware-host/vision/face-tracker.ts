// The face followed from frame to frame during the liveness challenge: one full detection, then
// the landmark model alone on a crop around where the face was, with a full detection again
// every few frames or as soon as the face is lost. The challenge needs every frame's landmarks
// (its judgement is over the motion), but not every frame's detector pass (~35 ms of wasm on
// the shipped fr-onnx at 320×240) or embedding (~90 ms): the landmark model on a 64×64 crop
// costs a few ms. Embeddings come from the detection frames, spread over the whole challenge,
// so the face compared is still the face that turned and blinked.
import type { RgbImage } from '../../device/image/decode.js';
import type { FaceBox, FaceMatcher, LocatedFace } from './face-matcher.js';

/** What tracking needs of a matcher (fr-onnx has it, in-process and in the face worker). */
export interface TrackingMatcher {
  locate(image: RgbImage, purpose?: 'live' | 'reference'): Promise<LocatedFace[]>;
  landmarksIn(image: RgbImage, box: FaceBox): Promise<LocatedFace>;
  embed(image: RgbImage, face: LocatedFace): Promise<Float32Array>;
}

export function canTrack(m: Partial<FaceMatcher>): m is Partial<FaceMatcher> & TrackingMatcher {
  return (
    typeof m.locate === 'function' && typeof m.landmarksIn === 'function' && typeof m.embed === 'function'
  );
}

/**
 * A full detection (every face in the picture, and a descriptor) at least every this many frames:
 * a second person stepping in is seen within it, and a track that drifted is set right.
 */
export const REDETECT_EVERY = 4;

export interface TrackedFrame {
  /** The faces seen: every face on a detection frame, the followed one between. `[0]` is followed. */
  readonly faces: readonly LocatedFace[];
  /** A full detection ran on this frame (its `faces` are all the faces in the picture). */
  readonly detected: boolean;
  /** `faces[0]`'s descriptor, on detection frames. */
  readonly descriptor?: Float32Array;
}

type Point = readonly [number, number];

/** Where the landmarks sit: their centroid and vertical extent (brows to chin; a head turn keeps it). */
function extent(l: readonly Point[]): { cx: number; cy: number; span: number } {
  let sx = 0;
  let sy = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const [x, y] of l) {
    sx += x;
    sy += y;
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  return { cx: sx / l.length, cy: sy / l.length, span: Math.max(1e-6, hi - lo) };
}

/** The detector's box as a function of its landmarks, learnt on the last detection. */
interface BoxRule {
  readonly dx: number;
  readonly dy: number;
  readonly side: number;
}

function ruleOf(f: LocatedFace): BoxRule {
  const e = extent(f.landmarks);
  return {
    dx: (f.box.x + f.box.width / 2 - e.cx) / e.span,
    dy: (f.box.y + f.box.height / 2 - e.cy) / e.span,
    side: f.box.height / e.span,
  };
}

function boxOf(l: readonly Point[], r: BoxRule): FaceBox {
  const e = extent(l);
  const side = r.side * e.span;
  return {
    x: e.cx + r.dx * e.span - side / 2,
    y: e.cy + r.dy * e.span - side / 2,
    width: side,
    height: side,
  };
}

/**
 * The crop still holds the face: the landmarks it gave put the face's box about where the crop
 * was (same size within 30 %, centre within a third of a side) and inside the picture. A crop
 * the face has left gives landmarks of no face, which fail this or the next full detection.
 */
export function stillTracked(crop: FaceBox, next: FaceBox, width: number, height: number): boolean {
  const ratio = next.height / crop.height;
  const shift = Math.hypot(
    next.x + next.width / 2 - (crop.x + crop.width / 2),
    next.y + next.height / 2 - (crop.y + crop.height / 2),
  );
  const cx = next.x + next.width / 2;
  const cy = next.y + next.height / 2;
  return (
    ratio > 0.7 && ratio < 1.3 && shift < crop.height / 3 && cx > 0 && cx < width && cy > 0 && cy < height
  );
}

export class FaceTracker {
  private last?: LocatedFace;
  private rule?: BoxRule;
  private sinceDetection = 0;

  constructor(
    private readonly m: TrackingMatcher,
    private readonly every: number = REDETECT_EVERY,
  ) {}

  /** The next frame's faces: detected, or followed from the last frame's. */
  async next(image: RgbImage): Promise<TrackedFrame> {
    if (this.last && this.rule && this.sinceDetection < this.every - 1) {
      const crop = boxOf(this.last.landmarks, this.rule);
      const face = await this.m.landmarksIn(image, crop);
      const box = boxOf(face.landmarks, this.rule);
      if (stillTracked(crop, box, image.width, image.height)) {
        this.sinceDetection++;
        this.last = { ...face, box };
        return { faces: [this.last], detected: false };
      }
    }
    return this.detect(image);
  }

  private async detect(image: RgbImage): Promise<TrackedFrame> {
    this.sinceDetection = 0;
    const faces = await this.m.locate(image, 'live');
    const face = faces[0];
    this.last = face;
    this.rule = face ? ruleOf(face) : undefined;
    if (!face) return { faces, detected: true };
    return { faces, detected: true, descriptor: await this.m.embed(image, face) };
  }
}
