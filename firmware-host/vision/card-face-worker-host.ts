// Inside the card-face worker thread: one CardFaceReader (its tesseract.js worker and the digit
// templates), answering init / read / close one at a time. 照合番号B crosses only this message
// port, never a log: an error answer carries the code and message.
import { parentPort } from 'node:worker_threads';
import { isReaderError } from '../../protocol/errors.js';
import { CardFaceReader } from './card-face-reader.js';
import type { CardFaceRequest, CardFaceResponse } from './card-face-worker-protocol.js';

const reader = new CardFaceReader();
const port = parentPort!;

let queue = Promise.resolve();
port.on('message', (req: CardFaceRequest) => {
  queue = queue.then(async () => {
    let res: CardFaceResponse;
    try {
      if (req.op === 'init') {
        await reader.init();
        res = { seq: req.seq, ok: true };
      } else if (req.op === 'read') {
        res = { seq: req.seq, ok: true, read: await reader.read(Buffer.from(req.image)) };
      } else {
        await reader.close();
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
