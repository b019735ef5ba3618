// Inside the card-face worker thread: one CardFaceReader (its tesseract.js worker and the digit
// templates), answering open / init / read / decode / close one at a time (worker-serve.ts). The
// OCR loads on init, not at the thread's start: the chip photo's decode does not wait for it,
// nor fail with it.
import { decodeImage } from '../../device/image/decode.js';
import { ErrorCode, isReaderError, ReaderError } from '../../protocol/errors.js';
import { CardFaceReader } from './card-face-reader.js';
import type { CardFaceRequest } from './card-face-worker-protocol.js';
import { threadMemory, trackWasmMemories } from './thread-memory.js';
import { serveRequests } from './worker-serve.js';

// The memory report names this thread's wasm memories (OpenJPEG's; tesseract's are in its own worker).
trackWasmMemories();
const reader = new CardFaceReader();
const counts = { readsAnswered: 0, readsCanceled: 0 };

serveRequests<CardFaceRequest>(
  {
    open: async () => undefined,
    init: async () => {
      await reader.init();
      return undefined;
    },
    read: async (req, signal) => {
      if (req.width && req.height && req.image.byteLength !== req.width * req.height * 3)
        throw new ReaderError(
          ErrorCode.Camera_Failed,
          `the card-face camera's frame is ${req.image.byteLength} bytes, not ${req.width}×${req.height} RGB: check the camera's pixel format`,
        );
      const frame =
        req.width && req.height
          ? { width: req.width, height: req.height, data: req.image }
          : Buffer.from(req.image.buffer, req.image.byteOffset, req.image.byteLength);
      try {
        const read = await reader.read(frame, signal);
        counts.readsAnswered++;
        return { read };
      } catch (e) {
        if (isReaderError(e) && e.code === ErrorCode.Op_Canceled) counts.readsCanceled++;
        throw e;
      }
    },
    stats: async () => ({ ...counts }),
    memory: async () => ({ ...threadMemory() }),
    decode: async (req) => ({ image: await decodeImage(req.bytes) }),
    close: async () => {
      await reader.close();
      return undefined;
    },
  },
  (op) => {
    if (op === 'read') counts.readsCanceled++;
  },
);
