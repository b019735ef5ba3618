// The verification session as a pure transition function: (state, event, context) → next
// state and the effects the runner must perform. No I/O, no timers, no secrets: the PIN,
// 照合番号B and images stay in the runner, so a state can be logged and traced as it is.
import type { ConsentKind, FaceProof, Method, Outcome, PinProof, ResultDraft, Stage } from './types.js';

export interface SessionData {
  readonly id: string;
  /** Hex of the terminal's nonce; empty for a session started by placing a card. */
  readonly nonce: string;
  readonly startedAt: number;
  readonly certificate?: Uint8Array;
  readonly hasPin?: boolean;
  /** The card said its PIN is blocked: the kiosk then offers face first (issue 16). */
  readonly pinBlocked?: boolean;
  /**
   * Tries left as the card reported them when it was read, or after our last wrong VERIFY: only
   * a VERIFY changes the counter and every one is ours, so choosing the PIN needs no new read.
   */
  readonly pinTriesLeft?: number;
  /** The chip refused the 照合番号B read from the card face: the patient should re-place it. */
  readonly keyBRefused?: boolean;
  readonly face?: FaceProof;
  readonly faceFailure?: 'face-not-matched' | 'liveness-failed' | 'card-face-unreadable';
  readonly pin?: PinProof;
  readonly visual?: { readonly commandId: string; readonly staffId: string; readonly confirmed: boolean };
  readonly method?: Method;
  readonly consents: readonly { readonly kind: ConsentKind; readonly granted: boolean }[];
  readonly stage?: Stage;
  readonly stageSince: number;
  readonly timings: readonly { readonly stage: Stage; readonly ms: number }[];
}

export type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'awaiting-card'; readonly s: SessionData }
  | { readonly kind: 'reading-card'; readonly s: SessionData }
  | { readonly kind: 'choosing-method'; readonly s: SessionData; readonly offered: readonly Method[] }
  | { readonly kind: 'reading-card-face'; readonly s: SessionData }
  | { readonly kind: 'reading-photo'; readonly s: SessionData }
  | { readonly kind: 'capturing'; readonly s: SessionData }
  | { readonly kind: 'checking-pin'; readonly s: SessionData }
  | {
      readonly kind: 'entering-pin';
      readonly s: SessionData;
      readonly triesLeft: number;
      readonly wrongBefore: boolean;
    }
  | { readonly kind: 'confirming-last-try'; readonly s: SessionData }
  | {
      readonly kind: 'verifying-pin';
      readonly s: SessionData;
      readonly triesLeft: number;
      readonly lastTryConfirmed: boolean;
    }
  | { readonly kind: 'signing'; readonly s: SessionData; readonly triesLeftBefore: number }
  | { readonly kind: 'awaiting-visual-check'; readonly s: SessionData; readonly why: string }
  | { readonly kind: 'consenting'; readonly s: SessionData; readonly index: number }
  | {
      readonly kind: 'publishing';
      readonly s: SessionData;
      readonly outcome: Outcome;
      readonly detail: string;
      /** The card left while the result was being stored. */
      readonly cardGone?: boolean;
    }
  | {
      readonly kind: 'done';
      /** No card on the tray: the done screen times out instead of waiting for removal. */
      readonly cardGone: boolean;
      readonly sessionId: string;
      readonly outcome: Outcome;
      readonly method?: Method;
      readonly detail: string;
    };

export type StateKind = State['kind'];
type SessionState = Exclude<State, { kind: 'idle' } | { kind: 'done' } | { kind: 'publishing' }>;

export type PinStateInfo = { kind: 'tries'; left: number } | { kind: 'blocked' } | { kind: 'no-pin' };

