// The conformance kit's runner: plays the clinic terminal (signed commands, acknowledgements)
// and, through a bench, the patient; runs the catalogue's cases with the monitor watching every
// message; records each case's steps and evidence for the reports.
import { randomBytes } from 'node:crypto';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { type BrokerSettings, brokerUrls, mqttClientOptions } from '../../platform/link/mqtt-options.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { brokerPassword, brokerUsername } from '../../protocol/link/broker-credentials.js';
import { seal } from '../../protocol/link/envelope.js';
import type { KeyPair } from '../../protocol/link/keys.js';
import { deviceTopics } from '../../protocol/link/topics.js';
import { toLong } from '../../protocol/link/u64.js';
import type { ResultRecord } from '../terminal/result-json.js';
import type { ReferenceTerminal } from '../terminal/terminal.js';
import { notApplicableReason } from './capabilities.js';
import type { Monitor, Violation } from './monitor.js';
import type { PatientSide } from './patient-side.js';

const v1 = fareader.v1;

/** The terminal id the kit's terminal speaks as. */
export const KIT_TERMINAL_ID = 'conformance-kit';

export type Capability = 'patient' | 'cardStats' | 'restart' | 'kill' | 'externalBroker' | 'brokerControl';

/** A CONNECT packet the kit's broker received. */
export interface ConnectSeen {
  readonly at: number;
  readonly clientId: string;
  readonly protocolVersion: number;
  readonly clean: boolean;
  readonly keepalive: number;
  readonly username?: string;
  readonly will?: { topic: string; qos: number; retain: boolean; payload: Uint8Array };
}

/** Stops and restarts the broker (same address), for the outage case. */
export interface BrokerControl {
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Which broker this is, for the report ("aedes run by the kit on …"). */
  readonly description?: string;
  /** The CONNECT packets it received, when it can see them (the kit's own broker). */
  readonly connects?: readonly ConnectSeen[];
}

export interface KitCase {
  readonly id: string;
  readonly title: string;
  readonly clauses: readonly string[];
  readonly preconditions: string;
  readonly expected: string;
  readonly needs?: readonly Capability[];
  run(k: Kit): Promise<void>;
}

export interface Step {
  readonly ms: number;
  readonly text: string;
  readonly ok: boolean;
  readonly evidence?: string;
}

export interface CaseResult {
  readonly id: string;
  readonly title: string;
  readonly clauses: readonly string[];
  readonly preconditions: string;
  readonly expected: string;
  readonly status: 'passed' | 'failed' | 'not-applicable';
  readonly reason?: string;
  readonly steps: readonly Step[];
  readonly violations: readonly Violation[];
  readonly durationMs: number;
}

export class CheckFailed extends Error {}

export interface KitOptions {
  readonly deviceId: string;
  /** The broker as the kit reaches it: URL, and TLS files and credentials where it wants them. */
  readonly broker: BrokerSettings;
  readonly terminal: ReferenceTerminal;
  readonly terminalKey: KeyPair;
  readonly monitor: Monitor;
  readonly bench?: PatientSide;
  readonly capabilities: ReadonlySet<Capability>;
  readonly brokerControl?: BrokerControl;
  /** Time the device may take to redeliver an unacknowledged result (its ack timeout + margin). */
  readonly redeliveryWaitMs: number;
}

export class Kit {
  private steps: Step[] = [];
  private t0 = 0;
  private caseStart = 0;
  raw!: MqttClient;
  readonly results: ResultRecord[] = [];

  constructor(readonly o: KitOptions) {
    o.terminal.on('result', (r: ResultRecord) => this.results.push(r));
  }

  get deviceId(): string {
    return this.o.deviceId;
  }

  get terminal(): ReferenceTerminal {
    return this.o.terminal;
  }

  get monitor(): Monitor {
    return this.o.monitor;
  }

  get broker(): BrokerControl {
    if (!this.o.brokerControl) throw new CheckFailed('this case needs control of the broker');
    return this.o.brokerControl;
  }

  get bench(): PatientSide {
    if (!this.o.bench) throw new CheckFailed('this case needs the bench');
    return this.o.bench;
  }

