// Requests from WorkerCardFaceReader (main thread) to card-face-worker-host.ts (the worker);
// a read's answer carries `read` as worker-serve.ts sends it.
export type CardFaceRequest =
  /** The thread's first request: nothing loaded, so decode needs no OCR. */
  | { readonly op: 'open' }
  /** tesseract.js and the digit templates; again once loaded: answered at once. */
  | { readonly op: 'init' }
  /** An encoded picture, or raw RGB when width and height are given (a camera frame as it is). */
  | { readonly op: 'read'; readonly image: Uint8Array; readonly width?: number; readonly height?: number }
  /** The chip photo (JPEG 2000) to RGB: read right after 照合番号B, while this worker is free. */
  | { readonly op: 'decode'; readonly bytes: Uint8Array }
  /** How many reads ended with an answer, and how many were stopped by a cancel. */
  | { readonly op: 'stats' }
  /** This thread's heap and wasm memories (thread-memory.ts): readerd's memory report. */
  | { readonly op: 'memory' }
  | { readonly op: 'close' };
