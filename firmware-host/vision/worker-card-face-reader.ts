// The card-face reader in a worker thread, behind the same init / read / close: locating the
// card and matching the digit templates (up to ~90 ms at a time on this event loop, measured)
// no longer delay the card module's ACK timeouts, MQTT or the kiosk, and the PIN path's card
// I/O is not held up by a 照合番号B read started ahead of it.
import { Worker } from 'node:worker_threads';
import { canceled, untilAborted } from '../../platform/abortable.js';
import { ErrorCode, type ErrorCode as ErrorCodeT, ReaderError } from '../../protocol/errors.js';
import type { CardFaceRead } from './card-face-reader.js';
import type { CardFaceRequest, CardFaceResponse } from './card-face-worker-protocol.js';

type Pending = { resolve: (r: CardFaceResponse) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

export interface WorkerCardFaceReaderOptions {
  /** Time for the tesseract worker and the templates to be ready, ms. */
  readonly initTimeoutMs?: number;
  /** Time for one read (queued behind earlier ones), ms. */
  readonly readTimeoutMs?: number;
}

export class WorkerCardFaceReader {
  private worker?: Worker;
  private starting?: Promise<void>;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly opts: WorkerCardFaceReaderOptions = {}) {}

  init(): Promise<void> {
    this.starting ??= this.start().catch((e: unknown) => {
      this.starting = undefined;
      throw e;
    });
    return this.starting;
  }

  private async start(): Promise<void> {
    const worker = new Worker(new URL('./card-face-worker.mjs', import.meta.url));
    this.worker = worker;
    worker.on('message', (res: CardFaceResponse) => {
      const p = this.pending.get(res.seq);
      if (!p) return;
      this.pending.delete(res.seq);
      clearTimeout(p.timer);
      p.resolve(res);
    });
    const fail = (e: Error): void => {
      this.worker = undefined;
      this.starting = undefined;
      for (const [seq, p] of this.pending) {
        clearTimeout(p.timer);
        this.pending.delete(seq);
        p.reject(
          new ReaderError(
            ErrorCode.Vision_Worker,
            `the card-face worker failed: ${e.message}`,
            {},
            { cause: e },
          ),
        );
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
    await this.request({ op: 'init' }, this.opts.initTimeoutMs ?? 180_000);
  }

  private async request(
    req: { op: CardFaceRequest['op'] } & Partial<CardFaceRequest>,
    timeoutMs: number,
    transfer: ArrayBuffer[] = [],
    signal?: AbortSignal,
  ): Promise<CardFaceResponse> {
    const worker = this.worker;
    if (!worker) throw new ReaderError(ErrorCode.Vision_Model, 'WorkerCardFaceReader.init() first');
    if (signal?.aborted) throw canceled(`the card-face ${req.op}`);
    const seq = ++this.seq;
    // Registered before the message goes out: a fast answer cannot slip past.
    const res = await new Promise<CardFaceResponse>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const timer = setTimeout(() => {
        this.pending.delete(seq);
        done();
        reject(
          new ReaderError(
            ErrorCode.Op_Timeout,
            `the card-face worker did not answer ${req.op} within ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      // Aborted: the caller is answered now; the worker's late answer finds no pending entry
      // and is dropped.
      const onAbort = (): void => {
        this.pending.delete(seq);
        done();
        reject(canceled(`the card-face ${req.op}`));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(seq, {
        resolve: (r) => {
          done();
          resolve(r);
        },
        reject: (e) => {
          done();
          reject(e);
        },
        timer,
      });
      worker.postMessage({ ...req, seq }, transfer);
    });
    if (!res.ok)
      throw new ReaderError((res.error.code ?? ErrorCode.Vision_Worker) as ErrorCodeT, res.error.message);
    return res;
  }

  /** Rejects with Op_Canceled at once when `signal` aborts; the worker's late answer is dropped. */
  async read(image: Buffer, signal?: AbortSignal): Promise<CardFaceRead> {
    await untilAborted(this.init(), signal, 'the card-face worker start');
    // A copy is moved to the worker: the caller's buffer may be a view of a pooled one.
    const data = new Uint8Array(image);
    const res = await this.request(
      { op: 'read', image: data },
      this.opts.readTimeoutMs ?? 30_000,
      [data.buffer],
      signal,
    );
    return res.ok && res.read ? res.read : { ok: false, reason: 'the card-face worker gave no answer' };
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    await this.request({ op: 'close' }, 10_000).catch(() => undefined);
    this.worker = undefined;
    this.starting = undefined;
    await worker.terminate();
  }
}
