// The terminal's intake of verified results (SPEC §9): each accepted exactly once, durably,
// then written for the receipt computer and acknowledged; a redelivery is acknowledged again;
// a genuine result no record can hold is quarantined as received (SPEC 9.5).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Delivery } from '../../platform/link/signed-endpoint.js';
import { ensurePrivateDir, writePrivateFileAtomic } from '../../platform/private-files.js';
import { toHex } from '../../protocol/bytes.js';
import type { fareader } from '../../protocol/gen/fareader.js';
import { parseTopic } from '../../protocol/link/topics.js';
import { u64, u64ms } from '../../protocol/link/u64.js';
import { type ResultRecord, toRecord } from './result-json.js';
import type { TerminalStore } from './terminal-store.js';

/** The largest counter (or bd_seq) SQLite stores as an integer, and the ECMAScript Date range in ms. */
export const MAX_STORED_COUNTER = (1n << 63n) - 1n;
const MAX_DATE_MS = 8.64e15;

/** Why a verified result cannot be represented as a record (SPEC 9.5), if it cannot. */
function unrepresentable(r: fareader.v1.VerificationResult): string | undefined {
  if (u64(r.counter) > MAX_STORED_COUNTER) return 'counter-out-of-range';
  if (u64ms(r.startedAtMs) > MAX_DATE_MS || u64ms(r.finishedAtMs) > MAX_DATE_MS) return 'time-out-of-range';
  return undefined;
}

export interface IntakeOptions {
  readonly store: TerminalStore;
  readonly outDir: string;
  /** The terminal's data folder, named when a result's nonce is not in it. */
  readonly dataDir?: string;
  readonly now: () => number;
  readonly reject: (kind: string, reason: string, detail: string, topic: string) => void;
  /** Acknowledges a counter to its device (once the result is durable). */
  readonly ack: (deviceId: string, counter: bigint, sessionId: string, duplicate: boolean) => void;
  readonly accepted: (record: ResultRecord, result: fareader.v1.VerificationResult) => void;
  readonly duplicate: (deviceId: string, counter: bigint) => void;
}

export class ResultIntake {
  accepted = 0;
  duplicates = 0;
  /** Results verified in this turn of the event loop, committed together before their acks. */
  private batch: {
    record: ResultRecord;
    result: fareader.v1.VerificationResult;
    sha256: string;
    nonceHex: string;
  }[] = [];
  private readonly batchKeys = new Map<string, string>();

  constructor(private readonly o: IntakeOptions) {}

  /** A verified result from the device its topic names. */
  handle(d: Delivery<fareader.v1.VerificationResult>): void {
    const { message: result, topic, bytes } = d;
    const env = { ...d.envelope, deviceId: parseTopic(topic)!.id };
    if (result.deviceId !== env.deviceId) {
      return this.o.reject('result', 'Mqtt_WrongDevice', `result names "${result.deviceId}"`, topic);
    }
    const counter = u64(result.counter);
    if (counter === 0n)
      return this.o.reject('result', 'Mqtt_Malformed', 'counter 0 is never allocated', topic);
    const sha = createHash('sha256').update(env.payload).digest('hex');
    const problem = unrepresentable(result);
    if (problem) return this.quarantine(env.deviceId, counter, result, sha, problem, bytes, topic);
    const inBatch = this.batchKeys.get(`${env.deviceId}/${counter}`);
    if (inBatch !== undefined) {
      if (inBatch === sha)
        this.duplicates++; // acknowledged when its batch commits
      else this.o.reject('result', 'Mqtt_CounterRegressed', `counter ${counter} carried two results`, topic);
      return;
    }
    const seen = this.o.store.classify(env.deviceId, counter, sha);
    if (seen === 'duplicate') {
      // A redelivery (our ack was lost, or the device restarted): acknowledge again, once stored.
      this.duplicates++;
      this.o.duplicate(env.deviceId, counter);
      return this.o.ack(env.deviceId, counter, result.sessionId, true);
    }
    if (seen === 'counter-reused') {
      return this.o.reject(
        'result',
        'Mqtt_CounterRegressed',
        `counter ${counter} already carried another result`,
        topic,
      );
    }
    const nonce = toHex(result.terminalNonce);
    if (nonce) {
      const check = this.o.store.checkNonce(nonce, env.deviceId);
      // A nonce this store never issued is most often a start-session sent with another --data
      // folder: refusing it unacknowledged had the device send it again every ack timeout, for
      // ever. It is kept as received and acknowledged (never exported as a check), and said once.
      if (check === 'unknown')
        return this.quarantine(env.deviceId, counter, result, sha, 'nonce-unknown', bytes, topic, {
          detail: `counter ${counter} echoes a nonce this terminal never issued (was start-session run with another --data folder than ${this.o.dataDir ?? 'this terminal'}'s?); kept as received, not exported`,
        });
      if (check !== 'ok') return this.o.reject('result', 'Mqtt_NonceMismatch', `nonce ${check}`, topic);
    }
    const record = toRecord(result, env.keyId, bytes, this.o.now());
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
    { detail = `counter ${counter} kept as received` }: { detail?: string } = {},
  ): void {
    const seen = this.o.store.quarantine({ deviceId, counter, sha256, reason, envelope }, this.o.now());
    if (seen === 'counter-reused')
      return this.o.reject(
        'result',
        'Mqtt_CounterRegressed',
        `counter ${counter} carried two results`,
        topic,
      );
    if (seen === 'new') this.o.reject('result', `quarantined:${reason}`, detail, topic);
    else this.duplicates++;
    this.o.ack(deviceId, counter, result.sessionId, seen === 'duplicate');
  }

  quarantinedCount(): number {
    return this.o.store.quarantinedCount();
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
    this.o.store.acceptAll(
      batch.map((b) => ({
        deviceId: b.record.deviceId,
        counter: BigInt(b.record.counter),
        sha256: b.sha256,
        nonceHex: b.nonceHex,
        record: JSON.stringify(b.record),
      })),
      this.o.now(),
    );
    for (const b of batch) this.writeRecord(b.record);
    for (const b of batch) {
      this.accepted++;
      this.o.accepted(b.record, b.result);
      this.o.ack(b.record.deviceId, BigInt(b.record.counter), b.result.sessionId, false);
    }
  }

  private recordPath(rec: ResultRecord): string {
    return join(this.o.outDir, rec.deviceId, `${rec.counter.padStart(20, '0')}.json`);
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
    for (const json of this.o.store.records()) {
      const rec = JSON.parse(json) as ResultRecord;
      if (!existsSync(this.recordPath(rec))) {
        this.writeRecord(rec);
        n++;
      }
    }
    return n;
  }
}
