// Ed25519 behind a two-method interface. tweetnacl is the portable reference (pure JS, no
// Node built-ins); hosts may inject a native implementation of the same deterministic
// algorithm (RFC 8032), whose signatures are byte-identical (see ed25519-openssl.test.ts).
import nacl from 'tweetnacl';

export interface Ed25519 {
  /** `secretKey` is tweetnacl's 64-byte form: seed ‖ public key. */
  sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array;
  verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean;
}

export const tweetnaclEd25519: Ed25519 = {
  sign: (m, sk) => nacl.sign.detached(m, sk),
  verify: (m, s, pk) => nacl.sign.detached.verify(m, s, pk),
};
