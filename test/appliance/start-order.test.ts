// readerd's start: each device's first try runs beside the others' and beside the link's wait
// for a broker, so the slowest one (not their sum) is what "ready" waits for; ready still
// comes only after every first try, with the kiosk serving (/readyz).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplianceRig, freePort } from '../../tools/demo/appliance-rig.js';
import { RIG_TEST_SEED } from '../helpers/rig-seed.js';
import { missing } from '../helpers/system.js';

/** Where in readerd's log (since `from`) a message first appears; -1: not there. */
const at = (lines: readonly string[], from: number, msg: string): number =>
  lines.findIndex((l, i) => i >= from && l.includes(`"msg":"${msg}"`));

describe.skipIf(missing('socat', 'socat'))('readerd start order', () => {
  let rig: ApplianceRig;
  beforeAll(async () => {
    // Nothing listens on this port: the site broker is down while readerd starts.
    const brokerUrl = `mqtt://127.0.0.1:${await freePort()}`;
    rig = await ApplianceRig.start({
      challengeSeed: RIG_TEST_SEED,
      dir: mkdtempSync(join(tmpdir(), 'fareader-start-order-')),
      brokerUrl,
      terminal: false,
    });
  }, 90_000);
  afterAll(async () => {
    await rig?.close();
  });

  it('opens the devices while the broker is unreachable, and is ready after them', () => {
    const ready = at(rig.lines, 0, 'ready');
    expect(ready).toBeGreaterThan(0);
    for (const device of ['PN532 ready', 'front panel ready']) {
      expect(at(rig.lines, 0, device)).toBeGreaterThanOrEqual(0);
      expect(at(rig.lines, 0, device)).toBeLessThan(ready);
    }
    const line = JSON.parse(rig.lines[ready]!) as { connected: boolean; steps: Record<string, number> };
    expect(line.connected).toBe(false);
    // Where the start went, ms since the process started, each step by name.
    expect(Object.keys(line.steps)).toEqual(
      expect.arrayContaining(['main', 'card module', 'panel', 'cameras', 'kiosk', 'link', 'ready']),
    );
    expect(line.steps.ready).toBeGreaterThanOrEqual(line.steps['card module']!);
    expect(line.steps.ready).toBeGreaterThanOrEqual(line.steps.panel!);
  });

  it('does not wait for a slow card module before opening the panel', async () => {
    await rig.stopReaderd();
    // Every PN532 answer comes 400 ms late: its first try (two inits) takes seconds.
    const pn532 = rig.hw.pn532Emulator;
    pn532.faults = { ...pn532.faults, slowMs: 400 };
    const from = rig.lines.length;
    try {
      await rig.startReaderd();
    } finally {
      pn532.faults = { ...pn532.faults, slowMs: 0 };
    }
    const panel = at(rig.lines, from, 'front panel ready');
    const card = at(rig.lines, from, 'PN532 ready');
    const ready = at(rig.lines, from, 'ready');
    expect(panel).toBeGreaterThan(0);
    expect(card).toBeGreaterThan(panel);
    expect(ready).toBeGreaterThan(card);
    const kiosk = await fetch(new URL('/readyz', rig.kioskUrl));
    expect(kiosk.status).toBe(200);
  }, 90_000);
});
