// Operator mode: `readerctl conformance --patient operator` prompts a person at the bench. Here
// the test is that person: it reads each prompt, does it on the emulated appliance, and
// presses Enter.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedBroker, startEmbeddedBroker } from '../../firmware-host/link/broker.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';
import { ApplianceRig } from '../../tools/demo/appliance-rig.js';
import { RIG_TEST_SEED } from '../helpers/rig-seed.js';
import { missing } from '../helpers/system.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe.skipIf(missing('socat', 'socat'))('the conformance kit with a bench operator', () => {
  let broker: EmbeddedBroker;
  let rig: ApplianceRig;
  let dir: string;

  beforeAll(async () => {
    broker = await startEmbeddedBroker();
    dir = mkdtempSync(join(tmpdir(), 'fareader-operator-'));
    rig = await ApplianceRig.start({
      challengeSeed: RIG_TEST_SEED,
      dir,
      brokerUrl: broker.url,
      terminal: false,
      config: { session: { consents: [] } },
    });
  }, 60_000);
  afterAll(async () => {
    await rig?.close();
    await broker?.close();
  });

  /** What the operator does for each prompt. */
  const ACTIONS: [RegExp, (m: RegExpExecArray) => Promise<unknown>][] = [
    [
      /^Place a test card with PIN 1234 and 3 tries/,
      async () =>
        rig.patient.placeCard(
          await rig.card(`op-${Date.now()}`, 'normal', 'img20.jpg'),
          join(FACES_DIR, 'img21.jpg'),
        ),
    ],
    [/^Wait until the screen shows: (.*)\.$/, (m) => rig.patient.waitFor(m[1]!.split(' or '))],
    [/^Choose "(\w+)"/, (m) => rig.patient.choose(m[1] as 'pin')],
    [/^Enter the PIN (\d{4})/, (m) => rig.patient.enterPin(m[1]!)],
    [/^Agree to every consent/, () => rig.patient.consent([true])],
    [/^Press Cancel/, () => rig.patient.cancel()],
    [/^Take the card off/, () => rig.patient.leave()],
    [/^Wait until the reader is ready/, () => rig.patient.waitReady()],
  ];
  async function act(prompt: string): Promise<void> {
    for (const [re, run] of ACTIONS) {
      const m = re.exec(prompt);
      if (m) {
        await run(m);
        return;
      }
    }
    throw new Error(`the operator does not understand: ${prompt}`);
  }

  it('prompts for every patient action, and the cases pass', async () => {
    const keys = join(dir, 'keys');
    const kit = spawn(
      process.execPath,
      [
        join(ROOT, 'bin', 'readerctl.mjs'),
        'conformance',
        ...['--broker', broker.url, '--device', rig.deviceId, '--patient', 'operator'],
        ...['--terminal-key', join(keys, 'terminal.key'), '--trust', join(keys, 'trusted-devices')],
        ...['--only', 'SES-02,SES-03', '--out', join(dir, 'report')],
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let out = '';
    let handled = 0;
    const prompts: string[] = [];
    let busy = Promise.resolve();
    kit.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const found = [...out.matchAll(/\[operator\] (.*)\n\s+press Enter when done… /g)];
      for (const f of found.slice(handled)) {
        handled++;
        prompts.push(f[1]!);
        busy = busy.then(async () => {
          await act(f[1]!);
          kit.stdin!.write('\n');
        });
      }
    });
    const [code] = await once(kit, 'exit');
    await busy;
    expect(out).toContain('PASS SES-02');
    expect(out).toContain('PASS SES-03');
    expect(code, out).toBe(0);
    expect(prompts.some((p) => p.startsWith('Enter the PIN 1234'))).toBe(true);
  }, 120_000);
});
