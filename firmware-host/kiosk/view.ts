// What the kiosk screen shows, derived from the session state: one instruction at a time.
// Never carries a secret; the screen's texts (ja/en) live in the page.

import type { State } from '../session/machine.js';
import type { ConsentKind, Method, Outcome } from '../session/types.js';
import { GUIDANCE, type QualityIssue } from '../vision/quality.js';

export interface KioskView {
  readonly screen: State['kind'];
  readonly sessionId?: string;
  readonly offered?: readonly Method[];
  readonly triesLeft?: number;
  readonly wrongBefore?: boolean;
  readonly consent?: { readonly kind: ConsentKind; readonly index: number; readonly total: number };
  readonly outcome?: Outcome;
  readonly method?: Method;
  readonly detail?: string;
  readonly guidance?: { readonly code: QualityIssue; readonly ja: string; readonly en: string };
  readonly notice?: string;
  /** On the done screen: the card is no longer on the tray. */
  readonly cardGone?: boolean;
  readonly visualCheckMode: boolean;
  readonly outOfService: boolean;
}

export function viewOf(
  st: State,
  extra: {
    consents: readonly ConsentKind[];
    guidance?: QualityIssue;
    notice?: string;
    visualCheckMode: boolean;
    outOfService: boolean;
  },
): KioskView {
  const base = {
    screen: st.kind,
    visualCheckMode: extra.visualCheckMode,
    outOfService: extra.outOfService,
    notice: extra.notice,
  };
  switch (st.kind) {
    case 'idle':
      return base;
    case 'done':
      return {
        ...base,
        sessionId: st.sessionId,
        outcome: st.outcome,
        method: st.method,
        detail: st.detail,
        cardGone: st.cardGone,
      };
    case 'choosing-method':
      return { ...base, sessionId: st.s.id, offered: st.offered };
    case 'entering-pin':
      return { ...base, sessionId: st.s.id, triesLeft: st.triesLeft, wrongBefore: st.wrongBefore };
    case 'consenting':
      return {
        ...base,
        sessionId: st.s.id,
        consent: { kind: extra.consents[st.index]!, index: st.index, total: extra.consents.length },
      };
    case 'capturing':
      return {
        ...base,
        sessionId: st.s.id,
        guidance: extra.guidance && { code: extra.guidance, ...GUIDANCE[extra.guidance] },
      };
    case 'publishing':
      return { ...base, sessionId: st.s.id, outcome: st.outcome, method: st.s.method, detail: st.detail };
    default:
      return { ...base, sessionId: st.s.id, method: st.s.method };
  }
}
