// The embedded broker's gatekeeper (SPEC §13): who a connecting client is, from its username
// and its key-bound password, and what it may publish and subscribe to.

import type { TrustedKey } from '../../platform/keys/keystore.js';
import {
  type BrokerIdentity,
  clientIdAllowed,
  PAIRING_AUX,
  parseBrokerUsername,
  verifyBrokerPassword,
  verifyPairingPassword,
} from '../../protocol/link/broker-credentials.js';
import type { Ed25519 } from '../../protocol/link/ed25519.js';
import { keyIdHex } from '../../protocol/link/keys.js';

export interface BrokerAuthority {
  readonly deviceId: string;
  readonly devicePublicKey: Uint8Array;
  /** The device's terminal trust store, by key id. */
  readonly trustedTerminals: ReadonlyMap<string, TrustedKey>;
  readonly ed?: Ed25519;
  /** A pairing window is open on the reader (SPEC 15.8): untrusted terminals may pair now. */
  readonly pairingOpen?: () => boolean;
}

export type AuthVerdict =
  | {
      readonly ok: true;
      readonly who: BrokerIdentity;
      readonly keyId: string;
      /** The key a pairing login proved (its self-signed password), SPEC 15.10. */
      readonly pairingKey?: Uint8Array;
    }
  | { readonly ok: false; readonly reason: string };

export function authenticateClient(
  a: BrokerAuthority,
  clientId: string,
  username: string | undefined,
  password: Uint8Array | undefined,
): AuthVerdict {
  if (!username || !password) return { ok: false, reason: 'no credentials' };
  const who = parseBrokerUsername(username);
  if (!who) return { ok: false, reason: `unknown username "${username.slice(0, 80)}"` };
  // The client id is bound to the username: nobody else can take over a party's session.
  if (!clientIdAllowed(username, clientId))
    return { ok: false, reason: `client id "${clientId.slice(0, 80)}" is not ${username}'s` };
  const text = Buffer.from(password).toString('latin1');
  if (who.role === 'term' && who.aux === PAIRING_AUX) {
    // An untrusted terminal asking to pair: admitted only inside a window, to its topics only.
    if (!a.pairingOpen?.()) return { ok: false, reason: 'no pairing window is open on the reader' };
    const key = verifyPairingPassword(username, text, a.ed);
    if (!key) return { ok: false, reason: `bad pairing password for ${username}` };
    return {
      ok: true,
      who: { role: 'term', id: who.id, pairingWith: a.deviceId },
      keyId: keyIdHex(key),
      pairingKey: key,
    };
  }
  let lookup: (keyId: string) => Uint8Array | undefined;
  if (who.role === 'dev') {
    if (who.id !== a.deviceId) return { ok: false, reason: `no device "${who.id}" on this broker` };
    const own = keyIdHex(a.devicePublicKey);
    lookup = (k) => (k === own ? a.devicePublicKey : undefined);
  } else {
    // A trust-store entry named after the terminal binds the id to that key; otherwise any
    // trusted terminal key may speak for a terminal id (trust names are the operator's choice).
    const named = [...a.trustedTerminals.values()].find((t) => t.name === who.id);
    lookup = (k) =>
      named ? (named.keyId === k ? named.publicKey : undefined) : a.trustedTerminals.get(k)?.publicKey;
  }
  const keyId = verifyBrokerPassword(username, text, lookup, a.ed);
  if (!keyId) return { ok: false, reason: `bad password for ${username}` };
  return { ok: true, who, keyId };
}
