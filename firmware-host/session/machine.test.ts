// Every transition of the session machine, table-driven: each (state, event) pair in the
// table moves where the table says; every pair not in the table leaves the state unchanged.
import { describe, expect, it } from 'vitest';
import {
  type Context,
  type Event,
  type PinStateInfo,
  type SessionData,
  type State,
  type StateKind,
  transition,
} from './machine.js';
import { CONSENT_KINDS } from './types.js';

const NOW = 1_000_000;
const ctx: Context = {
  now: NOW,
  consents: ['medication', 'surgery'],
  faceEnabled: true,
  pinEnabled: true,
  visualCheckOnBlockedPin: true,
};
const withVisual: Context = { ...ctx, visualCheck: { commandId: 'c0ffee', staffId: 'staff-7' } };

const s: SessionData = {
  id: 'sess-1',
  nonce: 'abcd',
  startedAt: NOW - 5000,
  certificate: Uint8Array.of(0x30),
  hasPin: true,
  method: 'face',
  consents: [],
  stage: 'card-read',
  stageSince: NOW - 100,
  timings: [],
};
const faceProof = { score: 0.5, threshold: 0.39, matcher: 'm', attempts: 1 };

const STATES: Record<StateKind, State> = {
  idle: { kind: 'idle' },
  'awaiting-card': { kind: 'awaiting-card', s: { ...s, method: undefined, stage: undefined } },
  'reading-card': { kind: 'reading-card', s: { ...s, method: undefined } },
  'choosing-method': { kind: 'choosing-method', s, offered: ['face', 'pin'] },
  'reading-card-face': { kind: 'reading-card-face', s },
  'reading-photo': { kind: 'reading-photo', s },
  capturing: { kind: 'capturing', s },
  'checking-pin': { kind: 'checking-pin', s: { ...s, method: 'pin' } },
  'entering-pin': { kind: 'entering-pin', s: { ...s, method: 'pin' }, triesLeft: 3, wrongBefore: false },
  'confirming-last-try': { kind: 'confirming-last-try', s: { ...s, method: 'pin' } },
  'verifying-pin': {
    kind: 'verifying-pin',
    s: { ...s, method: 'pin' },
    triesLeft: 3,
    lastTryConfirmed: false,
  },
  signing: {
    kind: 'signing',
    s: { ...s, method: 'pin', pin: { triesLeftBefore: 3, lastTryConfirmed: false } },
    triesLeftBefore: 3,
  },
  'awaiting-visual-check': {
    kind: 'awaiting-visual-check',
    s: { ...s, method: 'visual-check' },
    why: 'chosen',
  },
  consenting: { kind: 'consenting', s, index: 0 },
  publishing: { kind: 'publishing', s, outcome: 'verified', detail: '' },
  done: {
    kind: 'done',
    sessionId: 'sess-1',
    outcome: 'verified',
    method: 'face',
    detail: '',
    cardGone: false,
  },
};

const EVENTS: Record<Event['type'], Event> = {
  'card-placed': { type: 'card-placed', sessionId: 'sess-2' },
  'card-removed': { type: 'card-removed' },
  'start-command': { type: 'start-command', sessionId: 'sess-3', nonce: '0102' },
  'card-read': { type: 'card-read', certificate: Uint8Array.of(1), pin: { kind: 'tries', left: 3 } },
  'method-chosen': { type: 'method-chosen', method: 'pin' },
  'card-face-read': { type: 'card-face-read' },
  'card-face-unreadable': { type: 'card-face-unreadable', detail: 'blurred' },
  'photo-read': { type: 'photo-read' },
  'face-verified': { type: 'face-verified', proof: faceProof },
  'face-failed': { type: 'face-failed', proof: faceProof, why: 'face-not-matched' },
  'pin-state': { type: 'pin-state', pin: { kind: 'tries', left: 2 } },
  'pin-entered': { type: 'pin-entered' },
  'last-try-confirmed': { type: 'last-try-confirmed' },
  'pin-verified': { type: 'pin-verified', triesLeftBefore: 3 },
  'pin-wrong': { type: 'pin-wrong', triesLeft: 2 },
  'pin-now-blocked': { type: 'pin-now-blocked' },
  signed: { type: 'signed', signature: new Uint8Array(256), digest: new Uint8Array(32) },
  'visual-check-decision': { type: 'visual-check-decision', confirmed: true, staffId: 'st', commandId: 'aa' },
  consent: { type: 'consent', granted: true },
  cancel: { type: 'cancel', by: 'patient' },
  timeout: { type: 'timeout' },
  'io-failed': { type: 'io-failed', outcome: 'module-error', detail: 'module gone' },
  published: { type: 'published' },
};

