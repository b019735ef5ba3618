// Proof that the kit can fail: readerd with each test fault switched on (--test-faults). The
// cases that cover the fault fail; the others in the run pass.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmbeddedBroker } from '../../firmware-host/link/broker.js';
import { runConformance } from '../../tools/conformance/run.js';
import { ApplianceRig } from '../../tools/demo/appliance-rig.js';
import { missing } from '../helpers/system.js';

const FAULTS: [fault: string, fails: string[], passes: string[]][] = [
  ['unsignedResults', ['SES-02', 'MON-01'], ['CMD-01', 'LINK-01']],
  ['counterResetOnRestart', ['CTR-01'], ['CMD-05']],
  ['noWill', ['LIFE-02'], ['CMD-02']],
  ['ignoreCancel', ['SES-03'], ['CMD-04']],
  ['verifyOnLastTryUnasked', ['PIN-01'], ['SES-02']],
];

describe.skipIf(missing('socat', 'socat'))('the conformance kit against faulty readers', () => {
  for (const [fault, fails, passes] of FAULTS) {
    it(`${fault}: ${fails.join(', ')} fail; ${passes.join(', ')} pass`, async () => {
      const broker = await startEmbeddedBroker();
      const dir = mkdtempSync(join(tmpdir(), `fareader-fault-${fault}-`));
      const rig = await ApplianceRig.start({
        dir,
        brokerUrl: broker.url,
        terminal: false,
        config: {
          testFaults: { [fault]: true },
          session: { patientTimeoutMs: 4000, consents: ['medication'] },
        },
      });
      try {
        const report = await runConformance({
          brokerUrl: broker.url,
          deviceId: rig.deviceId,
          terminalKeyFile: join(dir, 'keys', 'terminal.key'),
          trustedDevicesDir: join(dir, 'keys', 'trusted-devices'),
          patient: 'emulated',
          benchUrl: await rig.serveBench(),
          only: [...fails, ...passes],
          outDir: join(dir, 'report'),
          redeliveryWaitMs: 6000,
        });
        const status = Object.fromEntries(report.cases.map((c) => [c.id, c.status]));
        for (const id of fails) expect(status[id], `${id} with ${fault}`).toBe('failed');
        for (const id of passes) expect(status[id], `${id} with ${fault}`).toBe('passed');
        expect(report.passed).toBe(false);
      } finally {
        await rig.close();
        await broker.close();
      }
    }, 120_000);
  }
});
