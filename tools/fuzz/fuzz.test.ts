// The fuzz targets inside `npm test`: each target's corpus (every crash ever found, and seeds)
// replayed, then a few hundred fresh inputs, a different seed each run. The oracles are the
// behavioural ones (only ReaderError escapes, resynchronisation, bounded buffers, answers after
// garbage); the 100 ms bound per input is the fuzz runner's (npm run fuzz), not a test's.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpusFiles, runTarget } from './harness.js';
import { targets } from './targets.js';

const corpusRoot = join(dirname(fileURLToPath(import.meta.url)), 'corpus');
/** Inputs per target: the emulators and MQTT handlers cost more per input than the framers. */
const RUNS: Record<string, number> = {
  'device-link': 300,
  terminal: 300,
  'card-emulator': 200,
  'pn532-emulator': 300,
};

describe('fuzz targets (npm run fuzz runs 1,000,000 inputs each)', () => {
  it('every property has corpus files (seeds or crashes)', () => {
    for (const t of targets)
      for (const p of t.properties)
        if (p.name !== 'still-answers')
          expect(corpusFiles(corpusRoot, t.name, p.name).length, `${t.name}/${p.name}`).toBeGreaterThan(0);
  });

  for (const t of targets) {
    it(`${t.name}: corpus and fresh inputs find nothing (${t.covers.join(', ')})`, {
      timeout: 120_000,
    }, async () => {
      const r = await runTarget(t, { runs: RUNS[t.name] ?? 2000, corpusRoot, timeBound: false });
      const report = r.findings.map(
        (f) => `${f.kind} ${f.property}: ${f.message}\n  input ${f.inputHex}\n  ${f.replay ?? ''}`,
      );
      expect(report).toEqual([]);
      expect(r.inputs).toBeGreaterThan(0);
    });
  }
});