export type Event =
  | { readonly type: 'card-placed'; readonly sessionId: string }
  | { readonly type: 'card-removed' }
  | { readonly type: 'start-command'; readonly sessionId: string; readonly nonce: string }
  | { readonly type: 'card-read'; readonly certificate: Uint8Array; readonly pin: PinStateInfo }
  | { readonly type: 'method-chosen'; readonly method: Method }
  | { readonly type: 'card-face-read' }
  | { readonly type: 'card-face-unreadable'; readonly detail: string }
  | { readonly type: 'photo-read' }
  | { readonly type: 'face-verified'; readonly proof: FaceProof }
  | {
      readonly type: 'face-failed';
      readonly proof: FaceProof;
      readonly why: 'face-not-matched' | 'liveness-failed';
    }
  | { readonly type: 'pin-state'; readonly pin: PinStateInfo }
  | { readonly type: 'pin-entered' }
  | { readonly type: 'last-try-confirmed' }
  | { readonly type: 'pin-verified'; readonly triesLeftBefore: number }
  | { readonly type: 'pin-wrong'; readonly triesLeft: number }
  | { readonly type: 'pin-now-blocked' }
  | { readonly type: 'signed'; readonly signature: Uint8Array; readonly digest: Uint8Array }
  | {
      readonly type: 'visual-check-decision';
      readonly confirmed: boolean;
      readonly staffId: string;
      readonly commandId: string;
    }
  | { readonly type: 'consent'; readonly granted: boolean }
  | { readonly type: 'cancel'; readonly by: 'patient' | 'terminal' }
  | { readonly type: 'timeout' }
  | { readonly type: 'io-failed'; readonly outcome: Outcome; readonly detail: string }
  | { readonly type: 'published' };

export type Effect =
  | { readonly type: 'read-card' }
  | { readonly type: 'read-card-face' }
  | { readonly type: 'read-photo' }
  | { readonly type: 'verify-face' }
  | { readonly type: 'read-pin-state' }
  | { readonly type: 'verify-pin'; readonly lastTryConfirmed: boolean }
  | { readonly type: 'sign-evidence'; readonly sessionId: string; readonly nonce: string }
  | { readonly type: 'publish'; readonly result: ResultDraft }
  /** Abort the I/O of the state being left and wipe the session's secrets. */
  | { readonly type: 'end-session' }
  /** Tell the patient (screen, buzzer) without changing state, e.g. "wrong PIN". */
  | { readonly type: 'notice'; readonly code: string };

export interface Context {
  readonly now: number;
  readonly consents: readonly ConsentKind[];
  readonly faceEnabled: boolean;
  readonly pinEnabled: boolean;
  /** The signed SetMode(VISUAL_CHECK) command in force, if any. */
  readonly visualCheck?: { readonly commandId: string; readonly staffId: string };
  /** Offer visual check after a blocked PIN (when the mode is enabled). */
  readonly visualCheckOnBlockedPin: boolean;
}

export interface Step {
  readonly state: State;
  readonly effects: readonly Effect[];
}

/** The stage each state belongs to; undefined = waiting for the patient, not timed. */
export const STAGE_OF: Partial<Record<StateKind, Stage>> = {
  'reading-card': 'card-read',
  'reading-card-face': 'card-face-read',
  'reading-photo': 'photo-read',
  capturing: 'capture-and-match',
  'checking-pin': 'pin',
  'verifying-pin': 'pin',
  signing: 'pin',
  'awaiting-visual-check': 'visual-check',
  consenting: 'consent',
  publishing: 'sign-and-publish',
};

const IDLE: State = { kind: 'idle' };
const stay = (state: State): Step => ({ state, effects: [] });

function newSession(id: string, nonce: string, now: number): SessionData {
  return { id, nonce, startedAt: now, consents: [], stageSince: now, timings: [] };
}

/** Moves the session into `kind`, closing the timing of the stage it leaves. */
function enter(s: SessionData, kind: StateKind, now: number): SessionData {
  const stage = STAGE_OF[kind];
  if (stage === s.stage) return s;
  const timings = s.stage
    ? [...s.timings, { stage: s.stage, ms: Math.max(0, now - s.stageSince) }]
    : s.timings;
  return { ...s, stage, stageSince: now, timings };
}

function go<K extends SessionState['kind']>(
  kind: K,
  s: SessionData,
  now: number,
  extra: Omit<Extract<SessionState, { kind: K }>, 'kind' | 's'>,
  effects: Effect[] = [],
): Step {
  return { state: { kind, s: enter(s, kind, now), ...extra } as unknown as State, effects };
}

/**
 * The methods the patient may choose. A blocked PIN is never offered (issue 16): choosing it
 * could only end the session, so it is not a choice, here or on any screen or keypad.
 */
