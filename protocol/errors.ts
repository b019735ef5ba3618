// One error type for the whole stack, with codes grouped in ranges (STYLE.md).
// Callers branch on `code` (or the guards), never on `message`.

export const ErrorCode = {
  // 1xx: wire frames and messages
  Frame_Malformed: 100,
  Frame_TooLarge: 101,
  Frame_Checksum: 102,
  // 2xx: link transport (serial, USB)
  Link_Timeout: 200,
  Link_Disconnected: 201,
  /** The peer answered, but not in the protocol (garbage, wrong sequence number). */
  Link_Protocol: 202,
  /** The peer answered with an error code of its protocol. */
  Link_PeerError: 203,
  /** An upload target asked for an offset before one it had already confirmed. */
  Link_OffsetBackwards: 204,
  /** The target did not list the uploaded image, or listed it as not bootable. */
  Link_ImageNotAccepted: 205,
  // 3xx: card
  Card_Removed: 300,
  Card_Status: 301,
  Card_NoPin: 302,
  Card_PinBlocked: 303,
  Card_PinWrong: 304,
  /** VERIFY on the last try was refused because the patient did not confirm it. */
  Card_LastTryNotConfirmed: 305,
  Card_KeyBWrong: 306,
  /** The card-face record or the chip's authentication did not verify. */
  Card_NotAuthentic: 307,
  Card_NotMyNumber: 308,
  Card_NoCard: 309,
  /** The IC-card module itself failed (firmware, missing Type B support). */
  Card_Module: 310,
  /** The user-authentication certificate is past its validity. */
  Card_Expired: 311,
  // 4xx: camera
  Camera_Failed: 400,
  // 5xx: MQTT and the signed link
  Mqtt_Unsigned: 500,
  Mqtt_UnknownKey: 501,
  Mqtt_BadSignature: 502,
  Mqtt_Malformed: 503,
  Mqtt_Stale: 504,
  Mqtt_Replayed: 505,
  Mqtt_WrongDevice: 506,
  Mqtt_WrongPayloadType: 507,
  Mqtt_TooLarge: 508,
  Mqtt_NonceMismatch: 509,
  Mqtt_CounterRegressed: 510,
  Mqtt_NotConnected: 511,
  /** A pairing ended with nothing trusted: refused, timed out, a second key, a bad reveal (SPEC 15.3). */
  Mqtt_PairingEnded: 512,
  // 6xx: configuration and keys
  Config_Invalid: 600,
  Config_KeyFile: 601,
  // 7xx: storage
  Store_Failed: 700,
  // 8xx: firmware images
  Image_Malformed: 800,
  Image_Unverified: 801,
  // 9xx: operations
  Op_Canceled: 900,
  Op_Timeout: 901,
  Usage: 902,
  // 10xx: face models
  /** A face model is missing, failed to load, or was used before load(). */
  Vision_Model: 1000,
  /** The worker thread hosting the face models failed or exited. */
  Vision_Worker: 1001,
  // 11xx: voice guidance
  /** The speech engine or the audio player failed (missing, refused the voice, no device). */
  Audio_Failed: 1100,
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const names = new Map<number, string>(Object.entries(ErrorCode).map(([k, v]) => [v, k]));

export function errorCodeName(code: number): string {
  return names.get(code) ?? `Unknown_${code}`;
}

export interface ReaderErrorOptions {
  /** The error this one explains (a transport's, SQLite's, a parser's): kept, never parsed. */
  readonly cause?: unknown;
}

export class ReaderError extends Error {
  override readonly name = 'ReaderError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly context: Readonly<Record<string, unknown>> = {},
    options: ReaderErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }

  get codeName(): string {
    return errorCodeName(this.code);
  }
}

export function isReaderError(e: unknown, code?: ErrorCode): e is ReaderError {
  return e instanceof ReaderError && (code === undefined || e.code === code);
}
