// The durable outbox (SPEC §7): a result is stored, under a counter allocated in the same
// transaction, before it is published; it is deleted only when the terminal's signed
// acknowledgement for that counter arrives. SQLite in WAL mode with synchronous=FULL, so a
// committed row and counter survive power loss.
import Database from 'better-sqlite3';
import { ensurePrivateFile } from '../../platform/private-files.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';

export interface OutboxRow {
  readonly counter: bigint;
  readonly sessionId: string;
  readonly envelope: Uint8Array;
}

/** The result queue the link drains: counters, bd_seq and the stored envelopes (SPEC §7). */
export interface ResultQueue {
  readonly lastCounter: bigint;
  readonly pendingCount: number;
  /** Increments and persists the birth/death sequence; call once per process start. */
  nextBdSeq(): bigint;
  /** Allocates the next counter and stores the envelope `build` makes for it, atomically. */
  enqueue(sessionId: string, build: (counter: bigint) => Uint8Array, nowMs: number): OutboxRow;
  /** Deletes acknowledged counters; returns how many were present. */
  ack(counters: readonly bigint[]): number;
  has(counter: bigint): boolean;
  /** Pending rows with a counter above `after`, oldest first. */
  pendingAfter(after: bigint, limit: number): OutboxRow[];
}

/**
 * Everything the link and the session service keep durably, behind one interface so a
 * composition root can decorate it (the kit's misbehaving appliance forgets its counter).
 */
export interface LinkOutbox extends ResultQueue {
  /** Records that a session started; its result's enqueue closes it (SPEC §6.1). */
  openSession(sessionId: string, nonceHex: string, startedMs: number): void;
  /** Sessions that started and have no stored result: cut by a crash or power loss. */
  openSessions(): { sessionId: string; nonce: string; startedMs: number }[];
  /** Records a command id; false when it was seen before (a replay). */
  rememberCommand(id: Uint8Array, nowMs: number, keepMs: number): boolean;
  /** Raises a terminal's highest admitted command sequence; false when `seq` is not above it. */
  admitSequence(terminal: string, seq: bigint): boolean;
  close(): void;
}

export class Outbox implements LinkOutbox {
  private readonly db: Database.Database;
  private readonly stmts;

