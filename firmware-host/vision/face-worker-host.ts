// Inside the worker thread: the matcher named in workerData, answering load / detect / dispose
// requests from WorkerFaceMatcher one at a time. Images and descriptors cross only this
// message port, never a log: an error answer carries the code and message, no pixels.
import { parentPort, workerData } from 'node:worker_threads';
import { isReaderError } from '../../protocol/errors.js';
import type { FaceRequest, FaceResponse } from './face-worker-protocol.js';
import { createMatcher, type MatcherId, type MatcherOptions } from './matchers.js';

const { id, options } = workerData as { id: MatcherId; options: MatcherOptions };
const matcher = createMatcher(id, options);
const port = parentPort!;

let queue = Promise.resolve();
port.on('message', (req: FaceRequest) => {
  queue = queue.then(async () => {
    let res: FaceResponse;
    try {
      if (req.op === 'load') {
        await matcher.load();
        res = { seq: req.seq, ok: true };
      } else if (req.op === 'detect') {
        const faces = await matcher.detect(req.image, req.purpose);
        res = { seq: req.seq, ok: true, faces };
      } else {
        await matcher.dispose();
        res = { seq: req.seq, ok: true };
      }
    } catch (e) {
      res = {
        seq: req.seq,
        ok: false,
        error: { code: isReaderError(e) ? e.code : undefined, message: (e as Error).message },
      };
    }
    port.postMessage(res);
  });
});
