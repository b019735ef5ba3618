// The face models in a worker thread, behind the same FaceMatcher seam: detection, alignment
// and embedding (~100–300 ms of wasm per frame) no longer block the event loop that serves the
// card module's ACK timeouts, MQTT and the kiosk. Comparing two descriptors is a few hundred
// multiply-adds and stays on the calling thread, done by an unloaded instance of the same
// matcher class, so the scores are the ones the worker's matcher would give.
import { Worker } from 'node:worker_threads';
import type { RgbImage } from '../../device/image/decode.js';
import { ErrorCode, type ErrorCode as ErrorCodeT, ReaderError } from '../../protocol/errors.js';
import type { FaceFound, FaceMatcher } from './face-matcher.js';
import type { FaceRequest, FaceResponse } from './face-worker-protocol.js';
import { createMatcher, type MatcherId, type MatcherOptions } from './matchers.js';

type Pending = { resolve: (r: FaceResponse) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };
type Op = FaceRequest['op'];

export interface WorkerMatcherOptions extends MatcherOptions {
  /** Time for loading the models in the worker, ms. */
  readonly loadTimeoutMs?: number;
  /** Time for one detect (queued behind earlier ones), ms. */
  readonly detectTimeoutMs?: number;
}

export class WorkerFaceMatcher implements FaceMatcher {
  readonly name: string;
  readonly modelId?: string;
  readonly version?: string;
  readonly threshold: number;
  private readonly local: FaceMatcher;
  private worker?: Worker;
  private loading?: Promise<void>;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly id: MatcherId = 'fr-onnx',
    private readonly opts: WorkerMatcherOptions = {},
  ) {
    this.local = createMatcher(id, { threshold: opts.threshold });
    this.name = this.local.name;
    this.modelId = this.local.modelId;
    this.version = this.local.version;
    this.threshold = this.local.threshold;
  }

  load(): Promise<void> {
    this.loading ??= this.start().catch((e: unknown) => {
      this.loading = undefined;
      throw e;
    });
    return this.loading;
  }

  private async start(): Promise<void> {
    const worker = new Worker(new URL('./face-worker.mjs', import.meta.url), {
      workerData: { id: this.id, options: { threshold: this.opts.threshold } },
    });
    this.worker = worker;
    worker.on('message', (res: FaceResponse) => {
      const p = this.pending.get(res.seq);
      if (!p) return;
      this.pending.delete(res.seq);
      clearTimeout(p.timer);
      p.resolve(res);
    });
    const fail = (e: Error) => {
      this.worker = undefined;
      this.loading = undefined;
      for (const [seq, p] of this.pending) {
        clearTimeout(p.timer);
        this.pending.delete(seq);
        p.reject(
          new ReaderError(
            ErrorCode.Vision_Worker,
            `the face-model worker failed: ${e.message}`,
            {},
            { cause: e },
          ),
        );
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
    await this.request({ op: 'load' }, this.opts.loadTimeoutMs ?? 180_000);
  }

  private async request(
    req: { op: Op } & Partial<FaceRequest>,
    timeoutMs: number,
    transfer: ArrayBuffer[] = [],
  ): Promise<FaceResponse> {
    const worker = this.worker;
    if (!worker) throw new ReaderError(ErrorCode.Vision_Model, 'WorkerFaceMatcher.load() first');
    const seq = ++this.seq;
    // Registered before the message goes out: a fast answer cannot slip past.
    const res = await new Promise<FaceResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(seq);
        reject(
          new ReaderError(
            ErrorCode.Op_Timeout,
            `the face-model worker did not answer ${req.op} within ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      this.pending.set(seq, { resolve, reject, timer });
      worker.postMessage({ ...req, seq }, transfer);
    });
    if (!res.ok)
      throw new ReaderError((res.error.code ?? ErrorCode.Vision_Worker) as ErrorCodeT, res.error.message);
    return res;
  }

  async detect(image: RgbImage, purpose: 'live' | 'reference' = 'reference'): Promise<FaceFound[]> {
    // A copy goes to the worker (moved, not cloned twice): the caller keeps its frame for the
    // quality checks.
    const data = new Uint8Array(image.data);
    const res = await this.request(
      { op: 'detect', image: { width: image.width, height: image.height, data }, purpose },
      this.opts.detectTimeoutMs ?? 30_000,
      [data.buffer],
    );
    return res.ok ? (res.faces ?? []) : [];
  }

  similarity(a: Float32Array, b: Float32Array): number {
    return this.local.similarity(a, b);
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    await this.request({ op: 'dispose' }, 10_000).catch(() => undefined);
    this.worker = undefined;
    this.loading = undefined;
    await worker.terminate();
  }
}