function offeredMethods(s: SessionData, ctx: Context): Method[] {
  const m: Method[] = [];
  if (ctx.faceEnabled && !s.faceFailure) m.push('face');
  if (ctx.pinEnabled && s.hasPin && !s.pinBlocked) m.push('pin');
  if (ctx.visualCheck) m.push('visual-check');
  return m;
}

const PIN_RESET = 'visit the municipal office to reset it';

/** Ends the session: builds the result and asks the runner to publish it. */
function finish(s: SessionData, outcome: Outcome, detail: string, now: number): Step {
  const t = enter(s, 'publishing', now);
  const result: ResultDraft = {
    sessionId: s.id,
    nonce: s.nonce,
    method: s.method,
    outcome,
    certificate: s.certificate,
    face: s.method === 'face' ? s.face : undefined,
    pin: s.method === 'pin' ? s.pin : undefined,
    visual: s.method === 'visual-check' ? s.visual : undefined,
    consents: s.consents,
    timings: t.timings,
    startedAt: s.startedAt,
    finishedAt: now,
    detail,
  };
  return {
    state: { kind: 'publishing', s: t, outcome, detail },
    effects: [{ type: 'end-session' }, { type: 'publish', result }],
  };
}

/** After identity is confirmed: consents, if any are configured, then the result. */
function confirmed(s: SessionData, ctx: Context): Step {
  if (ctx.consents.length === 0) return finish(s, 'verified', '', ctx.now);
  return go('consenting', s, ctx.now, { index: 0 });
}

/** Face is not (or no longer) possible: offer what is left, or end with `outcome`. */
function fallback(s: SessionData, ctx: Context, outcome: Outcome, detail: string): Step {
  const offered = offeredMethods(s, ctx);
  if (offered.length === 0) {
    // Face failed and the PIN is blocked: the face's outcome, saying why nothing else is offered.
    const why = s.pinBlocked && ctx.pinEnabled ? `${detail}; the PIN is blocked (${PIN_RESET})` : detail;
    return finish(s, outcome, why, ctx.now);
  }
  return go('choosing-method', s, ctx.now, { offered }, [{ type: 'notice', code: outcome }]);
}

/** 照合番号B could not be read, or the chip refused it: face is out, the rest is offered. */
function keyBUnusable(s: SessionData, ctx: Context, detail: string): Step {
  return fallback({ ...s, faceFailure: 'card-face-unreadable' }, ctx, 'card-face-unreadable', detail);
}

function startMethod(st: SessionState, method: Method, ctx: Context): Step {
  const s = { ...st.s, method };
  if (method === 'face') return go('reading-card-face', s, ctx.now, {}, [{ type: 'read-card-face' }]);
  if (method === 'pin') {
    // The PIN entry screen at once: the tries are known, and VERIFY checks them again anyway.
    if (s.pinTriesLeft !== undefined)
      return onPinState({ ...st, s }, { kind: 'tries', left: s.pinTriesLeft }, ctx);
    return go('checking-pin', s, ctx.now, {}, [{ type: 'read-pin-state' }]);
  }
  return go('awaiting-visual-check', s, ctx.now, { why: 'chosen' });
}

function onPinState(st: SessionState, pin: PinStateInfo, ctx: Context): Step {
  const s = st.s;
  if (pin.kind === 'no-pin')
    return fallback({ ...s, hasPin: false }, ctx, 'card-error', 'the card has no PIN');
  if (pin.kind === 'blocked' || pin.left === 0) {
    if (ctx.visualCheck && ctx.visualCheckOnBlockedPin) {
      return go('awaiting-visual-check', { ...s, method: 'visual-check' }, ctx.now, { why: 'pin-blocked' }, [
        { type: 'notice', code: 'pin-blocked' },
      ]);
    }
    return finish(s, 'pin-blocked', `the PIN is blocked: ${PIN_RESET}`, ctx.now);
  }
  return go('entering-pin', s, ctx.now, { triesLeft: pin.left, wrongBefore: st.kind === 'verifying-pin' });
}

