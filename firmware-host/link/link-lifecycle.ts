// The device link's connection lifecycle (SPEC §3, §13): the broker client with its Will,
// bd_seq, the retained birth and death, re-asserting the birth when something else takes our
// state topic, and noticing another client using our client id.
import type { IClientPublishOptions, MqttClient } from 'mqtt';
import type { HardwareIdentity } from '../../platform/boards/hardware-identity.js';
import type { EnvelopeSealer } from '../../platform/keys/envelope-sealer.js';
import type { MqttClientFactory } from '../../platform/link/mqtt-client.js';
import { type BrokerSettings, brokerUrls, mqttClientOptions } from '../../platform/link/mqtt-options.js';
import type { Route } from '../../platform/link/signed-endpoint.js';
import type { Logger } from '../../platform/log.js';
import { bytesEqual } from '../../protocol/bytes.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { brokerPassword, brokerUsername } from '../../protocol/link/broker-credentials.js';
import type { Ed25519 } from '../../protocol/link/ed25519.js';
import { type KeyPair, keyIdHex } from '../../protocol/link/keys.js';
import { deviceTopics, QOS } from '../../protocol/link/topics.js';
import { toLong } from '../../protocol/link/u64.js';
import type { ResultQueue } from './outbox.js';
import { SessionKicks } from './session-kicks.js';

/** How long stop() waits for the death's PUBACK and a clean disconnect before forcing it. */
const STOP_TIMEOUT_MS = 2000;

const v1 = fareader.v1;

export interface LifecycleOptions {
  readonly deviceId: string;
  readonly broker: BrokerSettings;
  readonly key: KeyPair;
  readonly connect: MqttClientFactory;
  readonly sealer: EnvelopeSealer;
  readonly ed: Ed25519;
  /** Where bd_seq, last_counter and outbox_pending come from. */
  readonly outbox: ResultQueue;
  readonly firmwareVersion: string;
  readonly capabilities: readonly string[];
  readonly hardware?: HardwareIdentity;
  readonly log: Logger;
  readonly now: () => number;
  /** Subscription filters, asked on every connection. */
  readonly filters: () => string[];
  readonly connected: () => void;
  readonly message: (topic: string, bytes: Uint8Array, retained: boolean) => void;
  readonly disconnected: () => void;
  readonly reject: (kind: string, reason: string, detail: string, topic: string) => void;
}

export class LinkLifecycle {
  private client?: MqttClient;
  private readonly topics;
  private bdSeq = 0n;
  /** The birth we published last: anything else retained on our state topic is re-asserted over. */
  private ownBirth?: Buffer;
  private readonly kicks: SessionKicks;
  private reassert?: NodeJS.Timeout;
  private stopping = false;
  /** The key births carry; after a rotation (SPEC 15.6) the new one. */
  private key: KeyPair;
  /** Keys this device signed with before, still accepted on its own state topic. */
  private readonly formerKeys: Uint8Array[] = [];
  /** The birth that announced the rotation: its echo is ours, not foreign. */
  private announcement?: Buffer;

  constructor(private readonly o: LifecycleOptions) {
    this.topics = deviceTopics(o.deviceId);
    this.kicks = new SessionKicks(o.now);
    this.key = o.key;
  }

  /**
   * Key rotation (SPEC 15.6): publishes a birth signed by the current key that announces
   * `next`, then births carry `next` (the caller switches the sealer between the two calls).
   */
  announceKey(next: KeyPair): void {
    this.announcement = this.stateEnvelope(true, '', next.publicKey);
    this.client?.publish(this.topics.state, this.announcement, { qos: QOS.state, retain: true });
  }

