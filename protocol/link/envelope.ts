// The signed envelope (SPEC §4): sign the exact payload bytes under a domain-separation
// context; verify before anything parses the payload.
import { bytesEqual, concatBytes, toHex, utf8 } from '../bytes.js';
import { ErrorCode, ReaderError } from '../errors.js';
import { fareader } from '../gen/fareader.js';
import { type Ed25519, tweetnaclEd25519 } from './ed25519.js';
import { type KeyPair, keyIdOf } from './keys.js';

export const PayloadType = fareader.v1.PayloadType;
export type PayloadType = fareader.v1.PayloadType;

export const SIGNING_CONTEXT = 'fareader.v1/signed-envelope';
/** Largest envelope accepted on any topic (SPEC §10.2). A result with a certificate is ~3 KiB. */
export const MAX_ENVELOPE_BYTES = 64 * 1024;

/** The bytes the Ed25519 signature covers: context ‖ 0x00 ‖ u32be(payload type) ‖ payload. */
export function signingInput(payloadType: PayloadType, payload: Uint8Array): Uint8Array {
  const type = new Uint8Array(4);
  new DataView(type.buffer).setUint32(0, payloadType);
  return concatBytes(utf8(SIGNING_CONTEXT), Uint8Array.of(0), type, payload);
}

export function seal(
  payloadType: PayloadType,
  payload: Uint8Array,
  key: KeyPair,
  ed: Ed25519 = tweetnaclEd25519,
): Uint8Array {
  const signature = ed.sign(signingInput(payloadType, payload), key.secretKey);
  return fareader.v1.SignedEnvelope.encode({
    payloadType,
    payload,
    keyId: keyIdOf(key.publicKey),
    signature,
  }).finish();
}

/** Looks up a trusted public key by its key id; undefined when not trusted. */
export type TrustLookup = (keyIdHex: string) => Uint8Array | undefined;

export interface OpenedEnvelope {
  readonly payloadType: PayloadType;
  readonly payload: Uint8Array;
  readonly keyId: string;
  readonly signature: Uint8Array;
}

/**
 * Decodes and verifies an envelope. Throws a ReaderError with an Mqtt_* code on anything
 * short of a valid signature by a trusted key of the expected payload type.
 */
export function open(
  bytes: Uint8Array,
  trust: TrustLookup,
  expected?: PayloadType,
  ed: Ed25519 = tweetnaclEd25519,
): OpenedEnvelope {
  if (bytes.length > MAX_ENVELOPE_BYTES) {
    throw new ReaderError(
      ErrorCode.Mqtt_TooLarge,
      `envelope of ${bytes.length} bytes exceeds ${MAX_ENVELOPE_BYTES}`,
    );
  }
  let env: fareader.v1.SignedEnvelope;
  try {
    env = fareader.v1.SignedEnvelope.decode(bytes);
  } catch (e) {
    throw new ReaderError(ErrorCode.Mqtt_Malformed, `not a SignedEnvelope: ${(e as Error).message}`);
  }
  const payload = env.payload ?? new Uint8Array();
  if (!env.signature?.length || !env.keyId?.length) {
    throw new ReaderError(ErrorCode.Mqtt_Unsigned, 'envelope carries no signature or key id');
  }
  if (env.signature.length !== 64 || env.keyId.length !== 8) {
    throw new ReaderError(ErrorCode.Mqtt_BadSignature, 'signature or key id has the wrong length');
  }
  const keyId = toHex(env.keyId);
  const publicKey = trust(keyId);
  if (!publicKey)
    throw new ReaderError(ErrorCode.Mqtt_UnknownKey, `key id ${keyId} is not trusted`, { keyId });
  if (!bytesEqual(keyIdOf(publicKey), env.keyId)) {
    throw new ReaderError(ErrorCode.Mqtt_UnknownKey, `trust store key does not match key id ${keyId}`, {
      keyId,
    });
  }
  const payloadType = env.payloadType ?? PayloadType.PAYLOAD_TYPE_UNSPECIFIED;
  if (!ed.verify(signingInput(payloadType, payload), env.signature, publicKey)) {
    throw new ReaderError(ErrorCode.Mqtt_BadSignature, `signature by ${keyId} does not verify`, { keyId });
  }
  if (expected !== undefined && payloadType !== expected) {
    throw new ReaderError(
      ErrorCode.Mqtt_WrongPayloadType,
      `payload type ${PayloadType[payloadType]} where ${PayloadType[expected]} was expected`,
      { keyId },
    );
  }
  return { payloadType, payload, keyId, signature: env.signature };
}

/** Decodes a verified payload; a protobuf decode failure becomes Mqtt_Malformed. */
export function decodePayload<T>(decode: (b: Uint8Array) => T, payload: Uint8Array): T {
  try {
    return decode(payload);
  } catch (e) {
    throw new ReaderError(ErrorCode.Mqtt_Malformed, `payload would not decode: ${(e as Error).message}`);
  }
}
