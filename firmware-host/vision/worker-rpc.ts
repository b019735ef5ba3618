// The main thread's end of a vision worker thread (the face models, the card-face reader): one
// request at a time answered by seq, each with its timeout and, if given, an AbortSignal; a
// worker that dies fails every waiting request with Vision_Worker, and the next start() spawns
// a fresh one. Only the RPC lives here; what the requests mean is the callers'.
import { Worker } from 'node:worker_threads';
import { canceled } from '../../platform/abortable.js';
import { ErrorCode, type ErrorCode as ErrorCodeT, ReaderError } from '../../protocol/errors.js';
import type { WorkerAnswer } from './worker-serve.js';

type Pending = { resolve: (r: WorkerAnswer) => void; reject: (e: Error) => void };

/**
 * The worker's host module beside `callerUrl` with the caller's own extension: `.ts` when
 * readerd runs from its sources (tests, development), `.js` in the built readerd.
 */
export function workerHost(callerUrl: string, name: string): URL {
  return new URL(`./${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);
}

export interface WorkerRpcOptions {
  /** How errors name the worker: "the face-model worker". */
  readonly what: string;
  /** The host module (workerHost()). */
  readonly host: URL;
  readonly workerData?: Record<string, unknown>;
  /** Thrown by request() before start(): names the caller's own method. */
  readonly notStarted: string;
}

export class WorkerRpc<Req extends { readonly op: string }> {
  private worker?: Worker;
  private starting?: Promise<void>;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly o: WorkerRpcOptions) {}

  /** A worker is running (started, not failed or closed). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Resolves when a start in progress has ended, either way (at once when none is). */
  async startSettled(): Promise<void> {
    await this.starting?.catch(() => {});
  }

  /** Spawns the worker and sends it `first` (its load/init); once, until it fails or is closed. */
  start(first: Req, timeoutMs: number): Promise<void> {
    if (!this.starting) {
      const starting: Promise<void> = this.spawn(first, timeoutMs).catch((e: unknown) => {
        // Only this start's own: a worker dying mid-start lets a new start() begin before this.
        if (this.starting === starting) this.starting = undefined;
        throw e;
      });
      this.starting = starting;
    }
    return this.starting;
  }

  private async spawn(first: Req, timeoutMs: number): Promise<void> {
    const { host } = this.o;
    // From the sources the worker needs tsx registered in its own thread before the host loads.
    const worker = host.pathname.endsWith('.ts')
      ? new Worker(new URL('./tsx-worker.mjs', import.meta.url), {
          workerData: { ...this.o.workerData, host: host.href },
        })
      : new Worker(host, { workerData: this.o.workerData });
    this.worker = worker;
    worker.on('message', (res: WorkerAnswer) => {
      const p = this.pending.get(res.seq);
      if (!p) return; // timed out or aborted: nobody waits for it
      this.pending.delete(res.seq);
      p.resolve(res);
    });
    const fail = (e: Error): void => this.failed(worker, e);
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
    try {
      await this.request(first, timeoutMs);
    } catch (e) {
      // A worker whose load/init failed or timed out is ended here, not kept: left set, it
      // would count as running (a failed load never retried) and its thread, with whatever it
      // had loaded (tesseract.js, the models: ~70–95 MB), would outlive it; every later start()
      // would spawn another beside it.
      fail(e as Error);
      await worker.terminate();
      throw e;
    }
  }

  private failed(worker: Worker, e: Error): void {
    // An old worker's late exit (closed, then a new one started) concerns nobody now.
    if (this.worker !== undefined && this.worker !== worker) return;
    this.worker = undefined;
    this.starting = undefined;
    for (const [seq, p] of this.pending) {
      this.pending.delete(seq);
      p.reject(
        new ReaderError(ErrorCode.Vision_Worker, `${this.o.what} failed: ${e.message}`, {}, { cause: e }),
      );
    }
  }

  /**
   * Ends the thread now, without its own cleanup (one stuck in a request): every waiting
   * request fails with Vision_Worker, and the next start() spawns a fresh one.
   */
  async terminate(why: string): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.failed(worker, new Error(why));
    await worker.terminate();
  }

  /**
   * One request; its answer's payload, or the worker's error as a ReaderError with its code.
   * Aborted: rejected with Op_Canceled at once; the worker's late answer is dropped.
   */
  async request(
    req: Req,
    timeoutMs: number,
    transfer: ArrayBuffer[] = [],
    signal?: AbortSignal,
  ): Promise<Record<string, unknown>> {
    const worker = this.worker;
    if (!worker) throw new ReaderError(ErrorCode.Vision_Model, this.o.notStarted);
    const name = `${this.o.what.replace(/ worker$/, '')} ${req.op}`;
    if (signal?.aborted) throw canceled(name);
    const seq = ++this.seq;
    // Registered before the message goes out: a fast answer cannot slip past.
    const res = await new Promise<WorkerAnswer>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const timer = setTimeout(() => {
        this.pending.delete(seq);
        done();
        worker.postMessage({ op: '$cancel', seq });
        reject(
          new ReaderError(
            ErrorCode.Op_Timeout,
            `${this.o.what} did not answer ${req.op} within ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      const onAbort = (): void => {
        this.pending.delete(seq);
        done();
        // The worker drops it if queued, or its handler stops at its next step: not only ignored.
        worker.postMessage({ op: '$cancel', seq });
        reject(canceled(name));
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
      });
      worker.postMessage({ ...req, seq }, transfer);
    });
    if (!res.ok)
      throw new ReaderError((res.error.code ?? ErrorCode.Vision_Worker) as ErrorCodeT, res.error.message);
    return res.value ?? {};
  }

  /** Sends `last` (the host's own cleanup, errors ignored), then ends the thread. */
  async close(last: Req, timeoutMs = 10_000): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    await this.request(last, timeoutMs).catch(() => undefined);
    this.worker = undefined;
    this.starting = undefined;
    await worker.terminate();
  }
}
