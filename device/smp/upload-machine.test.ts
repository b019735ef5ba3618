// Every transition of the upload machine, table-driven like the session's: each (state, event)
// pair in the table moves where the table says with the effects it says; every pair not in the
// table leaves the state as it was and does nothing. Then the branches that depend on what
// the target answers, and the failures mapped to errors.
import { describe, expect, it } from 'vitest';
import { ErrorCode, isReaderError, ReaderError } from '../../protocol/errors.js';
import {
  INITIAL_UPLOAD_STATE,
  stepUpload,
  type UploadConfig,
  type UploadEffect,
  type UploadEvent,
  type UploadFailure,
  type UploadPhase,
  type UploadState,
} from './upload-machine.js';
import { uploadError } from './uploader.js';

const cfg: UploadConfig = {
  total: 1000,
  window: 2,
  maxRetries: 2,
  canWaitForPort: true,
  chunkLength: (off) => Math.min(100, 1000 - off),
};

const STATES: Record<UploadPhase, UploadState> = {
  idle: INITIAL_UPLOAD_STATE,
  probing: { ...INITIAL_UPLOAD_STATE, phase: 'probing', inflight: [{ off: 0, end: 100 }], generation: 1 },
  streaming: {
    ...INITIAL_UPLOAD_STATE,
    phase: 'streaming',
    acked: 200,
    next: 400,
    inflight: [
      { off: 200, end: 300 },
      { off: 300, end: 400 },
    ],
    generation: 1,
  },
  'waiting-port': { ...INITIAL_UPLOAD_STATE, phase: 'waiting-port', acked: 200, next: 400, generation: 2 },
  done: { ...INITIAL_UPLOAD_STATE, phase: 'done', acked: 1000, next: 1000, generation: 3 },
  failed: { ...INITIAL_UPLOAD_STATE, phase: 'failed', acked: 300, generation: 3 },
};

const lost = new ReaderError(ErrorCode.Link_Disconnected, 'gone', { disconnected: true });

/** One event of each type, aimed at the state it is given (its generation, its oldest chunk). */
const EVENTS: Record<UploadEvent['type'], (s: UploadState) => UploadEvent> = {
  start: () => ({ type: 'start' }),
  answer: (s) => {
    const c = s.inflight[0] ?? { off: 0, end: 100 };
    return { type: 'answer', generation: s.generation, chunk: c.off, off: c.end };
  },
  'chunk-failed': (s) => ({
    type: 'chunk-failed',
    generation: s.generation,
    failure: { kind: 'timeout', message: 'no answer in 3000 ms' },
  }),
  'port-back': () => ({ type: 'port-back' }),
  'port-lost': () => ({ type: 'port-lost', error: lost }),
  abort: () => ({ type: 'abort' }),
};

// [from, event, to, effects]
type Row = [UploadPhase, UploadEvent['type'], UploadPhase, UploadEffect['type'][]];
const RUNNING: UploadPhase[] = ['idle', 'probing', 'streaming', 'waiting-port'];
const TABLE: Row[] = [
  ['idle', 'start', 'probing', ['send']],
  // The target took the first chunk: fill the window.
  ['probing', 'answer', 'streaming', ['progress', 'send', 'send']],
  ['probing', 'chunk-failed', 'probing', ['recovered', 'send']],
  // One chunk confirmed: one more goes out.
  ['streaming', 'answer', 'streaming', ['progress', 'send']],
  ['streaming', 'chunk-failed', 'probing', ['recovered', 'send']],
  ['waiting-port', 'port-back', 'probing', ['recovered', 'send']],
  ['waiting-port', 'port-lost', 'failed', ['failed']],
  ...RUNNING.map((k): Row => [k, 'abort', 'failed', ['failed']]),
];

describe('upload machine: every (state, event) pair', () => {
  for (const from of Object.keys(STATES) as UploadPhase[]) {
    for (const type of Object.keys(EVENTS) as UploadEvent['type'][]) {
      const row = TABLE.find(([f, e]) => f === from && e === type);
      it(row ? `${from} + ${type} → ${row[2]}` : `${from} + ${type} stays`, () => {
        const step = stepUpload(cfg, STATES[from], EVENTS[type](STATES[from]));
        if (!row) {
          expect(step.state).toBe(STATES[from]);
          expect(step.effects).toEqual([]);
          return;
        }
        expect(step.state.phase).toBe(row[2]);
        expect(step.effects.map((e) => e.type)).toEqual(row[3]);
      });
    }
  }
});

