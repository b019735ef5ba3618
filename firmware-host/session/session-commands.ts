// Verified terminal commands for the session service (SPEC §8): start, cancel, reader modes,
// and the staff's visual-check decision. Signature, freshness and replay checks happened in
// the link before anything reaches here.
import { toHex } from '../../protocol/bytes.js';
import { fareader } from '../../protocol/gen/fareader.js';
import type { CommandReply } from '../link/device-link.js';
import type { SessionService } from './session-service.js';

const v1 = fareader.v1;
const S = v1.ResponseStatus;

export class ReaderModes {
  maintenance = false;
  outOfService = false;
}

export function sessionCommandHandler(
  service: SessionService,
  modes: ReaderModes,
): (command: fareader.v1.Command) => CommandReply {
  return (command) => {
    const state = service.state;
    const current = 's' in state ? state.s.id : '';
    switch (command.body) {
      case 'startSession': {
        const nonce = command.startSession?.nonce ?? new Uint8Array();
        if (nonce.length < 16 || nonce.length > 64)
          return { status: S.RESPONSE_STATUS_MALFORMED, detail: 'the nonce must be 16 to 64 bytes' };
        if (modes.outOfService)
          return { status: S.RESPONSE_STATUS_UNSUPPORTED, detail: 'the reader is out of service' };
        const sessionId = service.startByTerminal(nonce);
        if (!sessionId)
          return { status: S.RESPONSE_STATUS_BUSY, detail: 'a session is running', sessionId: current };
        return { status: S.RESPONSE_STATUS_OK, sessionId };
      }
      case 'cancelSession': {
        const wanted = command.cancelSession?.sessionId ?? '';
        if (!service.cancelByTerminal(wanted))
          return {
            status: S.RESPONSE_STATUS_NO_SESSION,
            detail: wanted ? `no session ${wanted}` : 'no session runs',
          };
        return { status: S.RESPONSE_STATUS_OK, sessionId: current };
      }
      case 'setMode': {
        const mode = command.setMode?.mode ?? v1.ReaderMode.READER_MODE_UNSPECIFIED;
        const staffId = command.setMode?.staffId ?? '';
        // Refused before anything changes: a malformed SetMode must leave the modes as they are.
        if (mode === v1.ReaderMode.READER_MODE_UNSPECIFIED || v1.ReaderMode[mode] === undefined)
          return { status: S.RESPONSE_STATUS_UNSUPPORTED, detail: `no known mode given (${mode})` };
        modes.maintenance = mode === v1.ReaderMode.READER_MODE_MAINTENANCE;
        modes.outOfService = mode === v1.ReaderMode.READER_MODE_OUT_OF_SERVICE;
        if (mode === v1.ReaderMode.READER_MODE_VISUAL_CHECK) {
          service.setVisualCheckMode({ commandId: toHex(command.commandId), staffId });
          return { status: S.RESPONSE_STATUS_OK, detail: 'visual check enabled for the next session' };
        }
        service.setVisualCheckMode(undefined);
        return { status: S.RESPONSE_STATUS_OK, detail: v1.ReaderMode[mode] };
      }
      case 'visualCheckDecision': {
        const d = command.visualCheckDecision!;
        if (!service.visualCheckMode)
          return { status: S.RESPONSE_STATUS_UNSUPPORTED, detail: 'visual check is not enabled' };
        if (!service.visualCheckDecision(d.sessionId ?? '', d.confirmed ?? false, d.staffId ?? ''))
          return { status: S.RESPONSE_STATUS_NO_SESSION, detail: 'no session awaits a visual check' };
        return { status: S.RESPONSE_STATUS_OK, sessionId: current };
      }
      default:
        return {
          status: S.RESPONSE_STATUS_UNSUPPORTED,
          detail: `${command.body ?? 'empty'} is not supported`,
        };
    }
  };
}
