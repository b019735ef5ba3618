// Pipelined image upload (SMP image group, command 1): the runner of upload-machine.ts, which
// decides; this file sends its chunks on the SMP link with their timeouts and the abort
// signal, waits for the port, reports progress, and maps failures to errors. Chunks are sized
// from the target's buffer, up to buf_count are kept in flight, the target's requested offset
// is followed, a lost chunk is sent again after a timeout, and an interrupted upload (cable
// pull, target reset) resumes where the target says it stands: the first-chunk fields (len,
// sha) are sent again and a target that recognises the sha answers with its current offset.
// Every chunk but the last carries a multiple of the flash write alignment: MCUboot serial
// recovery (boot_serial.c bs_upload) writes only whole write blocks of a chunk and asks for
// the cut-off tail again, which a pipelining client would take for a lost chunk.
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { ErrorCode, isReaderError, ReaderError } from '../../protocol/errors.js';
import { encodeSmp, SmpCmd, SmpGroup, SmpOp, type SmpPayload } from '../../protocol/smp/smp-packet.js';
import type { McumgrParams } from './smp-client.js';
import type { SmpLink } from './smp-link.js';
import {
  type ChunkFailure,
  INITIAL_UPLOAD_STATE,
  stepUpload,
  type UploadConfig,
  type UploadEffect,
  type UploadEvent,
  type UploadFailure,
} from './upload-machine.js';

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
    const image = opts.image ?? 0;
    const cfg: UploadConfig = {
      total,
      window: Math.max(1, Math.min(opts.params.bufCount, 8)),
      maxRetries: opts.maxRetries ?? 6,
      canWaitForPort: opts.waitForPort !== undefined,
      chunkLength: (off) =>
        Uploader.chunkLength(
          opts.params.bufSize,
          off,
          total,
          off === 0,
          sha,
          image,
          opts.writeAlign ?? UPLOAD_WRITE_ALIGN,
        ),
    };
    const t0 = performance.now();

    return new Promise((resolve, reject) => {
      let state = INITIAL_UPLOAD_STATE;
      const dispatch = (ev: UploadEvent): void => {
        const step = stepUpload(cfg, state, ev);
        state = step.state;
        for (const effect of step.effects) perform(effect);
      };
      // The abort ends the upload at once whatever it is waiting for (a chunk's answer, the
      // port coming back), even when an injected waitForPort does not look at the signal.
      const onAbort = (): void => dispatch({ type: 'abort' });
      const perform = (e: UploadEffect): void => {
        switch (e.type) {
          case 'send': {
            const { generation, off } = e;
            this.link
              .request({
                group: SmpGroup.image,
                id: SmpCmd.image.upload,
                write: true,
                payload: chunkPayload(off, img.subarray(off, e.end), total, e.first, sha, image),
                timeoutMs: e.first ? (opts.firstChunkTimeoutMs ?? 60_000) : (opts.chunkTimeoutMs ?? 3000),
                signal: opts.signal,
              })
              .then(
                (p) => dispatch({ type: 'answer', generation, chunk: off, off: p.off, match: p.match }),
                (err: unknown) => dispatch({ type: 'chunk-failed', generation, failure: chunkFailure(err) }),
              );
            return;
          }
          case 'wait-for-port':
            opts.waitForPort?.(opts.reconnectTimeoutMs ?? 30_000, opts.signal).then(
              () => dispatch({ type: 'port-back' }),
              (error: Error) => dispatch({ type: 'port-lost', error }),
            );
            return;
          case 'recovered':
            this.emit('recovered', e.what);
            return;
          case 'progress': {
            const secs = (performance.now() - t0) / 1000;
            const rate = secs > 0 ? e.acked / secs : 0;
            this.emit('progress', {
              acked: e.acked,
              total,
              bytesPerSecond: rate,
              etaSeconds: rate > 0 ? (total - e.acked) / rate : Number.POSITIVE_INFINITY,
            });
            return;
          }
          case 'done':
            opts.signal?.removeEventListener('abort', onAbort);
            resolve({ sha256: sha, seconds: (performance.now() - t0) / 1000, retries: e.recoveries });
            return;
          case 'failed':
            opts.signal?.removeEventListener('abort', onAbort);
            reject(uploadError(e.failure));
            return;
        }
      };
      if (opts.signal?.aborted) return onAbort();
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      dispatch({ type: 'start' });
    });
  }
}

/** The link's error as the machine sees it. */
function chunkFailure(e: unknown): ChunkFailure {
  if (!isReaderError(e) || e.code === ErrorCode.Op_Canceled || e.code === ErrorCode.Link_PeerError)
    return { kind: 'fatal', error: e as Error };
  if (e.code === ErrorCode.Link_Disconnected) return { kind: 'disconnected', error: e };
  return { kind: 'timeout', message: e.message };
}

/** The one place an upload's failure becomes an error. */
export function uploadError(f: UploadFailure): Error {
  switch (f.kind) {
    case 'stalled':
      return new ReaderError(
        ErrorCode.Link_Timeout,
        `upload stalled at ${f.acked} of ${f.total} bytes after ${f.attempts} attempts: ${f.why}`,
      );
    case 'bad-offset':
      return new ReaderError(
        ErrorCode.Link_Protocol,
        `the target answered an upload chunk with offset ${String(f.off)} (image is ${f.total} bytes)`,
      );
    case 'restarted-thrice':
      return new ReaderError(ErrorCode.Link_Protocol, 'the target restarted the upload from 0 three times');
    case 'offset-backwards':
      return new ReaderError(
        ErrorCode.Link_OffsetBackwards,
        `the target's offset jumped backwards from ${f.acked} to ${f.off}: it lost data it had confirmed`,
        { acked: f.acked, off: f.off },
      );
    case 'hash-mismatch':
      return new ReaderError(
        ErrorCode.Link_ImageNotAccepted,
        'the target computed a different SHA-256 over the uploaded image',
      );
    case 'canceled':
      return new ReaderError(ErrorCode.Op_Canceled, 'upload canceled', {
        canceled: true,
        acked: f.acked,
        total: f.total,
      });
    case 'link':
      return f.error;
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
