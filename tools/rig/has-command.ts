// Whether a system tool is on PATH: the bench skips a table without it, tests say it is missing.
import { execFileSync } from 'node:child_process';

export function hasCommand(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
