// Proof that the kit can fail: the misbehaving reference appliance (sim/appliance/faulty-readerd.ts,
// readerd's composition with one seam decorated per fault). The cases that cover the fault fail;
// the others in the run pass. readerd itself has no fault switch.
import { describe, expect, it } from 'vitest';
import { makeLinkKeys } from '../../tools/rig/link-fixture.js';
import { startKitRig } from '../helpers/kit-rig.js';
import { startReaderd, writeReaderConfig } from '../helpers/readerd-process.js';
import { missing } from '../helpers/system.js';

const FAULTS: [fault: string, fails: string[], passes: string[]][] = [
  ['unsignedResults', ['SES-02', 'MON-01'], ['CMD-01', 'LINK-01']],
  ['counterResetOnRestart', ['CTR-01'], ['CMD-05']],
  ['noWill', ['LIFE-02', 'CONN-01'], ['CMD-02']],
  ['ignoreCancel', ['SES-03'], ['CMD-04']],
  ['verifyOnLastTryUnasked', ['PIN-01'], ['SES-02']],
];

describe.skipIf(missing('socat', 'socat'))('the conformance kit against faulty readers', () => {
  for (const [fault, fails, passes] of FAULTS) {
    it(`${fault}: ${fails.join(', ')} fail; ${passes.join(', ')} pass`, async () => {
      const k = await startKitRig([fault]);
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

describe('readerd has no fault switch', () => {
  it('refuses --test-faults as an unknown option (exit 2)', async () => {
    const keys = makeLinkKeys();
    const r = startReaderd(['-c', writeReaderConfig(keys, 'embedded'), '--test-faults']);
    expect(await r.exit()).toBe(2);
    expect(r.lines.join('\n')).toMatch(/unknown option --test-faults/);
  });

  it('refuses $.testFaults as an unknown setting (exit 3)', async () => {
    const keys = makeLinkKeys();
    const r = startReaderd(['-c', writeReaderConfig(keys, 'embedded', { testFaults: { noWill: true } })]);
    expect(await r.exit()).toBe(3);
    expect(r.lines.join('\n')).toContain('$.testFaults: unknown setting');
  });
});
