import { describe, expect, it } from 'vitest';
import { bucketFolds, chooseOnBuckets, type PairTable } from './held-out.js';
import { chooseWithMargin, heldOutMarginThresholds } from './nested-margin.js';

const K = 5;

/**
 * 2000 impostor scores per fold pair, uniform below 0.5, and in each bucket touching fold 0 one
 * lookalike at 0.9: a person of fold 0 resembles others, which the other folds never show.
 */
function table(): PairTable {
  const impostor = bucketFolds(K).map(([a, b]) => {
    const all = Float32Array.from({ length: 2000 }, (_x, i) => (i / 2000) * 0.5);
    if (a === 0 || b === 0) all[0] = 0.9;
    return [all.subarray(0, 1000), all.subarray(1000)];
  });
  return { folds: K, cohorts: ['x'], impostor, genuine: [] };
}

describe('nested margin', () => {
  it('adds nothing when the left-out folds look like the rest', () => {
    const t = table();
    // Folds 1–4 only: no lookalikes anywhere, so every inner choice holds for its left-out fold.
    const m = chooseWithMargin(t, [1, 2, 3, 4], 1e-3, 'upper');
    expect(m.margin).toBe(0);
    expect(m.threshold).toBe(m.base);
    expect(m.inner.map((i) => i.leftOut)).toEqual([1, 2, 3, 4]);
  });

  it('raises the threshold by what a left-out fold needed beyond the choice made without it', () => {
    const t = table();
    const train = [0, 1, 2, 3];
    const base = chooseOnBuckets(
      t,
      bucketFolds(K).flatMap(([a, b], i) => (a < 4 && b < 4 ? [i] : [])),
      1e-3,
      'upper',
    );
    const m = chooseWithMargin(t, train, 1e-3, 'upper');
    expect(m.base).toBe(base.threshold);
    // Left out, fold 0's four lookalikes at 0.9 exceed the choice made without it (near 0.5)
    // by ~0.4: too many of its pairs for the bound, so the margin is about that excess.
    expect(m.margin).toBeGreaterThan(0.35);
    expect(m.threshold).toBeGreaterThan(0.9);
    expect(m.margins.map((c) => c.cohort)).toEqual(['all', 'x']);
  });

  it('gives each fold pair a choice made without either of its folds', () => {
    const t = table();
    const th = heldOutMarginThresholds(t, 1e-3, 'upper');
    expect(th).toHaveLength(15);
    for (const b of th) {
      const [f, g] = b.folds;
      expect(b.inner.map((i) => i.leftOut)).not.toContain(f);
      expect(b.inner.map((i) => i.leftOut)).not.toContain(g);
      // Fold 0 among the training folds: its lookalikes push the margin up.
      const trainHasZero = f !== 0 && g !== 0;
      expect(b.margin > 0).toBe(trainHasZero);
    }
  });

  it('needs two training folds', () => {
    expect(() => chooseWithMargin(table(), [3], 1e-3, 'upper')).toThrow(/2 training folds/);
  });
});
