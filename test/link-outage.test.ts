// Nothing lost, nothing doubled: a broker stopped and restarted under load, and readerd
// killed with SIGKILL at random points and restarted.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Outbox } from '../firmware-host/link/outbox.js';
import { linkTestResult } from '../firmware-host/link-test.js';
import { type LinkKeys, makeLinkKeys, until } from '../tools/rig/link-fixture.js';
import { makeDevice, makeTerminal } from '../tools/rig/link-pair.js';
import { Mosquitto } from '../tools/rig/mosquitto.js';
import { startReaderd, writeReaderConfig } from './helpers/readerd-process.js';
import { missing } from './helpers/system.js';

const noMosquitto = missing('mosquitto', 'mosquitto');
let keys: LinkKeys | undefined;
afterEach(() => keys?.cleanup());

function resultFiles(k: LinkKeys): string[] {
  return readdirSync(join(k.dir, 'terminal', 'results', k.deviceId)).filter((f) => f.endsWith('.json'));
}

describe.skipIf(noMosquitto)('outages on a real Mosquitto', () => {
  it('delivers every result exactly once across a broker stop and restart', async () => {
    keys = makeLinkKeys();
    const broker = await Mosquitto.start(keys.dir);
    const device = makeDevice(keys, broker.url, { ackTimeoutMs: 1000 });
    const terminal = makeTerminal(keys, broker.url);
    await terminal.start();
    await device.start();
    const total = 300;
    for (let i = 0; i < total; i++) {
      device.publishResult(linkTestResult(`s${i}`, new Uint8Array(), Date.now()));
      if (i === 100) await broker.stop();
      if (i === 200) await broker.restart();
      await new Promise((r) => setTimeout(r, 2));
    }
    const outbox = device.outbox;
    await until(
      () => terminal.acceptedCount(keys!.deviceId) === total && outbox.pendingCount === 0,
      30_000,
      'all results',
    );
    expect(resultFiles(keys)).toHaveLength(total);
    expect(resultFiles(keys).at(-1)).toBe(`${String(total).padStart(20, '0')}.json`);
    await device.stop(0);
    await terminal.stop();
    outbox.close();
    await broker.stop();
  });

  it('delivers every result exactly once when readerd is killed with SIGKILL and restarted', async () => {
    keys = makeLinkKeys();
    const broker = await Mosquitto.start(keys.dir);
    const terminal = makeTerminal(keys, broker.url);
    await terminal.start();
    const config = writeReaderConfig(keys, broker.url);
    for (const killAfterMs of [300, 700, 1100]) {
      const rd = startReaderd(['-c', config, '--link-test-results', '1000', '--link-test-interval', '2']);
      await rd.waitFor(/"msg":"ready"/);
      await new Promise((r) => setTimeout(r, killAfterMs));
      rd.proc.kill('SIGKILL');
      await rd.exit();
    }
    const last = startReaderd([
      '-c',
      config,
      '--link-test-results',
      '20',
      '--link-test-interval',
      '1',
      '--exit-when-flushed',
    ]);
    expect(await last.exit()).toBe(0);
    const outbox = new Outbox(join(keys.dir, 'data', 'outbox.sqlite'));
    const allocated = Number(outbox.lastCounter);
    expect(outbox.pendingCount).toBe(0);
    outbox.close();
    await until(
      () => terminal.acceptedCount(keys!.deviceId) === allocated,
      10_000,
      'every allocated counter',
    );
    expect(allocated).toBeGreaterThan(20);
    const files = resultFiles(keys);
    expect(files).toHaveLength(allocated);
    expect(new Set(files).size).toBe(allocated);
    await terminal.stop();
    await broker.stop();
  });
});
