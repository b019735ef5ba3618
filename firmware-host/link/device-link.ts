// The device end of the terminal link (SPEC §2–§10, §13): birth and death, signed results
// through the durable outbox with application-level acknowledgement, progress events, and
// admission of terminal commands. Knows nothing of sessions: verified commands go to `onCommand`.
import { EventEmitter } from 'node:events';
import type { MqttClient } from 'mqtt';
import { bytesEqual, toHex } from '../../protocol/bytes.js';
import { isReaderError } from '../../protocol/errors.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { brokerPassword, brokerUsername } from '../../protocol/link/broker-credentials.js';
import type { Ed25519 } from '../../protocol/link/ed25519.js';
import { decodePayload, open } from '../../protocol/link/envelope.js';
import type { KeyPair } from '../../protocol/link/keys.js';
import { ALL_TERMINAL_STATES, deviceTopics, parseTopic, QOS } from '../../protocol/link/topics.js';
import { toLong, u64, u64ms } from '../../protocol/link/u64.js';
import type { Logger } from '../log.js';
import { admitCommand } from './command-guard.js';
import { opensslEd25519 } from './ed25519-openssl.js';
import { type EnvelopeSealer, keySealer } from './envelope-sealer.js';
import type { TrustedKey } from './keystore.js';
import { RejectionStats } from './link-stats.js';
import type { MqttClientFactory } from './mqtt-client.js';
import { type BrokerSettings, mqttClientOptions } from './mqtt-options.js';
import type { LinkOutbox } from './outbox.js';
import { SessionKicks } from './session-kicks.js';

const v1 = fareader.v1;
const Status = v1.ResponseStatus;

export interface CommandReply {
  readonly status: fareader.v1.ResponseStatus;
  readonly detail?: string;
  readonly sessionId?: string;
}

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

export type CommandHandler = (command: fareader.v1.Command) => Promise<CommandReply> | CommandReply;