const run = (state: UploadState, events: UploadEvent[], c: UploadConfig = cfg) => {
  let st = state;
  const effects: UploadEffect[] = [];
  for (const ev of events) {
    const step = stepUpload(c, st, ev);
    st = step.state;
    effects.push(...step.effects);
  }
  return { st, effects };
};
const sends = (effects: readonly UploadEffect[]) =>
  effects.flatMap((e) => (e.type === 'send' ? [[e.off, e.end, e.generation]] : []));
const failure = (effects: readonly UploadEffect[]): UploadFailure | undefined =>
  effects.flatMap((e) => (e.type === 'failed' ? [e.failure] : []))[0];
const recovered = (effects: readonly UploadEffect[]) =>
  effects.flatMap((e) => (e.type === 'recovered' ? [e.what] : []));
const answer = (s: UploadState, chunk: number, off: unknown, match?: unknown): UploadEvent => ({
  type: 'answer',
  generation: s.generation,
  chunk,
  off,
  match,
});

describe('upload machine: the branches that depend on the target', () => {
  it('the first request carries len and sha and waits alone; then the window fills', () => {
    const { st, effects } = run(INITIAL_UPLOAD_STATE, [{ type: 'start' }]);
    expect(effects).toEqual([{ type: 'send', off: 0, end: 100, first: true, generation: 0 }]);
    const next = run(st, [answer(st, 0, 100)]);
    expect(sends(next.effects)).toEqual([
      [100, 200, 0],
      [200, 300, 0],
    ]);
    expect(next.effects.filter((e) => e.type === 'send').every((e) => e.type === 'send' && !e.first)).toBe(
      true,
    );
  });

  it('a target that recognises the sha resumes where it stands', () => {
    const { st, effects } = run(STATES.probing, [answer(STATES.probing, 0, 500)]);
    expect(recovered(effects)).toEqual(['target resumed the upload at 500']);
    expect(st).toMatchObject({ phase: 'streaming', acked: 500 });
    expect(sends(effects)).toEqual([
      [500, 600, 1],
      [600, 700, 1],
    ]);
  });

  it('a target that already holds the whole image ends the upload at the probe', () => {
    const { st, effects } = run(STATES.probing, [answer(STATES.probing, 0, 1000)]);
    expect(recovered(effects)).toEqual([]);
    expect(st.phase).toBe('done');
    expect(effects.map((e) => e.type)).toEqual(['progress', 'done']);
  });

  it('an earlier offset than the chunk asked again is a lost chunk: rewind in a new generation', () => {
    const s = STATES.streaming;
    const { st, effects } = run(s, [answer(s, 200, 200)]);
    expect(recovered(effects)).toEqual(['target asked for offset 200 again (a chunk was lost)']);
    expect(st).toMatchObject({ phase: 'streaming', acked: 200, generation: 2 });
    expect(sends(effects)).toEqual([
      [200, 300, 2],
      [300, 400, 2],
    ]);
    // The answer to the chunk sent before the rewind is ignored.
    const late = stepUpload(cfg, st, answer(s, 300, 400));
    expect(late.state).toBe(st);
    expect(late.effects).toEqual([]);
  });

  it('offset 0 after progress is a target that started over: probe again, three times at most', () => {
    const s = STATES.streaming;
    const once = run(s, [answer(s, 200, 0)]);
    expect(recovered(once.effects)).toEqual(['target asked to start over']);
    expect(once.st).toMatchObject({ phase: 'probing', acked: 0, restarts: 1 });
    expect(sends(once.effects)).toEqual([[0, 100, 2]]);
    const third = run({ ...s, restarts: 2 }, [answer(s, 200, 0)]);
    expect(failure(third.effects)).toEqual({ kind: 'restarted-thrice' });
  });

  it('an offset before what the target confirmed fails: it lost data', () => {
    const s = { ...STATES.streaming, acked: 350 };
    const { st, effects } = run(s, [answer(s, 300, 300)]);
    expect(st.phase).toBe('failed');
    expect(failure(effects)).toEqual({ kind: 'offset-backwards', acked: 350, off: 300 });
  });

  it.each([['a string'], [-1], [1001], [250.5], [undefined]])('an offset of %s fails as not SMP', (off) => {
    const { effects } = run(STATES.streaming, [answer(STATES.streaming, 200, off)]);
    expect(failure(effects)).toEqual({ kind: 'bad-offset', off, total: 1000 });
  });

  it('match false fails, match true on the last chunk completes with the recoveries counted', () => {
    const s = STATES.streaming;
    expect(failure(run(s, [answer(s, 200, 300, false)]).effects)).toEqual({ kind: 'hash-mismatch' });
    const last = {
      ...s,
      acked: 900,
      next: 1000,
      inflight: [{ off: 900, end: 1000 }],
      recoveries: 4,
      retries: 1,
    };
    const { st, effects } = run(last, [answer(last, 900, 1000, true)]);
    expect(st.phase).toBe('done');
    expect(effects.at(-1)).toEqual({ type: 'done', recoveries: 4 });
  });

  it('progress resets the retries; consecutive timeouts beyond maxRetries stall the upload', () => {
    const s = { ...STATES.streaming, retries: 2 };
    expect(run(s, [answer(s, 200, 300)]).st.retries).toBe(0);
    const timeout: UploadEvent = {
      type: 'chunk-failed',
      generation: s.generation,
      failure: { kind: 'timeout', message: 'no answer' },
    };
    const { st, effects } = run(s, [timeout]);
    expect(st.phase).toBe('failed');
    expect(failure(effects)).toEqual({
      kind: 'stalled',
      acked: 200,
      total: 1000,
      attempts: 2,
      why: 'no answer',
    });
    const retried = run(STATES.streaming, [timeout]);
    expect(recovered(retried.effects)).toEqual(["no answer; resuming from the target's offset"]);
    expect(retried.st).toMatchObject({ retries: 1, recoveries: 1, phase: 'probing' });
  });

  it('a pulled cable waits for the port when the runner can, and fails with the link error when not', () => {
    const s = STATES.streaming;
    const ev: UploadEvent = {
      type: 'chunk-failed',
      generation: s.generation,
      failure: { kind: 'disconnected', error: lost },
    };
    const waits = run(s, [ev]);
    expect(waits.st).toMatchObject({ phase: 'waiting-port', inflight: [], generation: 2 });
    expect(waits.effects).toEqual([
      { type: 'recovered', what: 'the serial port went away; waiting for it to come back' },
      { type: 'wait-for-port' },
    ]);
    // The other request in flight fails too, in the old generation: nothing more happens.
    expect(stepUpload(cfg, waits.st, ev).effects).toEqual([]);
    const noWait = run(s, [ev], { ...cfg, canWaitForPort: false });
    expect(failure(noWait.effects)).toEqual({ kind: 'link', error: lost });
  });

  it('a canceled request or a refusal by the target is passed on as it is', () => {
    const refused = new ReaderError(ErrorCode.Link_PeerError, 'rc 11', { rc: 11 });
    const { effects } = run(STATES.streaming, [
      { type: 'chunk-failed', generation: 1, failure: { kind: 'fatal', error: refused } },
    ]);
    expect(failure(effects)).toEqual({ kind: 'link', error: refused });
  });

  it('a window of one keeps one chunk in flight, and the last chunk is the rest of the image', () => {
    const one = { ...cfg, window: 1, total: 250, chunkLength: (off: number) => Math.min(100, 250 - off) };
    let { st, effects } = run(INITIAL_UPLOAD_STATE, [{ type: 'start' }], one);
    const all: UploadEffect[] = [...effects];
    while (st.phase !== 'done') {
      const c = st.inflight[0]!;
      expect(st.inflight).toHaveLength(1);
      ({ st, effects } = run(st, [answer(st, c.off, c.end)], one));
      all.push(...effects);
    }
    expect(sends(all)).toEqual([
      [0, 100, 0],
      [100, 200, 0],
      [200, 250, 0],
    ]);
  });
});

