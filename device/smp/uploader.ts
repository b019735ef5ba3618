// Pipelined image upload (SMP image group, command 1). Chunks are sized from the target's
// buffer, up to buf_count are kept in flight, the target's requested offset is followed, a
// lost chunk is sent again after a timeout, and an interrupted upload (cable pull, target
// reset) resumes where the target says it stands: the first-chunk fields (len, sha) are sent
// again and a target that recognises the sha answers with its current offset.
// Every chunk but the last carries a multiple of the flash write alignment: MCUboot serial
// recovery (boot_serial.c bs_upload) writes only whole write blocks of a chunk and asks for
// the cut-off tail again, which a pipelining client would take for a lost chunk.
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { ErrorCode, isReaderError, ReaderError } from '../../protocol/errors.js';
import { encodeSmp, SmpCmd, SmpGroup, SmpOp, type SmpPayload } from '../../protocol/smp/smp-packet.js';
import type { McumgrParams } from './smp-client.js';
import type { SmpLink } from './smp-link.js';

export interface UploadProgress {
  readonly acked: number;
  readonly total: number;
  readonly bytesPerSecond: number;
  readonly etaSeconds: number;
}

export interface UploadEvents {
  progress: [p: UploadProgress];
  /** Something went wrong and was recovered: a timeout, a rewind, a resume. */
  recovered: [what: string];
}

export interface UploadOptions {
  readonly params: McumgrParams;
  readonly image?: number;
  /** The first chunk waits for the slot erase, which can take tens of seconds. */
  readonly firstChunkTimeoutMs?: number;
  readonly chunkTimeoutMs?: number;
  /** Consecutive recoveries without progress before giving up. */
  readonly maxRetries?: number;
  /** How long to wait for the port to come back after it went away. */
  readonly reconnectTimeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Data length granularity of every chunk but the last (default UPLOAD_WRITE_ALIGN). */
  readonly writeAlign?: number;
  /**
   * Wait for this before resuming after the port went away (the transport's reopen); it gets
   * the upload's signal and should end with Op_Canceled on it, clearing its own timers.
   */
  readonly waitForPort?: (timeoutMs: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * MCUboot's largest flash write alignment (BOOT_MAX_ALIGN may be 8 to 32, boot/bootutil
 * bootutil_public.h), and all write blocks are powers of two: a multiple of 32 is whole blocks
 * on any board MCUboot supports. Zephyr's img_mgmt buffers writes itself and takes any length.
 */
export const UPLOAD_WRITE_ALIGN = 32;

interface Inflight {
  readonly off: number;
  readonly end: number;
}

export class Uploader extends EventEmitter<UploadEvents> {
  constructor(private readonly link: SmpLink) {
    super();
  }

  /**
   * Largest data length at `off` whose request fits the target's buffer: a multiple of
   * `align` unless it is the rest of the image.
   */
  static chunkLength(
    bufSize: number,
    off: number,
    total: number,
    first: boolean,
    sha: Uint8Array,
    image = 0,
    align = UPLOAD_WRITE_ALIGN,
  ): number {
    const size = (n: number): number =>
      encodeSmp(
        { op: SmpOp.write, version: 0, flags: 0, group: SmpGroup.image, seq: 0, id: SmpCmd.image.upload },
        chunkPayload(off, new Uint8Array(n), total, first, sha, image),
      ).length;
    let n = Math.min(total - off, Math.max(0, bufSize - size(0)));
    while (n > 0 && size(n) > bufSize) n--;
    if (off + n < total) n -= n % align;
    if (n <= 0)
      throw new ReaderError(
        ErrorCode.Link_Protocol,
        `the target's buffer of ${bufSize} bytes cannot hold any image data`,
      );
    return n;
  }

