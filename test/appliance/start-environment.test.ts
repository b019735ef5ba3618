// The rig (the tests', the benches' and the demo's readerd) starts readerd with the environment
// its systemd unit gives it: what the benches measure is the appliance's readerd. libuv's pool
// (UV_THREADPOOL_SIZE: the serial lines' reads and writes share it with sharp's work) and
// glibc's arenas are read only at process start, so nothing inside readerd can set them.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplianceRig } from '../../tools/demo/appliance-rig.js';
import { RIG_TEST_SEED } from '../helpers/rig-seed.js';
import { missing } from '../helpers/system.js';

const UNIT = join(import.meta.dirname, '..', '..', 'hardware', 'systemd', 'fareader-readerd.service');

/** The unit's Environment= settings, name → value. */
function unitEnvironment(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of readFileSync(UNIT, 'utf8').matchAll(/^Environment=([A-Z_]+)=(.*)$/gm)) out[m[1]!] = m[2]!;
  return out;
}

/** A running process's environment (/proc/PID/environ). */
function environOf(pid: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').filter(Boolean)) {
    const i = kv.indexOf('=');
    out[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return out;
}

describe.skipIf(missing('socat', 'socat'))('the rig runs readerd as its unit does', () => {
  let rig: ApplianceRig;
  const saved = {
    pool: process.env.UV_THREADPOOL_SIZE,
    arenas: process.env.MALLOC_ARENA_MAX,
    mmap: process.env.MALLOC_MMAP_THRESHOLD_,
  };
  beforeAll(async () => {
    // The rig's own defaults, not this shell's.
    delete process.env.UV_THREADPOOL_SIZE;
    delete process.env.MALLOC_ARENA_MAX;
    delete process.env.MALLOC_MMAP_THRESHOLD_;
    rig = await ApplianceRig.start({
      challengeSeed: RIG_TEST_SEED,
      dir: mkdtempSync(join(tmpdir(), 'fareader-start-env-')),
      terminal: false,
    });
  }, 90_000);
  afterAll(async () => {
    await rig?.close();
    if (saved.pool !== undefined) process.env.UV_THREADPOOL_SIZE = saved.pool;
    if (saved.arenas !== undefined) process.env.MALLOC_ARENA_MAX = saved.arenas;
    if (saved.mmap !== undefined) process.env.MALLOC_MMAP_THRESHOLD_ = saved.mmap;
  }, 60_000);

  it("gives readerd the unit's libuv pool size, malloc arenas and mmap threshold", () => {
    const unit = unitEnvironment();
    expect(unit.UV_THREADPOOL_SIZE).toBe('16');
    expect(unit.MALLOC_ARENA_MAX).toBe('2');
    expect(unit.MALLOC_MMAP_THRESHOLD_).toBe('131072');
    const env = environOf(rig.readerd!.pid!);
    expect({
      pool: env.UV_THREADPOOL_SIZE,
      arenas: env.MALLOC_ARENA_MAX,
      mmap: env.MALLOC_MMAP_THRESHOLD_,
    }).toEqual({
      pool: unit.UV_THREADPOOL_SIZE,
      arenas: unit.MALLOC_ARENA_MAX,
      mmap: unit.MALLOC_MMAP_THRESHOLD_,
    });
  });
});
