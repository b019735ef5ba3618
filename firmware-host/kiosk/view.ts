// What the kiosk screen shows, derived from the session state: one instruction at a time.
// Never carries a secret. The screen's texts live in texts/; the view names them by key and
// carries the patient's language, so the page and the voice guidance say the same thing.
import type { State } from '../session/machine.js';
import type { ConsentKind, Method, Outcome } from '../session/types.js';
import type { ChallengeNotice } from '../vision/liveness-board.js';
import { GUIDANCE, type QualityIssue } from '../vision/quality.js';
import type { Lang, TextKey } from './texts/index.js';

/** Why the choice of method is offered again, for the line above it. */
export type ChoiceReason = 'face-failed' | 'card-face-unreadable' | 'key-b-refused' | 'pin-locked';

export interface KioskView {
  readonly screen: State['kind'];
  /** For the kiosk's API clients (the emulated patient, the kit); never shown on the screen. */
  readonly sessionId?: string;
  readonly lang: Lang;
  readonly offered?: readonly Method[];
  readonly reason?: ChoiceReason;
  readonly triesLeft?: number;
  readonly wrongBefore?: boolean;
  readonly consent?: { readonly kind: ConsentKind; readonly index: number; readonly total: number };
  readonly outcome?: Outcome;
  readonly method?: Method;
  readonly detail?: string;
  readonly guidance?: { readonly code: QualityIssue; readonly ja: string; readonly en: string };
  /** While capturing: the liveness challenge's step now, or the request to take off a mask. */
  readonly challenge?: ChallengeView;
  readonly notice?: string;
  /** On the done screen: the card is no longer on the tray. */
  readonly cardGone?: boolean;
  /** How long this screen waits for the patient before the session times out (ms). */
  readonly timeoutMs?: number;
  readonly visualCheckMode: boolean;
  readonly outOfService: boolean;
}

export interface ChallengeView {
  readonly kind: 'prompt' | 'occlusion';
  /** The text to show and say. */
  readonly key: TextKey;
  /** Prompts: the step of the challenge and its number of steps. */
  readonly step?: number;
  readonly steps?: number;
  readonly attempt: number;
  readonly attempts: number;
  /** Prompts: the time left to answer this step (ms), for the countdown. */
  readonly remainingMs?: number;
}

/** The board's notice as the screen shows it (never an image or a score). */
export function challengeView(n: ChallengeNotice | undefined, nowMs: number): ChallengeView | undefined {
  if (!n) return undefined;
  if (n.kind === 'occlusion')
    return {
      kind: 'occlusion',
      key: `challenge-remove-${n.occlusion}`,
      attempt: n.attempt,
      attempts: n.attempts,
    };
  return {
    kind: 'prompt',
    key: `challenge-${n.action}`,
    step: n.step,
    steps: n.steps,
    attempt: n.attempt,
    attempts: n.attempts,
    remainingMs: Math.max(0, n.untilMs - nowMs),
  };
}

export interface ViewExtra {
  readonly consents: readonly ConsentKind[];
  readonly lang: Lang;
  readonly guidance?: QualityIssue;
  readonly challenge?: ChallengeView;
  readonly notice?: string;
  readonly timeoutMs?: number;
  readonly visualCheckMode: boolean;
  readonly outOfService: boolean;
}

/** The methods to show: a blocked PIN is not offered while face is still possible. */
function choice(st: Extract<State, { kind: 'choosing-method' }>): Pick<KioskView, 'offered' | 'reason'> {
  const s = st.s;
  const hidePin = s.pinBlocked === true && st.offered.includes('face');
  const offered = hidePin ? st.offered.filter((m) => m !== 'pin') : st.offered;
  const reason: ChoiceReason | undefined = s.keyBRefused
    ? 'key-b-refused'
    : s.faceFailure === 'card-face-unreadable'
      ? 'card-face-unreadable'
      : s.faceFailure
        ? 'face-failed'
        : hidePin
          ? 'pin-locked'
          : undefined;
  return { offered, reason };
}

export function viewOf(st: State, extra: ViewExtra): KioskView {
  const base = {
    screen: st.kind,
    lang: extra.lang,
    visualCheckMode: extra.visualCheckMode,
    outOfService: extra.outOfService,
    notice: extra.notice,
    timeoutMs: extra.timeoutMs,
  };
  switch (st.kind) {
    case 'idle':
      return { ...base, timeoutMs: undefined };
    case 'done':
      return {
        ...base,
        timeoutMs: undefined,
        sessionId: st.sessionId,
        outcome: st.outcome,
        method: st.method,
        detail: st.detail,
        cardGone: st.cardGone,
      };
    case 'choosing-method':
      return { ...base, sessionId: st.s.id, ...choice(st) };
    case 'entering-pin':
      return { ...base, sessionId: st.s.id, triesLeft: st.triesLeft, wrongBefore: st.wrongBefore };
    case 'consenting':
      return {
        ...base,
        sessionId: st.s.id,
        consent: { kind: extra.consents[st.index]!, index: st.index, total: extra.consents.length },
      };
    // The chip photo is read while the patient looks: the same capture screen.
    case 'reading-photo':
    case 'capturing':
      return {
        ...base,
        sessionId: st.s.id,
        guidance: extra.guidance && { code: extra.guidance, ...GUIDANCE[extra.guidance] },
        ...(extra.challenge ? { challenge: extra.challenge } : {}),
      };
    case 'publishing':
      return { ...base, sessionId: st.s.id, outcome: st.outcome, method: st.s.method, detail: st.detail };
    default:
      // The face path's live side runs beside the card's reads: its challenge shows meanwhile.
      return {
        ...base,
        sessionId: st.s.id,
        method: st.s.method,
        ...(extra.challenge ? { challenge: extra.challenge } : {}),
      };
  }
}
