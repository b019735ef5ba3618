// Admission of terminal commands (SPEC §8): signature by a trusted terminal key first, then
// addressee, freshness, replay and the terminal's own sequence. Nothing here acts on a command.
import { ErrorCode, isReaderError, type ReaderError } from '../../protocol/errors.js';
import { fareader } from '../../protocol/gen/fareader.js';
import type { Ed25519 } from '../../protocol/link/ed25519.js';
import {
  decodePayload,
  type OpenedEnvelope,
  open,
  PayloadType,
  type TrustLookup,
} from '../../protocol/link/envelope.js';
import { u64, u64ms } from '../../protocol/link/u64.js';

/** Sequences are stored as SQLite integers: at most 2^63 - 1. */
const MAX_SEQUENCE = (1n << 63n) - 1n;

const Status = fareader.v1.ResponseStatus;
export type ResponseStatus = fareader.v1.ResponseStatus;

export const COMMAND_ID_BYTES = 16;

export type Admission =
  | { readonly ok: true; readonly command: fareader.v1.Command; readonly keyId: string }
  | {
      readonly ok: false;
      readonly status: ResponseStatus;
      readonly detail: string;
      readonly commandId: Uint8Array;
    };

export interface GuardContext {
  readonly deviceId: string;
  readonly trust: TrustLookup;
  readonly nowMs: number;
  /** Commands issued more than this far from now, either side, are stale. */
  readonly windowMs: number;
  /** Records the id; false when it was already recorded (a replay). */
  readonly remember: (commandId: Uint8Array) => boolean;
  /**
   * Raises the highest sequence admitted from `terminal` (key id and terminal id) to `sequence`;
   * false when it is not above it (SPEC 8.9: a newer command superseded this one).
   */
  readonly admitSequence: (terminal: string, sequence: bigint) => boolean;
  readonly ed?: Ed25519;
}

const statusOfError: Partial<Record<number, ResponseStatus>> = {
  [ErrorCode.Mqtt_Unsigned]: Status.RESPONSE_STATUS_UNSIGNED,
  [ErrorCode.Mqtt_UnknownKey]: Status.RESPONSE_STATUS_UNKNOWN_KEY,
  [ErrorCode.Mqtt_BadSignature]: Status.RESPONSE_STATUS_BAD_SIGNATURE,
  [ErrorCode.Mqtt_WrongPayloadType]: Status.RESPONSE_STATUS_WRONG_PAYLOAD_TYPE,
};

/** The status a command refused before decoding (or not decoding) is answered with. */
export function statusOfRefusal(e: ReaderError): ResponseStatus {
  return statusOfError[e.code] ?? Status.RESPONSE_STATUS_MALFORMED;
}

const refuse = (
  status: ResponseStatus,
  detail: string,
  commandId: Uint8Array = new Uint8Array(),
): Admission => ({
  ok: false,
  status,
  detail,
  commandId,
});

/** Opens, decodes and admits a command envelope as received. */
export function admitCommand(bytes: Uint8Array, ctx: GuardContext): Admission {
  let opened: OpenedEnvelope;
  try {
    opened = open(bytes, ctx.trust, PayloadType.PAYLOAD_TYPE_COMMAND, ctx.ed);
  } catch (e) {
    if (!isReaderError(e)) throw e;
    return refuse(statusOfRefusal(e), e.message);
  }
  let command: fareader.v1.Command;
  try {
    command = decodePayload((b) => fareader.v1.Command.decode(b), opened.payload);
  } catch (e) {
    if (!isReaderError(e)) throw e;
    return refuse(Status.RESPONSE_STATUS_MALFORMED, e.message);
  }
  return admitVerified(opened, command, ctx);
}

/** The checks after the signature verified and the command decoded (the signed endpoint did both). */
export function admitVerified(
  opened: OpenedEnvelope,
  command: fareader.v1.Command,
  ctx: Omit<GuardContext, 'trust' | 'ed'>,
): Admission {
  const id = command.commandId ?? new Uint8Array();
  if (id.length !== COMMAND_ID_BYTES) {
    return refuse(Status.RESPONSE_STATUS_MALFORMED, `command_id must be ${COMMAND_ID_BYTES} bytes`, id);
  }
  if (command.deviceId !== ctx.deviceId) {
    return refuse(Status.RESPONSE_STATUS_WRONG_DEVICE, `command is for "${command.deviceId}"`, id);
  }
  const issued = u64ms(command.issuedAtMs);
  if (Math.abs(ctx.nowMs - issued) > ctx.windowMs) {
    return refuse(
      Status.RESPONSE_STATUS_STALE,
      `issued ${ctx.nowMs - issued} ms ago; window ±${ctx.windowMs} ms`,
      id,
    );
  }
  const sequence = u64(command.sequence);
  if (sequence > MAX_SEQUENCE) return refuse(Status.RESPONSE_STATUS_MALFORMED, 'sequence above 2^63 - 1', id);
  // The durable memory can fail (a full or broken disk): the command does not act, and the
  // terminal learns why with its command id, so it can send it again.
  let fresh: boolean;
  let inSequence: boolean;
  try {
    fresh = ctx.remember(id);
    // Sequence 0: a terminal that predates 8.9; its commands are bound by the window and the id only.
    inSequence =
      !fresh || sequence === 0n || ctx.admitSequence(`${opened.keyId}/${command.terminalId}`, sequence);
  } catch (e) {
    return refuse(
      Status.RESPONSE_STATUS_INTERNAL_ERROR,
      `cannot record the command: ${(e as Error).message}`,
      id,
    );
  }
  if (!fresh) return refuse(Status.RESPONSE_STATUS_REPLAYED, 'command_id was seen before', id);
  if (!inSequence)
    return refuse(
      Status.RESPONSE_STATUS_SUPERSEDED,
      `sequence ${sequence} is not above the last admitted from ${command.terminalId || 'this terminal'}`,
      id,
    );
  if (!command.body) return refuse(Status.RESPONSE_STATUS_UNSUPPORTED, 'command has no body', id);
  return { ok: true, command, keyId: opened.keyId };
}
