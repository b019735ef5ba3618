// Pairing a reader and a terminal by numeric comparison (SPEC §15), as Bluetooth LE Secure
// Connections does it (Core spec Vol 3 Part H §2.3.5.6.2): both public keys exchanged first,
// then the device commits to its nonce, the terminal reveals its own, the device reveals its
// own, and each side shows a 6-digit code derived from both ids, both keys and both nonces.
// The ids are hashed in because each key is trusted for an id (SPEC 15.3): a relay that
// rewrote the device id (or the terminal's) would otherwise leave the codes equal. Staff
// compare the codes and confirm on both sides; only then is each key trusted.
//
// Why commit first: a party in the middle that substituted the keys must make two codes
// agree (one computed over its key and the device's, one over the terminal's and its own). The
// device's nonce is fixed by its commitment before the middle learns the terminal's nonce, and
// revealed only after the middle has given the device a nonce, so the middle cannot search
// for nonces that make the codes match: it succeeds once in 10^6 tries, and every try is a
// pairing the staff see fail.
//
// Key rotation (SPEC 15.6): a device announces its new key in a statement signed by its old
// one; a terminal that trusts the old key trusts the new one for the same device id.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesEqual, concatBytes, utf8 } from './bytes.js';
import { ErrorCode, ReaderError } from './errors.js';
import type { Ed25519 } from './link/ed25519.js';

export const PAIRING_NONCE_BYTES = 16;
const KEY_BYTES = 32;
const COMMIT_LABEL = utf8('fareader.v1/pairing-commit');
const CODE_LABEL = utf8('fareader.v1/pairing-code');
const ROTATION_LABEL = utf8('fareader.v1/key-rotation');
const ZERO = Uint8Array.of(0);

function checkKey(k: Uint8Array, what: string): void {
  if (k.length !== KEY_BYTES)
    throw new ReaderError(
      ErrorCode.Mqtt_Malformed,
      `${what}: an Ed25519 public key is 32 bytes, not ${k.length}`,
    );
}

// An id is hashed as its UTF-8 length (2 bytes, big-endian) then its bytes, so that no two
// (id, key) sequences give the same input.
function idField(id: string, what: string): Uint8Array {
  const b = utf8(id);
  if (b.length === 0 || b.length > 0xffff)
    throw new ReaderError(
      ErrorCode.Mqtt_Malformed,
      `${what}: an id is 1 to 65535 UTF-8 bytes, not ${b.length}`,
    );
  return concatBytes(Uint8Array.of(b.length >> 8, b.length & 0xff), b);
}

function checkNonce(n: Uint8Array, what: string): void {
  if (n.length !== PAIRING_NONCE_BYTES)
    throw new ReaderError(
      ErrorCode.Mqtt_Malformed,
      `${what}: a pairing nonce is ${PAIRING_NONCE_BYTES} bytes, not ${n.length}`,
    );
}

/**
 * The device's commitment: SHA-256("fareader.v1/pairing-commit" ‖ 0x00 ‖ len(device id) ‖
 * device id ‖ device key ‖ len(terminal id) ‖ terminal id ‖ terminal key ‖ device nonce),
 * each len 2 bytes big-endian. It binds the nonce to both ids and keys the device saw.
 */
export function pairingCommitment(
  deviceId: string,
  deviceKey: Uint8Array,
  terminalId: string,
  terminalKey: Uint8Array,
  deviceNonce: Uint8Array,
): Uint8Array {
  checkKey(deviceKey, 'device key');
  checkKey(terminalKey, 'terminal key');
  checkNonce(deviceNonce, 'device nonce');
  return sha256(
    concatBytes(
      COMMIT_LABEL,
      ZERO,
      idField(deviceId, 'device id'),
      deviceKey,
      idField(terminalId, 'terminal id'),
      terminalKey,
      deviceNonce,
    ),
  );
}

/**
 * The 6-digit code both sides show: the first 4 bytes of SHA-256("fareader.v1/pairing-code" ‖
 * 0x00 ‖ len(terminal id) ‖ terminal id ‖ terminal key ‖ len(device id) ‖ device id ‖ device
 * key ‖ terminal nonce ‖ device nonce), as an unsigned big-endian integer, modulo 10^6,
 * written with leading zeros.
 */