function onTimeout(st: SessionState, ctx: Context): Step {
  if (st.kind === 'choosing-method' && st.s.faceFailure) {
    return finish(st.s, st.s.faceFailure, 'no other method chosen after the face check', ctx.now);
  }
  if (st.kind === 'entering-pin' && st.wrongBefore)
    return finish(st.s, 'pin-wrong', 'wrong PIN; no new PIN entered', ctx.now);
  return finish(st.s, 'timed-out', `timed out while ${st.kind}`, ctx.now);
}

function onCancel(st: SessionState, by: 'patient' | 'terminal', ctx: Context): Step {
  if (by === 'terminal') return finish(st.s, 'cancelled-by-terminal', 'cancelled by the terminal', ctx.now);
  if (st.kind === 'choosing-method' && st.s.faceFailure)
    return finish(st.s, st.s.faceFailure, 'the patient chose no other method', ctx.now);
  if (st.kind === 'entering-pin' && st.wrongBefore)
    return finish(st.s, 'pin-wrong', 'wrong PIN; the patient stopped', ctx.now);
  return finish(st.s, 'cancelled-by-patient', `cancelled by the patient while ${st.kind}`, ctx.now);
}

/** Events every state of a running session handles the same way. */
function common(st: SessionState, ev: Event, ctx: Context): Step | undefined {
  switch (ev.type) {
    case 'card-removed':
      return st.kind === 'awaiting-card'
        ? undefined
        : finish(st.s, 'card-removed', `the card was removed while ${st.kind}`, ctx.now);
    case 'cancel':
      return onCancel(st, ev.by, ctx);
    case 'timeout':
      return onTimeout(st, ctx);
    case 'io-failed':
      return finish(st.s, ev.outcome, ev.detail, ctx.now);
    default:
      return undefined;
  }
}