  async upload(
    img: Uint8Array,
    opts: UploadOptions,
  ): Promise<{ sha256: Uint8Array; seconds: number; retries: number }> {
    const total = img.length;
    const sha = new Uint8Array(createHash('sha256').update(img).digest());
    const window = Math.max(1, Math.min(opts.params.bufCount, 8));
    const maxRetries = opts.maxRetries ?? 6;
    const t0 = performance.now();
    let acked = 0;
    let next = 0;
    let retries = 0;
    let totalRecoveries = 0;
    let generation = 0;
    let probing = true; // the first request always carries len and sha
    let restarts = 0;
    const inflight = new Set<Inflight>();
    const chunk = (off: number): number =>
      Uploader.chunkLength(
        opts.params.bufSize,
        off,
        total,
        off === 0,
        sha,
        opts.image ?? 0,
        opts.writeAlign ?? UPLOAD_WRITE_ALIGN,
      );

    return new Promise((resolve, reject) => {
      let finished = false;
      // The abort ends the upload at once whatever it is waiting for (a chunk's answer, the
      // port coming back), even when an injected waitForPort does not look at the signal.
      const onAbort = (): void =>
        fail(new ReaderError(ErrorCode.Op_Canceled, 'upload canceled', { canceled: true, acked, total }));
      const settle = (): void => {
        finished = true;
        generation++;
        inflight.clear();
        opts.signal?.removeEventListener('abort', onAbort);
      };
      const fail = (e: Error): void => {
        if (finished) return;
        settle();
        reject(e);
      };
      const progress = (): void => {
        const secs = (performance.now() - t0) / 1000;
        const rate = secs > 0 ? acked / secs : 0;
        this.emit('progress', {
          acked,
          total,
          bytesPerSecond: rate,
          etaSeconds: rate > 0 ? (total - acked) / rate : Number.POSITIVE_INFINITY,
        });
      };
      const recover = (why: string, fromProbe: boolean): void => {
        generation++;
        inflight.clear();
        retries++;
        totalRecoveries++;
        if (retries > maxRetries) {
          fail(
            new ReaderError(
              ErrorCode.Link_Timeout,
              `upload stalled at ${acked} of ${total} bytes after ${maxRetries} attempts: ${why}`,
            ),
          );
          return;
        }
        this.emit('recovered', `${why}; resuming from the target's offset`);
        probing = fromProbe;
        next = fromProbe ? 0 : acked;
        pump();
      };
      const send = (off: number, gen: number): void => {
        const first = off === 0;
        const len = chunk(off);
        const entry = { off, end: off + len };
        inflight.add(entry);
        this.link
          .request({
            group: SmpGroup.image,
            id: SmpCmd.image.upload,
            write: true,
            payload: chunkPayload(off, img.subarray(off, off + len), total, first, sha, opts.image ?? 0),
            timeoutMs: first ? (opts.firstChunkTimeoutMs ?? 60_000) : (opts.chunkTimeoutMs ?? 3000),
            signal: opts.signal,
          })
          .then(
            (p) => gen === generation && onAnswer(entry, p),
            (e: unknown) => gen === generation && onError(e),
          );
      };
      const pump = (): void => {
        if (finished) return;
        if (probing) {
          if (inflight.size === 0) send(0, generation);
          return;
        }
        while (inflight.size < window && next < total) {
          const off = next;
          next = off + chunk(off);
          send(off, generation);
        }
      };
      const onAnswer = (entry: Inflight, p: SmpPayload): void => {
        inflight.delete(entry);
        const off = p.off;
        if (typeof off !== 'number' || !Number.isInteger(off) || off < 0 || off > total) {
          fail(
            new ReaderError(
              ErrorCode.Link_Protocol,
              `the target answered an upload chunk with offset ${String(off)} (image is ${total} bytes)`,
            ),
          );
          return;
        }
        if (probing) {
          // The target's answer to the first-chunk fields is where it stands: 0 on a fresh
          // upload (then our first chunk was written), or further on when it resumes.
          probing = false;
          if (off > entry.end && off !== total) this.emit('recovered', `target resumed the upload at ${off}`);
          acked = off;
          next = off;
        } else if (off === 0 && acked > 0) {
          restarts++;
          if (restarts > 2)
            return fail(
              new ReaderError(ErrorCode.Link_Protocol, 'the target restarted the upload from 0 three times'),
            );
          this.emit('recovered', 'target asked to start over');
          generation++;
          inflight.clear();
          acked = 0;
          probing = true;
        } else if (off < acked) {
          return fail(
            new ReaderError(
              ErrorCode.Link_OffsetBackwards,
              `the target's offset jumped backwards from ${acked} to ${off}: it lost data it had confirmed`,
              {
                acked,
                off,
              },
            ),
          );
        } else if (off < entry.end) {
          // The target wants an earlier offset: a chunk before this one was lost. Rewind.
          acked = off;
          generation++;
          inflight.clear();
          next = off;
          this.emit('recovered', `target asked for offset ${off} again (a chunk was lost)`);
        } else {
          if (off > acked) retries = 0;
          acked = Math.max(acked, off);
        }
        if (p.match === false) {
          return fail(
            new ReaderError(
              ErrorCode.Link_ImageNotAccepted,
              'the target computed a different SHA-256 over the uploaded image',
            ),
          );
        }
        progress();
        if (acked >= total) {
          settle();
          resolve({ sha256: sha, seconds: (performance.now() - t0) / 1000, retries: totalRecoveries });
          return;
        }
        pump();
      };
      const onError = (e: unknown): void => {
        if (finished) return;
        if (!isReaderError(e)) return fail(e as Error);
        if (e.code === ErrorCode.Op_Canceled || e.code === ErrorCode.Link_PeerError) return fail(e);
        if (e.code === ErrorCode.Link_Disconnected) {
          generation++;
          inflight.clear();
          const wait = opts.waitForPort;
          if (!wait) return fail(e);
          this.emit('recovered', 'the serial port went away; waiting for it to come back');
          wait(opts.reconnectTimeoutMs ?? 30_000, opts.signal).then(
            () => finished || recover('the port came back', true),
            (err: Error) => fail(err),
          );
          return;
        }
        // A timeout: a lost line, a corrupted frame, or a target that reset. Ask it where it stands.
        recover(e.message, true);
      };
      if (opts.signal?.aborted) return onAbort();
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      pump();
    });
  }
}

function chunkPayload(
  off: number,
  data: Uint8Array,
  total: number,
  first: boolean,
  sha: Uint8Array,
  image: number,
): SmpPayload {
  return first ? { image, len: total, off, sha, data, upgrade: false } : { off, data };
}
