// A device that opens and is lost at once (a flaky cable, a port that enumerates and drops) is
// retried with the backoff, not reopened in a tight loop; the delay starts over only once the
// device has stayed up for `maxMs`.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeviceKeeper } from '../../firmware-host/device-keeper.js';
import { silentLogger } from '../../platform/log.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A keeper whose device is lost `upMs` after each open; `opens` counts the tries. */
function flaky(upMs: () => number) {
  const counter = { opens: 0 };
  const keeper = new DeviceKeeper<number>({
    name: 'panel',
    minMs: 1000,
    maxMs: 8000,
    log: silentLogger,
    open: async (lost) => {
      counter.opens++;
      setTimeout(() => lost(new Error('unplugged')), upMs());
      return counter.opens;
    },
    close: async () => {},
  });
  return { keeper, counter };
}

describe('device keeper backoff after a loss', () => {
  it('sleeps the backoff after a device lost right after opening', async () => {
    const { keeper, counter } = flaky(() => 1);
    await keeper.start();
    await vi.advanceTimersByTimeAsync(10_000);
    // Opens at 0, then after 1 s, 2 s and 4 s of backoff (each up 1 ms): 0, 1001, 3002, 7003.
    expect(counter.opens).toBe(4);
    await keeper.close();
  });

  it('starts the backoff over once the device stayed up for maxMs', async () => {
    const ups = [1, 1, 1, 9000]; // the 4th open stays up longer than maxMs (8 s)
    const { keeper, counter } = flaky(() => ups[counter.opens - 1] ?? 1);
    await keeper.start();
    // Opens at 0, 1001, 3002, 7003; the 4th is lost at 16003, after which the delay is 1 s again.
    await vi.advanceTimersByTimeAsync(17_002);
    expect(counter.opens).toBe(4);
    await vi.advanceTimersByTimeAsync(1);
    expect(counter.opens).toBe(5);
    await keeper.close();
  });
});
