// The seam that turns a payload into the bytes a link end publishes (SPEC §4). Production
// seals with the party's key; the kit's misbehaving appliance composes a sealer that does not.
import type { Ed25519 } from '../../protocol/link/ed25519.js';
import { type PayloadType, seal } from '../../protocol/link/envelope.js';
import type { KeyPair } from '../../protocol/link/keys.js';

export interface EnvelopeSealer {
  seal(payloadType: PayloadType, payload: Uint8Array): Uint8Array;
}

/** Signs every envelope with `key` (the only sealer a reader in service uses). */
export function keySealer(key: KeyPair, ed: Ed25519): EnvelopeSealer {
  return { seal: (payloadType, payload) => seal(payloadType, payload, key, ed) };
}
