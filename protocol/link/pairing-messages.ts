// The pairing messages on the broker (SPEC 15.8): bytes <-> one typed step. Garbage, an
// oversized message, a message with no step or a pairing id of the wrong length decode to a
// ReaderError (Mqtt_Malformed / Mqtt_TooLarge), never to a half-filled step.
import { ErrorCode, ReaderError } from '../errors.js';
import { fareader } from '../gen/fareader.js';

const v1 = fareader.v1;

export const PAIRING_ID_BYTES = 16;
/** The largest message a pairing step needs is ~200 bytes; anything far beyond is refused unread. */
export const MAX_PAIRING_MESSAGE_BYTES = 1024;

export type PairingStep =
  | { readonly kind: 'hello'; readonly terminalId: string; readonly terminalKey: Uint8Array }
  | {
      readonly kind: 'commit';
      readonly deviceId: string;
      readonly deviceKey: Uint8Array;
      readonly commitment: Uint8Array;
    }
  | { readonly kind: 'terminal-nonce'; readonly nonce: Uint8Array }
  | { readonly kind: 'device-nonce'; readonly nonce: Uint8Array }
  | { readonly kind: 'confirm' }
  | { readonly kind: 'abort'; readonly reason: string };

export interface PairingWireMessage {
  readonly pairingId: Uint8Array;
  readonly step: PairingStep;
}

function bad(why: string): ReaderError {
  return new ReaderError(ErrorCode.Mqtt_Malformed, `pairing message: ${why}`);
}

const bytes = (b: Uint8Array | null | undefined): Uint8Array => (b ? new Uint8Array(b) : new Uint8Array());

export function encodePairingMessage(m: PairingWireMessage): Uint8Array {
  const s = m.step;
  const body: fareader.v1.IPairingMessage = { pairingId: m.pairingId };
  switch (s.kind) {
    case 'hello':
      body.hello = { terminalId: s.terminalId, terminalKey: s.terminalKey };
      break;
    case 'commit':
      body.commit = { deviceId: s.deviceId, deviceKey: s.deviceKey, commitment: s.commitment };
      break;
    case 'terminal-nonce':
      body.terminalNonce = { nonce: s.nonce };
      break;
    case 'device-nonce':
      body.deviceNonce = { nonce: s.nonce };
      break;
    case 'confirm':
      body.confirm = {};
      break;
    case 'abort':
      body.abort = { reason: s.reason.slice(0, 200) };
      break;
  }
  return v1.PairingMessage.encode(body).finish();
}

/** Throws a ReaderError for anything that is not one well-formed step. */
export function decodePairingMessage(b: Uint8Array): PairingWireMessage {
  if (b.length > MAX_PAIRING_MESSAGE_BYTES)
    throw new ReaderError(ErrorCode.Mqtt_TooLarge, `pairing message of ${b.length} bytes`);
  let m: fareader.v1.PairingMessage;
  try {
    m = v1.PairingMessage.decode(b);
  } catch (e) {
    throw new ReaderError(ErrorCode.Mqtt_Malformed, 'pairing message: not protobuf', {}, { cause: e });
  }
  const pairingId = bytes(m.pairingId);
  if (pairingId.length !== PAIRING_ID_BYTES)
    throw bad(`a pairing id is ${PAIRING_ID_BYTES} bytes, not ${pairingId.length}`);
  let step: PairingStep;
  switch (m.step) {
    case 'hello':
      step = {
        kind: 'hello',
        terminalId: m.hello!.terminalId ?? '',
        terminalKey: bytes(m.hello!.terminalKey),
      };
      break;
    case 'commit':
      step = {
        kind: 'commit',
        deviceId: m.commit!.deviceId ?? '',
        deviceKey: bytes(m.commit!.deviceKey),
        commitment: bytes(m.commit!.commitment),
      };
      break;
    case 'terminalNonce':
      step = { kind: 'terminal-nonce', nonce: bytes(m.terminalNonce!.nonce) };
      break;
    case 'deviceNonce':
      step = { kind: 'device-nonce', nonce: bytes(m.deviceNonce!.nonce) };
      break;
    case 'confirm':
      step = { kind: 'confirm' };
      break;
    case 'abort':
      step = { kind: 'abort', reason: (m.abort!.reason ?? '').slice(0, 200) };
      break;
    default:
      throw bad('no step');
  }
  return { pairingId, step };
}
