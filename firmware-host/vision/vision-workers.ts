// The appliance's two vision workers, started first thing (before the broker and the devices),
// because loading their models is most of readerd's start. readerd is ready (its kiosk serves,
// cards start sessions) without waiting for them: a face frame or a card-face read that comes
// while they load waits for them (WorkerFaceMatcher.detect, WorkerCardFaceReader.read), and
// the PIN path needs neither.
import type { Logger } from '../../platform/log.js';
import type { EyeState } from './liveness-models.js';
import { WorkerCardFaceReader } from './worker-card-face-reader.js';
import { WorkerFaceMatcher } from './worker-face-matcher.js';

/**
 * The OCR worker ends after this long without a card-face read (readerd's memory when nobody
 * comes, issue 17); the first read after that starts it again, ~2 s on the 照合番号B branch.
 */
export const OCR_IDLE_CLOSE_MS = 10 * 60_000;

export type ModelsState = 'loading' | 'ready' | 'failed';

export interface VisionWorkers {
  readonly matcher: WorkerFaceMatcher;
  readonly reader: WorkerCardFaceReader;
  /** The random challenge's eye-state model, in the matcher's worker. */
  readonly eyes?: EyeState;
  /** Settles once the face models and the OCR are loaded (or failed: logged, and in state()). */
  readonly loaded: Promise<void>;
  state(): ModelsState;
  close(): Promise<void>;
}

export interface VisionOptions {
  /** Load the eye-state model (the random challenge). */
  readonly eyes: boolean;
  readonly ocrIdleCloseMs?: number;
  readonly log: Logger;
}

export function startVisionWorkers(o: VisionOptions): VisionWorkers {
  const t0 = performance.now();
  // The shipped face matcher in a worker thread: a match must not stall the card module's
  // timeouts, MQTT or the kiosk on this event loop (README "Face matching").
  const matcher = new WorkerFaceMatcher('fr-onnx', { eyes: o.eyes });
  // The card-face reader too: its template matching would hold this loop up to ~90 ms a read.
  const reader = new WorkerCardFaceReader({ idleCloseMs: o.ocrIdleCloseMs ?? OCR_IDLE_CLOSE_MS });
  let state: ModelsState = 'loading';
  const loaded = Promise.all([matcher.load(), reader.init()]).then(
    () => {
      state = 'ready';
      o.log.info('vision models loaded', { ms: Math.round(performance.now() - t0) });
    },
    (e: unknown) => {
      // Not fatal: the PIN path works without them, and the next face session tries again.
      state = 'failed';
      o.log.error('the vision models did not load: face sessions will try again', { error: e });
    },
  );
  return {
    matcher,
    reader,
    eyes: o.eyes ? matcher.eyeState() : undefined,
    loaded,
    state: () => state,
    close: async () => {
      await reader.close();
      await matcher.dispose();
    },
  };
}
