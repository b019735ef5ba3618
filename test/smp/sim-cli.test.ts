// readerctl sim smp-target with the emulator's board modes: --serial-recovery (MCUboot's
// boot_serial.c until a reset boots the application) and --smp-v2-only (Zephyr without the
// original protocol), as a user drives them with readerctl flash from another process.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type LinkKeys, makeLinkKeys } from '../../tools/rig/link-fixture.js';
import { missing } from '../helpers/system.js';

const readerctl = join(import.meta.dirname, '..', '..', 'bin', 'readerctl.mjs');
const run = (...args: string[]) =>
  new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const p = spawn(process.execPath, [readerctl, ...args]);
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => resolve({ code, out, err }));
  });

const keys: LinkKeys = makeLinkKeys();
afterAll(() => keys.cleanup());
let sim: ChildProcess | undefined;
afterEach(async () => {
  if (sim && sim.exitCode === null) {
    sim.kill('SIGTERM');
    await once(sim, 'exit');
  }
  sim = undefined;
});

/** Starts the emulator and returns the host side's path, the first line it prints. */
async function startSim(...args: string[]): Promise<{ path: string; banner: Promise<string> }> {
  sim = spawn(process.execPath, [readerctl, 'sim', 'smp-target', '--key', keys.deviceKeyFile, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  const banner = new Promise<string>((resolve) => {
    sim!.stderr!.on('data', (d) => {
      err += d;
      if (err.includes('\n')) resolve(err);
    });
  });
  const [line] = (await once(sim.stdout!, 'data')) as [Buffer];
  return { path: line.toString().trim(), banner };
}

function signedImage(version: string): string {
  const fw = join(keys.dir, `fw-${version}.bin`);
  writeFileSync(
    fw,
    new Uint8Array(7001).map((_, i) => (i * 3) & 0xff),
  );
  const img = join(keys.dir, `fw-${version}.img`);
  const r = spawnSync(process.execPath, [
    readerctl,
    'image',
    'sign',
    '-k',
    keys.deviceKeyFile,
    '-v',
    version,
    fw,
    img,
  ]);
  expect(r.status).toBe(0);
  return img;
}

describe('readerctl sim smp-target --help', () => {
  it('names the board modes', async () => {
    const r = await run('sim', 'smp-target', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--serial-recovery\s+start in MCUboot serial recovery/);
    expect(r.out).toMatch(
      /--smp-v2-only\s+a Zephyr build without CONFIG_MCUMGR_SMP_SUPPORT_ORIGINAL_PROTOCOL/,
    );
    expect(r.out).toMatch(/--write-align N/);
    expect(r.out).toMatch(/--sha 256\|384\|512/);
    expect(r.out).toMatch(/--pure\s+MCUboot built for pure Ed25519 signatures/);
  });

  it('refuses a write alignment no flash has', async () => {
    const r = await run('sim', 'smp-target', '--key', keys.deviceKeyFile, '--write-align', '3');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--write-align is one of 1, 2, 4, 8, 16, 32/);
    const pure = await run('sim', 'smp-target', '--key', keys.deviceKeyFile, '--pure', '--sha', '256');
    expect(pure.code).toBe(2);
    expect(pure.err).toMatch(/--pure images are SHA-512 images/);
  });
});

describe.skipIf(missing('socat', 'socat'))('readerctl sim smp-target board modes', () => {
  it('--serial-recovery answers as MCUboot until a reset boots the uploaded image', async () => {
    const { path, banner } = await startSim('--serial-recovery', '--write-align', '32', '--erase-ms', '0');
    expect(await banner).toMatch(/ready in MCUboot serial recovery/);
    const port = ['--port', path];
    const up = await run('flash', 'upload', signedImage('3.1.4'), ...port);
    expect(up.err).toBe('');
    expect(up.out).toMatch(/chunks for a 1024-byte buffer, 1 in flight/);
    expect(up.out).toMatch(/uploaded and listed in slot 0/);
    expect((await run('flash', 'list', ...port)).out).toMatch(/slot 0: version 3\.1\.4[\s\S]*not reported/);
    expect((await run('flash', 'reset', ...port)).code).toBe(0);
    // The board reboots into the application: ask until it answers as Zephyr (bounded).
    let app = '';
    for (let i = 0; i < 10 && !/flags bootable/.test(app); i++)
      app = (await run('flash', 'list', ...port)).out;
    expect(app).toMatch(/slot 0: version 3\.1\.4[\s\S]*flags bootable confirmed active/);
  }, 90_000);

  it('--smp-v2-only refuses version 1 and answers readerctl flash --smp-v2', async () => {
    const { path, banner } = await startSim('--smp-v2-only');
    expect(await banner).toMatch(/ready \(SMP v2 only\)/);
    const v1 = await run('flash', 'echo', 'hi', '--port', path);
    expect(v1.code).toBe(5);
    expect(v1.err).toMatch(/it speaks SMP version 2 only/);
    const v2 = await run('flash', 'echo', 'hi', '--smp-v2', '--port', path);
    expect(v2.out).toBe('hi\n');
  }, 60_000);
});
