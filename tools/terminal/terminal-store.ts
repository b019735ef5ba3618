// The reference terminal's durable memory (SPEC §9): which (device, counter) it accepted,
// with the payload's hash, and the nonces it issued. SQLite, WAL, synchronous=FULL.
import Database from 'better-sqlite3';
import { ensurePrivateFile } from '../../platform/private-files.js';

export type Admission = 'new' | 'duplicate' | 'counter-reused';
export type NonceCheck = 'ok' | 'unknown' | 'used' | 'wrong-device';

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
    `);
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