  constructor(path: string) {
    try {
      ensurePrivateFile(path);
      this.db = new Database(path);
    } catch (e) {
      throw new ReaderError(
        ErrorCode.Store_Failed,
        `cannot open outbox ${path}: ${(e as Error).message}`,
        {},
        {
          cause: e,
        },
      );
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.defaultSafeIntegers(true);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS outbox (
        counter INTEGER PRIMARY KEY, session_id TEXT NOT NULL, envelope BLOB NOT NULL, created_ms INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS seen_commands (id BLOB PRIMARY KEY, seen_ms INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS command_sequences (terminal TEXT PRIMARY KEY, seq INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS open_sessions (
        session_id TEXT PRIMARY KEY, nonce TEXT NOT NULL, started_ms INTEGER NOT NULL);
      INSERT OR IGNORE INTO meta (k, v) VALUES ('counter', 0), ('bd_seq', 0);
    `);
    this.stmts = {
      getMeta: this.db.prepare<[string], { v: bigint }>('SELECT v FROM meta WHERE k = ?'),
      setMeta: this.db.prepare('UPDATE meta SET v = ? WHERE k = ?'),
      insert: this.db.prepare(
        'INSERT INTO outbox (counter, session_id, envelope, created_ms) VALUES (?, ?, ?, ?)',
      ),
      del: this.db.prepare('DELETE FROM outbox WHERE counter = ?'),
      after: this.db.prepare<[bigint, number], { counter: bigint; session_id: string; envelope: Buffer }>(
        'SELECT counter, session_id, envelope FROM outbox WHERE counter > ? ORDER BY counter LIMIT ?',
      ),
      count: this.db.prepare<[], { n: bigint }>('SELECT COUNT(*) AS n FROM outbox'),
      has: this.db.prepare<[bigint], { counter: bigint }>('SELECT counter FROM outbox WHERE counter = ?'),
      seen: this.db.prepare('INSERT OR IGNORE INTO seen_commands (id, seen_ms) VALUES (?, ?)'),
      prune: this.db.prepare('DELETE FROM seen_commands WHERE seen_ms < ?'),
      raiseSeq: this.db.prepare(
        `INSERT INTO command_sequences (terminal, seq) VALUES (?, ?)
         ON CONFLICT (terminal) DO UPDATE SET seq = excluded.seq WHERE excluded.seq > command_sequences.seq`,
      ),
      openSession: this.db.prepare(
        'INSERT OR REPLACE INTO open_sessions (session_id, nonce, started_ms) VALUES (?, ?, ?)',
      ),
      closeSession: this.db.prepare('DELETE FROM open_sessions WHERE session_id = ?'),
      openSessions: this.db.prepare<[], { session_id: string; nonce: string; started_ms: bigint }>(
        'SELECT session_id, nonce, started_ms FROM open_sessions ORDER BY started_ms',
      ),
    };
  }

  private meta(k: string): bigint {
    return this.stmts.getMeta.get(k)!.v;
  }

  get lastCounter(): bigint {
    return this.meta('counter');
  }

  /** Increments and persists the birth/death sequence; call once per process start. */
  nextBdSeq(): bigint {
    return this.db.transaction(() => {
      const v = this.meta('bd_seq') + 1n;
      this.stmts.setMeta.run(v, 'bd_seq');
      return v;
    })();
  }

  /**
   * Allocates the next counter and stores the envelope `build` makes for it, atomically:
   * either both the counter and the row are durable, or neither is.
   */
  enqueue(sessionId: string, build: (counter: bigint) => Uint8Array, nowMs: number): OutboxRow {
    return this.db.transaction(() => {
      const counter = this.meta('counter') + 1n;
      const envelope = build(counter);
      this.stmts.setMeta.run(counter, 'counter');
      this.stmts.insert.run(counter, sessionId, envelope, nowMs);
      // The session's result is now durable: it is no longer an open (interruptible) session.
      this.stmts.closeSession.run(sessionId);
      return { counter, sessionId, envelope };
    })();
  }

  /** Deletes acknowledged counters in one transaction; returns how many were present. */
  ack(counters: readonly bigint[]): number {
    return this.db.transaction(() => {
      let n = 0;
      for (const c of counters) n += this.stmts.del.run(c).changes;
      return n;
    })();
  }

  has(counter: bigint): boolean {
    return this.stmts.has.get(counter) !== undefined;
  }

  /** Pending rows with a counter above `after`, oldest first. */
  pendingAfter(after: bigint, limit: number): OutboxRow[] {
    return this.stmts.after.all(after, limit).map((r) => ({
      counter: r.counter,
      sessionId: r.session_id,
      envelope: new Uint8Array(r.envelope),
    }));
  }

  get pendingCount(): number {
    return Number(this.stmts.count.get()!.n);
  }

  /** Records that a session started; its result's enqueue closes it (SPEC §6.1). */
  openSession(sessionId: string, nonceHex: string, startedMs: number): void {
    this.stmts.openSession.run(sessionId, nonceHex, startedMs);
  }

  /** Sessions that started and have no stored result: cut by a crash or power loss. */
  openSessions(): { sessionId: string; nonce: string; startedMs: number }[] {
    return this.stmts.openSessions.all().map((r) => ({
      sessionId: r.session_id,
      nonce: r.nonce,
      startedMs: Number(r.started_ms),
    }));
  }

  /** Records a command id; false when it was seen before (a replay). */
  rememberCommand(id: Uint8Array, nowMs: number, keepMs: number): boolean {
    this.stmts.prune.run(nowMs - keepMs);
    return this.stmts.seen.run(id, nowMs).changes === 1;
  }

  /** Raises a terminal's highest admitted command sequence; false when `seq` is not above it. */
  admitSequence(terminal: string, seq: bigint): boolean {
    return this.stmts.raiseSeq.run(terminal, seq).changes === 1;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
