// Sessions that started and have no stored result yet (SPEC §6.1): after a crash or power loss
// each still ends with exactly one result (INTERRUPTED). A session's row goes when its result
// is enqueued, in the same transaction.
import type { OutboxDatabase } from './outbox-db.js';

export interface OpenSession {
  readonly sessionId: string;
  readonly nonce: string;
  readonly startedMs: number;
}

export class SessionJournal {
  private readonly stmts;

  constructor(db: OutboxDatabase) {
    this.stmts = {
      open: db.prepare(
        'INSERT OR REPLACE INTO open_sessions (session_id, nonce, started_ms) VALUES (?, ?, ?)',
      ),
      close: db.prepare('DELETE FROM open_sessions WHERE session_id = ?'),
      all: db.prepare<[], { session_id: string; nonce: string; started_ms: bigint }>(
        'SELECT session_id, nonce, started_ms FROM open_sessions ORDER BY started_ms',
      ),
    };
  }

  /** Records that a session started; its result's enqueue closes it. */
  open(sessionId: string, nonceHex: string, startedMs: number): void {
    this.stmts.open.run(sessionId, nonceHex, startedMs);
  }

  close(sessionId: string): void {
    this.stmts.close.run(sessionId);
  }

  /** Sessions that started and have no stored result: cut by a crash or power loss. */
  openSessions(): OpenSession[] {
    return this.stmts.all.all().map((r) => ({
      sessionId: r.session_id,
      nonce: r.nonce,
      startedMs: Number(r.started_ms),
    }));
  }
}
