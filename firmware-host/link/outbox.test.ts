import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Outbox } from './outbox.js';

const dirs: string[] = [];
function dbPath(): string {
  const d = mkdtempSync(join(tmpdir(), 'outbox-'));
  dirs.push(d);
  return join(d, 'outbox.sqlite');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('durable outbox', () => {
  it('allocates strictly increasing counters that survive a reopen', () => {
    const path = dbPath();
    let box = new Outbox(path);
    const a = box.enqueue('s1', (c) => Uint8Array.of(Number(c)), 1);
    const b = box.enqueue('s2', (c) => Uint8Array.of(Number(c)), 2);
    expect([a.counter, b.counter]).toEqual([1n, 2n]);
    box.ack([1n, 2n]);
    box.close();
    box = new Outbox(path);
    expect(box.pendingCount).toBe(0);
    expect(box.enqueue('s3', () => new Uint8Array(1), 3).counter).toBe(3n);
    box.close();
  });

  it('stores nothing and spends no counter when building the envelope fails', () => {
    const box = new Outbox(dbPath());
    expect(() =>
      box.enqueue(
        's',
        () => {
          throw new Error('signing failed');
        },
        1,
      ),
    ).toThrow('signing failed');
    expect(box.lastCounter).toBe(0n);
    expect(box.pendingCount).toBe(0);
    box.close();
  });

  it('keeps rows until acknowledged and replays them in counter order', () => {
    const path = dbPath();
    const box = new Outbox(path);
    for (let i = 0; i < 10; i++) box.enqueue(`s${i}`, (c) => Uint8Array.of(Number(c)), i);
    expect(box.ack([3n, 5n, 99n])).toBe(2);
    box.close();
    const again = new Outbox(path);
    const rows = again.pendingAfter(0n, 100);
    expect(rows.map((r) => r.counter)).toEqual([1n, 2n, 4n, 6n, 7n, 8n, 9n, 10n]);
    expect(rows[0]!.envelope).toEqual(Uint8Array.of(1));
    expect(again.pendingAfter(6n, 2).map((r) => r.counter)).toEqual([7n, 8n]);
    again.close();
  });

  it('remembers command ids across a reopen to refuse replays', () => {
    const path = dbPath();
    const id = Uint8Array.from({ length: 16 }, (_, i) => i);
    const box = new Outbox(path);
    expect(box.rememberCommand(id, 1000, 60_000)).toBe(true);
    box.close();
    const again = new Outbox(path);
    expect(again.rememberCommand(id, 2000, 60_000)).toBe(false);
    expect(again.nextBdSeq()).toBe(1n);
    expect(again.nextBdSeq()).toBe(2n);
    again.close();
  });
});

/**
 * The schema as the single-class Outbox (before the split into ResultOutbox, SessionJournal and
 * ReplayCache) created it, copied from that code: readers in the field have files made by it.
 */
const PREVIOUS_LAYOUT = `
  CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS outbox (
    counter INTEGER PRIMARY KEY, session_id TEXT NOT NULL, envelope BLOB NOT NULL, created_ms INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS seen_commands (id BLOB PRIMARY KEY, seen_ms INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS command_sequences (terminal TEXT PRIMARY KEY, seq INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS open_sessions (
    session_id TEXT PRIMARY KEY, nonce TEXT NOT NULL, started_ms INTEGER NOT NULL);
  INSERT OR IGNORE INTO meta (k, v) VALUES ('counter', 0), ('bd_seq', 0);
`;

function schemaOf(path: string): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name').all();
  } finally {
    db.close();
  }
}

describe('outbox.sqlite from before the split', () => {
  it('a new file has exactly the schema the previous layout created', () => {
    const previous = dbPath();
    const db = new Database(previous);
    db.exec(PREVIOUS_LAYOUT);
    db.close();
    const current = dbPath();
    new Outbox(current).close();
    expect(schemaOf(current)).toEqual(schemaOf(previous));
  });

  it('a file the previous layout wrote opens with its counter, results, sessions and replay memory', () => {
    const path = dbPath();
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    old.exec(PREVIOUS_LAYOUT);
    old.exec(`
      UPDATE meta SET v = 7 WHERE k = 'counter';
      UPDATE meta SET v = 3 WHERE k = 'bd_seq';
      INSERT INTO outbox VALUES (6, 'sess-6', x'0a06', 1000), (7, 'sess-7', x'0a07', 1001);
      INSERT INTO seen_commands VALUES (x'000102030405060708090a0b0c0d0e0f', 5000);
      INSERT INTO command_sequences VALUES ('abcd/terminal-1', 41);
      INSERT INTO open_sessions VALUES ('sess-8', 'ff', 1002);
    `);
    old.close();

    const box = new Outbox(path);
    expect(box.lastCounter).toBe(7n);
    expect(box.pendingAfter(0n, 10)).toEqual([
      { counter: 6n, sessionId: 'sess-6', envelope: Uint8Array.of(0x0a, 0x06) },
      { counter: 7n, sessionId: 'sess-7', envelope: Uint8Array.of(0x0a, 0x07) },
    ]);
    expect(box.nextBdSeq()).toBe(4n);
    const id = Uint8Array.from({ length: 16 }, (_, i) => i);
    expect(box.rememberCommand(id, 6000, 60_000)).toBe(false);
    expect(box.admitSequence('abcd/terminal-1', 41n)).toBe(false);
    expect(box.admitSequence('abcd/terminal-1', 42n)).toBe(true);
    expect(box.openSessions()).toEqual([{ sessionId: 'sess-8', nonce: 'ff', startedMs: 1002 }]);
    // The cut session's result closes it in the same transaction, under the next counter.
    expect(box.enqueue('sess-8', () => Uint8Array.of(8), 2000).counter).toBe(8n);
    expect(box.openSessions()).toEqual([]);
    box.close();
  });

  it('its three stores share one database handle: a failed enqueue leaves the session open', () => {
    const box = new Outbox(dbPath());
    box.openSession('s', 'aa', 1);
    expect(() =>
      box.enqueue(
        's',
        () => {
          throw new Error('signing failed');
        },
        2,
      ),
    ).toThrow('signing failed');
    expect(box.openSessions().map((s) => s.sessionId)).toEqual(['s']);
    box.enqueue('s', () => Uint8Array.of(1), 3);
    expect(box.openSessions()).toEqual([]);
    box.close();
  });
});
