// The one SQLite database behind the result outbox, the session journal and the replay cache
// (outbox.sqlite). WAL mode with synchronous=FULL, so a committed row and counter survive power
// loss. The schema is the one readers in the field already have: tables are only ever added.
import Database from 'better-sqlite3';
import { ensurePrivateFile } from '../../platform/private-files.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';

export type OutboxDatabase = Database.Database;

export const OUTBOX_SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS outbox (
    counter INTEGER PRIMARY KEY, session_id TEXT NOT NULL, envelope BLOB NOT NULL, created_ms INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS seen_commands (id BLOB PRIMARY KEY, seen_ms INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS command_sequences (terminal TEXT PRIMARY KEY, seq INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS open_sessions (
    session_id TEXT PRIMARY KEY, nonce TEXT NOT NULL, started_ms INTEGER NOT NULL);
  INSERT OR IGNORE INTO meta (k, v) VALUES ('counter', 0), ('bd_seq', 0);
`;

/** Opens (creating when missing) outbox.sqlite, private to the service user. */
export function openOutboxDatabase(path: string): OutboxDatabase {
  let db: OutboxDatabase;
  try {
    ensurePrivateFile(path);
    db = new Database(path);
  } catch (e) {
    throw new ReaderError(
      ErrorCode.Store_Failed,
      `cannot open outbox ${path}: ${(e as Error).message}`,
      {},
      { cause: e },
    );
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.defaultSafeIntegers(true);
  db.exec(OUTBOX_SCHEMA);
  return db;
}
