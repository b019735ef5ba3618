// The device end of the terminal link (SPEC §2–§10, §13), composed of what it does: the
// connection lifecycle (birth, death, bd_seq, Will), the outbox pump (signed results with
// application-level acknowledgement) and command admission, behind one signed endpoint that
// verifies every message before anything decodes it. Knows nothing of sessions: admitted
// commands go to `onCommand`.
import { EventEmitter } from 'node:events';
import type { HardwareIdentity } from '../../platform/boards/hardware-identity.js';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { type EnvelopeSealer, keySealer } from '../../platform/keys/envelope-sealer.js';
import type { TrustedKey } from '../../platform/keys/keystore.js';
import type { RejectionStats } from '../../platform/link/link-stats.js';
import type { MqttClientFactory } from '../../platform/link/mqtt-client.js';
import type { BrokerSettings } from '../../platform/link/mqtt-options.js';
import { SignedEndpoint } from '../../platform/link/signed-endpoint.js';
import type { Logger } from '../../platform/log.js';
import { fareader } from '../../protocol/gen/fareader.js';
import type { Ed25519 } from '../../protocol/link/ed25519.js';
import type { KeyPair } from '../../protocol/link/keys.js';
import {
  ALL_TERMINAL_STATES,
  deviceTopics,
  pairingTopics,
  parseTopic,
  QOS,
} from '../../protocol/link/topics.js';
import { toLong } from '../../protocol/link/u64.js';
import { CommandAdmission, type CommandHandler } from './command-admission.js';
import { LinkLifecycle } from './link-lifecycle.js';
import type { LinkOutbox } from './outbox.js';
import { OutboxPump, type ResultDraft } from './outbox-pump.js';

export type { CommandHandler, CommandReply } from './command-admission.js';
export type { ResultDraft } from './outbox-pump.js';

const v1 = fareader.v1;

export interface DeviceLinkOptions {
  readonly deviceId: string;
  readonly broker: BrokerSettings;
  readonly key: KeyPair;
  /** Terminal keys trusted for commands, acknowledgements and terminal state. */
  readonly trustedTerminals: ReadonlyMap<string, TrustedKey>;
  readonly outbox: LinkOutbox;
  /** Builds the broker client (readerd passes the real one; nothing here calls mqtt.connect). */
  readonly connect: MqttClientFactory;
  readonly firmwareVersion: string;
  readonly capabilities: readonly string[];
  /** What the birth says the reader is (SPEC 3.7); test rigs may leave it out. */
  readonly hardware?: HardwareIdentity;
  readonly log: Logger;
  readonly now?: () => number;
  /** Commands (and terminal births) issued further than this from now are stale (default 30 s). */
  readonly commandWindowMs?: number;
  /** Terminal births trigger a pass over the outbox at most this often (default 1 s). */
  readonly birthRedeliveryMinMs?: number;
  /** A summary of rejections is logged this often when there were any (default 60 s). */
  readonly summaryIntervalMs?: number;
  /** Unacknowledged results are published again after this long. */
  readonly ackTimeoutMs?: number;
  /** Results published and not yet acknowledged, at most. */
  readonly inflightWindow?: number;
  readonly ed25519?: Ed25519;
  /** Seals everything the device publishes (default: signs with `key`). */
  readonly sealer?: EnvelopeSealer;
}

export const DEFAULT_COMMAND_WINDOW_MS = 30_000;

/** What /healthz and the debug shell report about the link. */
export interface LinkHealth {
  readonly connected: boolean;
  readonly outboxPending: number;
  readonly lastCounter: string;
  /** Connections the broker dropped soon after they were made, in the last minute. */
  readonly recentKicks: number;
  /** Another client keeps taking over our client id (SPEC §13.5). */
  readonly duplicateClientId: boolean;
  readonly rejections: Record<string, number>;
}

export class DeviceLink extends EventEmitter {
  private readonly endpoint: SignedEndpoint;
  private readonly lifecycle: LinkLifecycle;
  private readonly pump: OutboxPump;
  private readonly admission: CommandAdmission;
  private readonly now: () => number;
  private readonly sealer: EnvelopeSealer;
  private keySealer: EnvelopeSealer;
  private readonly ed: Ed25519;
  private readonly topics;
  private eventSeq = 0n;
  private summaryTimer?: NodeJS.Timeout;
  private readonly pairing;
  /** Hears the pairing window's topic while one is open (SPEC 15.8); unsigned, so no endpoint. */
  private pairingListener?: (bytes: Uint8Array) => void;

