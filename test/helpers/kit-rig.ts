// The conformance kit against the emulated reference appliance: its broker outside readerd and
// run by the kit (--broker-control's KitBroker, so every case applies), no reference terminal
// (the kit is the terminal).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KitBroker } from '../../tools/conformance/kit-broker.js';
import type { RunReport } from '../../tools/conformance/report.js';
import { type ConformanceOptions, runConformance } from '../../tools/conformance/run.js';
import { ApplianceRig } from '../../tools/demo/appliance-rig.js';
import { RIG_TEST_SEED } from './rig-seed.js';

export interface KitRig {
  readonly rig: ApplianceRig;
  readonly dir: string;
  run(o?: Partial<ConformanceOptions>): Promise<RunReport>;
  close(): Promise<void>;
}

/** `faults`: run the misbehaving reference appliance with these (sim/faults/reader-faults.ts). */
export async function startKitRig(faults: readonly string[] = []): Promise<KitRig> {
  const broker = await KitBroker.start({ url: 'mqtt://127.0.0.1:0' });
  const dir = mkdtempSync(join(tmpdir(), 'fareader-kit-'));
  const rig = await ApplianceRig.start({
    dir,
    brokerUrl: broker.url,
    terminal: false,
    faults,
    liveness: 'required',
    // Seeded challenges: the kit's self-test proves the kit's checks, not the liveness check's
    // BPCER (liveness-eval measures that); an unseeded draw rejected the live subject in one CI run.
    // 15 passes the img21 live subject (test/helpers/rig-seed.ts).
    challengeSeed: RIG_TEST_SEED,
    config: { session: { patientTimeoutMs: 4000, consents: ['medication'] } },
  });
  const benchUrl = await rig.serveBench();
  return {
    rig,
    dir,
    run: (o = {}) =>
      runConformance({
        brokerUrl: broker.url,
        deviceId: rig.deviceId,
        terminalKeyFile: join(dir, 'keys', 'terminal.key'),
        trustedDevicesDir: join(dir, 'keys', 'trusted-devices'),
        patient: 'emulated',
        benchUrl,
        outDir: join(dir, 'report'),
        redeliveryWaitMs: 6000,
        brokerControl: broker,
        ...o,
      }),
    close: async () => {
      await rig.close();
      await broker.stop();
    },
  };
}
