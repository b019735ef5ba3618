// Results, journals and their folders belong to the service user alone (issue 13, defect 14):
// folders 0700, files 0600, from the first byte and also when they existed before.
import { chmodSync, closeSync, existsSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { ErrorCode } from '../protocol/errors.js';
import { makeDirs, withFile } from './fs-errors.js';

/** `what` names the setting in the one-line error (`dataDir`): a bad folder is a configuration problem. */
export function ensurePrivateDir(dir: string, what = 'folder'): void {
  makeDirs(dir, 0o700, ErrorCode.Config_Invalid, what);
  withFile(ErrorCode.Config_Invalid, what, dir, () => chmodSync(dir, 0o700));
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
