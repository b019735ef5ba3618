// The pipelined image upload as a pure transition function: state + event -> new state +
// effects, no I/O and no timers (the runner in uploader.ts sends, waits and times out).
// Chunks are sized by the runner's chunkLength, up to `window` are kept in flight, the
// target's offset is followed, a lost chunk (a timeout) makes the upload ask the target where
// it stands by sending the first-chunk fields (len, sha) again, and a pulled cable waits for
// the port and does the same. Every request carries the generation it was sent in: a rewind
// or a resume starts a new one, and answers of an older generation are ignored.

export type UploadPhase = 'idle' | 'probing' | 'streaming' | 'waiting-port' | 'done' | 'failed';

export interface UploadConfig {
  readonly total: number;
  /** Requests kept in flight (the target's buf_count, at most 8). */
  readonly window: number;
  /** Consecutive recoveries without progress before giving up. */
  readonly maxRetries: number;
  /** Whether the runner can wait for a port that went away (else a disconnect fails). */
  readonly canWaitForPort: boolean;
  /** Data bytes of the chunk at `off` (pure: the same offset gives the same length). */
  chunkLength(off: number): number;
}

export interface InflightChunk {
  readonly off: number;
  readonly end: number;
}

export interface UploadState {
  readonly phase: UploadPhase;
  /** Bytes the target confirmed. */
  readonly acked: number;
  /** Offset of the next chunk to send while streaming. */
  readonly next: number;
  readonly inflight: readonly InflightChunk[];
  readonly generation: number;
  /** Recoveries since the target last confirmed new bytes. */
  readonly retries: number;
  /** Recoveries over the whole upload (reported at the end). */
  readonly recoveries: number;
  /** Times the target asked to start over from 0. */
  readonly restarts: number;
}

/** Why a chunk's request failed, as the runner classifies the link's error. */
export type ChunkFailure =
  /** No answer (a lost line, a corrupted frame, a target that reset): ask where it stands. */
  | { readonly kind: 'timeout'; readonly message: string }
  /** The port went away. */
  | { readonly kind: 'disconnected'; readonly error: Error }
  /** Not recoverable here (canceled, the target refused, not our error): passed on as is. */
  | { readonly kind: 'fatal'; readonly error: Error };

export type UploadEvent =
  | { readonly type: 'start' }
  | {
      readonly type: 'answer';
      readonly generation: number;
      /** The chunk this answers (its offset). */
      readonly chunk: number;
      /** The answer's "off" and "match", unchecked. */
      readonly off: unknown;
      readonly match?: unknown;
    }
  | { readonly type: 'chunk-failed'; readonly generation: number; readonly failure: ChunkFailure }
  | { readonly type: 'port-back' }
  | { readonly type: 'port-lost'; readonly error: Error }
  | { readonly type: 'abort' };

/** How an upload ends badly; mapped to an error in exactly one place (the runner's uploadError). */
export type UploadFailure =
  | {
      readonly kind: 'stalled';
      readonly acked: number;
      readonly total: number;
      readonly attempts: number;
      readonly why: string;
    }
  | { readonly kind: 'bad-offset'; readonly off: unknown; readonly total: number }
  | { readonly kind: 'restarted-thrice' }
  | { readonly kind: 'offset-backwards'; readonly acked: number; readonly off: number }
  | { readonly kind: 'hash-mismatch' }
  | { readonly kind: 'canceled'; readonly acked: number; readonly total: number }
  | { readonly kind: 'link'; readonly error: Error };

export type UploadEffect =
  | {
      readonly type: 'send';
      readonly off: number;
      readonly end: number;
      /** Carries len and sha (and waits for the slot erase). */
      readonly first: boolean;
      readonly generation: number;
    }
  | { readonly type: 'wait-for-port' }
  | { readonly type: 'recovered'; readonly what: string }
  | { readonly type: 'progress'; readonly acked: number }
  | { readonly type: 'done'; readonly recoveries: number }
  | { readonly type: 'failed'; readonly failure: UploadFailure };

export interface UploadStep {
  readonly state: UploadState;
  readonly effects: readonly UploadEffect[];
}

export const INITIAL_UPLOAD_STATE: UploadState = {
  phase: 'idle',
  acked: 0,
  next: 0,
  inflight: [],
  generation: 0,
  retries: 0,
  recoveries: 0,
  restarts: 0,
};

const FINAL: ReadonlySet<UploadPhase> = new Set(['done', 'failed']);

export function stepUpload(cfg: UploadConfig, s: UploadState, ev: UploadEvent): UploadStep {
  if (FINAL.has(s.phase)) return { state: s, effects: [] };
  switch (ev.type) {
    case 'start':
      return s.phase === 'idle' ? pump(cfg, { ...s, phase: 'probing' }, []) : { state: s, effects: [] };
    case 'abort':
      return fail(s, [], { kind: 'canceled', acked: s.acked, total: cfg.total });
    case 'answer':
      return ev.generation === s.generation && isStreamingPhase(s.phase)
        ? onAnswer(cfg, s, ev)
        : { state: s, effects: [] };
    case 'chunk-failed':
      return ev.generation === s.generation && isStreamingPhase(s.phase)
        ? onChunkFailed(cfg, s, ev.failure)
        : { state: s, effects: [] };
    case 'port-back':
      return s.phase === 'waiting-port'
        ? recover(cfg, s, 'the port came back', [])
        : { state: s, effects: [] };
    case 'port-lost':
      return s.phase === 'waiting-port'
        ? fail(s, [], { kind: 'link', error: ev.error })
        : { state: s, effects: [] };
  }
}

