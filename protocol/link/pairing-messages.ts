// The pairing messages on the broker (SPEC 15.8): bytes <-> one typed step. Garbage, an
// oversized message, a message with no step or a pairing id of the wrong length decode to a
// ReaderError (Mqtt_Malformed / Mqtt_TooLarge), never to a half-filled step.
import { concatBytes, utf8 } from '../bytes.js';
import { ErrorCode, ReaderError } from '../errors.js';
import { fareader } from '../gen/fareader.js';
import type { Ed25519 } from './ed25519.js';

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
  /** The terminal's signature over pairingStepInput (its steps after hello, SPEC 15.10). */
  readonly signature?: Uint8Array;
}

export const PAIRING_STEP_CONTEXT = 'fareader.v1/pairing-step';
/** The steps the terminal signs: every one after its hello. */
export type SignedTerminalStep = Extract<PairingStep, { kind: 'terminal-nonce' | 'confirm' | 'abort' }>;

/**
 * The bytes the terminal signs (SPEC 15.10): context ‖ 0x00 ‖ pairing id ‖ step name ‖ 0x00 ‖
 * what the step binds: the nonce for terminal-nonce, the 6-digit code the terminal's staff
 * confirmed for confirm (the device checks it against its own code), nothing for abort (its
 * reason is free text for people, not for the protocol).
 */
export function pairingStepInput(pairingId: Uint8Array, step: SignedTerminalStep, code?: string): Uint8Array {
  let bound: Uint8Array;
  switch (step.kind) {
    case 'terminal-nonce':
      bound = step.nonce;
      break;
    case 'confirm':
      if (code === undefined) throw new ReaderError(ErrorCode.Usage, 'a confirm is signed over its code');
      bound = utf8(code);
      break;
    case 'abort':
      bound = new Uint8Array();
      break;
  }
  return concatBytes(
    utf8(PAIRING_STEP_CONTEXT),
    Uint8Array.of(0),
    pairingId,
    utf8(step.kind),
    Uint8Array.of(0),
    bound,
  );
}

/** The terminal's signature for one of its steps (`secretKey`: tweetnacl's 64-byte form). */
export function signPairingStep(
  ed: Ed25519,
  secretKey: Uint8Array,
  pairingId: Uint8Array,
  step: SignedTerminalStep,
  code?: string,
): Uint8Array {
  return ed.sign(pairingStepInput(pairingId, step, code), secretKey);
}

/** True only for a valid signature by `terminalKey` over this step; never throws. */
export function verifyPairingStep(
  ed: Ed25519,
  terminalKey: Uint8Array,
  m: PairingWireMessage,
  code?: string,
): boolean {
  const s = m.step;
  if (s.kind !== 'terminal-nonce' && s.kind !== 'confirm' && s.kind !== 'abort') return false;
  if (!m.signature || m.signature.length !== 64 || terminalKey.length !== 32) return false;
  if (s.kind === 'confirm' && code === undefined) return false;
  try {
    return ed.verify(pairingStepInput(m.pairingId, s, code), m.signature, terminalKey);
  } catch {
    return false;
  }
}

function bad(why: string): ReaderError {
  return new ReaderError(ErrorCode.Mqtt_Malformed, `pairing message: ${why}`);
}

const bytes = (b: Uint8Array | null | undefined): Uint8Array => (b ? new Uint8Array(b) : new Uint8Array());

export function encodePairingMessage(m: PairingWireMessage): Uint8Array {
  const s = m.step;
  const body: fareader.v1.IPairingMessage = { pairingId: m.pairingId };
  if (m.signature) body.signature = m.signature;
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
  const signature = bytes(m.signature);
  return signature.length ? { pairingId, step, signature } : { pairingId, step };
}
