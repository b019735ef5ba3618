// The reference clinic terminal (SPEC §9): every device message goes through the signed
// endpoint (verified against the trusted device keys, authorised for the device its topic
// names, then decoded); results go to the intake, which accepts each exactly once, writes it
// for the receipt computer and has it acknowledged with a signed ResultAck. Also issues signed
// commands and hears their responses.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { type EnvelopeSealer, keySealer } from '../../platform/keys/envelope-sealer.js';
import type { TrustedKey } from '../../platform/keys/keystore.js';
import type { RejectionStats } from '../../platform/link/link-stats.js';
import type { MqttClientFactory } from '../../platform/link/mqtt-client.js';
import { type BrokerSettings, brokerUrls, mqttClientOptions } from '../../platform/link/mqtt-options.js';
import {
  type AnyRoute,
  type Delivery,
  type Route,
  SignedEndpoint,
} from '../../platform/link/signed-endpoint.js';
import type { Logger } from '../../platform/log.js';
import { ensurePrivateDir } from '../../platform/private-files.js';
import { toHex } from '../../protocol/bytes.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { brokerPassword, brokerUsername } from '../../protocol/link/broker-credentials.js';
import type { Ed25519 } from '../../protocol/link/ed25519.js';
import { type KeyPair, keyIdHex } from '../../protocol/link/keys.js';
import {
  ALL_DEVICES,
  deviceTopics,
  parseTopic,
  QOS,
  terminalStateTopic,
} from '../../protocol/link/topics.js';
import { toLong, u64 } from '../../protocol/link/u64.js';
import { DeviceWatch } from './device-watch.js';
import { MAX_STORED_COUNTER, ResultIntake } from './result-intake.js';
import { type FleetRow, TerminalStore } from './terminal-store.js';

