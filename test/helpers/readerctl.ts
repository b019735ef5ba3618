// readerctl as a user runs it: a child process through bin/readerctl.mjs, its output collected.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const readerctlBin = join(import.meta.dirname, '..', '..', 'bin', 'readerctl.mjs');

export interface ReaderctlRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** Runs `readerctl ARGS…` to its exit; never rejects (the exit code is the result). */
export function runReaderctl(...args: string[]): Promise<ReaderctlRun> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [readerctlBin, ...args]);
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => resolve({ code, out, err }));
  });
}
