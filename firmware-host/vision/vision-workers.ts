// The appliance's two vision workers. readerd builds them before its devices but loads their
// models only once it is ready (reader-composition.ts): loading them takes three threads of CPU
// for seconds, which on a two-core board is taken from the start itself. readerd is ready (its
// kiosk serves, cards start sessions) without them: a face frame or a card-face read that comes
// before they are loaded waits for them, the load started by whichever asks first
// (WorkerFaceMatcher.detect, WorkerCardFaceReader.read, each within its load timeout), and the
// PIN path needs neither.
import type { Logger } from '../../platform/log.js';
import type { EyeState } from './liveness-models.js';
import type { ThreadMemory } from './thread-memory.js';
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
  /**
   * Starts loading the face models and the OCR, once (a later call gets the same promise);
   * settles once they are loaded or failed (logged, and in state()), never rejects.
   */
  load(): Promise<void>;
  state(): ModelsState;
  /** Each running worker thread's heap and wasm memories (a worker not running: absent; none started). */
  memory(): Promise<{ readonly face?: ThreadMemory; readonly ocr?: ThreadMemory }>;
  close(): Promise<void>;
}

export interface VisionOptions {
  /** Load the eye-state model (the random challenge). */
  readonly eyes: boolean;
  readonly ocrIdleCloseMs?: number;
  readonly log: Logger;
}

/** The workers built, nothing spawned or loaded yet: load() (or a first request) does. */
export function visionWorkers(o: VisionOptions): VisionWorkers {
  // The shipped face matcher in a worker thread: a match must not stall the card module's
  // timeouts, MQTT or the kiosk on this event loop (README "Face matching").
  const matcher = new WorkerFaceMatcher('fr-onnx', { eyes: o.eyes });
  // The card-face reader too: its template matching would hold this loop up to ~90 ms a read.
  const reader = new WorkerCardFaceReader({ idleCloseMs: o.ocrIdleCloseMs ?? OCR_IDLE_CLOSE_MS });
  // "loading" until loaded: /healthz says the models are not there yet, whether or not the
  // load has begun.
  let state: ModelsState = 'loading';
  let loading: Promise<void> | undefined;
  const load = (): Promise<void> => {
    if (loading) return loading;
    const t0 = performance.now();
    o.log.info('vision models loading');
    loading = Promise.all([matcher.load(), reader.init()]).then(
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
    return loading;
  };
  return {
    matcher,
    reader,
    eyes: o.eyes ? matcher.eyeState() : undefined,
    load,
    state: () => state,
    memory: async () => {
      const [face, ocr] = await Promise.all([
        matcher.memory().catch(() => undefined),
        reader.memory().catch(() => undefined),
      ]);
      return { face, ocr };
    },
    close: async () => {
      await reader.close();
      await matcher.dispose();
    },
  };
}

/** The workers built and their models' load started now. */
export function startVisionWorkers(o: VisionOptions): VisionWorkers {
  const vision = visionWorkers(o);
  vision.load();
  return vision;
}
