// readerd's build (bin/build.mjs): plain JavaScript in .build/<hash of the sources>/, which
// bin/readerd.mjs runs, and whose worker threads start from compiled hosts without tsx.
import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const node = (...args: string[]) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });

type BuildModule = {
  buildDir(files?: string[]): string;
  pruneBuilds(out: string, current: string, keep?: number): void;
};
/** bin/build.mjs as a module; `url` for a copy of it, a query for a fresh instance. */
const buildModule = (url = pathToFileURL(join(ROOT, 'bin/build.mjs')).href): Promise<BuildModule> =>
  import(url) as Promise<BuildModule>;

const temps: string[] = [];
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'build-test-'));
  temps.push(d);
  return d;
};
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

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

  it('prunes earlier builds but keeps the newest few, the current one and any a live process runs from', async () => {
    const { pruneBuilds } = await buildModule();
    const out = temp();
    const hourAgo = Date.now() / 1000 - 3600;
    const build = (name: string, ageS: number, pid?: number): string => {
      const d = join(out, name);
      mkdirSync(d);
      writeFileSync(join(d, 'package.json'), '{}');
      if (pid !== undefined) {
        mkdirSync(join(d, '.in-use'));
        writeFileSync(join(d, '.in-use', String(pid)), '');
      }
      utimesSync(d, hourAgo - ageS, hourAgo - ageS);
      return d;
    };
    // A process that has exited: its pid marks nothing any more.
    const gone = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      const current = build('current', 9000);
      for (const [name, age] of [
        ['new1', 10],
        ['new2', 20],
        ['new3', 30],
        ['old1', 40],
        ['old2', 50],
      ] as const)
        build(name, age);
      build('old-running', 5000, sleeper.pid!);
      build('old-exited', 6000, gone);
      build('x.tmp-1', 7000);
      mkdirSync(join(out, 'y.tmp-2')); // being written now
      pruneBuilds(out, current, 3);
      expect(readdirSync(out).sort()).toEqual(['current', 'new1', 'new2', 'new3', 'old-running', 'y.tmp-2']);
    } finally {
      sleeper.kill();
    }
  });

  it('names a build by its recipe too: bin/build.mjs changed, the same sources are a new build', async () => {
    // A tree of its own: the recipe, package.json, tsconfig.json, esbuild, no sources.
    const root = temp();
    mkdirSync(join(root, 'bin'));
    for (const d of ['protocol', 'device', 'platform', 'firmware-host', 'sim']) mkdirSync(join(root, d));
    for (const f of ['package.json', 'tsconfig.json']) copyFileSync(join(ROOT, f), join(root, f));
    mkdirSync(join(root, 'node_modules'));
    symlinkSync(join(ROOT, 'node_modules', 'esbuild'), join(root, 'node_modules', 'esbuild'));
    const recipe = join(root, 'bin/build.mjs');
    copyFileSync(join(ROOT, 'bin/build.mjs'), recipe);
    const url = pathToFileURL(recipe).href;
    const before = (await buildModule(`${url}?v=1`)).buildDir();
    expect((await buildModule(`${url}?v=2`)).buildDir()).toBe(before);
    appendFileSync(recipe, '\n// another way to compile\n');
    expect((await buildModule(`${url}?v=3`)).buildDir()).not.toBe(before);
  });
});
