// A wait that ends the moment its signal aborts: for work that cannot itself be cancelled (a
// camera frame, an OCR read), so the caller is free at once; the work's late outcome is dropped.
import { ErrorCode, ReaderError } from '../protocol/errors.js';

export function canceled(what: string): ReaderError {
  return new ReaderError(ErrorCode.Op_Canceled, `${what} was canceled`, { canceled: true });
}

/** `p`, or a rejection with Op_Canceled as soon as `signal` aborts (already aborted: at once). */
export function untilAborted<T>(p: Promise<T>, signal: AbortSignal | undefined, what: string): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) {
    p.catch(() => {}); // nobody waits for it any more
    return Promise.reject(canceled(what));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      p.catch(() => {});
      reject(canceled(what));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/**
 * A step boundary of long work in a worker thread: one turn of the event loop (the main
 * thread's cancel is a message, delivered only between macrotasks, and wasm runs hold the
 * thread between them), then Op_Canceled if `signal` has aborted. Without a signal: nothing.
 */
export async function checkpoint(signal: AbortSignal | undefined, what: string): Promise<void> {
  if (!signal) return;
  await new Promise<void>((r) => setImmediate(r));
  if (signal.aborted) throw canceled(what);
}
