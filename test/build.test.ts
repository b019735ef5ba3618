// readerd's build (bin/build.mjs): plain JavaScript in .build/<hash of the sources>/, which
// bin/readerd.mjs runs, and whose worker threads start from compiled hosts without tsx.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const node = (...args: string[]) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });

describe('bin/build.mjs', () => {
  it('builds the sources once into a folder named by them, which --check then finds', () => {
    const first = node('bin/build.mjs');
    expect(first.status, first.stderr).toBe(0);
    const dir = first.stdout.split(' ')[0]!;
    expect(dir).toMatch(/^\.build\/[0-9a-f]{16}$/);
    for (const f of [
      'firmware-host/readerd.js',
      'firmware-host/vision/face-worker-host.js',
      'protocol/gen/fareader.js',
    ])
      expect(existsSync(join(ROOT, dir, f)), f).toBe(true);
    expect(existsSync(join(ROOT, dir, 'firmware-host/config.test.js'))).toBe(false);
    // The same sources: the same folder, not built again.
    expect(node('bin/build.mjs').stdout.split(' ')[0]).toBe(dir);
    expect(node('bin/build.mjs', '--check').status).toBe(0);
  }, 60_000);

  it('runs readerd from the build: its version, and a wrong option is exit 2 as from the sources', () => {
    const v = node('bin/readerd.mjs', '--version');
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/^readerd \d+\.\d+\.\d+\n$/);
    expect(v.stderr).toBe('');
    expect(node('bin/readerd.mjs', '--frobnicate').status).toBe(2);
  }, 60_000);

  it('starts a vision worker from its compiled host, with no TypeScript loader in the thread', async () => {
    const dir = node('bin/build.mjs').stdout.split(' ')[0]!;
    const built = pathToFileURL(join(ROOT, dir, 'firmware-host/vision/worker-card-face-reader.js')).href;
    const { WorkerCardFaceReader } = (await import(
      built
    )) as typeof import('../firmware-host/vision/worker-card-face-reader.js');
    const reader = new WorkerCardFaceReader();
    try {
      // Plain Node would refuse the host's imports if any were still TypeScript.
      expect((await reader.read(Buffer.from('not an image at all'))).ok).toBe(false);
    } finally {
      await reader.close();
    }
  }, 120_000);
});
