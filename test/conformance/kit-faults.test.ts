// Proof that the kit can fail: readerd with each test fault switched on (--test-faults). The
// cases that cover the fault fail; the others in the run pass.
import { describe, expect, it } from 'vitest';
import { startKitRig } from '../helpers/kit-rig.js';
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
      const k = await startKitRig({ testFaults: { [fault]: true } });
      try {
        const report = await k.run({ only: [...fails, ...passes] });
        const status = Object.fromEntries(report.cases.map((c) => [c.id, c.status]));
        for (const id of fails) expect(status[id], `${id} with ${fault}`).toBe('failed');
        for (const id of passes) expect(status[id], `${id} with ${fault}`).toBe('passed');
        expect(report.passed).toBe(false);
      } finally {
        await k.close();
      }
    }, 120_000);
  }
});
