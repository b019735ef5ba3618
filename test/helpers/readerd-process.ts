// Runs readerd as a real process (bin/readerd.mjs) with a generated configuration.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LinkKeys } from '../../tools/rig/link-fixture.js';

export const READERD = join(import.meta.dirname, '..', '..', 'bin', 'readerd.mjs');

export function writeReaderConfig(
  keys: LinkKeys,
  brokerUrl: string,
  extra: Record<string, unknown> = {},
): string {
  const file = join(keys.dir, 'readerd.json');
  writeFileSync(
    file,
    JSON.stringify({
      deviceId: keys.deviceId,
      dataDir: 'data',
      keys: { deviceKey: keys.deviceKeyFile, trustedTerminalsDir: keys.trustTerminalsDir },
      broker: { url: brokerUrl },
      link: { ackTimeoutMs: 1000 },
      log: { level: 'info', format: 'json' },
      ...extra,
    }),
  );
  return file;
}

export interface ReaderdProcess {
  readonly proc: ChildProcess;
  readonly lines: string[];
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exit(): Promise<number | null>;
}

export function startReaderd(args: string[], env: NodeJS.ProcessEnv = process.env): ReaderdProcess {
  const proc = spawn(process.execPath, [READERD, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  const onData = (d: Buffer): void => {
    lines.push(...d.toString().split('\n').filter(Boolean));
    for (const l of listeners) l();
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  const exited = once(proc, 'exit').then(([code]) => code as number | null);
  return {
    proc,
    lines,
    waitFor: (pattern, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const hit = lines.find((l) => pattern.test(l));
          if (hit) {
            listeners.delete(check);
            clearTimeout(t);
            resolve(hit);
          }
        };
        const t = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`readerd did not print ${pattern} in ${timeoutMs} ms:\n${lines.join('\n')}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
    exit: () => exited,
  };
}
