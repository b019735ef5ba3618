// A 1:1 face matcher behind an interface, so a vendor engine can replace the npm models.
import type { RgbImage } from '../../device/image/decode.js';

export interface FaceBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface FaceFound {
  readonly box: FaceBox;
  readonly score: number;
  /** 68 landmarks (x, y) in image coordinates. */
  readonly landmarks: readonly (readonly [number, number])[];
  readonly descriptor: Float32Array;
}

/** A face that counts, before it is embedded. */
export type LocatedFace = Omit<FaceFound, 'descriptor'>;

export interface FaceMatcher {
  /** Model id and version (and detector), carried in the result's FaceEvidence.matcher. */
  readonly name: string;
  /** The descriptor's model, e.g. `faceplugin-fr-feature`: descriptors of different ids never compare. */
  readonly modelId?: string;
  readonly version?: string;
  load(): Promise<void>;
  /**
   * The faces that count (face-select.ts: confident, not small, not at the edge), best first:
   * `[0]` is the face to match, `[]` means no face. `live` frames (the face camera, many per
   * second) may use a faster detector than the `reference` photo (the chip's, once per session).
   * `signal` aborted: Op_Canceled at the next step (detection, embedding) where the matcher can.
   */
  detect(image: RgbImage, purpose?: 'live' | 'reference', signal?: AbortSignal): Promise<FaceFound[]>;
  /**
   * The same faces as `detect`, without descriptors (no embedder pass): for measuring failures
   * to acquire over a whole set. Matchers without it are measured through `detect`.
   */
  locate?(image: RgbImage, purpose?: 'live' | 'reference', signal?: AbortSignal): Promise<LocatedFace[]>;
  /**
   * Tracking (face-tracker.ts): the landmarks of the face inside `box`, where it was a frame
   * ago, without a detector pass, and a located face's descriptor on its own. A matcher with
   * both (and `locate`) lets the liveness challenge detect and embed only every few frames.
   */
  landmarksIn?(image: RgbImage, box: FaceBox, signal?: AbortSignal): Promise<LocatedFace>;
  embed?(image: RgbImage, face: LocatedFace, signal?: AbortSignal): Promise<Float32Array>;
  /**
   * The same matcher whose every call carries `signal` (for callers that pass none): aborted, a
   * queued call is dropped and a running one stops at its next step (the worker matcher).
   */
  withSignal?(signal: AbortSignal): FaceMatcher;
  /** Similarity of two descriptors; higher is more alike (the scale is the matcher's: cosine, 1 − distance). */
  similarity(a: Float32Array, b: Float32Array): number;
  /** Accept at or above: the operating point chosen from the impostor distribution. */
  readonly threshold: number;
  dispose(): void | Promise<void>;
}
