// Requests from WorkerFaceMatcher (main thread) to face-worker-host.ts (the worker); answers
// carry `faces` (detect, locate), `face` (landmarks-in), `descriptor` (embed) or `closed` (eyes) as worker-serve.ts sends them.
// A model call may be canceled (worker-serve.ts `$cancel`): dropped if queued, a detect stopped
// before its embedding.
import type { RgbImage } from '../../device/image/decode.js';
import type { FaceBox, LocatedFace } from './face-matcher.js';

export type FaceRequest =
  | { readonly op: 'load' }
  | { readonly op: 'detect'; readonly image: RgbImage; readonly purpose: 'live' | 'reference' }
  | {
      readonly op: 'eyes';
      readonly image: RgbImage;
      readonly landmarks: readonly (readonly [number, number])[];
    }
  /** Tracking (face-tracker.ts): detection without embedding, landmarks in a box, one embedding. */
  | { readonly op: 'locate'; readonly image: RgbImage }
  | { readonly op: 'landmarks-in'; readonly image: RgbImage; readonly box: FaceBox }
  | { readonly op: 'embed'; readonly image: RgbImage; readonly face: LocatedFace }
  /** How many model calls ended with an answer, and how many a cancel dropped or stopped. */
  | { readonly op: 'stats' }
  /** This thread's heap and wasm memories (thread-memory.ts): readerd's memory report. */
  | { readonly op: 'memory' }
  | { readonly op: 'dispose' };

/** What the main thread asks the worker to load beside the matcher (the same wasm runtime). */
export interface FaceWorkerData {
  readonly id: string;
  readonly options: { readonly threshold?: number };
  /** The eye-state model (blinks) of the random challenge. */
  readonly eyes?: boolean;
}
