// The reference terminal's durable memory (SPEC §9): which (device, counter) it accepted,
// with the payload's hash, and the nonces it issued. SQLite, WAL, synchronous=FULL.
import Database from 'better-sqlite3';
import { ensurePrivateFile } from '../../platform/private-files.js';

export type Admission = 'new' | 'duplicate' | 'counter-reused';
export type NonceCheck = 'ok' | 'unknown' | 'used' | 'wrong-device';

/** A device's latest state as the terminal received it. */
export interface DeviceRow {
  readonly deviceId: string;
  readonly online: boolean;
  readonly reason: string;
  readonly bdSeq: bigint;
  readonly firmware: string;
  readonly outboxPending: number;
  readonly lastCounter: string;
  /** When the terminal received it. */
  readonly stateMs: number;
}

/** One line of the fleet view. */
export interface FleetRow {
  readonly deviceId: string;
  /** undefined: results were accepted but no state was ever heard. */
  readonly online: boolean | undefined;
  readonly reason: string;
  readonly bdSeq: string;
  readonly firmware: string;
  /** The outbox depth the device reported in its last state (births carry it). */
  readonly outboxPendingAtBirth: number;
  readonly lastCounter: string;
  readonly stateMs: number | undefined;
  readonly trouble: string;
  readonly troubleMs: number | undefined;
  readonly accepted: number;
  readonly lastResultCounter: string | undefined;
  readonly lastResultMs: number | undefined;
}

/**
 * A device's trouble stands until it has not recurred for this long: clones and a flapping link
 * note it again at every birth (seconds apart), so a real problem keeps it fresh, and one burst
 * does not make `readerctl terminal status` exit 1 forever.
 */
export const TROUBLE_CLEARS_MS = 10 * 60_000;

export class TerminalStore {
  private readonly db: Database.Database;
  private readonly q;

