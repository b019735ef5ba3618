// Inside the face worker thread: the matcher named in workerData and, when asked, the eye-state
// model, both on this thread's one onnxruntime-web instance (one wasm heap, not one per thread),
// answering load / detect / eyes / dispose one at a time (worker-serve.ts).
import { workerData } from 'node:worker_threads';
import type { FaceRequest, FaceWorkerData } from './face-worker-protocol.js';
import { EyeStateModel } from './liveness-models.js';
import { createMatcher, isMatcherId } from './matchers.js';
import { serveRequests } from './worker-serve.js';

const data = workerData as FaceWorkerData;
if (!isMatcherId(data.id)) throw new Error(`no face matcher ${data.id}`);
const matcher = createMatcher(data.id, data.options);
const eyes = data.eyes ? new EyeStateModel() : undefined;

serveRequests<FaceRequest>({
  load: async () => {
    await Promise.all([matcher.load(), eyes?.load()]);
    return undefined;
  },
  detect: async (req) => ({ faces: await matcher.detect(req.image, req.purpose) }),
  locate: async (req) => {
    if (!matcher.locate) throw new Error(`face matcher ${data.id} cannot locate without embedding`);
    return { faces: await matcher.locate(req.image, 'live') };
  },
  'landmarks-in': async (req) => {
    if (!matcher.landmarksIn) throw new Error(`face matcher ${data.id} cannot track`);
    return { face: await matcher.landmarksIn(req.image, req.box) };
  },
  embed: async (req) => {
    if (!matcher.embed) throw new Error(`face matcher ${data.id} cannot embed a located face`);
    return { descriptor: await matcher.embed(req.image, req.face) };
  },
  eyes: async (req) => {
    if (!eyes) throw new Error('this face worker has no eye-state model (workerData.eyes)');
    return { closed: await eyes.closed(req.image, req.landmarks) };
  },
  dispose: async () => {
    await Promise.all([matcher.dispose(), eyes?.dispose()]);
    return undefined;
  },
});
