// Running as a service: the systemd unit (verified by systemd-analyze), readerd's sd_notify
// READY/WATCHDOG/STOPPING through a real notify socket, and the udev rules.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedBroker } from '../../firmware-host/link/broker.js';
import { CCID_READERS } from '../../platform/devices/ccid-readers.js';
import { makeLinkKeys, until } from '../../tools/rig/link-fixture.js';
import { startReaderd, writeReaderConfig } from '../helpers/readerd-process.js';
import { missing } from '../helpers/system.js';

const HW = join(import.meta.dirname, '..', '..', 'hardware');

describe('the systemd unit and udev rules', () => {
  it.skipIf(missing('systemd-analyze', 'systemd'))('systemd-analyze verifies the units', () => {
    const unit = join(HW, 'systemd', 'fareader-readerd.service');
    expect(() => execFileSync('systemd-analyze', ['verify', unit], { stdio: 'pipe' })).not.toThrow();
    // The kiosk unit names programs of the appliance image (cage, curl) that CI need not have.
    const kiosk = readFileSync(join(HW, 'systemd', 'fareader-kiosk.service'), 'utf8');
    expect(kiosk).toMatch(/chromium --kiosk .*http:\/\/127\.0\.0\.1:8080\//);
    const text = readFileSync(unit, 'utf8');
    expect(text).toMatch(/^Type=notify$/m);
    expect(text).toMatch(/^WatchdogSec=\d+$/m);
    // Issue 13, defect 14: files readerd creates are private to its user.
    expect(text).toMatch(/^UMask=0077$/m);
  });

  it('the udev rules parse and name every known CCID reader', () => {
    const rules = readFileSync(join(HW, 'udev', '60-fareader.rules'), 'utf8');
    const lines = rules.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    const pair = /^(\w+)(\{[\w]+\})?(==|!=|=|\+=|:=)"[^"]*"$/;
    for (const l of lines) for (const p of l.split(/,\s*/)) expect(p, l).toMatch(pair);
    for (const r of CCID_READERS) {
      const hex = (n: number) => n.toString(16).padStart(4, '0');
      expect(rules, r.name).toContain(
        `ATTR{idVendor}=="${hex(r.vendorId)}", ATTR{idProduct}=="${hex(r.productId)}"`,
      );
    }
    for (const name of ['fareader-pn532', 'fareader-panel', 'fareader-face', 'fareader-cardface'])
      expect(rules).toContain(`SYMLINK+="${name}"`);
  });
});

describe.skipIf(missing('socat', 'socat') || missing('systemd-notify', 'systemd'))('sd_notify', () => {
  let listener: ChildProcess | undefined;
  afterEach(() => listener?.kill());

  it('readerd says READY=1, pings the watchdog and says STOPPING=1', async () => {
    const sock = join(tmpdir(), `fareader-notify-${process.pid}.sock`);
    listener = spawn('socat', ['-u', `UNIX-RECV:${sock},unlink-early`, 'STDOUT'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let got = '';
    listener.stdout!.on('data', (d: Buffer) => {
      got += `${d.toString()}\n`;
    });
    await new Promise((r) => setTimeout(r, 200));
    const broker = await startEmbeddedBroker();
    const keys = makeLinkKeys('notify-reader');
    const config = writeReaderConfig(keys, broker.url);
    const r = startReaderd(['-c', config], { ...process.env, NOTIFY_SOCKET: sock, WATCHDOG_USEC: '400000' });
    try {
      await until(() => got.includes('READY=1'), 15_000, 'READY=1');
      await until(() => (got.match(/WATCHDOG=1/g) ?? []).length >= 2, 5000, 'two watchdog pings');
      r.proc.kill('SIGTERM');
      expect(await r.exit()).toBe(0);
      await until(() => got.includes('STOPPING=1'), 5000, 'STOPPING=1');
      expect(got).toMatch(/STATUS=ready: notify-reader/);
    } finally {
      r.proc.kill('SIGKILL');
      await broker.close();
    }
  });
});