  constructor(private readonly opts: DeviceLinkOptions) {
    super();
    const now = opts.now ?? Date.now;
    const ed = opts.ed25519 ?? opensslEd25519;
    const windowMs = opts.commandWindowMs ?? DEFAULT_COMMAND_WINDOW_MS;
    this.now = now;
    this.topics = deviceTopics(opts.deviceId);
    this.pairing = pairingTopics(opts.deviceId);
    // Through a field, so a key rotation (rotateKey) changes what everything signs with.
    this.keySealer = opts.sealer ?? keySealer(opts.key, ed);
    this.sealer = { seal: (type, payload) => this.keySealer.seal(type, payload) };
    this.ed = ed;
    const reject = (kind: string, reason: string, detail: string, topic: string): void =>
      this.endpoint.reject(kind, reason, detail, topic);
    const publish = (topic: string, bytes: Uint8Array, qos: 0 | 1): void =>
      this.lifecycle.publish(topic, bytes, { qos });
    this.lifecycle = new LinkLifecycle({
      deviceId: opts.deviceId,
      broker: opts.broker,
      key: opts.key,
      connect: opts.connect,
      sealer: this.sealer,
      ed,
      outbox: opts.outbox,
      firmwareVersion: opts.firmwareVersion,
      capabilities: opts.capabilities,
      hardware: opts.hardware,
      log: opts.log,
      now,
      filters: () => [...this.endpoint.filters(), ...(this.pairingListener ? [this.pairing.toDevice] : [])],
      connected: () => {
        this.pump.restartPass();
        this.emit('connected');
      },
      message: (topic, bytes, retained) => {
        if (topic !== this.pairing.toDevice) return this.endpoint.receive(topic, bytes, retained);
        // Nothing retained belongs to a pairing: a message from before this window is stale.
        if (!retained) this.pairingListener?.(bytes);
      },
      disconnected: () => this.emit('disconnected'),
      reject,
    });
    this.pump = new OutboxPump({
      deviceId: opts.deviceId,
      outbox: opts.outbox,
      sealer: this.sealer,
      log: opts.log,
      now,
      ackTimeoutMs: opts.ackTimeoutMs ?? 10_000,
      window: opts.inflightWindow ?? 256,
      freshnessMs: windowMs,
      birthRedeliveryMinMs: opts.birthRedeliveryMinMs ?? 1000,
      live: () => this.lifecycle.live,
      publish,
      reject,
      acked: (batch) => this.emit('acked', batch),
      terminalState: (state) => this.emit('terminal-state', state),
    });
    this.admission = new CommandAdmission({
      deviceId: opts.deviceId,
      outbox: opts.outbox,
      sealer: this.sealer,
      log: opts.log,
      now,
      windowMs,
      publish,
      reject,
      rebirth: () => {
        this.lifecycle.publishBirth();
        this.pump.restartPass();
      },
    });
    const terminalIdOf = (topic: string): string | undefined => {
      const t = parseTopic(topic);
      return t?.side === 'term' ? t.id : undefined;
    };
    this.endpoint = new SignedEndpoint({
      routes: [
        this.admission.route(),
        this.pump.ackRoute(),
        this.lifecycle.ownStateRoute(),
        this.pump.terminalStateRoute(ALL_TERMINAL_STATES, terminalIdOf),
      ],
      trust: (keyId) => opts.trustedTerminals.get(keyId)?.publicKey,
      ed,
      log: opts.log,
      onRejected: ({ kind, reason, detail }) => this.emit('rejected', { kind, reason, detail }),
    });
  }

  /**
   * Key rotation (SPEC 15.6): announces `next` in a birth signed by the current key, then
   * signs everything new with `next` and publishes a birth under it. Results already in the
   * outbox stay signed by the old key; the terminal accepts either during the overlap.
   * Persisting the new key (the key file) is the caller's.
   */
  rotateKey(next: KeyPair): void {
    this.lifecycle.announceKey(next);
    this.keySealer = keySealer(next, this.ed);
    this.lifecycle.switchKey(next);
    this.lifecycle.publishBirth();
  }

