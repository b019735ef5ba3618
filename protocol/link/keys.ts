// Ed25519 key material in the encodings standard tools read (RFC 8410):
// SPKI for public keys, PKCS#8 for private keys, in DER or PEM. Key ids per SPEC §4.3.
import { sha256 } from '@noble/hashes/sha2.js';
import nacl from 'tweetnacl';
import { bytesEqual, concatBytes, fromBase64, toBase64, toHex } from '../bytes.js';
import { ErrorCode, ReaderError } from '../errors.js';

const SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);
const PKCS8_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);

export interface KeyPair {
  /** 32-byte raw public key. */
  readonly publicKey: Uint8Array;
  /** 64-byte tweetnacl secret key (seed ‖ public key). Never logged or printed. */
  readonly secretKey: Uint8Array;
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

export function keyPairFromSeed(seed: Uint8Array): KeyPair {
  if (seed.length !== 32) throw new ReaderError(ErrorCode.Config_KeyFile, 'an Ed25519 seed is 32 bytes');
  const kp = nacl.sign.keyPair.fromSeed(seed);
  // Printed, logged or serialised, a key pair shows its key id, never its secret (as Secret<T>).
  const shown = (): { keyId: string; secretKey: string } => ({
    keyId: toHex(keyIdOf(kp.publicKey)),
    secretKey: '[redacted]',
  });
  return Object.defineProperties(
    { publicKey: kp.publicKey, secretKey: kp.secretKey },
    { toJSON: { value: shown }, [INSPECT]: { value: shown } },
  );
}

export function generateKeyPair(random: (n: number) => Uint8Array = nacl.randomBytes): KeyPair {
  return keyPairFromSeed(random(32));
}

/** First 8 bytes of SHA-256 over the raw public key. */
export function keyIdOf(publicKey: Uint8Array): Uint8Array {
  return sha256(publicKey).slice(0, 8);
}

export function keyIdHex(publicKey: Uint8Array): string {
  return toHex(keyIdOf(publicKey));
}

export function publicKeyToDer(publicKey: Uint8Array): Uint8Array {
  return concatBytes(SPKI_PREFIX, publicKey);
}

export function privateKeyToDer(kp: KeyPair): Uint8Array {
  return concatBytes(PKCS8_PREFIX, kp.secretKey.slice(0, 32));
}

export function toPem(label: 'PUBLIC KEY' | 'PRIVATE KEY', der: Uint8Array): string {
  const b64 = toBase64(der)
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

function pemBody(pem: string, label: string): Uint8Array {
  const m = new RegExp(`-----BEGIN ${label}-----([^-]+)-----END ${label}-----`).exec(pem);
  if (!m) throw new ReaderError(ErrorCode.Config_KeyFile, `no "${label}" PEM block found`);
  try {
    return fromBase64(m[1]!.replace(/\s+/g, ''));
  } catch {
    throw new ReaderError(ErrorCode.Config_KeyFile, `the "${label}" PEM block is not valid base64`);
  }
}

function stripPrefix(der: Uint8Array, prefix: Uint8Array, what: string): Uint8Array {
  if (der.length !== prefix.length + 32 || !bytesEqual(der.subarray(0, prefix.length), prefix)) {
    throw new ReaderError(ErrorCode.Config_KeyFile, `not an Ed25519 ${what} (RFC 8410 DER expected)`);
  }
  return der.slice(prefix.length);
}

export function publicKeyFromDer(der: Uint8Array): Uint8Array {
  return stripPrefix(der, SPKI_PREFIX, 'public key');
}

export function publicKeyFromPem(pem: string): Uint8Array {
  return publicKeyFromDer(pemBody(pem, 'PUBLIC KEY'));
}

export function keyPairFromPem(pem: string): KeyPair {
  return keyPairFromSeed(stripPrefix(pemBody(pem, 'PRIVATE KEY'), PKCS8_PREFIX, 'private key'));
}
