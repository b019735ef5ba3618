// Many readers per terminal: 50 link-only readers against one reference terminal on a real
// Mosquitto, each result accepted exactly once under its device's own counter and outbox;
// the fleet view (`readerctl terminal status`) shows them; a second reader started with an
// existing reader's id is detected and reported.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceLink } from '../../firmware-host/link/device-link.js';
import { linkTestResult } from '../../firmware-host/link-test.js';
import { FleetRig } from '../../tools/rig/fleet-rig.js';
import { until } from '../../tools/rig/link-fixture.js';
import { Mosquitto } from '../../tools/rig/mosquitto.js';
import type { ReferenceTerminal } from '../../tools/terminal/terminal.js';
import { runReaderctl } from '../helpers/readerctl.js';
import { missing } from '../helpers/system.js';

const noMosquitto = missing('mosquitto', 'mosquitto');
let rig: FleetRig | undefined;
let broker: Mosquitto | undefined;
let devices: DeviceLink[] = [];
let terminal: ReferenceTerminal | undefined;

afterEach(async () => {
  await Promise.all(devices.map((d) => d.stop(0)));
  for (const d of devices) d.outbox.close();
  devices = [];
  await terminal?.stop();
  terminal = undefined;
  await broker?.stop();
  rig?.cleanup();
});

const PER_DEVICE = 20;

describe.skipIf(noMosquitto)('50 readers, one terminal', () => {
  it('accepts every result of every reader exactly once and shows the fleet', async () => {
    rig = new FleetRig(50, { ackTimeoutMs: 1500 });
    broker = await Mosquitto.start(rig.dir);
    terminal = rig.terminal(broker.url);
    await terminal.start();
    devices = rig.ids.map((_, i) => rig!.device(i, broker!.url));
    await Promise.all(devices.map((d) => d.start()));
    // Bursts: every reader publishes a few at once, then pauses, out of step with the others.
    for (let round = 0; round < PER_DEVICE / 4; round++) {
      for (const d of devices)
        for (let k = 0; k < 4; k++)
          d.publishResult(linkTestResult(`r${round}k${k}`, new Uint8Array(), Date.now()));
      await new Promise((r) => setTimeout(r, 30));
    }
    const total = devices.length * PER_DEVICE;
    await until(
      () => terminal!.accepted === total && devices.every((d) => d.outbox.pendingCount === 0),
      60_000,
      'every result accepted and every outbox empty',
    );
    for (const id of rig.ids) {
      expect(terminal.acceptedCount(id)).toBe(PER_DEVICE);
      const files = readdirSync(join(rig.terminalDataDir, 'results', id)).filter((f) => f.endsWith('.json'));
      expect(files).toHaveLength(PER_DEVICE);
    }
    const fleet = terminal.fleet();
    expect(fleet.map((r) => r.deviceId)).toEqual(rig.ids);
    expect(fleet.every((r) => r.online && r.accepted === PER_DEVICE && r.firmware === '0.0.0-fleet')).toBe(
      true,
    );
    expect(fleet.every((r) => r.lastResultCounter === String(PER_DEVICE) && !r.trouble)).toBe(true);

    const status = await runReaderctl('terminal', 'status', '--data', rig.terminalDataDir, '--json');
    expect(status.code).toBe(0);
    const lines = status.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(50);
    expect(lines[0]).toMatchObject({
      deviceId: 'reader-0000',
      state: 'online',
      accepted: PER_DEVICE,
      lastResult: { counter: String(PER_DEVICE) },
      trouble: null,
    });
    const text = await runReaderctl('terminal', 'status', '--data', rig.terminalDataDir);
    expect(text.out).toContain('50 devices: 50 online');
  }, 120_000);

  it('reports a second reader started with an existing reader id as a duplicate device id', async () => {
    rig = new FleetRig(3, { ackTimeoutMs: 1500 });
    broker = await Mosquitto.start(rig.dir);
    terminal = rig.terminal(broker.url);
    const troubles: { deviceId: string; trouble: string }[] = [];
    terminal.on('device-trouble', (t) => troubles.push(t));
    await terminal.start();
    devices = rig.ids.map((_, i) => rig!.device(i, broker!.url));
    devices[1]!.outbox.nextBdSeq(); // the original has started before: its bd_seq is ahead
    await Promise.all(devices.map((d) => d.start()));
    // A copy of reader-0001's configuration on a second machine: same id and key, its own disk.
    const clone = rig.device(1, broker.url, 'clone');
    devices.push(clone);
    await clone.start();
    await until(() => troubles.length > 0, 20_000, 'the duplicate reported');
    expect(troubles[0]).toEqual({ deviceId: 'reader-0001', trouble: 'duplicate-device-id' });
    expect(terminal.stats.toJSON()['state:duplicate-device-id']).toBeGreaterThan(0);
    const status = await runReaderctl('terminal', 'status', '--data', rig.terminalDataDir, '--json');
    expect(status.code).toBe(1);
    const rows = status.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.trouble)).toEqual([null, 'duplicate-device-id', null]);
  }, 60_000);
});