  constructor(path: string) {
    ensurePrivateFile(path);
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.defaultSafeIntegers(true);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS accepted (
        device_id TEXT NOT NULL, counter INTEGER NOT NULL, sha256 TEXT NOT NULL, received_ms INTEGER NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (device_id, counter));
      CREATE TABLE IF NOT EXISTS nonces (
        nonce TEXT PRIMARY KEY, device_id TEXT NOT NULL, issued_ms INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS births (device_id TEXT PRIMARY KEY, bd_seq INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS quarantine (
        device_id TEXT NOT NULL, counter TEXT NOT NULL, sha256 TEXT NOT NULL, reason TEXT NOT NULL,
        envelope BLOB NOT NULL, received_ms INTEGER NOT NULL,
        PRIMARY KEY (device_id, counter));
      CREATE TABLE IF NOT EXISTS command_sequences (device_id TEXT PRIMARY KEY, seq INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS devices (
        device_id TEXT PRIMARY KEY, online INTEGER NOT NULL, reason TEXT NOT NULL, bd_seq INTEGER NOT NULL,
        firmware TEXT NOT NULL, outbox_pending INTEGER NOT NULL, last_counter TEXT NOT NULL,
        state_ms INTEGER NOT NULL, trouble TEXT NOT NULL DEFAULT '', trouble_ms INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS rotated_keys (
        public_key BLOB PRIMARY KEY, device_id TEXT NOT NULL, since_ms INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS untrusted_keys (
        key_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, since_ms INTEGER NOT NULL);
    `);
    // Which key each announced key replaced (SPEC 15.6); stores from before it say ''.
    const cols = this.db.prepare<[], { name: string }>('PRAGMA table_info(rotated_keys)').all();
    if (!cols.some((c) => c.name === 'replaces'))
      this.db.exec(`ALTER TABLE rotated_keys ADD COLUMN replaces TEXT NOT NULL DEFAULT ''`);
    this.q = {
      get: this.db.prepare<[string, bigint], { sha256: string }>(
        'SELECT sha256 FROM accepted WHERE device_id = ? AND counter = ?',
      ),
      put: this.db.prepare(
        'INSERT INTO accepted (device_id, counter, sha256, received_ms, record) VALUES (?, ?, ?, ?, ?)',
      ),
      all: this.db.prepare<[], { record: string }>('SELECT record FROM accepted ORDER BY device_id, counter'),
      max: this.db.prepare<[string], { m: bigint | null }>(
        'SELECT MAX(counter) AS m FROM accepted WHERE device_id = ?',
      ),
      count: this.db.prepare<[string], { n: bigint }>(
        'SELECT COUNT(*) AS n FROM accepted WHERE device_id = ?',
      ),
      issue: this.db.prepare('INSERT INTO nonces (nonce, device_id, issued_ms) VALUES (?, ?, ?)'),
      nonce: this.db.prepare<[string], { device_id: string; used: bigint }>(
        'SELECT device_id, used FROM nonces WHERE nonce = ?',
      ),
      useNonce: this.db.prepare('UPDATE nonces SET used = 1 WHERE nonce = ?'),
      birth: this.db.prepare<[string], { bd_seq: bigint }>('SELECT bd_seq FROM births WHERE device_id = ?'),
      setBirth: this.db.prepare('INSERT OR REPLACE INTO births (device_id, bd_seq) VALUES (?, ?)'),
      quarantined: this.db.prepare<[string, string], { sha256: string }>(
        'SELECT sha256 FROM quarantine WHERE device_id = ? AND counter = ?',
      ),
      quarantine: this.db.prepare(
        'INSERT INTO quarantine (device_id, counter, sha256, reason, envelope, received_ms) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      quarantineCount: this.db.prepare<[], { n: bigint }>('SELECT COUNT(*) AS n FROM quarantine'),
      device: this.db.prepare<[string], { bd_seq: bigint }>('SELECT bd_seq FROM devices WHERE device_id = ?'),
      putDevice: this.db.prepare(
        `INSERT INTO devices (device_id, online, reason, bd_seq, firmware, outbox_pending, last_counter, state_ms)
         VALUES (@deviceId, @online, @reason, @bdSeq, @firmware, @outboxPending, @lastCounter, @stateMs)
         ON CONFLICT (device_id) DO UPDATE SET online = @online, reason = @reason, bd_seq = @bdSeq,
           firmware = @firmware, outbox_pending = @outboxPending, last_counter = @lastCounter, state_ms = @stateMs`,
      ),
      trouble: this.db.prepare(
        `INSERT INTO devices (device_id, online, reason, bd_seq, firmware, outbox_pending, last_counter, state_ms, trouble, trouble_ms)
         VALUES (?, 0, '', 0, '', 0, '0', 0, ?, ?)
         ON CONFLICT (device_id) DO UPDATE SET trouble = excluded.trouble, trouble_ms = excluded.trouble_ms`,
      ),
      fleet: this.db.prepare<
        [],
        {
          device_id: string;
          online: bigint | null;
          reason: string | null;
          bd_seq: bigint | null;
          firmware: string | null;
          outbox_pending: bigint | null;
          last_counter: string | null;
          state_ms: bigint | null;
          trouble: string | null;
          trouble_ms: bigint | null;
          accepted: bigint;
          last_result_counter: bigint | null;
          last_result_ms: bigint | null;
        }
      >(
        `SELECT d.device_id AS device_id, d.online, d.reason, d.bd_seq, d.firmware, d.outbox_pending,
                d.last_counter, d.state_ms, d.trouble, d.trouble_ms,
                COALESCE(a.n, 0) AS accepted, a.c AS last_result_counter, a.ms AS last_result_ms
         FROM (SELECT device_id FROM devices UNION SELECT device_id FROM accepted) ids
         LEFT JOIN devices d ON d.device_id = ids.device_id
         LEFT JOIN (SELECT device_id, COUNT(*) AS n, MAX(counter) AS c, MAX(received_ms) AS ms
                    FROM accepted GROUP BY device_id) a ON a.device_id = ids.device_id
         ORDER BY ids.device_id`,
      ),
      rotated: this.db.prepare<
        [],
        { device_id: string; public_key: Buffer; replaces: string; since_ms: bigint }
      >('SELECT device_id, public_key, replaces, since_ms FROM rotated_keys ORDER BY since_ms'),
      rotate: this.db.prepare(
        'INSERT OR IGNORE INTO rotated_keys (public_key, device_id, since_ms, replaces) VALUES (?, ?, ?, ?)',
      ),
      untrust: this.db.prepare(
        'INSERT OR IGNORE INTO untrusted_keys (key_id, device_id, since_ms) VALUES (?, ?, ?)',
      ),
      untrusted: this.db.prepare<[], { key_id: string }>('SELECT key_id FROM untrusted_keys'),
      isUntrusted: this.db.prepare<[string], { n: bigint }>(
        'SELECT COUNT(*) AS n FROM untrusted_keys WHERE key_id = ?',
      ),
      countBelow: this.db.prepare<[string, bigint], { n: bigint; lo: bigint | null }>(
        'SELECT COUNT(*) AS n, MIN(counter) AS lo FROM accepted WHERE device_id = ? AND counter < ?',
      ),
      nextSeq: this.db.prepare<[string], { seq: bigint }>(
        `INSERT INTO command_sequences (device_id, seq) VALUES (?, 1)
         ON CONFLICT (device_id) DO UPDATE SET seq = seq + 1 RETURNING seq`,
      ),
    };
  }

  classify(deviceId: string, counter: bigint, sha256: string): Admission {
    const row = this.q.get.get(deviceId, counter);
    if (!row) return 'new';
    return row.sha256 === sha256 ? 'duplicate' : 'counter-reused';
  }

  checkNonce(nonceHex: string, deviceId: string): NonceCheck {
    const row = this.q.nonce.get(nonceHex);
    if (!row) return 'unknown';
    if (row.device_id !== deviceId) return 'wrong-device';
    return row.used ? 'used' : 'ok';
  }

  /** Records results as accepted and consumes their nonces, in one transaction (group commit). */
  acceptAll(
    rows: readonly { deviceId: string; counter: bigint; sha256: string; nonceHex: string; record: string }[],
    nowMs: number,
  ): void {
    this.db.transaction(() => {
      for (const r of rows) {
        this.q.put.run(r.deviceId, r.counter, r.sha256, nowMs, r.record);
        if (r.nonceHex) this.q.useNonce.run(r.nonceHex);
      }
    })();
  }

  /**
   * Keeps a verified result the terminal cannot represent (SPEC 9.5), as received; the counter
   * as decimal text, since SQLite integers stop at 2^63 - 1.
   */
  quarantine(
    row: { deviceId: string; counter: bigint; sha256: string; reason: string; envelope: Uint8Array },
    nowMs: number,
  ): Admission {
    const prev = this.q.quarantined.get(row.deviceId, row.counter.toString());
    if (prev) return prev.sha256 === row.sha256 ? 'duplicate' : 'counter-reused';
    this.q.quarantine.run(row.deviceId, row.counter.toString(), row.sha256, row.reason, row.envelope, nowMs);
    return 'new';
  }

  quarantinedCount(): number {
    return Number(this.q.quarantineCount.get()!.n);
  }

  /** The next command sequence towards a device (SPEC 8.9), durable before it is used. */
  nextSequence(deviceId: string): bigint {
    return this.q.nextSeq.get(deviceId)!.seq;
  }

  issueNonce(nonceHex: string, deviceId: string, nowMs: number): void {
    this.q.issue.run(nonceHex, deviceId, nowMs);
  }

  /** Records a birth's sequence; true when it is newer than any seen from the device. */
  noteBirth(deviceId: string, bdSeq: bigint): boolean {
    const prev = this.q.birth.get(deviceId)?.bd_seq ?? 0n;
    if (bdSeq <= prev) return false;
    this.q.setBirth.run(deviceId, bdSeq);
    return true;
  }

  /**
   * Keeps a device's latest state for the fleet view: a state with a lower bd_seq than the
   * one held is an older run's (or another instance's) and changes nothing; false then.
   */
  noteDeviceState(row: DeviceRow): boolean {
    const held = this.q.device.get(row.deviceId)?.bd_seq;
    if (held !== undefined && row.bdSeq < held) return false;
    this.q.putDevice.run({ ...row, online: row.online ? 1 : 0 });
    return true;
  }

  /** Marks a device as in trouble (a duplicate device id, a flapping connection) at `nowMs`. */
  noteTrouble(deviceId: string, trouble: string, nowMs: number): void {
    this.q.trouble.run(deviceId, trouble, nowMs);
  }

  /** A key a trusted device key announced as its successor (SPEC 15.6), kept across restarts. */
  noteRotatedKey(deviceId: string, publicKey: Uint8Array, replacesKeyId: string, nowMs: number): void {
    this.q.rotate.run(Buffer.from(publicKey), deviceId, nowMs, replacesKeyId);
  }

  /** Announced keys, oldest first, each with the key id it replaced ('' if not recorded). */
  rotatedKeys(): { deviceId: string; publicKey: Uint8Array; replaces: string; sinceMs: number }[] {
    return this.q.rotated.all().map((r) => ({
      deviceId: r.device_id,
      publicKey: new Uint8Array(r.public_key),
      replaces: r.replaces,
      sinceMs: Number(r.since_ms),
    }));
  }

  /** A key no longer trusted (its overlap ended, SPEC 15.6), even if its file is still there. */
  untrustKey(deviceId: string, keyId: string, nowMs: number): void {
    this.q.untrust.run(keyId, deviceId, nowMs);
  }

  /** Read at every message, so `readerctl terminal untrust` acts on a running terminal. */
  isUntrusted(keyId: string): boolean {
    return this.q.isUntrusted.get(keyId)!.n > 0n;
  }

  untrustedKeys(): Set<string> {
    return new Set(this.q.untrusted.all().map((r) => r.key_id));
  }

  /** True if every counter of the device below `counter` is accepted, from the lowest seen. */
  acceptedAllBelow(deviceId: string, counter: bigint): boolean {
    const r = this.q.countBelow.get(deviceId, counter)!;
    return r.lo !== null && r.n === counter - r.lo;
  }

  /**
   * Every device heard from (a state or a result), for `readerctl terminal status`; a trouble
   * last noted TROUBLE_CLEARS_MS or more before `nowMs` is over and not shown.
   */
  fleet(nowMs: number): FleetRow[] {
    return this.q.fleet.all().map((r) => {
      const troubleMs = r.trouble_ms ? Number(r.trouble_ms) : undefined;
      const current = troubleMs !== undefined && nowMs - troubleMs < TROUBLE_CLEARS_MS;
      return {
        deviceId: r.device_id,
        online: r.online === null ? undefined : r.online === 1n,
        reason: r.reason ?? '',
        bdSeq: String(r.bd_seq ?? 0n),
        firmware: r.firmware ?? '',
        outboxPendingAtBirth: Number(r.outbox_pending ?? 0n),
        lastCounter: r.last_counter ?? '0',
        stateMs: r.state_ms === null ? undefined : Number(r.state_ms),
        trouble: current ? (r.trouble ?? '') : '',
        troubleMs: current ? troubleMs : undefined,
        accepted: Number(r.accepted),
        lastResultCounter: r.last_result_counter === null ? undefined : String(r.last_result_counter),
        lastResultMs: r.last_result_ms === null ? undefined : Number(r.last_result_ms),
      };
    });
  }

  /** Every accepted record (JSON), for re-exporting files lost in a crash. */
  *records(): Generator<string> {
    for (const r of this.q.all.iterate()) yield r.record;
  }

  highestCounter(deviceId: string): bigint {
    return this.q.max.get(deviceId)?.m ?? 0n;
  }

  acceptedCount(deviceId: string): number {
    return Number(this.q.count.get(deviceId)!.n);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
