// Requests from WorkerFaceMatcher (main thread) to face-worker-host.ts (the worker); answers
// carry `faces` (detect) or `closed` (eyes) as worker-serve.ts sends them.
import type { RgbImage } from '../../device/image/decode.js';

export type FaceRequest =
  | { readonly op: 'load' }
  | { readonly op: 'detect'; readonly image: RgbImage; readonly purpose: 'live' | 'reference' }
  | {
      readonly op: 'eyes';
      readonly image: RgbImage;
      readonly landmarks: readonly (readonly [number, number])[];
    }
  | { readonly op: 'dispose' };

/** What the main thread asks the worker to load beside the matcher (the same wasm runtime). */
export interface FaceWorkerData {
  readonly id: string;
  readonly options: { readonly threshold?: number };
  /** The eye-state model (blinks) of the random challenge. */
  readonly eyes?: boolean;
}
