// The monitor: validates every message on the device's topics for the whole run, as the
// Sparkplug TCK's monitor does. Schema, signature (node:crypto's Ed25519, independent of the
// device's code), payload type per topic, device id, QoS, retain, result counters (strictly
// increasing; a redelivery must repeat the same bytes), size. Any violation fails the run
// and the case during which it happened.
import { createHash, createPublicKey, verify } from 'node:crypto';
import type { MqttClient } from 'mqtt';
import { toHex } from '../../protocol/bytes.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { MAX_ENVELOPE_BYTES, signingInput } from '../../protocol/link/envelope.js';
import { keyIdHex, publicKeyToDer } from '../../protocol/link/keys.js';
import { deviceTopics, QOS } from '../../protocol/link/topics.js';
import { u64 } from '../../protocol/link/u64.js';

const v1 = fareader.v1;
const T = v1.PayloadType;

export interface Violation {
  readonly at: number;
  readonly clause: string;
  readonly topic: string;
  readonly what: string;
}

export interface Seen {
  readonly at: number;
  readonly kind: string;
  readonly qos: number;
  readonly retain: boolean;
  readonly message?: unknown;
  readonly bytes: Uint8Array;
}

type DeviceKind = 'state' | 'event' | 'result' | 'response';
const DEVICE_TYPES: Record<DeviceKind, fareader.v1.PayloadType> = {
  state: T.PAYLOAD_TYPE_DEVICE_STATE,
  event: T.PAYLOAD_TYPE_SESSION_EVENT,
  result: T.PAYLOAD_TYPE_VERIFICATION_RESULT,
  response: T.PAYLOAD_TYPE_COMMAND_RESPONSE,
};
const DECODE: Record<DeviceKind, (b: Uint8Array) => { deviceId: string }> = {
  state: (b) => v1.DeviceState.decode(b),
  event: (b) => v1.SessionEvent.decode(b),
  result: (b) => v1.VerificationResult.decode(b),
  response: (b) => v1.CommandResponse.decode(b),
};

/** Ed25519 verification by node:crypto over the SPEC's signing input. */
export function verifiesWith(publicKey: Uint8Array, envelope: fareader.v1.SignedEnvelope): boolean {
  if (envelope.signature.length !== 64) return false;
  const key = createPublicKey({ key: Buffer.from(publicKeyToDer(publicKey)), format: 'der', type: 'spki' });
  return verify(null, signingInput(envelope.payloadType, envelope.payload), key, envelope.signature);
}

export class Monitor {
  readonly violations: Violation[] = [];
  readonly seen: Seen[] = [];
  private readonly topics;
  private readonly counters = new Map<string, string>();
  private maxCounter = 0n;

  constructor(
    private readonly deviceId: string,
    readonly devicePublicKey: Uint8Array,
    private readonly now: () => number = Date.now,
  ) {
    this.topics = deviceTopics(deviceId);
  }

  /** Subscribes at QoS 2, so each message arrives at the QoS it was published with. */
  async attach(client: MqttClient): Promise<void> {
    client.on('message', (topic, payload, packet) =>
      this.check(topic, new Uint8Array(payload), packet.qos, packet.retain),
    );
    await client.subscribeAsync(`fareader/v1/dev/${this.deviceId}/#`, { qos: 2 });
  }

  private flag(clause: string, topic: string, what: string): void {
    this.violations.push({ at: this.now(), clause, topic, what });
  }

  check(topic: string, bytes: Uint8Array, qos: number, retain: boolean): void {
    const kind = (Object.keys(this.topics) as (keyof typeof this.topics)[]).find(
      (k) => this.topics[k] === topic,
    );
    if (!topic.startsWith(`fareader/v1/dev/${this.deviceId}/`)) return;
    if (!kind) return this.flag('2.8', topic, 'a topic outside SPEC §2 under the device');
    if (kind === 'command' || kind === 'ack') return; // terminals' topics: the kit sends on them
    const at = this.now();
    // A retained state with an empty payload clears a birth; nothing else may be empty.
    if (bytes.length === 0) return this.flag('4.1', topic, 'empty payload');
    if (bytes.length > MAX_ENVELOPE_BYTES) return this.flag('10.2', topic, `${bytes.length} bytes`);
    const wantQos = QOS[kind];
    if (qos !== wantQos && !retain)
      this.flag(
        `2.${['state', 'event', 'result', 'response'].indexOf(kind) + 1}`,
        topic,
        `QoS ${qos}, SPEC says ${wantQos}`,
      );
    let env: fareader.v1.SignedEnvelope;
    try {
      env = v1.SignedEnvelope.decode(bytes);
    } catch (e) {
      return this.flag('4.1', topic, `not a SignedEnvelope: ${(e as Error).message}`);
    }
    if (!env.signature?.length) return this.flag('4.1', topic, 'unsigned envelope');
    if (toHex(env.keyId) !== keyIdHex(this.devicePublicKey))
      return this.flag('4.3', topic, `key id ${toHex(env.keyId)} is not the device's`);
    if (!verifiesWith(this.devicePublicKey, env)) return this.flag('4.2', topic, 'signature does not verify');
    if (env.payloadType !== DEVICE_TYPES[kind])
      return this.flag('2.1', topic, `payload type ${T[env.payloadType]} on the ${kind} topic`);
    let message: { deviceId: string };
    try {
      message = DECODE[kind](env.payload);
    } catch (e) {
      return this.flag('4.1', topic, `payload does not decode: ${(e as Error).message}`);
    }
    if (message.deviceId !== this.deviceId)
      this.flag('4.6', topic, `message names device "${message.deviceId}"`);
    if (kind === 'state' && !retain && qos !== QOS.state) this.flag('2.1', topic, 'state not at QoS 1');
    if (kind === 'result') this.checkResult(topic, message as fareader.v1.VerificationResult, env.payload);
    this.seen.push({ at, kind, qos, retain, message, bytes });
  }

  private checkResult(topic: string, r: fareader.v1.VerificationResult, payload: Uint8Array): void {
    const counter = u64(r.counter);
    const sha = createHash('sha256').update(payload).digest('hex');
    const before = this.counters.get(counter.toString());
    if (counter === 0n) return this.flag('6.2', topic, 'counter 0');
    if (before !== undefined) {
      if (before !== sha) this.flag('6.2', topic, `counter ${counter} carried two different results`);
      return; // a redelivery of the same result (SPEC §7.4)
    }
    // Below the maximum is allowed (redelivery after an outage may reorder, §9.3); reuse is not.
    this.counters.set(counter.toString(), sha);
    if (counter > this.maxCounter) this.maxCounter = counter;
    if (r.linkTest && r.outcome !== v1.Outcome.OUTCOME_UNSPECIFIED)
      this.flag('6.6', topic, 'a link-test result claims an outcome');
  }

  /** Messages of a kind seen since `since` (ms). */
  since<T = unknown>(
    kind: string,
    since: number,
  ): { message: T; at: number; retain: boolean; qos: number }[] {
    return this.seen
      .filter((s) => s.kind === kind && s.at >= since)
      .map((s) => ({ message: s.message as T, at: s.at, retain: s.retain, qos: s.qos }));
  }
}
