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

export interface FaceMatcher {
  /** Model name and version, carried in the result's FaceEvidence.matcher. */
  readonly name: string;
  load(): Promise<void>;
  /**
   * Every face in the image, largest first. `live` frames (the face camera, many per second)
   * may use a faster detector than the `reference` photo (the chip's, once per session).
   */
  detect(image: RgbImage, purpose?: 'live' | 'reference'): Promise<FaceFound[]>;
  /** Similarity of two descriptors in [0, 1]; higher is more alike. */
  similarity(a: Float32Array, b: Float32Array): number;
  /** The threshold chosen from the ROC (docs/face-threshold.md). */
  readonly threshold: number;
  dispose(): void;
}
