// What command admission remembers durably (SPEC §8.6, §8.9): command ids seen within twice
// the freshness window, and each terminal's highest admitted sequence.
import type { OutboxDatabase } from './outbox-db.js';

export class ReplayCache {
  private readonly stmts;

  constructor(db: OutboxDatabase) {
    this.stmts = {
      seen: db.prepare('INSERT OR IGNORE INTO seen_commands (id, seen_ms) VALUES (?, ?)'),
      prune: db.prepare('DELETE FROM seen_commands WHERE seen_ms < ?'),
      raiseSeq: db.prepare(
        `INSERT INTO command_sequences (terminal, seq) VALUES (?, ?)
         ON CONFLICT (terminal) DO UPDATE SET seq = excluded.seq WHERE excluded.seq > command_sequences.seq`,
      ),
    };
  }

  /** Records a command id; false when it was seen before (a replay). Forgets ids older than `keepMs`. */
  rememberCommand(id: Uint8Array, nowMs: number, keepMs: number): boolean {
    this.stmts.prune.run(nowMs - keepMs);
    return this.stmts.seen.run(id, nowMs).changes === 1;
  }

  /** Raises a terminal's highest admitted command sequence; false when `seq` is not above it. */
  admitSequence(terminal: string, seq: bigint): boolean {
    return this.stmts.raiseSeq.run(terminal, seq).changes === 1;
  }
}
