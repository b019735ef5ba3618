// The link's pure parts (protocol/link/*): the signed envelope, every protobuf message type of
// protocol/gen decoded through it, topics and ids, broker usernames, passwords and ACLs, key
// files, u64. Garbage is refused with ReaderError (or undefined / false where the API says
// "never throws"); what we encode decodes back.
import fc from 'fast-check';
import Long from 'long';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { bytesEqual } from '../../protocol/bytes.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { filterCovers, mayPublish, maySubscribe } from '../../protocol/link/broker-acl.js';
import {
  brokerPassword,
  clientIdAllowed,
  parseBrokerUsername,
  verifyBrokerPassword,
} from '../../protocol/link/broker-credentials.js';
import { decodePayload, open, PayloadType, seal } from '../../protocol/link/envelope.js';
import {
  keyIdHex,
  keyPairFromPem,
  keyPairFromSeed,
  privateKeyToDer,
  publicKeyFromDer,
  publicKeyFromPem,
  publicKeyToDer,
  toPem,
} from '../../protocol/link/keys.js';
import {
  type DeviceTopicKind,
  deviceTopics,
  isValidId,
  parseTopic,
  terminalStateTopic,
} from '../../protocol/link/topics.js';
import { toLong, u64, u64ms } from '../../protocol/link/u64.js';
import { garbage, hostile, nastyString } from './arbitraries.js';
import { expectThat, type FuzzTarget, neverThrows, onlyReaderError, property } from './harness.js';
import { messageTypes, protobufWire } from './protobuf-wire.js';

const key = keyPairFromSeed(new Uint8Array(32).fill(1));
const other = keyPairFromSeed(new Uint8Array(32).fill(2));
const trusted = new Map([[keyIdHex(key.publicKey), key.publicKey]]);
const trust = (id: string): Uint8Array | undefined => trusted.get(id);
const ed = opensslEd25519;
const types = Object.values(PayloadType).filter((v): v is number => typeof v === 'number');

/** Envelopes signed by a trusted and an untrusted key, made once (signing per input would time the signer). */
const sealedPool: Uint8Array[] = fc
  .sample(
    fc.record({
      type: fc.oneof(fc.constantFrom(...types), fc.integer({ min: 0, max: 2 ** 32 - 1 })),
      payload: fc.oneof(protobufWire, garbage(64)),
      signer: fc.constantFrom(key, other),
    }),
    { numRuns: 256, seed: 13 },
  )
  .map((x) => seal(x.type as PayloadType, x.payload, x.signer, ed));
const sealed: fc.Arbitrary<Uint8Array> = fc.nat().map((i) => sealedPool[i % sealedPool.length]!);

const same = (b: Uint8Array): Uint8Array => b;