const v1 = fareader.v1;
const T = v1.PayloadType;

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
  private readonly sealer: EnvelopeSealer;
  /** Commands awaiting their response, by command id (insertion order: oldest first). */
  private readonly waiters = new Map<
    string,
    { readonly deviceId: string; readonly resolve: (r: fareader.v1.CommandResponse) => void }
  >();
  private readonly intake: ResultIntake;
  private readonly watch: DeviceWatch;
  /** The trusted device keys, and the keys they rotated to (SPEC 15.6), by key id. */
  private readonly trust: Map<string, TrustedKey>;
  /** Rotations (SPEC 15.6): old key id -> the key id it announced, and the reverse. */
  private readonly successor = new Map<string, string>();
  private readonly replaced = new Map<string, { readonly old: string; readonly deviceId: string }>();
  /** The lowest counter accepted signed by the key that replaced each old key (this run). */
  private readonly firstNew = new Map<string, bigint>();
  /** False: results are stored but not acknowledged (the conformance kit tests redelivery). */
  acknowledging = true;
  private summaryTimer?: NodeJS.Timeout;

  constructor(private readonly opts: TerminalOptions) {
    super();
    this.now = opts.now ?? Date.now;
    this.ed = opts.ed25519 ?? opensslEd25519;
    this.sealer = keySealer(opts.key, this.ed);
    ensurePrivateDir(opts.dataDir, 'the terminal data folder');
    ensurePrivateDir(opts.outDir, 'the results folder');
    this.store = new TerminalStore(join(opts.dataDir, 'terminal.sqlite'));
    this.watch = new DeviceWatch(this.now);
    this.trust = new Map(opts.trustedDevices);
    // Keys announced by a trusted key before a restart stay trusted for the same device; a key
    // whose overlap ended stays untrusted, even if its file is still in the trust folder.
    for (const r of this.store.rotatedKeys()) this.trustRotated(r.deviceId, r.publicKey, r.replaces);
    for (const keyId of this.store.untrustedKeys()) this.trust.delete(keyId);
    this.intake = new ResultIntake({
      store: this.store,
      outDir: opts.outDir,
      dataDir: opts.dataDir,
      now: this.now,
      reject: (kind, reason, detail, topic) => this.reject(kind, reason, detail, topic),
      ack: (deviceId, counter, sessionId, duplicate) => this.ack(deviceId, counter, sessionId, duplicate),
      accepted: (record, result) => {
        this.maybeEndOverlap(record.deviceId, BigInt(record.counter), record.keyId);
        this.emit('result', record, result);
      },
      duplicate: (deviceId, counter) => this.emit('duplicate', { deviceId, counter }),
    });
    const all = opts.role === 'sender' ? [this.responseRoute()] : this.routes();
    this.endpoint = new SignedEndpoint({
      routes: all,
      // The store too: a key untrusted by `readerctl terminal untrust` beside this process.
      trust: (keyId) => (this.store.isUntrusted(keyId) ? undefined : this.trust.get(keyId)?.publicKey),
      ed: this.ed,
      log: opts.log,
      // Rejections are logged a few times per reason, then summarised (SPEC 10.3).
      onRejected: (r) => this.emit('rejected', r),
    });
  }

  /** Results accepted since start, and redeliveries acknowledged again. */
  get accepted(): number {
    return this.intake.accepted;
  }

  get duplicates(): number {
    return this.intake.duplicates;
  }

  quarantinedCount(): number {
    return this.intake.quarantinedCount();
  }

  /** Writes the file of every accepted result whose file is missing; returns how many. */
  exportMissing(): number {
    return this.intake.exportMissing();
  }

  /** Rejections by reason. */
  get stats(): RejectionStats {
    return this.endpoint.stats;
  }

  /** Every device topic a terminal receives: each verified, authorised, then decoded. */
  private routes(): AnyRoute[] {
    return [
      this.deviceRoute('result', T.PAYLOAD_TYPE_VERIFICATION_RESULT, v1.VerificationResult, (d) =>
        this.intake.handle(d),
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
      ({ message, topic }) => {
        this.emit('response', message);
        const id = toHex(message.commandId);
        if (id) return this.waiters.get(id)?.resolve(message);
        // Refused before verification (UNKNOWN_KEY, BAD_SIGNATURE…), the device cannot echo the
        // id (SPEC 8.2): the signed refusal answers our oldest command to that device, which is
        // then told why instead of timing out.
        const deviceId = parseTopic(topic)?.id;
        for (const w of this.waiters.values()) if (w.deviceId === deviceId) return w.resolve(message);
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
        const signer = this.trust.get(env.keyId)!;
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
    return Buffer.from(this.sealer.seal(T.PAYLOAD_TYPE_TERMINAL_STATE, payload));
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
    const client = this.opts.connect(brokerUrls(this.opts.broker.url)[0]!, options);
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
      // A terminal refused by the broker at its first connection (CONNACK 4 bad credentials,
      // 5 not authorised: the embedded broker refuses keys it does not trust) says so now, not
      // at the timeout; refusals after start are the reconnections' and only logged.
      const refused = (e: Error & { code?: number }): void => {
        if (e.code !== 4 && e.code !== 5) return;
        clearTimeout(t);
        client.off('error', refused);
        reject(
          new ReaderError(
            ErrorCode.Mqtt_UnknownKey,
            `the broker at ${this.opts.broker.url} refused terminal ${this.opts.terminalId}'s credentials (${e.message}): it does not know this terminal's key`,
            {},
            { cause: e },
          ),
        );
      };
      client.on('error', refused);
      this.once('connected', () => client.off('error', refused));
    });
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
      Buffer.from(this.sealer.seal(T.PAYLOAD_TYPE_RESULT_ACK, payload)),
      {
        qos: QOS.ack,
      },
    );
  }

  private onDeviceState(d: Delivery<fareader.v1.DeviceState>): void {
    const { message: state, topic, retained } = d;
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
    if (state.nextPublicKey?.length)
      this.onRotation(env.deviceId, state.nextPublicKey, d.envelope.keyId, topic);
    this.store.noteDeviceState({
      deviceId: env.deviceId,
      online: state.online,
      reason: state.reason,
      bdSeq: u64(state.bdSeq),
      firmware: state.firmwareVersion,
      outboxPending: state.outboxPending,
      lastCounter: u64(state.lastCounter).toString(),
      stateMs: this.now(),
    });
    const trouble = state.online && !retained ? this.watch.birth(env.deviceId, u64(state.bdSeq)) : undefined;
    if (trouble) {
      this.store.noteTrouble(env.deviceId, trouble, this.now());
      this.reject(
        'state',
        trouble,
        trouble === 'duplicate-device-id'
          ? `a birth with bd_seq ${u64(state.bdSeq)} after a higher one: two readers run as "${env.deviceId}"`
          : `more births in a minute than a healthy link makes (a duplicate device id, or a failing network)`,
        topic,
      );
      this.emit('device-trouble', { deviceId: env.deviceId, trouble });
    }
    this.emit('device-state', state);
  }

  /**
   * A verified state of a device announced its next key (SPEC 15.6): signed by a key trusted
   * for that device, so the new key is trusted for it too, durably, with the key it replaced;
   * the old one stays trusted for the results still in the device's outbox, until the overlap
   * ends (maybeEndOverlap, untrustKey). A key that already announced a successor cannot
   * announce another: whoever holds a rotated-away key cannot fork the chain.
   */
  private onRotation(deviceId: string, next: Uint8Array, signerKeyId: string, topic: string): void {
    if (next.length !== 32)
      return this.reject('state', 'Mqtt_Malformed', `next_public_key of ${next.length} bytes`, topic);
    const nextId = keyIdHex(next);
    if (this.successor.get(signerKeyId) === nextId) return; // the retained birth, a repeat
    const taken = this.successor.get(signerKeyId);
    if (taken)
      return this.reject(
        'state',
        'Mqtt_UnknownKey',
        `key ${signerKeyId} was already replaced by ${taken}; it announces no other`,
        topic,
      );
    if (this.trust.has(nextId)) return; // already trusted (its own file)
    this.store.noteRotatedKey(deviceId, next, signerKeyId, this.now());
    this.trustRotated(deviceId, next, signerKeyId);
    this.opts.log.info('device key rotated', { deviceId, keyId: nextId, replaces: signerKeyId });
    this.emit('key-rotated', { deviceId, keyId: nextId });
  }

  private trustRotated(deviceId: string, publicKey: Uint8Array, replaces: string): void {
    const keyId = keyIdHex(publicKey);
    this.trust.set(keyId, { name: deviceId, keyId, publicKey, file: '' });
    if (replaces) {
      this.successor.set(replaces, keyId);
      this.replaced.set(keyId, { old: replaces, deviceId });
    }
  }

  /**
   * The overlap of a rotation ends by itself when a result signed by the new key is accepted
   * and every counter below it is in (the old key's outbox results: the device signs all new
   * results with the new key, so they come after them). Counters are checked from the lowest
   * this terminal holds for the device.
   */
  private maybeEndOverlap(deviceId: string, counter: bigint, keyId: string): void {
    const r = this.replaced.get(keyId);
    let old: string | undefined;
    if (r && r.deviceId === deviceId) {
      old = r.old;
      const first = this.firstNew.get(old);
      if (first === undefined || counter < first) this.firstNew.set(old, counter);
    } else if (this.successor.has(keyId)) old = keyId; // a late old-key result: maybe the last
    if (old === undefined || !this.trust.has(old)) return;
    const first = this.firstNew.get(old);
    if (first === undefined || !this.store.acceptedAllBelow(deviceId, first)) return;
    this.untrustKey(deviceId, old);
  }

  /** The key ids trusted for a device now (its folder keys and rotated keys, less untrusted). */
  trustedKeyIds(deviceId: string): string[] {
    return [...this.trust.values()]
      .filter((k) => k.name === deviceId && !this.store.isUntrusted(k.keyId))
      .map((k) => k.keyId);
  }

  /**
   * Stops trusting a device key, durably (`readerctl terminal untrust`, and the end of a
   * rotation's overlap). Throws unless the key is trusted now.
   */
  untrustKey(deviceId: string, keyId: string): void {
    if (!this.trust.has(keyId))
      throw new ReaderError(ErrorCode.Mqtt_UnknownKey, `key ${keyId} is not trusted (device "${deviceId}")`);
    this.store.untrustKey(deviceId, keyId, this.now());
    this.trust.delete(keyId);
    this.opts.log.info('device key no longer trusted', { deviceId, keyId });
    this.emit('key-untrusted', { deviceId, keyId });
  }

  /** Every device heard from, for the fleet view (`readerctl terminal status`). */
  fleet(): FleetRow[] {
    return this.store.fleet(this.now());
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
    const envelope = this.sealer.seal(T.PAYLOAD_TYPE_COMMAND, command);
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
      this.waiters.set(commandIdHex, {
        deviceId,
        resolve: (r) => {
          clearTimeout(t);
          this.waiters.delete(commandIdHex);
          resolve(r);
        },
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
