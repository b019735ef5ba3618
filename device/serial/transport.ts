// The narrow byte transport every serial driver takes (node-serialport's binding idea):
// a composition root opens the real port (or an emulator's pty) and injects it.

import type { EventEmitter } from 'node:events';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';

export interface ByteTransportEvents {
  data: [chunk: Uint8Array];
  /** The port went away (unplugged, pty closed); `error` says why when known. */
  close: [error?: Error];
  /** The port is open again after a close (reconnecting transports only). */
  open: [];
}

export interface ByteTransport extends EventEmitter<ByteTransportEvents> {
  readonly isOpen: boolean;
  /**
   * Queues bytes for the line (the caller may reuse its buffer); resolves once they are
   * queued, not sent. Rejects with Link_Disconnected when the transport is not open.
   */
  write(data: Uint8Array): Promise<void>;
  /** Resolves once every byte written so far has left (tcdrain), e.g. before a rate change. */
  drain(): Promise<void>;
  /** Closes this end for good: a reopening transport stays closed. */
  close(): Promise<void>;
  /** A UART switching line rate without closing (absent where the rate means nothing). */
  setBaudRate?(baudRate: number): Promise<void>;
}

/**
 * Resolves when the transport is open (now or after a reopen); rejects after `timeoutMs`, or
 * with Op_Canceled on `signal`, leaving no timer or listener behind either way.
 */
export function waitForOpen(t: ByteTransport, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(canceled());
  if (t.isOpen) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      clearTimeout(timer);
      t.off('open', onOpen);
      signal?.removeEventListener('abort', onAbort);
    };
    const timer = setTimeout(() => {
      cleanup();
      // The project's error with the transport fact as a flag, never a plain Error (issue 13).
      reject(
        new ReaderError(
          ErrorCode.Link_Disconnected,
          `the serial port did not come back within ${timeoutMs} ms`,
          { disconnected: true },
        ),
      );
    }, timeoutMs);
    const onOpen = (): void => {
      cleanup();
      resolve();
    };
    const onAbort = (): void => {
      cleanup();
      reject(canceled());
    };
    t.once('open', onOpen);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function canceled(): ReaderError {
  return new ReaderError(ErrorCode.Op_Canceled, 'canceled while waiting for the serial port', {
    canceled: true,
  });
}
