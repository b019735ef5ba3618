// Inside the face worker thread: the matcher named in workerData and, when asked, the eye-state
// model, both on this thread's one onnxruntime-web instance (one wasm heap, not one per thread),
// answering load / detect / eyes / dispose one at a time (worker-serve.ts); a canceled detect
// stops before its embedding.
import { workerData } from 'node:worker_threads';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import type { FaceRequest, FaceWorkerData } from './face-worker-protocol.js';
import { EyeStateModel } from './liveness-models.js';
import { createMatcher, isMatcherId } from './matchers.js';
import { threadMemory, trackWasmMemories } from './thread-memory.js';
import { serveRequests } from './worker-serve.js';

// Before onnxruntime-web makes its wasm memory (at load): the memory report names its size.
trackWasmMemories();
const data = workerData as FaceWorkerData;
if (!isMatcherId(data.id)) throw new Error(`no face matcher ${data.id}`);
const matcher = createMatcher(data.id, data.options);
const eyes = data.eyes ? new EyeStateModel() : undefined;

/** Model calls answered, and stopped by a cancel (dropped while queued, or at a step). */
const counts = { answered: 0, canceled: 0 };
const MODEL_OPS: ReadonlySet<string> = new Set(['detect', 'locate', 'landmarks-in', 'embed', 'eyes']);

/** A model call, counted: answered, or canceled (Op_Canceled from its step). */
async function counted<T>(work: Promise<T>): Promise<T> {
  try {
    const v = await work;
    counts.answered++;
    return v;
  } catch (e) {
    if (isReaderError(e) && e.code === ErrorCode.Op_Canceled) counts.canceled++;
    throw e;
  }
}

serveRequests<FaceRequest>(
  {
    load: async () => {
      await Promise.all([matcher.load(), eyes?.load()]);
      return undefined;
    },
    detect: async (req, signal) => ({ faces: await counted(matcher.detect(req.image, req.purpose, signal)) }),
    locate: async (req) => {
      if (!matcher.locate) throw new Error(`face matcher ${data.id} cannot locate without embedding`);
      return { faces: await counted(matcher.locate(req.image, 'live')) };
    },
    'landmarks-in': async (req) => {
      if (!matcher.landmarksIn) throw new Error(`face matcher ${data.id} cannot track`);
      return { face: await counted(matcher.landmarksIn(req.image, req.box)) };
    },
    embed: async (req) => {
      if (!matcher.embed) throw new Error(`face matcher ${data.id} cannot embed a located face`);
      return { descriptor: await counted(matcher.embed(req.image, req.face)) };
    },
    eyes: async (req) => {
      if (!eyes) throw new Error('this face worker has no eye-state model (workerData.eyes)');
      return { closed: await counted(eyes.closed(req.image, req.landmarks)) };
    },
    stats: async () => ({ ...counts }),
    memory: async () => ({ ...threadMemory() }),
    dispose: async () => {
      await Promise.all([matcher.dispose(), eyes?.dispose()]);
      return undefined;
    },
  },
  (op) => {
    if (MODEL_OPS.has(op)) counts.canceled++;
  },
);
