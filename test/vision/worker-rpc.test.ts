// The one worker RPC client both vision workers use (worker-rpc.ts, worker-serve.ts), against a
// small host of its own: answers by seq, a request's timeout and abort (the late answer is not
// taken for the next request's), the worker's errors with their codes, every waiting request
// failed when the worker dies, and a fresh worker on the next start; a start whose first
// request fails or times out ends its worker.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkerRpc } from '../../firmware-host/vision/worker-rpc.js';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import type { EchoRequest } from './fixtures/echo-worker-host.js';

// Every worker WorkerRpc spawns, to see whether its thread still runs (threadId is -1 once it
// has ended): the RPC keeps its worker private, and a leaked thread shows nowhere else.
const spawned = vi.hoisted(() => [] as { readonly threadId: number }[]);
vi.mock('node:worker_threads', async (importOriginal) => {
  const orig = await importOriginal<typeof import('node:worker_threads')>();
  class RecordedWorker extends orig.Worker {
    constructor(...args: ConstructorParameters<typeof orig.Worker>) {
      super(...args);
      spawned.push(this);
    }
  }
  return { ...orig, Worker: RecordedWorker };
});

const HOST = new URL('./fixtures/echo-worker-host.ts', import.meta.url);
const rpcs: WorkerRpc<EchoRequest>[] = [];
const rpc = (): WorkerRpc<EchoRequest> => {
  const r = new WorkerRpc<EchoRequest>({
    what: 'the echo worker',
    host: HOST,
    workerData: { tag: 'seen-in-the-worker' },
    notStarted: 'start() first',
  });
  rpcs.push(r);
  return r;
};
afterEach(async () => {
  for (const r of rpcs.splice(0)) await r.close({ op: 'close' });
});
const code = (e: unknown): number | undefined => (isReaderError(e) ? e.code : undefined);

describe('WorkerRpc', () => {
  it('refuses a request before start with Vision_Model, then answers each request by its own seq', async () => {
    const r = rpc();
    expect(code(await r.request({ op: 'echo', text: 'x' }, 1000).catch((e: unknown) => e))).toBe(
      ErrorCode.Vision_Model,
    );
    await r.start({ op: 'init' }, 60_000);
    expect(r.running).toBe(true);
    const [slow, fast] = await Promise.all([
      r.request({ op: 'slow', ms: 50, text: 'first' }, 10_000),
      r.request({ op: 'echo', text: 'second' }, 10_000),
    ]);
    expect(slow.text).toBe('first');
    expect(fast.text).toBe('second');
  }, 60_000);

  it("turns the worker's error into a ReaderError with its code", async () => {
    const r = rpc();
    await r.start({ op: 'init' }, 60_000);
    const e = await r.request({ op: 'refuse' }, 10_000).catch((x: unknown) => x);
    expect(code(e)).toBe(ErrorCode.Vision_Model);
    expect((e as Error).message).toBe('no such model here');
  }, 60_000);

  it('times a request out with Op_Timeout and aborts one with Op_Canceled; late answers are dropped', async () => {
    const r = rpc();
    await r.start({ op: 'init' }, 60_000);
    const timedOut = await r.request({ op: 'slow', ms: 400, text: 'late' }, 20).catch((x: unknown) => x);
    expect(code(timedOut)).toBe(ErrorCode.Op_Timeout);
    const ac = new AbortController();
    const aborted = r.request({ op: 'slow', ms: 400, text: 'late too' }, 10_000, [], ac.signal);
    ac.abort();
    expect(code(await aborted.catch((x: unknown) => x))).toBe(ErrorCode.Op_Canceled);
    expect(
      code(await r.request({ op: 'echo', text: 'x' }, 1000, [], ac.signal).catch((x: unknown) => x)),
    ).toBe(ErrorCode.Op_Canceled);
    // Queued behind both late answers, this request gets its own.
    expect((await r.request({ op: 'echo', text: 'mine' }, 10_000)).text).toBe('mine');
  }, 60_000);

  it('fails every waiting request with Vision_Worker when the worker dies, and starts a fresh one', async () => {
    const r = rpc();
    await r.start({ op: 'init' }, 60_000);
    // The echo waits behind the die in the worker's queue: it is never answered.
    const [died, queued] = await Promise.all([
      r.request({ op: 'die' }, 60_000).catch((x: unknown) => x),
      r.request({ op: 'echo', text: 'never' }, 60_000).catch((x: unknown) => x),
    ]);
    for (const e of [died, queued]) {
      expect(code(e)).toBe(ErrorCode.Vision_Worker);
      expect((e as Error).message).toMatch(/the echo worker failed: exited with code 7/);
    }
    expect(r.running).toBe(false);
    expect(code(await r.request({ op: 'echo', text: 'x' }, 1000).catch((x: unknown) => x))).toBe(
      ErrorCode.Vision_Model,
    );
    // The next start spawns a new worker, which answers.
    await r.start({ op: 'init' }, 60_000);
    expect((await r.request({ op: 'echo', text: 'back' }, 10_000)).text).toBe('back');
    expect((await r.request({ op: 'init' }, 10_000)).tag).toBe('seen-in-the-worker');
  }, 60_000);

  it('ends the worker when its first request is refused or times out; the next start loads a new one', async () => {
    const r = rpc();
    const before = spawned.length;
    const refused = await r.start({ op: 'refuse' }, 60_000).catch((x: unknown) => x);
    expect(code(refused)).toBe(ErrorCode.Vision_Model);
    expect(r.running).toBe(false);
    expect(code(await r.request({ op: 'echo', text: 'x' }, 1000).catch((x: unknown) => x))).toBe(
      ErrorCode.Vision_Model,
    );
    const timedOut = await r.start({ op: 'slow', ms: 30_000, text: 'never' }, 200).catch((x: unknown) => x);
    expect(code(timedOut)).toBe(ErrorCode.Op_Timeout);
    expect(r.running).toBe(false);
    const failed = spawned.slice(before);
    expect(failed).toHaveLength(2);
    for (const w of failed) expect(w.threadId).toBe(-1);
    await r.start({ op: 'init' }, 60_000);
    expect(r.running).toBe(true);
    expect(spawned.length - before).toBe(3);
    expect((await r.request({ op: 'echo', text: 'loaded' }, 10_000)).text).toBe('loaded');
  }, 60_000);
});