// [from, event, to, effects, outcome of the published result]
type Row = [StateKind, Event['type'], StateKind, string[]?, string?];
const SESSION_STATES = (Object.keys(STATES) as StateKind[]).filter(
  (k) => k !== 'idle' && k !== 'done' && k !== 'publishing',
);

const TABLE: Row[] = [
  ['idle', 'card-placed', 'reading-card', ['read-card']],
  ['idle', 'start-command', 'awaiting-card', []],
  ['awaiting-card', 'card-placed', 'reading-card', ['read-card']],
  ['reading-card', 'card-read', 'choosing-method', []],
  ['choosing-method', 'method-chosen', 'checking-pin', ['read-pin-state']],
  ['reading-card-face', 'card-face-read', 'reading-photo', ['read-photo']],
  ['reading-card-face', 'card-face-unreadable', 'choosing-method', ['notice']],
  ['reading-photo', 'photo-read', 'capturing', ['verify-face']],
  ['reading-photo', 'card-face-unreadable', 'choosing-method', ['notice']],
  ['capturing', 'face-verified', 'consenting', []],
  ['capturing', 'face-failed', 'choosing-method', ['notice']],
  ['checking-pin', 'pin-state', 'entering-pin', []],
  ['entering-pin', 'pin-entered', 'verifying-pin', ['verify-pin']],
  ['confirming-last-try', 'last-try-confirmed', 'verifying-pin', ['verify-pin']],
  ['verifying-pin', 'pin-verified', 'signing', ['sign-evidence']],
  ['verifying-pin', 'pin-wrong', 'entering-pin', ['notice']],
  ['verifying-pin', 'pin-now-blocked', 'publishing', ['end-session', 'publish'], 'pin-blocked'],
  ['signing', 'signed', 'consenting', []],
  ['awaiting-visual-check', 'visual-check-decision', 'consenting', []],
  ['consenting', 'consent', 'consenting', []],
  ['publishing', 'published', 'done', []],
  ['publishing', 'card-removed', 'publishing', []],
  ['done', 'card-removed', 'idle', []],
  ['done', 'timeout', 'idle', []],
  ['done', 'card-placed', 'reading-card', ['read-card']],
  ['done', 'start-command', 'awaiting-card', []],
  // Every running session ends on cancel, timeout, I/O failure and (once a card is in) removal.
  ...SESSION_STATES.flatMap((k): Row[] => [
    [k, 'cancel', 'publishing', ['end-session', 'publish'], 'cancelled-by-patient'],
    [k, 'timeout', 'publishing', ['end-session', 'publish'], 'timed-out'],
    [k, 'io-failed', 'publishing', ['end-session', 'publish'], 'module-error'],
    ...(k === 'awaiting-card'
      ? []
      : [[k, 'card-removed', 'publishing', ['end-session', 'publish'], 'card-removed'] as Row]),
  ]),
];

describe('session machine: every (state, event) pair', () => {
  for (const from of Object.keys(STATES) as StateKind[]) {
    for (const type of Object.keys(EVENTS) as Event['type'][]) {
      const row = TABLE.find(([f, e]) => f === from && e === type);
      const name = row ? `${from} + ${type} → ${row[2]}` : `${from} + ${type} stays`;
      it(name, () => {
        const step = transition(STATES[from], EVENTS[type], ctx);
        if (!row) {
          expect(step.state).toBe(STATES[from]);
          expect(step.effects).toEqual([]);
          return;
        }
        expect(step.state.kind).toBe(row[2]);
        expect(step.effects.map((e) => e.type)).toEqual(row[3]);
        const published = step.effects.find((e) => e.type === 'publish');
        if (row[4]) expect(published?.type === 'publish' && published.result.outcome).toBe(row[4]);
      });
    }
  }
});