export function comparisonCode(
  terminalId: string,
  terminalKey: Uint8Array,
  deviceId: string,
  deviceKey: Uint8Array,
  terminalNonce: Uint8Array,
  deviceNonce: Uint8Array,
): string {
  checkKey(terminalKey, 'terminal key');
  checkKey(deviceKey, 'device key');
  checkNonce(terminalNonce, 'terminal nonce');
  checkNonce(deviceNonce, 'device nonce');
  const h = sha256(
    concatBytes(
      CODE_LABEL,
      ZERO,
      idField(terminalId, 'terminal id'),
      terminalKey,
      idField(deviceId, 'device id'),
      deviceKey,
      terminalNonce,
      deviceNonce,
    ),
  );
  const n = ((h[0]! << 24) | (h[1]! << 16) | (h[2]! << 8) | h[3]!) >>> 0;
  return String(n % 1_000_000).padStart(6, '0');
}

/** The device side of one pairing window. */
export class DevicePairing {
  private terminalId?: string;
  private terminalKey?: Uint8Array;
  private terminalNonce?: Uint8Array;
  private confirmed = false;

  /** `nonce`: 16 random bytes, fresh for this window. */
  constructor(
    readonly deviceId: string,
    readonly deviceKey: Uint8Array,
    private readonly nonce: Uint8Array,
  ) {
    idField(deviceId, 'device id');
    checkKey(deviceKey, 'device key');
    checkNonce(nonce, 'device nonce');
  }

  /** Step 2: the terminal's id and key arrived; answer with our id, key and commitment. */
  hello(
    terminalId: string,
    terminalKey: Uint8Array,
  ): { deviceId: string; deviceKey: Uint8Array; commitment: Uint8Array } {
    if (this.terminalKey)
      throw new ReaderError(ErrorCode.Mqtt_Replayed, 'a second terminal key in one pairing window');
    // Checked before anything is kept, so malformed bytes do not use up the window.
    idField(terminalId, 'terminal id');
    checkKey(terminalKey, 'terminal key');
    this.terminalId = terminalId;
    this.terminalKey = terminalKey;
    return {
      deviceId: this.deviceId,
      deviceKey: this.deviceKey,
      commitment: pairingCommitment(this.deviceId, this.deviceKey, terminalId, terminalKey, this.nonce),
    };
  }

  /** Step 4: the terminal's nonce arrived; reveal ours. The code is known from now on. */
  reveal(terminalNonce: Uint8Array): Uint8Array {
    if (!this.terminalKey) throw new ReaderError(ErrorCode.Mqtt_Malformed, 'a terminal nonce before its key');
    if (this.terminalNonce) throw new ReaderError(ErrorCode.Mqtt_Replayed, 'a second terminal nonce');
    checkNonce(terminalNonce, 'terminal nonce');
    this.terminalNonce = terminalNonce;
    return this.nonce;
  }

  /** The code to show, once both nonces are known. */
  code(): string {
    if (!this.terminalId || !this.terminalKey || !this.terminalNonce)
      throw new ReaderError(ErrorCode.Mqtt_Malformed, 'no code before both nonces are known');
    return comparisonCode(
      this.terminalId,
      this.terminalKey,
      this.deviceId,
      this.deviceKey,
      this.terminalNonce,
      this.nonce,
    );
  }

  /** The staff saw equal codes on both sides; only now is the terminal's key to be trusted. */
  confirm(): void {
    this.code(); // throws before both nonces are known
    this.confirmed = true;
  }

  /** The key to trust and the id it is for: undefined until the code is confirmed. */
  get peerKey(): Uint8Array | undefined {
    return this.confirmed ? this.terminalKey : undefined;
  }

  get peerId(): string | undefined {
    return this.confirmed ? this.terminalId : undefined;
  }
}

/** The terminal side of one pairing window. */
export class TerminalPairing {
  private deviceId?: string;
  private deviceKey?: Uint8Array;
  private commitment?: Uint8Array;
  private deviceNonce?: Uint8Array;
  private confirmed = false;

  constructor(
    readonly terminalId: string,
    readonly terminalKey: Uint8Array,
    private readonly nonce: Uint8Array,
  ) {
    idField(terminalId, 'terminal id');
    checkKey(terminalKey, 'terminal key');
    checkNonce(nonce, 'terminal nonce');
  }

