// The card-face reader in a worker thread, behind the same init / read / close: locating the
// card and matching the digit templates (up to ~90 ms at a time on this event loop, measured)
// no longer delay the card module's ACK timeouts, MQTT or the kiosk, and the PIN path's card
// I/O is not held up by a 照合番号B read started ahead of it.
import { untilAborted } from '../../platform/abortable.js';
import type { CardFaceRead } from './card-face-reader.js';
import type { CardFaceRequest } from './card-face-worker-protocol.js';
import { WorkerRpc, workerHost } from './worker-rpc.js';

export interface WorkerCardFaceReaderOptions {
  /** Time for the tesseract worker and the templates to be ready, ms. */
  readonly initTimeoutMs?: number;
  /** Time for one read (queued behind earlier ones), ms. */
  readonly readTimeoutMs?: number;
}

export class WorkerCardFaceReader {
  private readonly rpc = new WorkerRpc<CardFaceRequest>({
    what: 'the card-face worker',
    host: workerHost(import.meta.url, 'card-face-worker-host'),
    notStarted: 'WorkerCardFaceReader.init() first',
  });

  constructor(private readonly opts: WorkerCardFaceReaderOptions = {}) {}

  init(): Promise<void> {
    return this.rpc.start({ op: 'init' }, this.opts.initTimeoutMs ?? 180_000);
  }

  /** Rejects with Op_Canceled at once when `signal` aborts; the worker's late answer is dropped. */
  async read(image: Buffer, signal?: AbortSignal): Promise<CardFaceRead> {
    await untilAborted(this.init(), signal, 'the card-face worker start');
    // A copy is moved to the worker: the caller's buffer may be a view of a pooled one.
    const data = new Uint8Array(image);
    const res = await this.rpc.request(
      { op: 'read', image: data },
      this.opts.readTimeoutMs ?? 30_000,
      [data.buffer],
      signal,
    );
    return (
      (res.read as CardFaceRead | undefined) ?? { ok: false, reason: 'the card-face worker gave no answer' }
    );
  }

  close(): Promise<void> {
    return this.rpc.close({ op: 'close' });
  }
}
