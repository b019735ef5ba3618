// Session-side faults of the misbehaving reference appliance, each a decorator of a seam the
// composition hands out: nothing inside the session service or its command handler knows.

import type { CommandHandler } from '../../firmware-host/link/device-link.js';
import type { SessionService } from '../../firmware-host/session/session-service.js';
import { fareader } from '../../protocol/gen/fareader.js';

/** A command handler that answers OK to a cancel while a session runs, and cancels nothing. */
export function dropCancel(inner: CommandHandler, service: SessionService): CommandHandler {
  return (command) => {
    const st = service.state;
    if (command.body !== 'cancelSession' || !('s' in st)) return inner(command);
    return { status: fareader.v1.ResponseStatus.RESPONSE_STATUS_OK, sessionId: st.s.id };
  };
}

/**
 * A patient-side listener that confirms the last PIN try on the patient's behalf, through the
 * same public input the kiosk and the panel use: the card's last try is spent unasked.
 */
export function confirmLastTryUnasked(service: SessionService): void {
  service.on('change', (st) => {
    // After the transition that emitted this has finished: input from inside it would nest.
    if (st.kind === 'confirming-last-try')
      queueMicrotask(() => {
        if (service.state === st) service.patient({ type: 'confirm-last-try' });
      });
  });
}
