// SIGTERM while a session is in its longest card I/O (the chip photo's READ BINARY loop):
// readerd cancels the session's card I/O, exits 0, and the
// session's INTERRUPTED result reaches the terminal exactly once. The time from SIGTERM to
// exit is printed (goal ≤ 2 s, issue 13), never asserted.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedBroker, startEmbeddedBroker } from '../../firmware-host/link/broker.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';
import { ApplianceRig } from '../../tools/demo/appliance-rig.js';
import { RIG_TEST_SEED } from '../helpers/rig-seed.js';
import { missing } from '../helpers/system.js';

describe.skipIf(missing('socat', 'socat'))('readerd stopped with a session reading the chip photo', () => {
  let broker: EmbeddedBroker;
  let rig: ApplianceRig;

  beforeAll(async () => {
    // The broker lives outside readerd so the terminal stays connected across the restart.
    broker = await startEmbeddedBroker();
    rig = await ApplianceRig.start({
      challengeSeed: RIG_TEST_SEED,
      dir: mkdtempSync(join(tmpdir(), 'fareader-shutdown-')),
      brokerUrl: broker.url,
    });
  }, 60_000);
  afterAll(async () => {
    await rig?.close();
    await broker?.close();
  });

  it('SIGTERM mid photo read: the PN532 command is aborted, exit 0, INTERRUPTED delivered once', async () => {
    const pn532 = rig.hw.pn532Emulator;
    await rig.patient.placeCard(
      await rig.card('shutdown', 'normal', 'img20.jpg'),
      join(FACES_DIR, 'img21.jpg'),
    );
    const v = await rig.patient.waitFor('choosing-method', 30_000);
    // A slow module from here on: the photo's READ BINARY loop takes seconds, so the signal
    // lands in the middle of it with a command running on the PN532.
    pn532.faults = { ...pn532.faults, slowMs: 300 };
    await rig.patient.choose('face');
    await rig.patient.waitFor('reading-photo', 30_000);
    const apdus = pn532.stats.apdus;
    while (pn532.stats.apdus < apdus + 2) await new Promise((r) => setTimeout(r, 20));
    const t0 = performance.now();
    const code = await rig.stopReaderd();
    const ms = performance.now() - t0;
    console.log(`shutdown with a session running: ${Math.round(ms)} ms, goal ≤ 2000 ms`);
    expect(code).toBe(0);
    // Not asserted: whether the host's ACK reached the module (pn532.stats.aborts) depends on
    // which command holds the PN532 at the signal — the photo's InDataExchange (aborted by ACK)
    // or the presence check (the queued APDU is then cancelled before it is sent).
    console.log(`PN532 aborts by the host's ACK during shutdown: ${pn532.stats.aborts}`);
    pn532.faults = { ...pn532.faults, slowMs: 0 };
    await rig.hw.removeCard();
    await rig.startReaderd();
    const r = await rig.result(v.sessionId!, 30_000);
    expect(r.outcome).toBe('INTERRUPTED');
    expect(r.detail).toContain('stopped');
    await new Promise((res) => setTimeout(res, 1000));
    expect(rig.received.filter((x) => x.sessionId === v.sessionId)).toHaveLength(1);
  }, 90_000);
});
