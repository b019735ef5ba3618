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
  /**
   * A terminal not yet trusted, admitted during a pairing window (SPEC 15.8): it may use the
   * pairing topics of this device and nothing else.
   */
  readonly pairingWith?: string;
}

/** The auxiliary name of a terminal's pairing connection: `fareader-term-{id}~pair`. */
export const PAIRING_AUX = 'pair';

/** The username, which is also the client id (SPEC 1.1, 13.1). */
export function brokerUsername(role: BrokerRole, id: string, aux?: string): string {
  return `fareader-${role}-${id}${aux ? `${AUX_SEPARATOR}${aux}` : ''}`;
}

export function parseBrokerUsername(
  username: string,
): (BrokerIdentity & { readonly aux?: string }) | undefined {
  const m = /^fareader-(dev|term)-([^~]+)(?:~([A-Za-z0-9._-]{1,32}))?$/.exec(username);
  if (!m || !isValidId(m[2]!)) return undefined;
  return { role: m[1] as BrokerRole, id: m[2]!, ...(m[3] ? { aux: m[3] } : {}) };
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

/** Pairing password format: the key travels whole, since no broker knows it yet. */
const PAIRING_PREFIX = 'fa1p';

/**
 * A pairing connection's password (SPEC 15.8): `fa1p.<base64url public key>.<base64url
 * signature over the username>`. It proves only that the client holds the key it will ask the
 * device to trust; the broker admits it during a pairing window without trusting it.
 */
export function pairingPassword(username: string, key: KeyPair, ed: Ed25519 = tweetnaclEd25519): string {
  const sig = ed.sign(brokerPasswordInput(username), key.secretKey);
  return `${PAIRING_PREFIX}.${b64url(key.publicKey)}.${b64url(sig)}`;
}

/** The public key a pairing password is self-signed by, or undefined. Never throws. */
export function verifyPairingPassword(
  username: string,
  password: string,
  ed: Ed25519 = tweetnaclEd25519,
): Uint8Array | undefined {
  const parts = password.split('.');
  if (parts.length !== 3 || parts[0] !== PAIRING_PREFIX) return undefined;
  let key: Uint8Array;
  let sig: Uint8Array;
  try {
    key = fromB64url(parts[1]!);
    sig = fromB64url(parts[2]!);
  } catch {
    return undefined;
  }
  if (key.length !== 32 || sig.length !== 64) return undefined;
  try {
    return ed.verify(brokerPasswordInput(username), sig, key) ? key : undefined;
  } catch {
    return undefined;
  }
}
