// The card-face reader in a worker thread, behind the same init / read / close: locating the
// card and matching the digit templates (up to ~90 ms at a time on this event loop, measured)
// no longer delay the card module's ACK timeouts, MQTT or the kiosk, and the PIN path's card
// I/O is not held up by a 照合番号B read started ahead of it.

import type { RgbImage } from '../../device/image/decode.js';
import { untilAborted } from '../../platform/abortable.js';
import type { CardFaceRead } from './card-face-reader.js';
import type { CardFaceRequest } from './card-face-worker-protocol.js';
import type { RawFrame } from './card-locate.js';
import type { ThreadMemory } from './thread-memory.js';
import { WorkerRpc, workerHost } from './worker-rpc.js';

export interface WorkerCardFaceReaderOptions {
  /** Time for the tesseract worker and the templates to be ready, ms. */
  readonly initTimeoutMs?: number;
  /** Time for one read (queued behind earlier ones), ms. */
  readonly readTimeoutMs?: number;
  /**
   * The worker (its isolate, tesseract.js and its own worker, ~70–95 MB) ends after this long
   * without a read, and the next read starts it again (its init, ~2 s, added to that read).
   * Default: kept until close().
   */
  readonly idleCloseMs?: number;
}

export class WorkerCardFaceReader {
  private readonly rpc = new WorkerRpc<CardFaceRequest>({
    what: 'the card-face worker',
    host: workerHost(import.meta.url, 'card-face-worker-host'),
    notStarted: 'WorkerCardFaceReader.init() first',
  });
  private reading = 0;
  private idleTimer?: NodeJS.Timeout;
  /** An idle close under way: a read waits for it, then starts a fresh worker. */
  private idleClosing?: Promise<void>;

  constructor(private readonly opts: WorkerCardFaceReaderOptions = {}) {}

  /** The worker is running (started, and not ended by idleness, a failure or close). */
  get running(): boolean {
    return this.rpc.running;
  }

  /** The thread, and in it the OCR (tesseract.js, the digit templates): what read() needs. */
  async init(): Promise<void> {
    await this.started();
    try {
      // Answered at once when loaded already.
      await this.rpc.request({ op: 'init' }, this.opts.initTimeoutMs ?? 180_000);
    } catch (e) {
      // A failed or stuck OCR load ends the thread (a stuck one would hold its queue, a failed
      // one may leave tesseract's own worker behind); the next read or decode starts afresh.
      await this.rpc.terminate(`the OCR did not load: ${(e as Error).message}`);
      throw e;
    }
    this.armIdle();
  }

  /** The thread alone (what decode() needs): its start loads nothing. */
  private async started(): Promise<void> {
    await this.idleClosing;
    await this.rpc.start({ op: 'open' }, this.opts.readTimeoutMs ?? 30_000);
  }

  /**
   * An encoded picture, or a camera frame's raw RGB as it is (no encode here, no decode there).
   * Rejects with Op_Canceled at once when `signal` aborts; the worker is told, drops the read if
   * it is still queued or stops it at its next step, and its late answer is dropped.
   */
  async read(image: Buffer | RawFrame, signal?: AbortSignal): Promise<CardFaceRead> {
    this.reading++;
    clearTimeout(this.idleTimer);
    try {
      await untilAborted(this.init(), signal, 'the card-face worker start');
      // A copy is moved to the worker: the caller's buffer may be a view of a pooled one.
      const raw = Buffer.isBuffer(image) ? undefined : image;
      const data = new Uint8Array(raw ? raw.data : (image as Buffer));
      const res = await this.rpc.request(
        { op: 'read', image: data, ...(raw && { width: raw.width, height: raw.height }) },
        this.opts.readTimeoutMs ?? 30_000,
        [data.buffer],
        signal,
      );
      return (
        (res.read as CardFaceRead | undefined) ?? { ok: false, reason: 'the card-face worker gave no answer' }
      );
    } finally {
      this.reading--;
      this.armIdle();
    }
  }

  /**
   * A picture's bytes to RGB in this worker: the chip photo, whose JPEG 2000 decode (OpenJPEG
   * wasm, tens to hundreds of ms) would hold readerd's event loop. The photo is read after
   * 照合番号B, so this worker is free then, while the face worker is busy with live frames.
   */
  async decode(bytes: Uint8Array): Promise<RgbImage> {
    this.reading++;
    clearTimeout(this.idleTimer);
    try {
      // Not init(): the decode needs no OCR, and works when it does not load.
      await this.started();
      const copy = new Uint8Array(bytes);
      const res = await this.rpc.request({ op: 'decode', bytes: copy }, this.opts.readTimeoutMs ?? 30_000, [
        copy.buffer,
      ]);
      return res.image as RgbImage;
    } finally {
      this.reading--;
      this.armIdle();
    }
  }

  /** The worker's read counts: answered, and stopped by a cancel (queued, or at a step). */
  async stats(): Promise<{ readsAnswered: number; readsCanceled: number }> {
    const res = await this.rpc.request({ op: 'stats' }, this.opts.readTimeoutMs ?? 30_000);
    return res as { readsAnswered: number; readsCanceled: number };
  }

  /** The worker thread's heap and wasm memories, if it is running (this starts nothing). */
  async memory(): Promise<ThreadMemory | undefined> {
    if (!this.rpc.running) return undefined;
    return (await this.rpc.request(
      { op: 'memory' },
      this.opts.readTimeoutMs ?? 30_000,
    )) as unknown as ThreadMemory;
  }

  private armIdle(): void {
    const ms = this.opts.idleCloseMs;
    clearTimeout(this.idleTimer);
    if (ms === undefined || this.reading > 0) return;
    this.idleTimer = setTimeout(() => {
      if (this.reading > 0 || !this.rpc.running) return;
      this.idleClosing = this.rpc.close({ op: 'close' }).finally(() => {
        this.idleClosing = undefined;
      });
    }, ms);
    // An idle timer alone keeps no process alive.
    this.idleTimer.unref();
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    await this.idleClosing;
    await this.rpc.close({ op: 'close' });
  }
}
