// Broker credentials bound to the link keys (SPEC §13). The username names the party and is
// also its client id; the password is the party's Ed25519 signature over the username, so a
// broker that holds only public keys (the embedded one) can verify it and nobody without the
// private key can make it. Ed25519 is deterministic: the password is the same at every start,
// which is what a Mosquitto password file needs.
import { bytesEqual, concatBytes, fromBase64, fromHex, toBase64, toHex, utf8 } from '../bytes.js';
import { type Ed25519, tweetnaclEd25519 } from './ed25519.js';
import { type KeyPair, keyIdOf } from './keys.js';
import { isValidId } from './topics.js';

export const BROKER_PASSWORD_CONTEXT = 'fareader.v1/broker-password';
/** Password format version; the key id travels with it so the broker finds the key. */
const PREFIX = 'fa1';
/**
 * Separates an auxiliary connection's name from the party in a username (`~` is no id
 * character): `fareader-term-kit~monitor` is the terminal `kit`'s monitor, with its own
 * client id and password and the terminal's rights.
 */
export const AUX_SEPARATOR = '~';

export type BrokerRole = 'dev' | 'term';

export interface BrokerIdentity {
  readonly role: BrokerRole;
  readonly id: string;
}

/** The username, which is also the client id (SPEC 1.1, 13.1). */
export function brokerUsername(role: BrokerRole, id: string, aux?: string): string {
  return `fareader-${role}-${id}${aux ? `${AUX_SEPARATOR}${aux}` : ''}`;
}

export function parseBrokerUsername(username: string): BrokerIdentity | undefined {
  const m = /^fareader-(dev|term)-([^~]+)(?:~([A-Za-z0-9._-]{1,32}))?$/.exec(username);
  if (!m || !isValidId(m[2]!)) return undefined;
  return { role: m[1] as BrokerRole, id: m[2]! };
}

/** The bytes signed: context ‖ 0x00 ‖ username (UTF-8). */
export function brokerPasswordInput(username: string): Uint8Array {
  return concatBytes(utf8(BROKER_PASSWORD_CONTEXT), Uint8Array.of(0), utf8(username));
}

const b64url = (b: Uint8Array): string =>
  toBase64(b).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromB64url = (s: string): Uint8Array => fromBase64(s.replace(/-/g, '+').replace(/_/g, '/'));

/** `fa1.<key id hex>.<base64url signature>`: 106 ASCII characters. */
export function brokerPassword(username: string, key: KeyPair, ed: Ed25519 = tweetnaclEd25519): string {
  const sig = ed.sign(brokerPasswordInput(username), key.secretKey);
  return `${PREFIX}.${toHex(keyIdOf(key.publicKey))}.${b64url(sig)}`;
}

/**
 * Verifies a password for `username` against the key `lookup` returns for its key id; returns
 * the key id, or undefined for anything short of a valid signature. Never throws.
 */
export function verifyBrokerPassword(
  username: string,
  password: string,
  lookup: (keyIdHex: string) => Uint8Array | undefined,
  ed: Ed25519 = tweetnaclEd25519,
): string | undefined {
  const parts = password.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX || !/^[0-9a-f]{16}$/.test(parts[1]!)) return undefined;
  const keyId = parts[1]!;
  const publicKey = lookup(keyId);
  if (!publicKey || !bytesEqual(keyIdOf(publicKey), fromHex(keyId))) return undefined;
  let sig: Uint8Array;
  try {
    sig = fromB64url(parts[2]!);
  } catch {
    return undefined;
  }
  if (sig.length !== 64) return undefined;
  return ed.verify(brokerPasswordInput(username), sig, publicKey) ? keyId : undefined;
}

/** A client id is bound to its username: nobody else can take over a party's session. */
export function clientIdAllowed(username: string, clientId: string): boolean {
  return clientId === username;
}
