// The one place where failures of the card stack and cameras become session outcomes.
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import type { Event } from './machine.js';
import type { Outcome } from './types.js';

export interface FailureMapping {
  readonly outcome: Outcome;
  readonly detail: string;
  /** Some card answers are part of the flow, not failures (a wrong PIN, a blocked PIN). */
  readonly event?: Event;
}

export function outcomeForError(e: unknown): FailureMapping {
  const detail = e instanceof Error ? e.message : String(e);
  if (!isReaderError(e)) return { outcome: 'module-error', detail };
  const triesLeft = typeof e.context.triesLeft === 'number' ? e.context.triesLeft : 0;
  switch (e.code) {
    case ErrorCode.Card_PinWrong:
      return { outcome: 'pin-wrong', detail, event: { type: 'pin-wrong', triesLeft } };
    case ErrorCode.Card_PinBlocked:
      return { outcome: 'pin-blocked', detail, event: { type: 'pin-now-blocked' } };
    case ErrorCode.Card_KeyBWrong:
      return { outcome: 'card-face-unreadable', detail, event: { type: 'card-face-unreadable', detail } };
    case ErrorCode.Card_Removed:
    case ErrorCode.Card_NoCard:
      return { outcome: 'card-removed', detail, event: { type: 'card-removed' } };
    case ErrorCode.Card_Expired:
      return { outcome: 'card-expired', detail };
    case ErrorCode.Card_Status:
    case ErrorCode.Card_NotAuthentic:
    case ErrorCode.Card_NotMyNumber:
    case ErrorCode.Card_NoPin:
    case ErrorCode.Card_LastTryNotConfirmed:
      return { outcome: 'card-error', detail };
    case ErrorCode.Camera_Failed:
      return { outcome: 'camera-error', detail };
    case ErrorCode.Op_Timeout:
      return { outcome: 'timed-out', detail };
    case ErrorCode.Op_Canceled:
      return { outcome: 'cancelled-by-patient', detail };
    default:
      return { outcome: 'module-error', detail };
  }
}