  /** Step 3: the device's id, key and commitment arrived; reveal our nonce. */
  committed(deviceId: string, deviceKey: Uint8Array, commitment: Uint8Array): Uint8Array {
    if (this.deviceKey)
      throw new ReaderError(ErrorCode.Mqtt_Replayed, 'a second device key in one pairing window');
    idField(deviceId, 'device id');
    checkKey(deviceKey, 'device key');
    if (commitment.length !== 32)
      throw new ReaderError(ErrorCode.Mqtt_Malformed, `a commitment is 32 bytes, not ${commitment.length}`);
    this.deviceId = deviceId;
    this.deviceKey = deviceKey;
    this.commitment = commitment;
    return this.nonce;
  }

  /** Step 5: the device revealed its nonce; it must open the commitment, else the pairing ends. */
  revealed(deviceNonce: Uint8Array): void {
    if (!this.deviceId || !this.deviceKey || !this.commitment)
      throw new ReaderError(ErrorCode.Mqtt_Malformed, 'a device nonce before its commitment');
    if (this.deviceNonce) throw new ReaderError(ErrorCode.Mqtt_Replayed, 'a second device nonce');
    const expected = pairingCommitment(
      this.deviceId,
      this.deviceKey,
      this.terminalId,
      this.terminalKey,
      deviceNonce,
    );
    if (!bytesEqual(expected, this.commitment))
      throw new ReaderError(ErrorCode.Mqtt_BadSignature, 'the device nonce does not open its commitment');
    this.deviceNonce = deviceNonce;
  }

  code(): string {
    if (!this.deviceId || !this.deviceKey || !this.deviceNonce)
      throw new ReaderError(ErrorCode.Mqtt_Malformed, 'no code before the device nonce is revealed');
    return comparisonCode(
      this.terminalId,
      this.terminalKey,
      this.deviceId,
      this.deviceKey,
      this.nonce,
      this.deviceNonce,
    );
  }

  /** The staff saw equal codes on both sides; only now is the device's key to be trusted. */
  confirm(): void {
    this.code(); // throws unless the device's nonce opened its commitment
    this.confirmed = true;
  }

  /** The key to trust and the id it is for: undefined until the reveal checked out and the
   * code is confirmed. */
  get peerKey(): Uint8Array | undefined {
    return this.confirmed ? this.deviceKey : undefined;
  }

  get peerId(): string | undefined {
    return this.confirmed ? this.deviceId : undefined;
  }
}

/**
 * What a device signs with its old key to announce its new one: "fareader.v1/key-rotation" ‖
 * 0x00 ‖ device id (UTF-8) ‖ 0x00 ‖ old key ‖ new key.
 */
export function rotationSigningInput(deviceId: string, oldKey: Uint8Array, newKey: Uint8Array): Uint8Array {
  checkKey(oldKey, 'old key');
  checkKey(newKey, 'new key');
  return concatBytes(ROTATION_LABEL, ZERO, utf8(deviceId), ZERO, oldKey, newKey);
}

/** Signs a rotation with the old secret key (64-byte Ed25519 secret key, as KeyPair holds it). */
export function signRotation(
  deviceId: string,
  oldKey: { publicKey: Uint8Array; secretKey: Uint8Array },
  newKey: Uint8Array,
  ed: Ed25519,
): Uint8Array {
  return ed.sign(rotationSigningInput(deviceId, oldKey.publicKey, newKey), oldKey.secretKey);
}

/** Throws unless `signature` is the old key's over the rotation to `newKey` for `deviceId`. */
export function verifyRotation(
  deviceId: string,
  oldKey: Uint8Array,
  newKey: Uint8Array,
  signature: Uint8Array,
  ed: Ed25519,
): void {
  if (signature.length !== 64)
    throw new ReaderError(
      ErrorCode.Mqtt_Malformed,
      `an Ed25519 signature is 64 bytes, not ${signature.length}`,
    );
  if (!ed.verify(rotationSigningInput(deviceId, oldKey, newKey), signature, oldKey))
    throw new ReaderError(
      ErrorCode.Mqtt_BadSignature,
      `the rotation of "${deviceId}" is not signed by its old key`,
    );
}
