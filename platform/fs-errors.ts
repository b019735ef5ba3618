// A file or folder a person named that cannot be used, said in one line: which setting, which
// path, and what is wrong with it, instead of node's stack. Only errors of the file system
// (ENOENT, EACCES…) become ReaderErrors; anything else is a bug and keeps its stack.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type ErrorCode, ReaderError } from '../protocol/errors.js';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'does not exist',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'is a folder, not a file',
  EROFS: 'is on a read-only file system',
  ENOSPC: 'no space left on the device',
  EEXIST: 'already exists',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
};

/** The errno name of a file-system error (`ENOENT`), or undefined for anything else. */
export function fsErrorCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && code in REASONS ? code : undefined;
}

/** `e` as one line about `what` (`'broker.caFile'`) at `path`, or `e` itself when it is not a file error. */
export function fileProblem(
  e: unknown,
  code: ErrorCode,
  what: string,
  path: string,
  doing?: string,
): unknown {
  const errno = fsErrorCode(e);
  if (!errno) return e;
  return new ReaderError(
    code,
    doing ? `${what} ${path} ${doing} (${errno})` : `${what} ${path}: ${REASONS[errno]} (${errno})`,
    { path, errno },
    { cause: e },
  );
}

/** Runs `fn` (which reads or writes `path`), saying a file-system failure in one line. */
export function withFile<T>(code: ErrorCode, what: string, path: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw fileProblem(e, code, what, path);
  }
}

/**
 * `mkdir -p` one folder at a time (`mode` for the last one only). Node's own recursive mkdir loops forever where a parent
 * refuses new entries with ENOENT (`/proc/x`: Node 20 spins at full CPU), so readerd started on
 * such a dataDir would hang without a word; here it fails at once, naming the folder.
 */
export function makeDirs(dir: string, mode: number, code: ErrorCode, what: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  const last = resolve(dir);
  for (const d of missing) {
    try {
      // Only the folder asked for gets `mode`; parents get the default (umask), as `mkdir -p`
      // does: a private key folder must not make /etc/fareader unenterable for the service user.
      mkdirSync(d, d === last ? { mode } : {});
    } catch (e) {
      throw fileProblem(e, code, what, d, 'cannot be created');
    }
  }
  withFile(code, what, dir, () => {
    if (!statSync(dir).isDirectory())
      throw Object.assign(new Error(`${dir} is not a folder`), { code: 'ENOTDIR' });
  });
}
