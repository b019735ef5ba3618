// The in-memory pair keeps the serial transport's contract, so a driver tested on it meets on
// a real port what it met here: late, ordered, possibly partial reads; refused writes when the
// line is down; a close that the other end sees as a lost line; a reopen after a replug.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { concatBytes } from '../../protocol/bytes.js';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import { createMemoryTransportPair, type MemoryTransport } from './memory-transport.js';
import { waitForOpen } from './transport.js';

function collect(t: MemoryTransport): Uint8Array[] {
  const reads: Uint8Array[] = [];
  t.on('data', (b) => reads.push(b));
  return reads;
}

const closes = (t: MemoryTransport): (Error | undefined)[] => {
  const seen: (Error | undefined)[] = [];
  t.on('close', (e) => seen.push(e));
  return seen;
};

const bytes = (n: number, salt = 0): Uint8Array =>
  Uint8Array.from({ length: n }, (_, i) => (i * 7 + salt) & 0xff);

const codeOf = (p: Promise<unknown>): Promise<number | undefined> =>
  p.then(
    () => undefined,
    (e: unknown) => (isReaderError(e) ? e.code : -1),
  );

const received = (reads: Uint8Array[]): number => reads.reduce((s, r) => s + r.length, 0);

/**
 * Line time is virtual: the pacer's clock (performance.now) and its timers are faked, so what
 * these tests see depends on how much line time passed, never on how loaded the machine is.
 * setImmediate stays real: the pair delivers one read per event-loop turn, which is order,
 * not time.
 */
const onLineTime = (): void => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
};
afterEach(() => {
  vi.useRealTimers();
});

/**
 * Lets ms of line time pass, then enough event-loop turns (one read each, at most one byte a
 * read at 9600 baud) to hand the reader everything that crossed meanwhile.
 */
async function lineTime(ms: number): Promise<void> {
  vi.advanceTimersByTime(ms);
  for (let i = 0; i < 2000; i++) await new Promise((r) => setImmediate(r));
}