  /**
   * A pairing window's messages (SPEC 15.8): `listener` hears the terminal's side of the
   * window's topic until it is called with undefined. They are not signed envelopes (neither
   * key is trusted yet): the pairing window parses and judges them itself.
   */
  listenPairing(listener: ((bytes: Uint8Array) => void) | undefined): void {
    const had = this.pairingListener !== undefined;
    this.pairingListener = listener;
    if (listener && !had) this.lifecycle.subscribe(this.pairing.toDevice);
    if (!listener && had) this.lifecycle.unsubscribe(this.pairing.toDevice);
  }

  /** Publishes the device's side of a pairing window (QoS 1, never retained). */
  publishPairing(bytes: Uint8Array): void {
    this.lifecycle.publish(this.pairing.toTerminal, bytes, { qos: 1 });
  }

  /** Rejections by reason (/healthz, the debug shell, the summary line). */
  get stats(): RejectionStats {
    return this.endpoint.stats;
  }

  /** Receives admitted commands only; set by the session service. */
  get onCommand(): CommandHandler | undefined {
    return this.admission.onCommand;
  }

  set onCommand(handler: CommandHandler | undefined) {
    this.admission.onCommand = handler;
  }

  health(): LinkHealth {
    return {
      connected: this.connected,
      outboxPending: this.opts.outbox.pendingCount,
      lastCounter: this.opts.outbox.lastCounter.toString(),
      recentKicks: this.lifecycle.recentKicks,
      duplicateClientId: this.lifecycle.duplicateClientId,
      rejections: this.stats.toJSON(),
    };
  }

  /** The embedded broker refused a client's connection, publication or subscription (SPEC §13.2). */
  noteBrokerRefusal(what: string, clientId: string, detail: string): void {
    this.endpoint.reject('broker', `refused-${what}`, `${clientId.slice(0, 80)}: ${detail}`, '');
  }

  /** Logs what was rejected since the last summary (also run by a timer while started). */
  logRejectionSummary(): void {
    const s = this.stats.takeSummary();
    if (s) this.opts.log.info('rejections since the last summary', s);
  }

  /** The outbox this link drains (for status reports and tests). */
  get outbox(): LinkOutbox {
    return this.opts.outbox;
  }

  get connected(): boolean {
    return this.lifecycle.connected;
  }

  /** Connects; resolves once the first connection is up or `timeoutMs` passed (it keeps trying). */
  async start(timeoutMs = 10_000): Promise<void> {
    const started = this.lifecycle.start(timeoutMs);
    this.pump.start();
    this.summaryTimer = setInterval(() => this.logRejectionSummary(), this.opts.summaryIntervalMs ?? 60_000);
    await started;
  }

  /** Signs a result under the next counter, stores it durably, then publishes it. */
  publishResult(draft: ResultDraft): bigint {
    return this.pump.publishResult(draft);
  }

  /** Progress events are advisory (QoS 0) and dropped while disconnected. */
  publishEvent(event: Omit<fareader.v1.ISessionEvent, 'deviceId' | 'seq' | 'timeMs'>): void {
    if (!this.connected) return;
    this.eventSeq++;
    const payload = v1.SessionEvent.encode({
      ...event,
      deviceId: this.opts.deviceId,
      seq: toLong(this.eventSeq),
      timeMs: toLong(this.now()),
    }).finish();
    this.lifecycle.publish(
      this.topics.event,
      this.sealer.seal(v1.PayloadType.PAYLOAD_TYPE_SESSION_EVENT, payload),
      { qos: QOS.event },
    );
  }

  /**
   * Orderly stop: waits up to `flushMs` for outstanding acknowledgements, then publishes
   * death (retained) and disconnects. Results not acknowledged stay in the outbox.
   */
  async stop(flushMs = 2000): Promise<void> {
    const deadline = this.now() + flushMs;
    while (this.connected && this.opts.outbox.pendingCount > 0 && this.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    this.lifecycle.halt();
    this.pump.stop();
    clearInterval(this.summaryTimer);
    this.logRejectionSummary();
    await this.lifecycle.stop();
  }
}