describe('upload failures as errors (the one place they are mapped)', () => {
  it.each<[UploadFailure, number, RegExp]>([
    [
      { kind: 'stalled', acked: 10, total: 20, attempts: 6, why: 'x' },
      ErrorCode.Link_Timeout,
      /stalled at 10 of 20 bytes after 6 attempts: x/,
    ],
    [{ kind: 'bad-offset', off: 'a', total: 20 }, ErrorCode.Link_Protocol, /offset a \(image is 20 bytes\)/],
    [{ kind: 'restarted-thrice' }, ErrorCode.Link_Protocol, /restarted the upload from 0 three times/],
    [{ kind: 'offset-backwards', acked: 9, off: 3 }, ErrorCode.Link_OffsetBackwards, /backwards from 9 to 3/],
    [{ kind: 'hash-mismatch' }, ErrorCode.Link_ImageNotAccepted, /different SHA-256/],
    [{ kind: 'canceled', acked: 1, total: 2 }, ErrorCode.Op_Canceled, /upload canceled/],
    [{ kind: 'link', error: lost }, ErrorCode.Link_Disconnected, /gone/],
  ])('%o', (f, code, message) => {
    const e = uploadError(f);
    expect(isReaderError(e, code as never)).toBe(true);
    expect(e.message).toMatch(message);
  });

  it('a cancel carries the flag and how far the upload got', () => {
    const e = uploadError({ kind: 'canceled', acked: 1, total: 2 });
    expect(isReaderError(e) && e.context).toEqual({ canceled: true, acked: 1, total: 2 });
  });
});