function sameSignature(a: string, b: string): boolean {
  const sig = (p: string): string =>
    Buffer.from((p.split('.')[2] ?? '').replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('hex');
  return a.split('.').slice(0, 2).join('.') === b.split('.').slice(0, 2).join('.') && sig(a) === sig(b);
}

/** Decodes a payload as one message type, as a handler does after verifying it. */
function decodeAs(typeIndex: number, payload: Uint8Array): void {
  const n = messageTypes.length;
  const [name, T] = messageTypes[((typeIndex % n) + n) % n]!;
  const m = onlyReaderError(`decodePayload(${name})`, () => decodePayload((b) => T.decode(b), payload));
  if (m === undefined) return;
  // What decoded must encode and decode again (a handler may re-publish or store it).
  const again = neverThrows(`${name}.encode of a decoded message`, () => T.encode(m as never).finish());
  neverThrows(`${name}.decode of its own encoding`, () => T.decode(again));
}

const topic: fc.Arbitrary<string> = fc.oneof(
  nastyString,
  fc
    .tuple(nastyString, fc.constantFrom('state', 'event', 'result', 'response', 'command', 'ack', 'term'))
    .map(([id, k]) => (k === 'term' ? terminalStateTopic(id) : deviceTopics(id)[k as DeviceTopicKind])),
  fc.array(nastyString, { maxLength: 7 }).map((p) => p.join('/')),
);

export const linkTarget: FuzzTarget = {
  name: 'link',
  covers: [
    'protocol/link/envelope.ts',
    'protocol/gen/fareader.js (every message type)',
    'protocol/link/topics.ts',
    'protocol/link/keys.ts',
    'protocol/link/u64.ts',
    'protocol/link/broker-credentials.ts',
    'protocol/link/broker-acl.ts',
  ],
  properties: [
    property<Uint8Array>({
      name: 'envelope',
      weight: 3,
      arbitrary: hostile(sealed, 300),
      check: (b) => {
        for (const expected of [undefined, PayloadType.PAYLOAD_TYPE_COMMAND]) {
          const o = onlyReaderError('open', () => open(b, trust, expected, ed));
          if (!o) continue;
          // Opened means signed by the trusted key over exactly this type and payload.
          expectThat(o.keyId === keyIdHex(key.publicKey), `opened under key ${o.keyId}`);
          expectThat(
            expected === undefined || o.payloadType === expected,
            'opened with the wrong payload type',
          );
          const env = fareader.v1.SignedEnvelope.decode(b);
          expectThat(bytesEqual(env.payload ?? new Uint8Array(), o.payload), 'opened payload differs');
          decodeAs(o.payloadType, o.payload);
        }
      },
      toBytes: same,
      fromBytes: same,
    }),
    property<[number, Uint8Array]>({
      name: 'payloads',
      weight: 3,
      // Payloads as if a trusted key signed them: what the decoders see only after open().
      arbitrary: fc.tuple(fc.nat({ max: messageTypes.length - 1 }), hostile(protobufWire, 200)),
      check: ([t, payload]) => decodeAs(t, payload),
      toBytes: ([t, payload]) => Uint8Array.of(t, ...payload),
      fromBytes: (b) => [b[0] ?? 0, b.subarray(1)],
    }),
    property<[string, string, string]>({
      name: 'topics-and-ids',
      weight: 2,
      arbitrary: fc.tuple(topic, topic, nastyString),
      check: ([t, f, s]) => {
        const p = neverThrows('parseTopic', () => parseTopic(t));
        if (p) expectThat(isValidId(p.id) && (p.side === 'dev' || p.side === 'term'), `parseTopic(${t})`);
        neverThrows('isValidId', () => isValidId(s));
        const who = neverThrows('parseBrokerUsername', () => parseBrokerUsername(s));
        if (who) {
          neverThrows('mayPublish', () => mayPublish(who, t));
          neverThrows('maySubscribe', () => maySubscribe(who, f));
        }
        neverThrows('filterCovers', () => filterCovers(f, t));
        neverThrows('clientIdAllowed', () => clientIdAllowed(s, t));
        const ok = neverThrows('verifyBrokerPassword', () =>
          verifyBrokerPassword(s, t, () => key.publicKey, ed),
        );
        expectThat(ok === undefined, 'a made-up password verified');
      },
      toBytes: ([t, f, s]) => new TextEncoder().encode(JSON.stringify([t, f, s])),
      fromBytes: (b) => JSON.parse(new TextDecoder().decode(b)) as [string, string, string],
    }),
    property<string>({
      name: 'broker-password',
      arbitrary: fc.oneof(
        nastyString,
        nastyString.map((u) => brokerPassword(u, key, ed)),
        fc.tuple(nastyString, fc.nat()).map(([u, i]) => {
          const p = brokerPassword('dev~x', key, ed);
          return `${p.slice(0, i % p.length)}${u}${p.slice((i % p.length) + 1)}`;
        }),
      ),
      check: (pw) => {
        const id = neverThrows('verifyBrokerPassword', () => verifyBrokerPassword('dev~x', pw, trust, ed));
        // Other spellings of the same signature (standard base64, padding) may verify; other bytes not.
        expectThat(
          id === undefined || sameSignature(pw, brokerPassword('dev~x', key, ed)),
          'a changed password verified',
        );
      },
      toBytes: (s) => new TextEncoder().encode(s),
      fromBytes: (b) => new TextDecoder().decode(b),
    }),
    property<Uint8Array>({
      name: 'key-files',
      // Each valid PEM costs a tweetnacl key derivation (~2 ms): fewer inputs here.
      weight: 0.1,
      arbitrary: hostile(
        fc.oneof(
          fc.constant(publicKeyToDer(key.publicKey)),
          fc.constant(privateKeyToDer(key)),
          fc.constant(new TextEncoder().encode(toPem('PUBLIC KEY', publicKeyToDer(key.publicKey)))),
          fc.constant(new TextEncoder().encode(toPem('PRIVATE KEY', privateKeyToDer(key)))),
        ),
        200,
      ),
      check: (b) => {
        const text = new TextDecoder().decode(b);
        onlyReaderError('publicKeyFromDer', () => publicKeyFromDer(b));
        onlyReaderError('publicKeyFromPem', () => publicKeyFromPem(text));
        const kp = onlyReaderError('keyPairFromPem', () => keyPairFromPem(text));
        if (kp)
          expectThat(kp.publicKey.length === 32 && kp.secretKey.length === 64, 'a key pair of odd size');
      },
      toBytes: same,
      fromBytes: same,
    }),
    property<bigint>({
      name: 'u64',
      weight: 0.5,
      arbitrary: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
      check: (v) => {
        const l = toLong(v);
        expectThat(u64(l) === v, `u64(toLong(${v})) = ${u64(l)}`);
        // protobufjs hands signed Longs for uint64 fields read as int64; u64 reads them unsigned.
        expectThat(u64(Long.fromString(v.toString(), false)) === v || v >= 1n << 63n, 'signed Long misread');
        expectThat(Number.isFinite(u64ms(l)), 'u64ms not finite');
        if (v <= BigInt(Number.MAX_SAFE_INTEGER)) expectThat(u64(Number(v)) === v, 'u64(number) differs');
      },
      toBytes: (v) => new TextEncoder().encode(v.toString()),
      fromBytes: (b) => BigInt(new TextDecoder().decode(b)),
    }),
  ],
};