describe('in-memory transport pair', () => {
  it('delivers in a later turn, in order, both ways, from a copy of what was written', async () => {
    const { host, device } = createMemoryTransportPair();
    const atDevice = collect(device);
    const atHost = collect(host);
    const buf = Uint8Array.of(1, 2, 3);
    await host.write(buf);
    buf[0] = 9; // the caller may reuse its buffer once write resolved
    await host.write(Uint8Array.of(4, 5));
    await device.write(Uint8Array.of(0xaa));
    expect(atDevice).toEqual([]); // nothing arrives inside write()
    await host.drain();
    await device.drain();
    expect(concatBytes(...atDevice)).toEqual(Uint8Array.of(1, 2, 3, 4, 5));
    expect(concatBytes(...atHost)).toEqual(Uint8Array.of(0xaa));
  });

  it('cuts writes into partial reads at boundaries the seed decides, the same for the same seed', async () => {
    const run = async (seed: number): Promise<number[]> => {
      const { host, device } = createMemoryTransportPair({ chunking: { seed, maxChunk: 5 } });
      const reads = collect(device);
      await host.write(bytes(200));
      await host.write(bytes(50, 3));
      await host.drain();
      expect(concatBytes(...reads)).toEqual(concatBytes(bytes(200), bytes(50, 3)));
      expect(Math.max(...reads.map((r) => r.length))).toBeLessThanOrEqual(5);
      return reads.map((r) => r.length);
    };
    const a = await run(1);
    expect(a.length).toBeGreaterThan(250 / 5);
    expect(await run(1)).toEqual(a);
    expect(await run(2)).not.toEqual(a);
  });

  it('paces bytes at the line rate: write returns at once, half the bytes after half the line time, drain when the last is across', async () => {
    onLineTime();
    const { host, device } = createMemoryTransportPair({ baudRate: 115_200 });
    const reads = collect(device);
    const n = 1152; // 100 ms of line at 11 520 bytes/s
    await host.write(bytes(n));
    expect(received(reads)).toBe(0);
    await lineTime(50);
    const half = received(reads);
    expect(half).toBeLessThanOrEqual(n / 2); // never faster than the wire
    expect(half).toBeGreaterThan(n * 0.45);
    await lineTime(49);
    expect(received(reads)).toBeLessThan(n); // the last byte is not across before 100 ms
    await lineTime(2);
    expect(received(reads)).toBe(n);
    await host.drain();
    expect(concatBytes(...reads)).toEqual(bytes(n));
  });

  it('changes the rate of the whole line from either end, the bytes still queued included', async () => {
    onLineTime();
    const { host, device } = createMemoryTransportPair({ baudRate: 9600 });
    const atHost = collect(host);
    const atDevice = collect(device);
    await device.write(bytes(960)); // one second at 960 bytes/s
    await lineTime(500);
    const before = received(atHost);
    expect(before).toBeGreaterThan(960 * 0.45);
    expect(before).toBeLessThanOrEqual(480);
    await device.setBaudRate(921_600); // 92 160 bytes/s: the other 480 bytes take 5.2 ms
    await lineTime(6);
    expect(received(atHost)).toBe(960);
    await device.drain();
    expect(concatBytes(...atHost)).toEqual(bytes(960));
    await host.write(bytes(920, 1)); // the other direction at the new rate too: 10 ms
    await lineTime(5);
    expect(received(atDevice)).toBeGreaterThan(920 * 0.45);
    expect(received(atDevice)).toBeLessThanOrEqual(460);
    await lineTime(6);
    expect(received(atDevice)).toBe(920);
    await host.drain();
    expect(concatBytes(...atDevice)).toEqual(bytes(920, 1));
  });

  it('closing one end is a lost line at the other; both refuse writes and a replug does not reopen a closed end', async () => {
    const { host, device, replug } = createMemoryTransportPair();
    const hostCloses = closes(host);
    const deviceCloses = closes(device);
    const atDevice = collect(device);
    await host.write(bytes(10));
    await host.close();
    expect(hostCloses).toEqual([undefined]);
    expect(deviceCloses).toHaveLength(1);
    const lost = deviceCloses[0];
    expect(isReaderError(lost, ErrorCode.Link_Disconnected) && lost.context.disconnected).toBe(true);
    expect([host.isOpen, device.isOpen]).toEqual([false, false]);
    expect(await codeOf(host.write(bytes(1)))).toBe(ErrorCode.Link_Disconnected);
    expect(await codeOf(device.write(bytes(1)))).toBe(ErrorCode.Link_Disconnected);
    await new Promise((r) => setImmediate(r));
    expect(atDevice).toEqual([]); // what was on the wire went with it
    let reopened = 0;
    host.on('open', () => reopened++);
    replug();
    expect(host.isOpen).toBe(false);
    expect(reopened).toBe(0);
    await host.close(); // twice is harmless
    expect(hostCloses).toHaveLength(1);
  });

  it('an unplug closes both ends with a lost line, drops bytes in flight, and a replug reopens both', async () => {
    const { host, device, unplug, replug } = createMemoryTransportPair({ chunking: { seed: 7 } });
    const atDevice = collect(device);
    const hostCloses = closes(host);
    const opens: string[] = [];
    host.on('open', () => opens.push('host'));
    device.on('open', () => opens.push('device'));
    await host.write(bytes(100));
    unplug();
    expect(hostCloses.map((e) => isReaderError(e, ErrorCode.Link_Disconnected))).toEqual([true]);
    await host.drain(); // nothing is left to wait for
    expect(await codeOf(host.write(bytes(1)))).toBe(ErrorCode.Link_Disconnected);
    replug();
    expect(opens).toEqual(['host', 'device']);
    await host.write(Uint8Array.of(0x42));
    await host.drain();
    expect(concatBytes(...atDevice).length).toBeLessThan(100 + 1);
    expect(atDevice.at(-1)).toEqual(Uint8Array.of(0x42));
  });

  it('waitForOpen resolves on the replug, times out with Link_Disconnected, ends with Op_Canceled on abort, leaving no listener', async () => {
    const { host, unplug, replug } = createMemoryTransportPair();
    unplug();
    const back = waitForOpen(host, 5000);
    replug();
    await back;
    unplug();
    const timeout = await waitForOpen(host, 20).catch((e: unknown) => e);
    expect(isReaderError(timeout, ErrorCode.Link_Disconnected) && timeout.context.disconnected).toBe(true);
    const ctl = new AbortController();
    const aborted = waitForOpen(host, 5000, ctl.signal).catch((e: unknown) => e);
    ctl.abort();
    const e = await aborted;
    expect(isReaderError(e, ErrorCode.Op_Canceled) && e.context.canceled).toBe(true);
    expect(host.listenerCount('open')).toBe(0);
  });
});
