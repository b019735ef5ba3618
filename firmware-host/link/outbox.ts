// What the link keeps durably, in one SQLite database (outbox.sqlite): the result queue
// (ResultOutbox, SPEC §7), the journal of open sessions (SessionJournal, SPEC §6.1) and the
// command replay cache (ReplayCache, SPEC §8). `Outbox` opens the database once and composes
// the three on that one handle, so a result's enqueue and its session's close are one
// transaction.
import { type OutboxDatabase, openOutboxDatabase } from './outbox-db.js';
import { ReplayCache } from './replay-cache.js';
import { ResultOutbox } from './result-outbox.js';
import { type OpenSession, SessionJournal } from './session-journal.js';

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
  openSessions(): OpenSession[];
  /** Records a command id; false when it was seen before (a replay). */
  rememberCommand(id: Uint8Array, nowMs: number, keepMs: number): boolean;
  /** Raises a terminal's highest admitted command sequence; false when `seq` is not above it. */
  admitSequence(terminal: string, seq: bigint): boolean;
  close(): void;
}

export class Outbox implements LinkOutbox {
  private readonly db: OutboxDatabase;
  readonly results: ResultOutbox;
  readonly journal: SessionJournal;
  readonly replay: ReplayCache;

  constructor(path: string) {
    this.db = openOutboxDatabase(path);
    this.journal = new SessionJournal(this.db);
    this.results = new ResultOutbox(this.db, this.journal);
    this.replay = new ReplayCache(this.db);
  }

  get lastCounter(): bigint {
    return this.results.lastCounter;
  }

  get pendingCount(): number {
    return this.results.pendingCount;
  }

  nextBdSeq(): bigint {
    return this.results.nextBdSeq();
  }

  enqueue(sessionId: string, build: (counter: bigint) => Uint8Array, nowMs: number): OutboxRow {
    return this.results.enqueue(sessionId, build, nowMs);
  }

  ack(counters: readonly bigint[]): number {
    return this.results.ack(counters);
  }

  has(counter: bigint): boolean {
    return this.results.has(counter);
  }

  pendingAfter(after: bigint, limit: number): OutboxRow[] {
    return this.results.pendingAfter(after, limit);
  }

  openSession(sessionId: string, nonceHex: string, startedMs: number): void {
    this.journal.open(sessionId, nonceHex, startedMs);
  }

  openSessions(): OpenSession[] {
    return this.journal.openSessions();
  }

  rememberCommand(id: Uint8Array, nowMs: number, keepMs: number): boolean {
    return this.replay.rememberCommand(id, nowMs, keepMs);
  }

  admitSequence(terminal: string, seq: bigint): boolean {
    return this.replay.admitSequence(terminal, seq);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
