// The worker thread's end of worker-rpc.ts: requests handled one at a time in arrival order,
// each answered with its seq and the handler's payload, or its error's code and message (never
// the request's pixels or digits: images, descriptors and 照合番号B cross only this port).
import { parentPort } from 'node:worker_threads';
import { ErrorCode, isReaderError, ReaderError } from '../../protocol/errors.js';

export type WorkerAnswer =
  | { readonly seq: number; readonly ok: true; readonly value?: Record<string, unknown> }
  | { readonly seq: number; readonly ok: false; readonly error: { code?: number; message: string } };

/**
 * The main thread's word that it no longer waits for request `seq` (its caller aborted): the
 * request is dropped if still queued, and its handler's signal aborts if it runs.
 */
export interface CancelRequest {
  readonly op: '$cancel';
  readonly seq: number;
}

type Handlers<Req extends { readonly op: string }> = {
  readonly [K in Req['op']]: (
    req: Extract<Req, { op: K }>,
    signal: AbortSignal,
  ) => Promise<Record<string, unknown> | undefined>;
};

export function serveRequests<Req extends { readonly op: string }>(
  handlers: Handlers<Req>,
  /** A request canceled while still queued: dropped before its handler ran (for the host's counts). */
  onDropped?: (op: Req['op']) => void,
): void {
  const port = parentPort!;
  let queue = Promise.resolve();
  /** The requests queued or running, by seq: what a cancel aborts. */
  const live = new Map<number, AbortController>();
  port.on('message', (req: (Req & { readonly seq: number }) | CancelRequest) => {
    if (req.op === '$cancel') {
      live.get(req.seq)?.abort();
      return;
    }
    const ac = new AbortController();
    live.set(req.seq, ac);
    queue = queue.then(async () => {
      let res: WorkerAnswer;
      try {
        if (ac.signal.aborted) {
          onDropped?.(req.op as Req['op']);
          throw new ReaderError(ErrorCode.Op_Canceled, `${req.op} was canceled before it ran`, {
            canceled: true,
          });
        }
        const handle = handlers[req.op as Req['op']] as (
          r: Req,
          signal: AbortSignal,
        ) => Promise<Record<string, unknown> | undefined>;
        res = { seq: req.seq, ok: true, value: (await handle(req as Req, ac.signal)) ?? undefined };
      } catch (e) {
        res = {
          seq: req.seq,
          ok: false,
          error: { code: isReaderError(e) ? e.code : undefined, message: (e as Error).message },
        };
      }
      live.delete(req.seq);
      try {
        port.postMessage(res);
      } catch (e) {
        // An answer that cannot be sent (a value that does not clone) is answered as an error:
        // a throw here would leave the queue rejected and every later request unrun.
        port.postMessage({ seq: req.seq, ok: false, error: { message: (e as Error).message } });
      }
    });
  });
}
