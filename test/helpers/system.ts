// Helpers for tests that need a system package: they say which one is missing.
import { hasCommand } from '../../tools/rig/has-command.js';

export { hasCommand };

/** For describe.skipIf: true when missing, after saying so once. */
export function missing(cmd: string, debianPackage: string): boolean {
  if (hasCommand(cmd)) return false;
  const msg = `SKIPPED: needs ${cmd}: '${cmd}' not found; install the Debian package '${debianPackage}' (CI installs it)`;
  if (process.env.CI) throw new Error(msg);
  console.warn(msg);
  return true;
}