function session(st: SessionState, ev: Event, ctx: Context): Step {
  const c = common(st, ev, ctx);
  if (c) return c;
  const s = st.s;
  const now = ctx.now;
  switch (st.kind) {
    case 'awaiting-card':
      if (ev.type === 'card-placed') return go('reading-card', s, now, {}, [{ type: 'read-card' }]);
      break;
    case 'reading-card':
      if (ev.type === 'card-read') {
        const hasPin = ev.pin.kind !== 'no-pin';
        const pinBlocked = ev.pin.kind === 'blocked' || (ev.pin.kind === 'tries' && ev.pin.left === 0);
        const pinTriesLeft = ev.pin.kind === 'tries' ? ev.pin.left : undefined;
        const next = { ...s, certificate: ev.certificate, hasPin, pinBlocked, pinTriesLeft };
        const offered = offeredMethods(next, ctx);
        if (offered.length === 0 && pinBlocked && ctx.pinEnabled)
          return finish(next, 'pin-blocked', `the PIN is blocked: ${PIN_RESET}`, now);
        if (offered.length === 0)
          return finish(next, 'card-error', 'no verification method is available for this card', now);
        // One method starts at once; with a blocked PIN the patient is first told why face is
        // the only way (the kiosk's "PIN locked" choice screen).
        if (offered.length === 1 && !pinBlocked) return startMethod({ ...st, s: next }, offered[0]!, ctx);
        return go('choosing-method', next, now, { offered });
      }
      break;
    case 'choosing-method':
      if (ev.type === 'method-chosen' && st.offered.includes(ev.method))
        return startMethod(st, ev.method, ctx);
      break;
    case 'reading-card-face':
      if (ev.type === 'card-face-read') return go('reading-photo', s, now, {}, [{ type: 'read-photo' }]);
      if (ev.type === 'card-face-unreadable') return keyBUnusable(s, ctx, ev.detail);
      break;
    case 'reading-photo':
      if (ev.type === 'photo-read') return go('capturing', s, now, {}, [{ type: 'verify-face' }]);
      if (ev.type === 'card-face-unreadable')
        return keyBUnusable({ ...s, keyBRefused: true }, ctx, ev.detail);
      break;
    case 'capturing':
      if (ev.type === 'face-verified') return confirmed({ ...s, face: ev.proof }, ctx);
      if (ev.type === 'face-failed') {
        const detail =
          ev.why === 'liveness-failed'
            ? 'the liveness check failed'
            : 'the face did not match the card photo';
        return fallback({ ...s, face: ev.proof, faceFailure: ev.why }, ctx, ev.why, detail);
      }
      break;
    case 'checking-pin':
      if (ev.type === 'pin-state') return onPinState(st, ev.pin, ctx);
      break;
    case 'entering-pin':
      if (ev.type === 'pin-entered') {
        if (st.triesLeft === 1)
          return go('confirming-last-try', s, now, {}, [{ type: 'notice', code: 'last-try' }]);
        return go('verifying-pin', s, now, { triesLeft: st.triesLeft, lastTryConfirmed: false }, [
          { type: 'verify-pin', lastTryConfirmed: false },
        ]);
      }
      break;
    case 'confirming-last-try':
      if (ev.type === 'last-try-confirmed')
        return go('verifying-pin', s, now, { triesLeft: 1, lastTryConfirmed: true }, [
          { type: 'verify-pin', lastTryConfirmed: true },
        ]);
      break;
    case 'verifying-pin':
      if (ev.type === 'pin-verified')
        return go(
          'signing',
          { ...s, pin: { triesLeftBefore: ev.triesLeftBefore, lastTryConfirmed: st.lastTryConfirmed } },
          now,
          { triesLeftBefore: ev.triesLeftBefore },
          [{ type: 'sign-evidence', sessionId: s.id, nonce: s.nonce }],
        );
      if (ev.type === 'pin-wrong') {
        // Never VERIFY again on our own: the patient decides whether to enter the PIN again.
        const next = { ...s, pinTriesLeft: ev.triesLeft };
        return go('entering-pin', next, now, { triesLeft: ev.triesLeft, wrongBefore: true }, [
          { type: 'notice', code: 'pin-wrong' },
        ]);
      }
      if (ev.type === 'pin-now-blocked') return onPinState(st, { kind: 'blocked' }, ctx);
      break;
    case 'signing':
      if (ev.type === 'signed') {
        const pin: PinProof = { ...s.pin!, signature: ev.signature, digest: ev.digest };
        return confirmed({ ...s, pin }, ctx);
      }
      break;
    case 'awaiting-visual-check':
      if (ev.type === 'visual-check-decision') {
        const visual = { commandId: ev.commandId, staffId: ev.staffId, confirmed: ev.confirmed };
        const next = { ...s, method: 'visual-check' as const, visual };
        if (!ev.confirmed)
          return finish(next, 'visual-check-rejected', 'staff did not confirm the patient', now);
        return confirmed(next, ctx);
      }
      break;
    case 'consenting':
      if (ev.type === 'consent') {
        const kind = ctx.consents[st.index]!;
        const next = { ...s, consents: [...s.consents, { kind, granted: ev.granted }] };
        if (st.index + 1 < ctx.consents.length) return go('consenting', next, now, { index: st.index + 1 });
        return finish(next, 'verified', '', now);
      }
      break;
  }
  return stay(st);
}

export function transition(state: State, ev: Event, ctx: Context): Step {
  switch (state.kind) {
    case 'idle':
      if (ev.type === 'card-placed') {
        const s = newSession(ev.sessionId, '', ctx.now);
        return go('reading-card', s, ctx.now, {}, [{ type: 'read-card' }]);
      }
      if (ev.type === 'start-command')
        return go('awaiting-card', newSession(ev.sessionId, ev.nonce, ctx.now), ctx.now, {});
      return stay(state);
    case 'done':
      // The reader is ready again once the card is taken away or the screen times out.
      if (ev.type === 'card-removed' || ev.type === 'timeout') return stay(IDLE);
      if (ev.type === 'start-command' || ev.type === 'card-placed') return transition(IDLE, ev, ctx);
      return stay(state);
    case 'publishing':
      if (ev.type === 'card-removed' && !state.cardGone) return stay({ ...state, cardGone: true });
      if (ev.type === 'published') {
        return stay({
          kind: 'done',
          sessionId: state.s.id,
          outcome: state.outcome,
          method: state.s.method,
          detail: state.detail,
          cardGone: state.cardGone === true || state.outcome === 'card-removed',
        });
      }
      return stay(state);
    default:
      return session(state, ev, ctx);
  }
}

/** True while a session runs (a StartSession would be BUSY). */
export function inSession(state: State): boolean {
  return state.kind !== 'idle' && state.kind !== 'done';
}
