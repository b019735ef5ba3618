// The worker thread's end of worker-rpc.ts: requests handled one at a time in arrival order,
// each answered with its seq and the handler's payload, or its error's code and message (never
// the request's pixels or digits: images, descriptors and 照合番号B cross only this port).
import { parentPort } from 'node:worker_threads';
import { isReaderError } from '../../protocol/errors.js';

export type WorkerAnswer =
  | { readonly seq: number; readonly ok: true; readonly value?: Record<string, unknown> }
  | { readonly seq: number; readonly ok: false; readonly error: { code?: number; message: string } };

type Handlers<Req extends { readonly op: string }> = {
  readonly [K in Req['op']]: (req: Extract<Req, { op: K }>) => Promise<Record<string, unknown> | undefined>;
};

export function serveRequests<Req extends { readonly op: string }>(handlers: Handlers<Req>): void {
  const port = parentPort!;
  let queue = Promise.resolve();
  port.on('message', (req: Req & { readonly seq: number }) => {
    queue = queue.then(async () => {
      let res: WorkerAnswer;
      try {
        const handle = handlers[req.op as Req['op']] as (
          r: Req,
        ) => Promise<Record<string, unknown> | undefined>;
        res = { seq: req.seq, ok: true, value: (await handle(req)) ?? undefined };
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
}