  /** From now on births carry `next`; what the old key signed on our state topic is still ours. */
  switchKey(next: KeyPair): void {
    this.formerKeys.push(this.key.publicKey);
    this.key = next;
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  /** Connected and not stopping: what may publish. */
  get live(): boolean {
    return this.connected && !this.stopping;
  }

  get recentKicks(): number {
    return this.kicks.recent();
  }

  get duplicateClientId(): boolean {
    return this.kicks.suspected();
  }

  /** Publishes on the current connection (QoS 1 messages wait in MQTT.js while it reconnects). */
  publish(topic: string, bytes: Uint8Array, options: IClientPublishOptions, done?: () => void): void {
    this.client?.publish(topic, Buffer.from(bytes), options, done);
  }

  /** Subscribes now, if connected (later connections take `filters()`). */
  subscribe(filter: string): void {
    this.client?.subscribe(filter, { qos: 1 }, (err) => {
      if (err) this.o.log.warn('subscribe failed', { filter, err });
    });
  }

  unsubscribe(filter: string): void {
    if (this.client?.connected) this.client.unsubscribe(filter);
  }

  private stateEnvelope(online: boolean, reason = '', nextKey?: Uint8Array): Buffer {
    const state = v1.DeviceState.encode({
      deviceId: this.o.deviceId,
      online,
      bdSeq: toLong(this.bdSeq),
      firmwareVersion: this.o.firmwareVersion,
      schema: 'fareader.v1',
      capabilities: [...this.o.capabilities],
      publicKey: this.key.publicKey,
      nextPublicKey: nextKey,
      timeMs: toLong(this.o.now()),
      reason,
      lastCounter: toLong(this.o.outbox.lastCounter),
      outboxPending: this.o.outbox.pendingCount,
      model: this.o.hardware?.model,
      serial: this.o.hardware?.serial,
      emulated: this.o.hardware?.emulated,
    }).finish();
    return Buffer.from(this.o.sealer.seal(v1.PayloadType.PAYLOAD_TYPE_DEVICE_STATE, state));
  }

  /** Connects; resolves once the first connection is up or `timeoutMs` passed (it keeps trying). */
  async start(timeoutMs: number): Promise<void> {
    this.bdSeq = this.o.outbox.nextBdSeq();
    const clientId = brokerUsername('dev', this.o.deviceId);
    // Without configured credentials the link presents its key-bound ones (SPEC §13.1).
    const options = mqttClientOptions(this.o.broker, clientId, {
      username: clientId,
      password: brokerPassword(clientId, this.key, this.o.ed),
    });
    options.will = {
      topic: this.topics.state,
      payload: this.stateEnvelope(false, 'connection-lost'),
      qos: QOS.state,
      retain: true,
    };
    const client = this.o.connect(brokerUrls(this.o.broker.url)[0]!, options);
    this.client = client;
    client.on('connect', () => this.onConnect());
    client.on('message', (topic, payload, packet) =>
      this.o.message(topic, new Uint8Array(payload), packet.retain),
    );
    client.on('close', () => this.onClose());
    client.on('error', (e) => {
      // Once stopping, mqtt.js reports the end of its own connection (a keepalive written after
      // end, the embedded broker closing behind it): not a fault of the broker.
      if (this.stopping) this.o.log.debug('broker connection error while stopping', () => ({ err: e }));
      else this.o.log.warn('broker connection error', { err: e });
    });
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, timeoutMs);
      client.once('connect', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  private onConnect(): void {
    this.kicks.connected();
    const at = this.client?.options;
    this.o.log.info('connected to broker', { node: `${at?.hostname}:${at?.port}`, bdSeq: this.bdSeq });
    this.client?.subscribe(
      Object.fromEntries(this.o.filters().map((f) => [f, { qos: 1 as const }])),
      (err) => {
        if (err) this.o.log.error('subscribe failed', { err });
      },
    );
    this.publishBirth();
    this.o.connected();
  }

  publishBirth(): void {
    this.ownBirth = this.stateEnvelope(true);
    this.client?.publish(this.topics.state, this.ownBirth, { qos: QOS.state, retain: true });
  }

  private onClose(): void {
    if (this.kicks.closed() && !this.stopping) {
      this.o.log.error(
        'the broker keeps dropping this connection soon after it is made: another client is using our client id',
        {
          clientId: brokerUsername('dev', this.o.deviceId),
          dropsInLastMinute: this.kicks.recent(),
          next: 'stop the other readerd or intruder; protect the broker with the key-bound credentials and ACL (README "Broker authentication")',
        },
      );
    }
    this.o.disconnected();
  }

  /**
   * Our own state topic (SPEC §13.4), verified against our own key: our birth, or what was
   * retained when we subscribed and is ours (the Will of the last connection: history our new
   * birth replaces), passes; anything else, or anything of ours published live, is foreign, and
   * the birth is published again.
   */
  ownStateRoute(): Route<fareader.v1.DeviceState> {
    const own = (keyId: string): Uint8Array | undefined =>
      [this.key.publicKey, ...this.formerKeys].find((k) => keyIdHex(k) === keyId);
    return {
      kind: 'state',
      filter: this.topics.state,
      matches: (topic) => topic === this.topics.state,
      payloadType: v1.PayloadType.PAYLOAD_TYPE_DEVICE_STATE,
      decode: (b) => v1.DeviceState.decode(b),
      trust: own,
      active: () => this.live && this.ownBirth !== undefined,
      reasonOf: () => 'foreign',
      refused: (r) => {
        // A refused message is counted as foreign already (reasonOf); a bug is only counted.
        if (r.stage !== 'handler') this.reassertSoon();
      },
      handle: (d) => {
        if (this.ownBirth && bytesEqual(d.bytes, this.ownBirth)) return;
        if (this.announcement && bytesEqual(d.bytes, this.announcement)) return;
        if (d.retained) return;
        this.o.reject('state', 'foreign', `${d.bytes.length} bytes on our state topic`, d.topic);
        this.reassertSoon();
      },
    };
  }

  private reassertSoon(): void {
    if (this.reassert) return; // one re-assertion per burst
    this.reassert = setTimeout(() => {
      this.reassert = undefined;
      if (this.live) this.publishBirth();
    }, 0);
  }

  /** From now on nothing new is published but the death. */
  halt(): void {
    this.stopping = true;
    clearTimeout(this.reassert);
  }

  /** Publishes the death (retained) and disconnects. */
  async stop(): Promise<void> {
    this.halt();
    const c = this.client;
    if (!c) return;
    // Bounded: on a half-dead connection the death's PUBACK never comes, and shutdown must
    // still end well inside systemd's TimeoutStopSec (the broker then sends our Will).
    let timer: NodeJS.Timeout | undefined;
    const bounded = (p: Promise<unknown>): Promise<boolean> =>
      Promise.race([
        p.then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), STOP_TIMEOUT_MS);
        }),
      ]).finally(() => clearTimeout(timer));
    let clean = true;
    if (c.connected) {
      clean = await bounded(
        new Promise<void>((resolve) =>
          c.publish(
            this.topics.state,
            this.stateEnvelope(false, 'shutdown'),
            { qos: QOS.state, retain: true },
            () => resolve(),
          ),
        ),
      );
    }
    if (!clean || !(await bounded(c.endAsync()))) await c.endAsync(true);
  }
}
