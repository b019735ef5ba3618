// readerd loads its vision models only once it is ready (their load took the start's CPU on
// two cores): "ready" comes before "vision models loading", /healthz says when they are in,
// and a face session that starts before they are loaded (the card on the tray at boot) waits
// for them and verifies; it does not fail for want of them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACES_DIR } from '../../sim/card/card-profiles.js';
import { ApplianceRig } from '../../tools/demo/appliance-rig.js';
import { RIG_TEST_SEED } from '../helpers/rig-seed.js';
import { missing } from '../helpers/system.js';

/** Where in readerd's log (since `from`) a message first appears; -1: not there. */
const at = (lines: readonly string[], from: number, msg: string): number =>
  lines.findIndex((l, i) => i >= from && l.includes(`"msg":"${msg}"`));
const timeOf = (line: string): number => Date.parse((JSON.parse(line) as { time: string }).time);

async function healthModels(rig: ApplianceRig): Promise<string | undefined> {
  const h = (await (await fetch(new URL('/healthz', rig.kioskUrl))).json()) as { visionModels?: string };
  return h.visionModels;
}

describe.skipIf(missing('socat', 'socat'))('readerd vision models after ready', () => {
  let rig: ApplianceRig;
  beforeAll(async () => {
    rig = await ApplianceRig.start({
      challengeSeed: RIG_TEST_SEED,
      dir: mkdtempSync(join(tmpdir(), 'fareader-start-models-')),
      config: { session: { consents: [] } },
    });
  }, 90_000);
  afterAll(async () => {
    await rig?.close();
  }, 60_000);

  it('is ready before its models start loading; /healthz says loading, then ready', async () => {
    const ready = at(rig.lines, 0, 'ready');
    expect(ready).toBeGreaterThan(0);
    // The ready line's steps: none is the models' (they are not part of the start).
    const loading = at(rig.lines, 0, 'vision models loading');
    expect(loading).toBeGreaterThan(ready);
    let models = await healthModels(rig);
    while (models === 'loading') {
      await new Promise((r) => setTimeout(r, 100));
      models = await healthModels(rig);
    }
    expect(models).toBe('ready');
    expect(at(rig.lines, 0, 'vision models loaded')).toBeGreaterThan(loading);
  }, 120_000);

  it('a face session started before the models are loaded waits for them and is verified', async () => {
    await rig.stopReaderd();
    // The card is on the tray and the patient in front of the camera when readerd starts.
    await rig.hw.showFace(join(FACES_DIR, 'img21.jpg'));
    await rig.hw.placeCard(await rig.card('start-models', 'no-pin', 'img20.jpg'));
    const from = rig.lines.length;
    const before = rig.received.length;
    await rig.startReaderd();
    while (rig.received.length === before) await new Promise((r) => setTimeout(r, 20));
    const r = rig.received.at(-1)!;
    expect({ outcome: r.outcome, method: r.method }).toEqual({ outcome: 'VERIFIED', method: 'FACE' });
    const loaded = at(rig.lines, from, 'vision models loaded');
    expect(loaded).toBeGreaterThan(at(rig.lines, from, 'ready'));
    // What this test is about: the session was under way before the models were in.
    expect(Date.parse(r.startedAt)).toBeLessThan(timeOf(rig.lines[loaded]!));
    expect(at(rig.lines, from, 'the vision models did not load: face sessions will try again')).toBe(-1);
  }, 120_000);
});