const run = (state: State, events: Event[], c: Context = ctx) => {
  let st = state;
  const effects: string[] = [];
  for (const ev of events) {
    const step = transition(st, ev, c);
    st = step.state;
    effects.push(...step.effects.map((e) => e.type));
  }
  return { st, effects };
};
const resultOf = (state: State, events: Event[], c: Context = ctx) => {
  let st = state;
  for (const ev of events) {
    const step = transition(st, ev, c);
    st = step.state;
    const p = step.effects.find((e) => e.type === 'publish');
    if (p?.type === 'publish') return p.result;
  }
  throw new Error(`no result; ended in ${st.kind}`);
};

describe('session machine: the branches that depend on data', () => {
  it('a card with only one possible method starts it without asking', () => {
    const { st, effects } = run(STATES['reading-card'], [
      { type: 'card-read', certificate: Uint8Array.of(1), pin: { kind: 'no-pin' } },
    ]);
    expect(st.kind).toBe('reading-card-face');
    expect(effects).toEqual(['read-card-face']);
  });

  it('a card without PIN is offered visual check beside face when the mode is on', () => {
    const { st } = run(
      STATES['reading-card'],
      [{ type: 'card-read', certificate: Uint8Array.of(1), pin: { kind: 'no-pin' } }],
      withVisual,
    );
    expect(st.kind === 'choosing-method' && st.offered).toEqual(['face', 'visual-check']);
  });

  it('a card without PIN ends with a card error when face is disabled and visual check is off', () => {
    const r = resultOf(
      STATES['reading-card'],
      [{ type: 'card-read', certificate: Uint8Array.of(1), pin: { kind: 'no-pin' } }],
      { ...ctx, faceEnabled: false },
    );
    expect(r.outcome).toBe('card-error');
  });

  it('choosing the PIN goes straight to its entry with the tries the card read gave, also after a failed face check', () => {
    const read = run(STATES['reading-card'], [
      { type: 'card-read', certificate: Uint8Array.of(1), pin: { kind: 'tries', left: 2 } },
    ]);
    expect(read.st.kind).toBe('choosing-method');
    const chosen = run(read.st, [{ type: 'method-chosen', method: 'pin' }]);
    expect(chosen.st).toMatchObject({ kind: 'entering-pin', triesLeft: 2, wrongBefore: false });
    expect(chosen.effects).toEqual([]);
    // The last try still asks the patient first; a wrong PIN's count is the one kept.
    const last = run(read.st, [
      { type: 'method-chosen', method: 'face' },
      { type: 'card-face-unreadable', detail: 'no picture' },
    ]);
    expect(last.st.kind).toBe('choosing-method');
    const pin = run(last.st, [{ type: 'method-chosen', method: 'pin' }, { type: 'pin-entered' }]);
    expect(pin.effects).toEqual(['verify-pin']);
    const wrong = run(pin.st, [{ type: 'pin-wrong', triesLeft: 1 }, { type: 'pin-entered' }]);
    expect(wrong.st.kind).toBe('confirming-last-try');
    // Tries not known (a session state from before): read them, as before.
    const unknown = run({ ...STATES['choosing-method'] }, [{ type: 'method-chosen', method: 'pin' }]);
    expect(unknown.st.kind).toBe('checking-pin');
    expect(unknown.effects).toEqual(['read-pin-state']);
  });

  it('the last try needs the patient to confirm before VERIFY', () => {
    const start: State = {
      kind: 'entering-pin',
      s: { ...s, method: 'pin' },
      triesLeft: 1,
      wrongBefore: false,
    };
    const a = run(start, [{ type: 'pin-entered' }]);
    expect(a.st.kind).toBe('confirming-last-try');
    expect(a.effects).toEqual(['notice']);
    const b = run(a.st, [{ type: 'last-try-confirmed' }]);
    expect(b.effects).toEqual(['verify-pin']);
    expect(b.st.kind === 'verifying-pin' && b.st.lastTryConfirmed).toBe(true);
  });

  it('a wrong PIN never triggers another VERIFY by itself', () => {
    const { st, effects } = run(STATES['verifying-pin'], [
      { type: 'pin-wrong', triesLeft: 2 },
      { type: 'timeout' },
    ]);
    expect(effects.filter((e) => e === 'verify-pin')).toEqual([]);
    expect(st.kind).toBe('publishing');
    expect(
      resultOf(STATES['verifying-pin'], [
        { type: 'pin-wrong', triesLeft: 2 },
        { type: 'cancel', by: 'patient' },
      ]).outcome,
    ).toBe('pin-wrong');
  });

  it('the card read records a blocked PIN; a refused 照合番号B is told apart from an unread one', () => {
    const read = (pin: PinStateInfo) =>
      run(STATES['reading-card'], [{ type: 'card-read', certificate: Uint8Array.of(0x30), pin }]).st;
    const blocked = read({ kind: 'blocked' });
    expect(blocked.kind === 'choosing-method' && blocked.s.pinBlocked).toBe(true);
    const left = read({ kind: 'tries', left: 3 });
    expect(left.kind === 'choosing-method' && left.s.pinBlocked).toBe(false);
    const unread = run(STATES['reading-card-face'], [EVENTS['card-face-unreadable']]).st;
    expect(unread.kind === 'choosing-method' && !unread.s.keyBRefused).toBe(true);
    const refused = run(STATES['reading-photo'], [EVENTS['card-face-unreadable']]).st;
    expect(refused.kind === 'choosing-method' && refused.s.keyBRefused).toBe(true);
  });

  it('a blocked PIN goes to visual check only when the terminal enabled it', () => {
    const blocked: Event = { type: 'pin-state', pin: { kind: 'blocked' } };
    expect(resultOf(STATES['checking-pin'], [blocked]).outcome).toBe('pin-blocked');
    const { st } = run(STATES['checking-pin'], [blocked], withVisual);
    expect(st.kind).toBe('awaiting-visual-check');
    const r = resultOf(
      st,
      [
        { type: 'visual-check-decision', confirmed: true, staffId: 'staff-7', commandId: 'c0ffee' },
        { type: 'consent', granted: true },
        { type: 'consent', granted: false },
      ],
      withVisual,
    );
    expect(r).toMatchObject({ method: 'visual-check', outcome: 'verified', visual: { staffId: 'staff-7' } });
    expect(r.consents).toEqual([
      { kind: 'medication', granted: true },
      { kind: 'surgery', granted: false },
    ]);
  });

  it('staff rejecting the patient ends with visual-check-rejected', () => {
    const r = resultOf(STATES['awaiting-visual-check'], [
      { type: 'visual-check-decision', confirmed: false, staffId: 'st', commandId: 'aa' },
    ]);
    expect(r.outcome).toBe('visual-check-rejected');
  });

  it('face failure without PIN or visual check ends with the face outcome', () => {
    const noPin: State = { kind: 'capturing', s: { ...s, hasPin: false } };
    const r = resultOf(noPin, [{ type: 'face-failed', proof: faceProof, why: 'liveness-failed' }]);
    expect(r).toMatchObject({ outcome: 'liveness-failed', method: 'face', face: faceProof });
  });

  it('face failure then cancel keeps the face outcome; then PIN goes on', () => {
    const failed = run(STATES.capturing, [
      { type: 'face-failed', proof: faceProof, why: 'face-not-matched' },
    ]).st;
    expect(failed.kind === 'choosing-method' && failed.offered).toEqual(['pin']);
    expect(resultOf(failed, [{ type: 'cancel', by: 'patient' }]).outcome).toBe('face-not-matched');
    expect(resultOf(failed, [{ type: 'cancel', by: 'terminal' }]).outcome).toBe('cancelled-by-terminal');
    const r = resultOf(failed, [
      { type: 'method-chosen', method: 'pin' },
      { type: 'pin-state', pin: { kind: 'tries', left: 3 } },
      { type: 'pin-entered' },
      { type: 'pin-verified', triesLeftBefore: 3 },
      { type: 'signed', signature: Uint8Array.of(9), digest: Uint8Array.of(8) },
      { type: 'consent', granted: true },
      { type: 'consent', granted: true },
    ]);
    expect(r).toMatchObject({ method: 'pin', outcome: 'verified', face: undefined });
    expect(r.pin).toMatchObject({ triesLeftBefore: 3, lastTryConfirmed: false, signature: Uint8Array.of(9) });
  });

  it('a method not offered is ignored', () => {
    const st: State = { kind: 'choosing-method', s, offered: ['face'] };
    expect(transition(st, { type: 'method-chosen', method: 'visual-check' }, ctx).state).toBe(st);
  });

  it('stage timings add up per stage and leave out the patient’s own time', () => {
    const steps: [number, Event][] = [
      [0, { type: 'card-placed', sessionId: 'x' }],
      [20, { type: 'card-read', certificate: Uint8Array.of(1), pin: { kind: 'tries', left: 3 } }],
      [5020, { type: 'method-chosen', method: 'face' }],
      [5320, { type: 'card-face-read' }],
      [5620, { type: 'photo-read' }],
      [6020, { type: 'face-verified', proof: faceProof }],
      [9000, { type: 'consent', granted: true }],
      [9500, { type: 'consent', granted: true }],
    ];
    let st: State = STATES.idle;
    let result: unknown;
    for (const [t, ev] of steps) {
      const step = transition(st, ev, { ...ctx, now: NOW + t });
      st = step.state;
      for (const e of step.effects) if (e.type === 'publish') result = e.result;
    }
    expect(result).toMatchObject({
      timings: [
        { stage: 'card-read', ms: 20 },
        { stage: 'card-face-read', ms: 300 },
        { stage: 'photo-read', ms: 300 },
        { stage: 'capture-and-match', ms: 400 },
        { stage: 'consent', ms: 3480 },
      ],
      startedAt: NOW,
      finishedAt: NOW + 9500,
    });
  });

  it('the result echoes the nonce of a terminal-started session and never holds secrets', () => {
    const r = resultOf(STATES.idle, [
      { type: 'start-command', sessionId: 's9', nonce: '0a0b' },
      { type: 'timeout' },
    ]);
    expect(r).toMatchObject({ sessionId: 's9', nonce: '0a0b', outcome: 'timed-out' });
    expect(JSON.stringify(r)).not.toMatch(/pin"?:"\d{4}|keyB/);
  });

  it('consents are asked in the configured order, all five when configured so', () => {
    const c = { ...ctx, consents: CONSENT_KINDS };
    const r = resultOf(
      STATES.consenting,
      CONSENT_KINDS.map((_, i) => ({ type: 'consent', granted: i % 2 === 0 }) as Event),
      c,
    );
    expect(r.consents.map((x) => x.kind)).toEqual(CONSENT_KINDS);
  });
});