const isStreamingPhase = (p: UploadPhase): boolean => p === 'probing' || p === 'streaming';

function fail(s: UploadState, effects: UploadEffect[], failure: UploadFailure): UploadStep {
  return {
    state: { ...s, phase: 'failed', inflight: [], generation: s.generation + 1 },
    effects: [...effects, { type: 'failed', failure }],
  };
}

/** Fills the window: while probing, one first-chunk request; while streaming, up to `window`. */
function pump(cfg: UploadConfig, s: UploadState, effects: UploadEffect[]): UploadStep {
  const out = [...effects];
  const inflight = [...s.inflight];
  let next = s.next;
  const send = (off: number): void => {
    const end = off + cfg.chunkLength(off);
    inflight.push({ off, end });
    out.push({ type: 'send', off, end, first: off === 0, generation: s.generation });
  };
  if (s.phase === 'probing') {
    if (inflight.length === 0) send(0);
  } else {
    while (inflight.length < cfg.window && next < cfg.total) {
      const off = next;
      send(off);
      next = inflight.at(-1)!.end;
    }
  }
  return { state: { ...s, inflight, next }, effects: out };
}

/** Forget what is in flight and ask the target where it stands (the first-chunk fields again). */
function recover(cfg: UploadConfig, s: UploadState, why: string, effects: UploadEffect[]): UploadStep {
  const retries = s.retries + 1;
  const after: UploadState = {
    ...s,
    inflight: [],
    generation: s.generation + 1,
    retries,
    recoveries: s.recoveries + 1,
  };
  if (retries > cfg.maxRetries)
    return fail(after, effects, {
      kind: 'stalled',
      acked: s.acked,
      total: cfg.total,
      attempts: cfg.maxRetries,
      why,
    });
  return pump(cfg, { ...after, phase: 'probing', next: 0 }, [
    ...effects,
    { type: 'recovered', what: `${why}; resuming from the target's offset` },
  ]);
}

function onChunkFailed(cfg: UploadConfig, s: UploadState, f: ChunkFailure): UploadStep {
  if (f.kind === 'fatal') return fail(s, [], { kind: 'link', error: f.error });
  if (f.kind === 'disconnected') {
    if (!cfg.canWaitForPort) return fail(s, [], { kind: 'link', error: f.error });
    return {
      state: { ...s, phase: 'waiting-port', inflight: [], generation: s.generation + 1 },
      effects: [
        { type: 'recovered', what: 'the serial port went away; waiting for it to come back' },
        { type: 'wait-for-port' },
      ],
    };
  }
  return recover(cfg, s, f.message, []);
}

function onAnswer(
  cfg: UploadConfig,
  s0: UploadState,
  ev: { readonly chunk: number; readonly off: unknown; readonly match?: unknown },
): UploadStep {
  const entry = s0.inflight.find((c) => c.off === ev.chunk);
  if (!entry) return { state: s0, effects: [] };
  let s: UploadState = { ...s0, inflight: s0.inflight.filter((c) => c !== entry) };
  const effects: UploadEffect[] = [];
  const off = ev.off;
  if (typeof off !== 'number' || !Number.isInteger(off) || off < 0 || off > cfg.total)
    return fail(s, effects, { kind: 'bad-offset', off, total: cfg.total });
  if (s.phase === 'probing') {
    // The target's answer to the first-chunk fields is where it stands: 0 on a fresh upload
    // (then our first chunk was written), or further on when it resumes.
    if (off > entry.end && off !== cfg.total)
      effects.push({ type: 'recovered', what: `target resumed the upload at ${off}` });
    s = { ...s, phase: 'streaming', acked: off, next: off };
  } else if (off === 0 && s.acked > 0) {
    const restarts = s.restarts + 1;
    if (restarts > 2) return fail({ ...s, restarts }, effects, { kind: 'restarted-thrice' });
    effects.push({ type: 'recovered', what: 'target asked to start over' });
    s = { ...s, phase: 'probing', restarts, acked: 0, inflight: [], generation: s.generation + 1 };
  } else if (off < s.acked) {
    return fail(s, effects, { kind: 'offset-backwards', acked: s.acked, off });
  } else if (off < entry.end) {
    // The target wants an earlier offset: a chunk before this one was lost. Rewind.
    effects.push({ type: 'recovered', what: `target asked for offset ${off} again (a chunk was lost)` });
    s = { ...s, acked: off, next: off, inflight: [], generation: s.generation + 1 };
  } else {
    s = { ...s, retries: off > s.acked ? 0 : s.retries, acked: Math.max(s.acked, off) };
  }
  if (ev.match === false) return fail(s, effects, { kind: 'hash-mismatch' });
  effects.push({ type: 'progress', acked: s.acked });
  if (s.acked >= cfg.total) {
    return {
      state: { ...s, phase: 'done', inflight: [], generation: s.generation + 1 },
      effects: [...effects, { type: 'done', recoveries: s.recoveries }],
    };
  }
  return pump(cfg, s, effects);
}
