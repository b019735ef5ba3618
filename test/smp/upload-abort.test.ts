// Cancellation during an upload (issue 13): an abort while the uploader waits for a pulled
// cable to come back ends the upload at once with Op_Canceled and leaves no timer or listener.
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ByteTransportEvents, waitForOpen } from '../../device/serial/transport.js';
import { Uploader } from '../../device/smp/uploader.js';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import { DRIVER_WIRE, wireMissing } from '../helpers/wire.js';
import { type SmpBench, smpBench } from './smp-fixture.js';

const noWire = wireMissing();
let bench: SmpBench | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await bench?.close();
  bench = undefined;
});

/** A transport that is closed and never reopens: only the abort can end a wait on it. */
class ClosedTransport extends EventEmitter<ByteTransportEvents> {
  readonly isOpen = false;
  async write(): Promise<void> {}
  async drain(): Promise<void> {}
  async close(): Promise<void> {}
}

describe('waitForOpen', () => {
  it('rejects with Op_Canceled on abort and clears its timer and listener', async () => {
    vi.useFakeTimers();
    const t = new ClosedTransport();
    const ac = new AbortController();
    const waiting = waitForOpen(t, 60_000, ac.signal).catch((e: unknown) => e);
    expect(t.listenerCount('open')).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
    ac.abort();
    const err = await waiting;
    expect(isReaderError(err, ErrorCode.Op_Canceled)).toBe(true);
    expect(t.listenerCount('open')).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once with Op_Canceled when the signal is already aborted', async () => {
    vi.useFakeTimers();
    const t = new ClosedTransport();
    const err = await waitForOpen(t, 60_000, AbortSignal.abort()).catch((e: unknown) => e);
    expect(isReaderError(err, ErrorCode.Op_Canceled)).toBe(true);
    expect(t.listenerCount('open')).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe.skipIf(noWire)(`an upload aborted while the cable is out (${DRIVER_WIRE} wire)`, () => {
  it('rejects with Op_Canceled without the port coming back, and leaves no listener behind', async () => {
    bench = await smpBench({ bufSize: 512, bufCount: 2, baudRate: 230400 });
    const b = bench;
    const img = b.image(30 * 1024);
    const up = new Uploader(b.link);
    const ac = new AbortController();
    const openListeners = b.host.listenerCount('open');
    const portWentAway = new Promise<void>((resolve) =>
      up.on('recovered', (w) => {
        if (/port went away/.test(w)) resolve();
      }),
    );
    const done = up
      .upload(img, {
        params: await b.client.params(),
        chunkTimeoutMs: 400,
        firstChunkTimeoutMs: 3000,
        // Longer than the test's own timeout: only the abort can end this wait.
        reconnectTimeoutMs: 120_000,
        signal: ac.signal,
        waitForPort: (ms, signal) => waitForOpen(b.host, ms, signal),
      })
      .catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 400));
    await b.wire.unplug();
    await portWentAway;
    expect(b.host.isOpen).toBe(false);
    ac.abort();
    // The cable is never plugged back: the upload must settle on the abort alone.
    const err = await done;
    expect(isReaderError(err, ErrorCode.Op_Canceled)).toBe(true);
    expect(b.host.isOpen).toBe(false);
    expect(b.host.listenerCount('open')).toBe(openListeners);
  });
});
