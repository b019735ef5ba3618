// Results, journals and their folders belong to the service user alone (issue 13, defect 14):
// folders 0700, files 0600, from the first byte and also when they existed before.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, renameSync, writeFileSync } from 'node:fs';

export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/**
 * Creates `path` empty with mode 0600 when it does not exist, and tightens it when it does.
 * SQLite gives its -wal and -shm files the mode of the database file.
 */
export function ensurePrivateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
  for (const side of ['-wal', '-shm', '-journal']) if (existsSync(path + side)) chmodSync(path + side, 0o600);
}

/** Writes to a temporary name with mode 0600, then renames: a reader never sees half a file. */
export function writePrivateFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}