export type ResultDraft = Omit<fareader.v1.IVerificationResult, 'counter' | 'deviceId'>;

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
  readonly stats = new RejectionStats();
  private client?: MqttClient;
  private readonly topics;
  private readonly now: () => number;
  private readonly ackTimeoutMs: number;
  private readonly window: number;
  private readonly ed: Ed25519;
  private readonly sealer: EnvelopeSealer;
  private bdSeq = 0n;
  private eventSeq = 0n;
  /** Counter → time it was last published, for results not yet acknowledged. */
  private readonly inflight = new Map<bigint, number>();
  /** Highest counter handed to MQTT in this pass over the outbox. */
  private cursor = 0n;
  private pendingAcks: bigint[] = [];
  private ackFlush?: NodeJS.Immediate;
  private redeliveryTimer?: NodeJS.Timeout;
  private summaryTimer?: NodeJS.Timeout;
  private stopping = false;
  private readonly windowMs: number;
  /** Per terminal id: time_ms of the newest birth that triggered a pass (SPEC §7.6). */
  private readonly births = new Map<string, number>();
  private lastBirthPass = Number.NEGATIVE_INFINITY;
  private deferredPass?: NodeJS.Timeout;
  /** The birth we published last: anything else retained on our state topic is re-asserted over. */
  private ownBirth?: Buffer;
  private readonly kicks: SessionKicks;
  private reassert?: NodeJS.Timeout;
  /** Receives verified commands only; set by the session service. */
  onCommand?: CommandHandler;

  constructor(private readonly opts: DeviceLinkOptions) {
    super();
    this.topics = deviceTopics(opts.deviceId);
    this.now = opts.now ?? Date.now;
    this.ackTimeoutMs = opts.ackTimeoutMs ?? 10_000;
    this.window = opts.inflightWindow ?? 256;
    this.ed = opts.ed25519 ?? opensslEd25519;
    this.sealer = opts.sealer ?? keySealer(opts.key, this.ed);
    this.windowMs = opts.commandWindowMs ?? DEFAULT_COMMAND_WINDOW_MS;
    this.kicks = new SessionKicks(this.now);
  }

  health(): LinkHealth {
    return {
      connected: this.connected,
      outboxPending: this.opts.outbox.pendingCount,
      lastCounter: this.opts.outbox.lastCounter.toString(),
      recentKicks: this.kicks.recent(),
      duplicateClientId: this.kicks.suspected(),
      rejections: this.stats.toJSON(),
    };
  }

  /** The embedded broker refused a client's connection, publication or subscription (SPEC §13.2). */
  noteBrokerRefusal(what: string, clientId: string, detail: string): void {
    this.reject('broker', `refused-${what}`, `${clientId.slice(0, 80)}: ${detail}`, '');
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
    return this.client?.connected ?? false;
  }

  private sign(type: fareader.v1.PayloadType, payload: Uint8Array): Buffer {
    return Buffer.from(this.sealer.seal(type, payload));
  }

  private stateEnvelope(online: boolean, reason = ''): Buffer {
    const state = v1.DeviceState.encode({
      deviceId: this.opts.deviceId,
      online,
      bdSeq: toLong(this.bdSeq),
      firmwareVersion: this.opts.firmwareVersion,
      schema: 'fareader.v1',
      capabilities: [...this.opts.capabilities],
      publicKey: this.opts.key.publicKey,
      timeMs: toLong(this.now()),
      reason,
      lastCounter: toLong(this.opts.outbox.lastCounter),
      outboxPending: this.opts.outbox.pendingCount,
    }).finish();
    return this.sign(v1.PayloadType.PAYLOAD_TYPE_DEVICE_STATE, state);
  }

  /** Connects; resolves once the first connection is up or `timeoutMs` passed (it keeps trying). */
  async start(timeoutMs = 10_000): Promise<void> {
    this.bdSeq = this.opts.outbox.nextBdSeq();
    const clientId = brokerUsername('dev', this.opts.deviceId);
    // Without configured credentials the link presents its key-bound ones (SPEC §13.1).
    const options = mqttClientOptions(this.opts.broker, clientId, {
      username: clientId,
      password: brokerPassword(clientId, this.opts.key, this.ed),
    });
    options.will = {
      topic: this.topics.state,
      payload: this.stateEnvelope(false, 'connection-lost'),
      qos: QOS.state,
      retain: true,
    };
    const client = this.opts.connect(this.opts.broker.url, options);
    this.client = client;
    client.on('connect', () => this.onConnect());
    client.on('message', (topic, payload, packet) =>
      this.onMessage(topic, new Uint8Array(payload), packet.retain),
    );
    client.on('close', () => this.onClose());
    client.on('error', (e) => this.opts.log.warn('broker connection error', { err: e }));
    this.redeliveryTimer = setInterval(() => this.redeliverStale(), Math.max(200, this.ackTimeoutMs / 4));
    this.summaryTimer = setInterval(() => this.logRejectionSummary(), this.opts.summaryIntervalMs ?? 60_000);
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, timeoutMs);
      client.once('connect', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  private onConnect(): void {
    const c = this.client!;
    this.kicks.connected();
    this.opts.log.info('connected to broker', { url: this.opts.broker.url, bdSeq: this.bdSeq });
    c.subscribe(
      {
        [this.topics.command]: { qos: 1 },
        [this.topics.ack]: { qos: 1 },
        [ALL_TERMINAL_STATES]: { qos: 1 },
        [this.topics.state]: { qos: 1 },
      },
      (err) => {
        if (err) this.opts.log.error('subscribe failed', { err });
      },
    );
    this.publishBirth();
    this.restartPass();
    this.emit('connected');
  }

  private publishBirth(): void {
    this.ownBirth = this.stateEnvelope(true);
    this.client?.publish(this.topics.state, this.ownBirth, { qos: QOS.state, retain: true });
  }

  private onClose(): void {
    if (this.kicks.closed() && !this.stopping) {
      this.opts.log.error(
        'the broker keeps dropping this connection soon after it is made: another client is using our client id',
        {
          clientId: brokerUsername('dev', this.opts.deviceId),
          dropsInLastMinute: this.kicks.recent(),
          next: 'stop the other readerd or intruder; protect the broker with the key-bound credentials and ACL (README "Broker authentication")',
        },
      );
    }
    this.emit('disconnected');
  }

  /** Starts a new in-order pass over everything still in the outbox. */
  private restartPass(): void {
    this.inflight.clear();
    this.cursor = 0n;
    this.pump();
  }

  private pump(): void {
    if (!this.connected || this.stopping) return;
    const room = this.window - this.inflight.size;
    if (room <= 0) return;
    for (const row of this.opts.outbox.pendingAfter(this.cursor, room)) {
      this.cursor = row.counter;
      this.inflight.set(row.counter, this.now());
      this.client!.publish(this.topics.result, Buffer.from(row.envelope), { qos: QOS.result });
    }
  }

  /** Publishes again, in order, the results whose acknowledgement is overdue. */
  private redeliverStale(): void {
    if (!this.connected) return;
    const now = this.now();
    const overdue = [...this.inflight].filter(([, t]) => now - t > this.ackTimeoutMs).map(([c]) => c);
    if (overdue.length === 0) return;
    this.opts.log.warn('results not acknowledged in time; publishing them again', {
      overdue: overdue.length,
      pending: this.opts.outbox.pendingCount,
    });
    overdue.sort((a, b) => (a < b ? -1 : 1));
    const rows = new Map(
      this.opts.outbox.pendingAfter(overdue[0]! - 1n, this.window).map((r) => [r.counter, r]),
    );
    for (const c of overdue) {
      const row = rows.get(c);
      if (!row) {
        this.inflight.delete(c); // acknowledged meanwhile
        continue;
      }
      this.inflight.set(c, now);
      this.client!.publish(this.topics.result, Buffer.from(row.envelope), { qos: QOS.result });
    }
  }

  /** Signs a result under the next counter, stores it durably, then publishes it. */
  publishResult(draft: ResultDraft): bigint {
    const row = this.opts.outbox.enqueue(
      draft.sessionId ?? '',
      (counter) => {
        const payload = v1.VerificationResult.encode({
          ...draft,
          deviceId: this.opts.deviceId,
          counter: toLong(counter),
        }).finish();
        return this.sealer.seal(v1.PayloadType.PAYLOAD_TYPE_VERIFICATION_RESULT, payload);
      },
      this.now(),
    );
    this.pump();
    return row.counter;
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
    this.client!.publish(this.topics.event, this.sign(v1.PayloadType.PAYLOAD_TYPE_SESSION_EVENT, payload), {
      qos: QOS.event,
    });
  }

  private respond(commandId: Uint8Array, reply: CommandReply): void {
    const payload = v1.CommandResponse.encode({
      commandId,
      deviceId: this.opts.deviceId,
      status: reply.status,
      detail: reply.detail ?? '',
      sessionId: reply.sessionId ?? '',
      timeMs: toLong(this.now()),
    }).finish();
    this.client?.publish(
      this.topics.response,
      this.sign(v1.PayloadType.PAYLOAD_TYPE_COMMAND_RESPONSE, payload),
      {
        qos: QOS.response,
      },
    );
  }

  private trust = (keyId: string): Uint8Array | undefined => this.opts.trustedTerminals.get(keyId)?.publicKey;

  private reject(kind: string, reason: string, detail: string, topic: string): void {
    // Counted always; logged only while the reason's budget for this summary period lasts.
    if (this.stats.count(`${kind}:${reason}`))
      this.opts.log.warn(`rejected ${kind}`, { reason, detail, topic });
    this.emit('rejected', { kind, reason, detail });
  }

  private onMessage(topic: string, bytes: Uint8Array, retained = false): void {
    try {
      if (topic === this.topics.command)
        this.onCommandMessage(bytes).catch((e: unknown) => this.commandFailed(e));
      else if (topic === this.topics.ack) this.onAck(bytes, topic);
      else if (topic === this.topics.state) this.onOwnState(bytes, topic, retained);
      else if (parseTopic(topic)?.side === 'term') this.onTerminalState(bytes, topic, retained);
    } catch (e) {
      // A handler bug must not take the link down; it is logged and counted.
      this.reject('message', 'internal', (e as Error).message, topic);
    }
  }

  /** A command whose admission or handling threw: nothing acted; the terminal is told so. */
  private commandFailed(e: unknown): void {
    this.reject('command', 'internal', (e as Error)?.message ?? String(e), this.topics.command);
    this.respond(new Uint8Array(), {
      status: Status.RESPONSE_STATUS_INTERNAL_ERROR,
      detail: 'the reader failed while admitting the command; send it again',
    });
  }

  private async onCommandMessage(bytes: Uint8Array): Promise<void> {
    const admission = admitCommand(bytes, {
      deviceId: this.opts.deviceId,
      trust: this.trust,
      nowMs: this.now(),
      windowMs: this.windowMs,
      remember: (id) => this.opts.outbox.rememberCommand(id, this.now(), 2 * this.windowMs),
      admitSequence: (terminal, seq) => this.opts.outbox.admitSequence(terminal, seq),
      ed: this.ed,
    });
    if (!admission.ok) {
      this.reject(
        'command',
        Status[admission.status] ?? String(admission.status),
        admission.detail,
        this.topics.command,
      );
      this.respond(admission.commandId, { status: admission.status, detail: admission.detail });
      return;
    }
    const { command } = admission;
    this.opts.log.info('command accepted', {
      body: command.body,
      commandId: toHex(command.commandId),
      keyId: admission.keyId,
    });
    if (command.body === 'rebirth') {
      this.publishBirth();
      this.restartPass();
      this.respond(command.commandId, { status: Status.RESPONSE_STATUS_OK });
      return;
    }
    let reply: CommandReply;
    try {
      reply = this.onCommand
        ? await this.onCommand(command)
        : { status: Status.RESPONSE_STATUS_UNSUPPORTED, detail: 'no session service' };
    } catch (e) {
      reply = { status: Status.RESPONSE_STATUS_UNSUPPORTED, detail: (e as Error).message };
    }
    this.respond(command.commandId, reply);
  }

  private onAck(bytes: Uint8Array, topic: string): void {
    let ack: fareader.v1.ResultAck;
    try {
      const opened = open(bytes, this.trust, v1.PayloadType.PAYLOAD_TYPE_RESULT_ACK, this.ed);
      ack = decodePayload((b) => v1.ResultAck.decode(b), opened.payload);
    } catch (e) {
      if (!isReaderError(e)) throw e;
      this.reject('ack', e.codeName, e.message, topic);
      return;
    }
    if (ack.deviceId !== this.opts.deviceId) {
      this.reject('ack', 'wrong-device', `ack for "${ack.deviceId}"`, topic);
      return;
    }
    const counter = u64(ack.counter);
    // The outbox never allocates these; SQLite could not even look them up.
    if (counter === 0n || counter > this.opts.outbox.lastCounter) {
      this.reject('ack', 'unknown-counter', `ack for counter ${counter} never allocated`, topic);
      return;
    }
    this.inflight.delete(counter);
    this.pendingAcks.push(counter);
    // Acks arrive in bursts; delete them in one transaction per turn of the event loop.
    this.ackFlush ??= setImmediate(() => this.flushAcks());
  }

  private flushAcks(): void {
    this.ackFlush = undefined;
    const batch = this.pendingAcks;
    this.pendingAcks = [];
    try {
      this.opts.outbox.ack(batch);
    } catch (e) {
      // A storage failure keeps the results; they are published again and acknowledged again.
      this.reject('ack', 'internal', (e as Error).message, this.topics.ack);
      return;
    }
    this.emit('acked', batch);
    this.pump();
  }

  /** Our retained state replaced by something else (SPEC §13.4): publish the birth again. */
  private onOwnState(bytes: Uint8Array, topic: string, retained: boolean): void {
    if (!this.connected || this.stopping || !this.ownBirth) return;
    if (bytesEqual(bytes, this.ownBirth)) return;
    // What was retained when we subscribed and is our own (the Will of the last connection) is
    // history our new birth replaces; anything else, or anything published live, is foreign.
    if (retained && this.isOwnState(bytes)) return;
    this.reject('state', 'foreign', `${bytes.length} bytes on our state topic`, topic);
    if (this.reassert) return; // one re-assertion per burst
    this.reassert = setTimeout(() => {
      this.reassert = undefined;
      if (this.connected && !this.stopping) this.publishBirth();
    }, 0);
  }

  private isOwnState(bytes: Uint8Array): boolean {
    const own = this.opts.key.publicKey;
    try {
      open(bytes, () => own, v1.PayloadType.PAYLOAD_TYPE_DEVICE_STATE, this.ed);
      return true;
    } catch {
      return false;
    }
  }

  private onTerminalState(bytes: Uint8Array, topic: string, retained: boolean): void {
    if (bytes.length === 0) return; // a cleared retained message
    let state: fareader.v1.TerminalState;
    try {
      const opened = open(bytes, this.trust, v1.PayloadType.PAYLOAD_TYPE_TERMINAL_STATE, this.ed);
      state = decodePayload((b) => v1.TerminalState.decode(b), opened.payload);
    } catch (e) {
      if (!isReaderError(e)) throw e;
      this.reject('terminal-state', e.codeName, e.message, topic);
      return;
    }
    const topicId = parseTopic(topic)?.id ?? '';
    if (state.terminalId !== topicId) {
      this.reject(
        'terminal-state',
        'wrong-terminal',
        `state of "${state.terminalId}" on ${topicId}'s topic`,
        topic,
      );
      return;
    }
    this.emit('terminal-state', state);
    if (!state.online) return;
    // Freshness (SPEC §7.6): only a birth made just now, newer than the last one from that
    // terminal, triggers redelivery; a retained birth from before is history, not a request.
    const t = u64ms(state.timeMs);
    if (Math.abs(this.now() - t) > this.windowMs) {
      if (!retained) this.reject('terminal-state', 'stale', `birth made ${this.now() - t} ms ago`, topic);
      return;
    }
    if (t <= (this.births.get(topicId) ?? Number.NEGATIVE_INFINITY)) {
      if (!retained) this.reject('terminal-state', 'replayed', `birth of ${t} already seen`, topic);
      return;
    }
    this.births.set(topicId, t);
    this.opts.log.info('terminal birth', { terminalId: state.terminalId });
    this.birthPass();
  }

  /** A terminal that comes (back) online gets everything still unacknowledged: rate-limited. */
  private birthPass(): void {
    const wait = this.lastBirthPass + (this.opts.birthRedeliveryMinMs ?? 1000) - this.now();
    if (wait <= 0) {
      this.lastBirthPass = this.now();
      this.restartPass();
      return;
    }
    // Births in a burst share one deferred pass.
    this.deferredPass ??= setTimeout(() => {
      this.deferredPass = undefined;
      this.birthPass();
    }, wait);
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
    this.stopping = true;
    clearInterval(this.redeliveryTimer);
    clearInterval(this.summaryTimer);
    clearTimeout(this.deferredPass);
    clearTimeout(this.reassert);
    this.logRejectionSummary();
    if (this.ackFlush) {
      clearImmediate(this.ackFlush);
      this.flushAcks();
    }
    const c = this.client;
    if (!c) return;
    if (c.connected) {
      await new Promise<void>((resolve) =>
        c.publish(
          this.topics.state,
          this.stateEnvelope(false, 'shutdown'),
          { qos: QOS.state, retain: true },
          () => resolve(),
        ),
      );
    }
    await c.endAsync();
  }
}
