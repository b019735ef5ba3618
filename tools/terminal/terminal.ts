// The reference clinic terminal (SPEC §9): verifies every device message against trusted
// device keys before parsing it, accepts each result exactly once, writes it for the
// receipt computer, and acknowledges it with a signed ResultAck. Also issues signed commands.
import { createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import type { TrustedKey } from '../../platform/keys/keystore.js';
import type { RejectionStats } from '../../platform/link/link-stats.js';
import type { MqttClientFactory } from '../../platform/link/mqtt-client.js';
import { type BrokerSettings, mqttClientOptions } from '../../platform/link/mqtt-options.js';
import {
  type AnyRoute,
  type Delivery,
  type Route,
  SignedEndpoint,
} from '../../platform/link/signed-endpoint.js';
import type { Logger } from '../../platform/log.js';
import { ensurePrivateDir, writePrivateFileAtomic } from '../../platform/private-files.js';
import { toHex } from '../../protocol/bytes.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { brokerPassword, brokerUsername } from '../../protocol/link/broker-credentials.js';
import type { Ed25519 } from '../../protocol/link/ed25519.js';
import { seal } from '../../protocol/link/envelope.js';
import type { KeyPair } from '../../protocol/link/keys.js';
import {
  ALL_DEVICES,
  deviceTopics,
  parseTopic,
  QOS,
  terminalStateTopic,
} from '../../protocol/link/topics.js';
import { toLong, u64, u64ms } from '../../protocol/link/u64.js';
import { type ResultRecord, toRecord } from './result-json.js';
import { TerminalStore } from './terminal-store.js';

const v1 = fareader.v1;
const T = v1.PayloadType;

/** The largest counter (or bd_seq) SQLite stores as an integer, and the ECMAScript Date range in ms. */
const MAX_STORED_COUNTER = (1n << 63n) - 1n;
const MAX_DATE_MS = 8.64e15;

/** Why a verified result cannot be represented as a record (SPEC 9.5), if it cannot. */
function unrepresentable(r: fareader.v1.VerificationResult): string | undefined {
  if (u64(r.counter) > MAX_STORED_COUNTER) return 'counter-out-of-range';
  if (u64ms(r.startedAtMs) > MAX_DATE_MS || u64ms(r.finishedAtMs) > MAX_DATE_MS) return 'time-out-of-range';
  return undefined;
}

export interface TerminalOptions {
  readonly terminalId: string;
  readonly broker: BrokerSettings;
  /** Builds the broker client (the CLI passes the real one; nothing here calls mqtt.connect). */
  readonly connect: MqttClientFactory;
  readonly key: KeyPair;
  /** Device keys, named by the device id they may sign for. */
  readonly trustedDevices: ReadonlyMap<string, TrustedKey>;
  /** Folder for the terminal's state database and the result files. */
  readonly dataDir: string;
  readonly outDir: string;
  readonly log: Logger;
  readonly now?: () => number;
  /**
   * 'terminal' (default) receives and acknowledges results; 'sender' only sends commands and
   * hears their responses (a CLI beside a running terminal), with a clean session.
   */
  readonly role?: 'terminal' | 'sender';
  readonly ed25519?: Ed25519;
  /** A summary of rejections is logged this often when there were any (default 60 s). */
  readonly summaryIntervalMs?: number;
}

export type CommandBody = Omit<fareader.v1.ICommand, 'commandId' | 'deviceId' | 'issuedAtMs' | 'terminalId'>;

export class ReferenceTerminal extends EventEmitter {
  private readonly endpoint: SignedEndpoint;
  private client?: MqttClient;
  private readonly store: TerminalStore;
  private readonly now: () => number;
  private readonly ed: Ed25519;
  private readonly waiters = new Map<string, (r: fareader.v1.CommandResponse) => void>();
  accepted = 0;
  duplicates = 0;
  /** False: results are stored but not acknowledged (the conformance kit tests redelivery). */
  acknowledging = true;
  /** Results verified in this turn of the event loop, committed together before their acks. */
  private batch: {
    record: ResultRecord;
    result: fareader.v1.VerificationResult;
    sha256: string;
    nonceHex: string;
  }[] = [];
  private readonly batchKeys = new Map<string, string>();
  private summaryTimer?: NodeJS.Timeout;

  constructor(private readonly opts: TerminalOptions) {
    super();
    this.now = opts.now ?? Date.now;
    this.ed = opts.ed25519 ?? opensslEd25519;
    ensurePrivateDir(opts.dataDir);
    ensurePrivateDir(opts.outDir);
    this.store = new TerminalStore(join(opts.dataDir, 'terminal.sqlite'));
    const all = opts.role === 'sender' ? [this.responseRoute()] : this.routes();
    this.endpoint = new SignedEndpoint({
      routes: all,
      trust: (keyId) => opts.trustedDevices.get(keyId)?.publicKey,
      ed: this.ed,
      log: opts.log,
      // Rejections are logged a few times per reason, then summarised (SPEC 10.3).
      onRejected: (r) => this.emit('rejected', r),
    });
  }

  /** Rejections by reason. */
  get stats(): RejectionStats {
    return this.endpoint.stats;
  }

  /** Every device topic a terminal receives: each verified, authorised, then decoded. */
  private routes(): AnyRoute[] {
    return [
      this.deviceRoute('result', T.PAYLOAD_TYPE_VERIFICATION_RESULT, v1.VerificationResult, (d) =>
        this.onResult(d),
      ),
      {
        ...this.deviceRoute('state', T.PAYLOAD_TYPE_DEVICE_STATE, v1.DeviceState, (d) =>
          this.onDeviceState(d),
        ),
        ignoreEmpty: true,
      },
      this.responseRoute(),
      this.deviceRoute('event', T.PAYLOAD_TYPE_SESSION_EVENT, v1.SessionEvent, (d) =>
        this.emit('event', d.message),
      ),
    ];
  }

  private responseRoute(): Route<fareader.v1.CommandResponse> {
    return this.deviceRoute(
      'response',
      T.PAYLOAD_TYPE_COMMAND_RESPONSE,
      v1.CommandResponse,
      ({ message }) => {
        this.emit('response', message);
        this.waiters.get(toHex(message.commandId))?.(message);
      },
    );
  }

  /** A route for one kind of device topic: the key must sign for the device the topic names. */
  private deviceRoute<M>(
    kind: keyof typeof ALL_DEVICES,
    payloadType: fareader.v1.PayloadType,
    codec: { decode(b: Uint8Array): M },
    handle: (d: Delivery<M>) => void,
  ): Route<M> {
    return {
      kind,
      filter: ALL_DEVICES[kind],
      matches: (topic) => parseTopic(topic)?.kind === kind,
      payloadType,
      decode: (b) => codec.decode(b),
      authorise: (env, topic) => {
        const id = parseTopic(topic)?.id;
        const signer = this.opts.trustedDevices.get(env.keyId)!;
        if (signer.name !== id)
          throw new ReaderError(
            ErrorCode.Mqtt_WrongDevice,
            `key of "${signer.name}" signed on "${id}"'s topic`,
          );
      },
      handle,
    };
  }

  private reject(kind: string, reason: string, detail: string, topic: string): void {
    this.endpoint.reject(kind, reason, detail, topic);
  }

  private signState(online: boolean): Buffer {
    const payload = v1.TerminalState.encode({
      terminalId: this.opts.terminalId,
      online,
      timeMs: toLong(this.now()),
    }).finish();
    return Buffer.from(seal(T.PAYLOAD_TYPE_TERMINAL_STATE, payload, this.opts.key, this.ed));
  }

  async start(timeoutMs = 10_000): Promise<void> {
    const restored = this.opts.role === 'sender' ? 0 : this.exportMissing();
    if (restored) this.opts.log.warn('re-exported result files lost in a crash', { count: restored });
    const sender = this.opts.role === 'sender';
    const clientId = brokerUsername('term', this.opts.terminalId);
    const options = mqttClientOptions(this.opts.broker, clientId, {
      username: clientId,
      password: brokerPassword(clientId, this.opts.key, this.ed),
    });
    const stateTopic = terminalStateTopic(this.opts.terminalId);
    if (sender) options.clean = true;
    else options.will = { topic: stateTopic, payload: this.signState(false), qos: 1, retain: true };
    const client = this.opts.connect(this.opts.broker.url, options);
    this.client = client;
    this.summaryTimer = setInterval(() => this.logRejectionSummary(), this.opts.summaryIntervalMs ?? 60_000);
    client.on('message', (topic, payload, packet) =>
      this.endpoint.receive(topic, new Uint8Array(payload), packet?.retain ?? false),
    );
    client.on('error', (e) => this.opts.log.warn('broker connection error', { err: e }));
    client.on('connect', () => {
      const topics = this.endpoint.filters();
      client.subscribe(Object.fromEntries(topics.map((t) => [t, { qos: 1 as const }])), (err) => {
        if (err) this.opts.log.error('subscribe failed', { err });
        // Birth after subscribing, so a device that republishes on our birth is heard.
        if (!sender) client.publish(stateTopic, this.signState(true), { qos: 1, retain: true });
        this.emit('connected');
      });
    });
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(
        () =>
          reject(
            new ReaderError(
              ErrorCode.Op_Timeout,
              `no connection to ${this.opts.broker.url} in ${timeoutMs} ms`,
            ),
          ),
        timeoutMs,
      );
      this.once('connected', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  private onResult(d: Delivery<fareader.v1.VerificationResult>): void {
    const { message: result, topic, bytes } = d;
    const env = { ...d.envelope, deviceId: parseTopic(topic)!.id };
    if (result.deviceId !== env.deviceId) {
      return this.reject('result', 'Mqtt_WrongDevice', `result names "${result.deviceId}"`, topic);
    }
    const counter = u64(result.counter);
    if (counter === 0n) return this.reject('result', 'Mqtt_Malformed', 'counter 0 is never allocated', topic);
    const sha = createHash('sha256').update(env.payload).digest('hex');
    const problem = unrepresentable(result);
    if (problem) return this.quarantine(env.deviceId, counter, result, sha, problem, bytes, topic);
    const inBatch = this.batchKeys.get(`${env.deviceId}/${counter}`);
    if (inBatch !== undefined) {
      if (inBatch === sha)
        this.duplicates++; // acknowledged when its batch commits
      else this.reject('result', 'Mqtt_CounterRegressed', `counter ${counter} carried two results`, topic);
      return;
    }
    const seen = this.store.classify(env.deviceId, counter, sha);
    if (seen === 'duplicate') {
      // A redelivery (our ack was lost, or the device restarted): acknowledge again, once stored.
      this.duplicates++;
      this.emit('duplicate', { deviceId: env.deviceId, counter });
      return this.ack(env.deviceId, counter, result.sessionId, true);
    }
    if (seen === 'counter-reused') {
      return this.reject(
        'result',
        'Mqtt_CounterRegressed',
        `counter ${counter} already carried another result`,
        topic,
      );
    }
    const nonce = toHex(result.terminalNonce);
    if (nonce) {
      const check = this.store.checkNonce(nonce, env.deviceId);
      if (check !== 'ok') return this.reject('result', 'Mqtt_NonceMismatch', `nonce ${check}`, topic);
    }
    const record = toRecord(result, env.keyId, bytes, this.now());
    this.batch.push({ record, result, sha256: sha, nonceHex: nonce });
    this.batchKeys.set(`${env.deviceId}/${counter}`, sha);
    if (this.batch.length === 1) setImmediate(() => this.commitBatch());
  }

  /**
   * A genuine, signed result that no record can hold (SPEC 9.5): kept as received, durably,
   * then acknowledged, so the device stops sending it; reported, and never exported as a check.
   */
  private quarantine(
    deviceId: string,
    counter: bigint,
    result: fareader.v1.VerificationResult,
    sha256: string,
    reason: string,
    envelope: Uint8Array,
    topic: string,
  ): void {
    const seen = this.store.quarantine({ deviceId, counter, sha256, reason, envelope }, this.now());
    if (seen === 'counter-reused')
      return this.reject('result', 'Mqtt_CounterRegressed', `counter ${counter} carried two results`, topic);
    if (seen === 'new')
      this.reject('result', `quarantined:${reason}`, `counter ${counter} kept as received`, topic);
    else this.duplicates++;
    this.ack(deviceId, counter, result.sessionId, seen === 'duplicate');
  }

  quarantinedCount(): number {
    return this.store.quarantinedCount();
  }

  /**
   * The database is the durable record (one fsync per batch); the acks follow its commit.
   * The JSON files are an export of it: written after the commit, and any a crash lost are
   * written again at start (exportMissing), under the same name, so each appears once.
   */
  private commitBatch(): void {
    const batch = this.batch;
    this.batch = [];
    this.batchKeys.clear();
    this.store.acceptAll(
      batch.map((b) => ({
        deviceId: b.record.deviceId,
        counter: BigInt(b.record.counter),
        sha256: b.sha256,
        nonceHex: b.nonceHex,
        record: JSON.stringify(b.record),
      })),
      this.now(),
    );
    for (const b of batch) this.writeRecord(b.record);
    for (const b of batch) {
      this.accepted++;
      this.emit('result', b.record, b.result);
      this.ack(b.record.deviceId, BigInt(b.record.counter), b.result.sessionId, false);
    }
  }

  private recordPath(rec: ResultRecord): string {
    return join(this.opts.outDir, rec.deviceId, `${rec.counter.padStart(20, '0')}.json`);
  }

  /** Written to a temporary name, then renamed: a reader never sees half a file. */
  private writeRecord(rec: ResultRecord): void {
    const name = this.recordPath(rec);
    ensurePrivateDir(dirname(name));
    writePrivateFileAtomic(name, `${JSON.stringify(rec, null, 2)}\n`);
  }

  /** Writes the file of every accepted result whose file is missing; returns how many. */
  exportMissing(): number {
    let n = 0;
    for (const json of this.store.records()) {
      const rec = JSON.parse(json) as ResultRecord;
      if (!existsSync(this.recordPath(rec))) {
        this.writeRecord(rec);
        n++;
      }
    }
    return n;
  }

  private ack(deviceId: string, counter: bigint, sessionId: string, duplicate: boolean): void {
    if (!this.acknowledging) return;
    const payload = v1.ResultAck.encode({
      deviceId,
      counter: toLong(counter),
      sessionId,
      duplicate,
      timeMs: toLong(this.now()),
      terminalId: this.opts.terminalId,
    }).finish();
    this.client?.publish(
      deviceTopics(deviceId).ack,
      Buffer.from(seal(T.PAYLOAD_TYPE_RESULT_ACK, payload, this.opts.key, this.ed)),
      {
        qos: QOS.ack,
      },
    );
  }

  private onDeviceState(d: Delivery<fareader.v1.DeviceState>): void {
    const { message: state, topic } = d;
    const env = { deviceId: parseTopic(topic)!.id };
    // No device counts its starts that far (SPEC 3.4), and no store holds it: as a command
    // sequence above 2^63 - 1 is (SPEC 8.9), it is malformed. A state has no acknowledgement
    // to withhold, so refusing it does not make the device send it again (unlike SPEC 9.5).
    if (u64(state.bdSeq) > MAX_STORED_COUNTER)
      return this.reject('state', 'Mqtt_Malformed', `bd_seq ${u64(state.bdSeq)} out of range`, topic);
    const highest = this.store.highestCounter(env.deviceId);
    // Only a new birth is checked: a retained one may predate results accepted since.
    if (
      state.online &&
      this.store.noteBirth(env.deviceId, u64(state.bdSeq)) &&
      u64(state.lastCounter) < highest
    ) {
      // The device forgot counters it used: its next results would reuse them.
      this.reject(
        'state',
        'Mqtt_CounterRegressed',
        `device reports counter ${u64(state.lastCounter)} < ${highest} seen`,
        topic,
      );
    }
    this.emit('device-state', state);
  }

  /** Signs and sends a command; resolves with the device's signed response. */
  async sendCommand(
    deviceId: string,
    body: CommandBody,
    timeoutMs = 5000,
  ): Promise<fareader.v1.CommandResponse> {
    const commandId = randomBytes(16);
    const command = v1.Command.encode({
      ...body,
      commandId,
      deviceId,
      issuedAtMs: toLong(this.now()),
      terminalId: this.opts.terminalId,
      // Durable and increasing: a command captured and delivered after a newer one does not act.
      sequence: toLong(this.store.nextSequence(deviceId)),
    }).finish();
    const envelope = seal(T.PAYLOAD_TYPE_COMMAND, command, this.opts.key, this.ed);
    return this.sendRaw(deviceId, envelope, toHex(commandId), timeoutMs);
  }

  /** Publishes envelope bytes as they are (tests and the conformance kit send bad ones). */
  sendRaw(
    deviceId: string,
    envelope: Uint8Array,
    commandIdHex: string,
    timeoutMs = 5000,
  ): Promise<fareader.v1.CommandResponse> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.waiters.delete(commandIdHex);
        reject(new ReaderError(ErrorCode.Op_Timeout, `no response from ${deviceId} in ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(commandIdHex, (r) => {
        clearTimeout(t);
        this.waiters.delete(commandIdHex);
        resolve(r);
      });
      this.client!.publish(deviceTopics(deviceId).command, Buffer.from(envelope), { qos: QOS.command });
    });
  }

  /** Starts a session with a fresh nonce, remembered so the result must echo it. */
  async startSession(
    deviceId: string,
    timeoutMs = 5000,
  ): Promise<{ nonce: Uint8Array; response: fareader.v1.CommandResponse }> {
    const nonce = randomBytes(32);
    this.store.issueNonce(toHex(nonce), deviceId, this.now());
    const response = await this.sendCommand(deviceId, { startSession: { nonce } }, timeoutMs);
    return { nonce, response };
  }

  logRejectionSummary(): void {
    const s = this.stats.takeSummary();
    if (s) this.opts.log.info('rejections since the last summary', s);
  }

  acceptedCount(deviceId: string): number {
    return this.store.acceptedCount(deviceId);
  }

  async stop(): Promise<void> {
    clearInterval(this.summaryTimer);
    this.logRejectionSummary();
    const c = this.client;
    if (c?.connected && this.opts.role !== 'sender') {
      await new Promise<void>((resolve) =>
        c.publish(
          terminalStateTopic(this.opts.terminalId),
          this.signState(false),
          { qos: 1, retain: true },
          () => resolve(),
        ),
      );
    }
    await c?.endAsync();
    this.store.close();
  }
}
