// Inside the card-face worker thread: one CardFaceReader (its tesseract.js worker and the digit
// templates), answering open / init / read / decode / close one at a time (worker-serve.ts). The
// OCR loads on init, not at the thread's start: the chip photo's decode does not wait for it,
// nor fail with it.
import { decodeImage } from '../../device/image/decode.js';
import { CardFaceReader } from './card-face-reader.js';
import type { CardFaceRequest } from './card-face-worker-protocol.js';
import { serveRequests } from './worker-serve.js';

const reader = new CardFaceReader();

serveRequests<CardFaceRequest>({
  open: async () => undefined,
  init: async () => {
    await reader.init();
    return undefined;
  },
  read: async (req) => ({ read: await reader.read(Buffer.from(req.image)) }),
  decode: async (req) => ({ image: await decodeImage(req.bytes) }),
  close: async () => {
    await reader.close();
    return undefined;
  },
});
