// A device and a terminal with keys that trust each other, in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addTrusted, createKeyFile } from '../../platform/keys/keystore.js';
import type { KeyPair } from '../../protocol/link/keys.js';

export interface LinkKeys {
  readonly dir: string;
  readonly deviceId: string;
  readonly deviceKey: KeyPair;
  readonly deviceKeyFile: string;
  readonly terminalKey: KeyPair;
  readonly terminalKeyFile: string;
  readonly trustDevicesDir: string;
  readonly trustTerminalsDir: string;
  cleanup(): void;
}

export function makeLinkKeys(deviceId = 'reader-01'): LinkKeys {
  const dir = mkdtempSync(join(tmpdir(), 'fareader-test-'));
  const deviceKeyFile = join(dir, 'device.key');
  const terminalKeyFile = join(dir, 'terminal.key');
  const deviceKey = createKeyFile(deviceKeyFile);
  const terminalKey = createKeyFile(terminalKeyFile);
  const trustDevicesDir = join(dir, 'trust-devices');
  const trustTerminalsDir = join(dir, 'trust-terminals');
  addTrusted(trustDevicesDir, deviceId, deviceKey.publicKey);
  addTrusted(trustTerminalsDir, 'terminal-1', terminalKey.publicKey);
  return {
    dir,
    deviceId,
    deviceKey,
    deviceKeyFile,
    terminalKey,
    terminalKeyFile,
    trustDevicesDir,
    trustTerminalsDir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function until(cond: () => boolean, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
