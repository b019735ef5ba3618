// The durable result queue (SPEC §7): a result is stored, under a counter allocated in the same
// transaction, before it is published; it is deleted only when the terminal's signed
// acknowledgement for that counter arrives. Also the birth/death sequence (SPEC §3.4).

import type { OutboxRow, ResultQueue } from './outbox.js';
import type { OutboxDatabase } from './outbox-db.js';
import type { SessionJournal } from './session-journal.js';

export class ResultOutbox implements ResultQueue {
  private readonly stmts;

  constructor(
    private readonly db: OutboxDatabase,
    private readonly journal: SessionJournal,
  ) {
    this.stmts = {
      getMeta: db.prepare<[string], { v: bigint }>('SELECT v FROM meta WHERE k = ?'),
      setMeta: db.prepare('UPDATE meta SET v = ? WHERE k = ?'),
      insert: db.prepare(
        'INSERT INTO outbox (counter, session_id, envelope, created_ms) VALUES (?, ?, ?, ?)',
      ),
      del: db.prepare('DELETE FROM outbox WHERE counter = ?'),
      after: db.prepare<[bigint, number], { counter: bigint; session_id: string; envelope: Buffer }>(
        'SELECT counter, session_id, envelope FROM outbox WHERE counter > ? ORDER BY counter LIMIT ?',
      ),
      count: db.prepare<[], { n: bigint }>('SELECT COUNT(*) AS n FROM outbox'),
      has: db.prepare<[bigint], { counter: bigint }>('SELECT counter FROM outbox WHERE counter = ?'),
    };
  }

  private meta(k: string): bigint {
    return this.stmts.getMeta.get(k)!.v;
  }

  get lastCounter(): bigint {
    return this.meta('counter');
  }

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
      this.journal.close(sessionId);
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
}