describe('session machine: a blocked PIN is never offered (issue 16)', () => {
  const blockedRead: Event = {
    type: 'card-read',
    certificate: Uint8Array.of(0x30),
    pin: { kind: 'blocked' },
  };
  const noTries: Event = {
    type: 'card-read',
    certificate: Uint8Array.of(0x30),
    pin: { kind: 'tries', left: 0 },
  };

  it('the choice holds face only, and choosing the PIN anyway changes nothing', () => {
    for (const ev of [blockedRead, noTries]) {
      const { st } = run(STATES['reading-card'], [ev]);
      expect(st.kind === 'choosing-method' && st.offered).toEqual(['face']);
      const { st: after, effects } = run(st, [{ type: 'method-chosen', method: 'pin' }]);
      expect(after).toBe(st);
      expect(effects).toEqual([]);
    }
    const { st } = run(STATES['reading-card'], [blockedRead], withVisual);
    expect(st.kind === 'choosing-method' && st.offered).toEqual(['face', 'visual-check']);
  });

  it('after a face failure with a blocked PIN the session ends with the face outcome, not a PIN offer', () => {
    const { st } = run(STATES['reading-card'], [blockedRead, { type: 'method-chosen', method: 'face' }]);
    expect(st.kind).toBe('reading-card-face');
    const r = resultOf(st, [
      EVENTS['card-face-read'],
      EVENTS['photo-read'],
      { type: 'face-failed', proof: faceProof, why: 'face-not-matched' },
    ]);
    expect(r.outcome).toBe('face-not-matched');
    expect(r.detail).toContain('the PIN is blocked');
    const live = resultOf(st, [
      EVENTS['card-face-read'],
      EVENTS['photo-read'],
      { type: 'face-failed', proof: faceProof, why: 'liveness-failed' },
    ]);
    expect(live.outcome).toBe('liveness-failed');
  });

  it('with face switched off, a blocked PIN ends as pin-blocked (not card-error)', () => {
    const r = resultOf(STATES['reading-card'], [blockedRead], { ...ctx, faceEnabled: false });
    expect(r.outcome).toBe('pin-blocked');
  });
});