  /**
   * An auxiliary connection of the kit's terminal (SPEC 13.1): its own username (= client id)
   * and key-bound password, so an authenticating broker (readerd's embedded one) admits it.
   */
  auxCredentials(aux: string): { clientId: string; username: string; password: string } {
    const username = brokerUsername('term', KIT_TERMINAL_ID, aux);
    return { clientId: username, username, password: brokerPassword(username, this.o.terminalKey) };
  }

  /**
   * Options for one of the kit's own connections: the configured TLS files and credentials, or
   * else the key-bound ones; a clean session (the kit keeps nothing at the broker between runs).
   */
  clientOptions(aux: string): IClientOptions {
    const c = this.auxCredentials(aux);
    return { ...mqttClientOptions(this.o.broker, c.clientId, c), clean: true, reconnectPeriod: 500 };
  }

  /** A connection of the kit's own (the monitor, a probe) to the device's broker. */
  mqttConnect(aux: string): MqttClient {
    return mqtt.connect(brokerUrls(this.o.broker.url)[0]!, this.clientOptions(aux));
  }

  async connect(): Promise<void> {
    this.raw = this.mqttConnect('monitor');
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => {
        this.raw.off('error', refused);
        reject(new ReaderError(ErrorCode.Op_Timeout, `cannot reach the broker at ${this.o.broker.url}`));
      }, 10_000);
      // A refusal (CONNACK 4/5) or a TLS failure before the first connection says so now, not
      // at the timeout; later errors are the reconnections' (a broker outage case), not ours.
      const refused = (e: Error): void => {
        clearTimeout(t);
        this.raw.end(true);
        reject(
          new ReaderError(
            ErrorCode.Mqtt_NotConnected,
            `the broker at ${this.o.broker.url} refused the kit: ${e.message} (check --ca, --cert/--key, --username, --password-file, --servername)`,
            {},
            { cause: e },
          ),
        );
      };
      this.raw.once('error', refused);
      this.raw.once('connect', () => {
        clearTimeout(t);
        this.raw.off('error', refused);
        resolve();
      });
    });
    await this.o.monitor.attach(this.raw);
  }

  step(text: string, evidence?: unknown): void {
    this.steps.push({
      ms: Math.round(performance.now() - this.t0),
      text,
      ok: true,
      evidence: show(evidence),
    });
  }

  /** A check: recorded as a step; a failing check ends the case. */
  check(ok: boolean, text: string, evidence?: unknown): void {
    this.steps.push({ ms: Math.round(performance.now() - this.t0), text, ok, evidence: show(evidence) });
    if (!ok) throw new CheckFailed(text);
  }

  async runCase(c: KitCase): Promise<CaseResult> {
    const base = {
      id: c.id,
      title: c.title,
      clauses: c.clauses,
      preconditions: c.preconditions,
      expected: c.expected,
    };
    const missing = (c.needs ?? []).filter((n) => !this.o.capabilities.has(n));
    if (missing.length)
      return {
        ...base,
        status: 'not-applicable',
        reason: notApplicableReason(missing),
        steps: [],
        violations: [],
        durationMs: 0,
      };
    this.steps = [];
    this.t0 = performance.now();
    const since = Date.now();
    this.caseStart = since;
    let status: CaseResult['status'] = 'passed';
    let reason: string | undefined;
    try {
      await c.run(this);
    } catch (e) {
      status = 'failed';
      reason = e instanceof CheckFailed ? e.message : `error: ${(e as Error).message}`;
      if (!(e instanceof CheckFailed))
        this.steps.push({ ms: Math.round(performance.now() - this.t0), text: reason, ok: false });
    }
    // Let late messages of this case reach the monitor before its verdict.
    await new Promise((r) => setTimeout(r, 200));
    const violations = this.o.monitor.violations.filter((v) => v.at >= since);
    if (violations.length && status === 'passed') {
      status = 'failed';
      reason = `monitor: ${violations[0]!.what} (§${violations[0]!.clause})`;
    }
    return {
      ...base,
      status,
      reason,
      steps: this.steps,
      violations,
      durationMs: Math.round(performance.now() - this.t0),
    };
  }

  // --- terminal side -------------------------------------------------------------------

  command(body: Parameters<ReferenceTerminal['sendCommand']>[1], timeoutMs = 10_000) {
    return this.o.terminal.sendCommand(this.deviceId, body, timeoutMs);
  }

  /** A command with chosen fields, sealed by `key` (or sent unsigned), published as is. */
  async craftedCommand(opts: {
    key?: KeyPair;
    unsigned?: boolean;
    fields?: Partial<fareader.v1.ICommand>;
    type?: fareader.v1.PayloadType;
  }): Promise<fareader.v1.CommandResponse> {
    const commandId = randomBytes(16);
    const command = v1.Command.encode({
      commandId,
      deviceId: this.deviceId,
      issuedAtMs: toLong(Date.now()),
      terminalId: KIT_TERMINAL_ID,
      rebirth: {},
      ...opts.fields,
    }).finish();
    const type = opts.type ?? v1.PayloadType.PAYLOAD_TYPE_COMMAND;
    const bytes = opts.unsigned
      ? v1.SignedEnvelope.encode({ payloadType: type, payload: command }).finish()
      : seal(type, command, opts.key ?? this.o.terminalKey);
    const id = Buffer.from(opts.fields?.commandId ?? commandId).toString('hex');
    const r = await this.send(bytes, id);
    if (!r) throw new CheckFailed('the device did not answer the command within 5 s (SPEC §8.2)');
    return r;
  }

  /**
   * Publishes envelope bytes on the command topic; resolves with the device's response to
   * them: the one echoing `commandIdHex`, or — when the device refused before it could read
   * the id (it must verify before parsing, §4.4) — the next one with an empty id.
   */
  async send(
    bytes: Uint8Array,
    commandIdHex: string,
    timeoutMs = 5000,
  ): Promise<fareader.v1.CommandResponse | undefined> {
    const since = Date.now();
    await this.raw.publishAsync(deviceTopics(this.deviceId).command, Buffer.from(bytes), { qos: 1 });
    return this.waitFor(
      () =>
        this.monitor
          .since<fareader.v1.CommandResponse>('response', since)
          .map((x) => x.message)
          .find((m) => {
            const id = Buffer.from(m.commandId).toString('hex');
            return id === commandIdHex || id === '';
          }),
      timeoutMs,
    );
  }

  /** Publishes raw bytes on the device's command topic and waits for any response. */
  async garbage(bytes: Uint8Array): Promise<fareader.v1.CommandResponse | undefined> {
    const since = Date.now();
    await this.raw.publishAsync(deviceTopics(this.deviceId).command, Buffer.from(bytes), { qos: 1 });
    return this.waitFor(
      () => this.monitor.since<fareader.v1.CommandResponse>('response', since).at(-1)?.message,
      5000,
    );
  }

  async waitFor<T>(get: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = get();
      if (v !== undefined) return v;
      if (Date.now() > deadline) return undefined;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** The verified result of a session at the kit's terminal. */
  async result(sessionId: string, timeoutMs = 30_000): Promise<ResultRecord> {
    const since = this.caseStart;
    let refused: Violation | undefined;
    const r = await this.waitFor(() => {
      // A result the monitor refused will never verify at the terminal: say so at once.
      refused = this.monitor.violations.find((v) => v.at >= since && v.topic.endsWith('/result'));
      return refused ? null : this.results.find((x) => x.sessionId === sessionId);
    }, timeoutMs);
    this.check(!refused, 'the result is valid', refused && `§${refused.clause}: ${refused.what}`);
    this.check(!!r, `a verified result arrives for session ${sessionId.slice(0, 8)}`);
    return r!;
  }

  status(s: fareader.v1.ResponseStatus): string {
    return v1.ResponseStatus[s] ?? String(s);
  }
}

function show(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  return JSON.stringify(v, (_, x) =>
    typeof x === 'bigint' ? x.toString() : x instanceof Uint8Array ? Buffer.from(x).toString('hex') : x,
  );
}
