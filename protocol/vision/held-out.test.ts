import { describe, expect, it } from 'vitest';
import { bucketFolds, heldOutThresholds, type PairTable, pairBucket, pooledRates } from './held-out.js';

const K = 4;

/** Impostor scores per fold pair: 2000 pairs each, the highest score saying which pair it is. */
function table(): PairTable {
  const impostor = bucketFolds(K).map(([a, b]) => {
    const all = Float32Array.from({ length: 2000 }, (_x, i) => (i / 2000) * 0.5);
    all[0] = 0.6 + a / 10 + b / 100; // one high impostor per bucket, a fingerprint of (a, b)
    // Class 0 = cohort "x" (the first half), class 1 = everything else.
    return [all.subarray(0, 1000), all.subarray(1000)];
  });
  const genuine = Array.from({ length: K * 10 }, (_x, i) => ({
    score: 0.55 + (i % 10) / 20,
    fold: i % K,
    cohort: 0,
  }));
  return { folds: K, cohorts: ['x'], impostor, genuine };
}

describe('held-out thresholds', () => {
  it('numbers the K(K+1)/2 fold pairs one to one, in either order', () => {
    const seen = new Set<number>();
    for (const [a, b] of bucketFolds(K)) {
      expect(pairBucket(a, b, K)).toBe(pairBucket(b, a, K));
      seen.add(pairBucket(a, b, K));
    }
    expect([...seen].sort((x, y) => x - y)).toEqual([...Array((K * (K + 1)) / 2).keys()]);
  });

  it('chooses each fold pair’s threshold only on pairs of people in neither fold', () => {
    const t = table();
    // Point FAR 1e-4 over ≥ 2000 pairs: no impostor may be accepted, so each threshold sits
    // just above the highest training score, which names the training buckets.
    const th = heldOutThresholds(t, 1e-4, 'point');
    expect(th).toHaveLength(10);
    for (const b of th) {
      const [f, g] = b.folds;
      const train = bucketFolds(K).filter(([x, y]) => ![x, y].some((v) => v === f || v === g));
      const highest = Math.max(...train.map(([x, y]) => Math.fround(0.6 + x / 10 + y / 100)));
      expect(b.threshold).toBeCloseTo(highest, 6);
      expect(b.threshold).toBeGreaterThan(highest);
      expect(b.choices.map((c) => c.cohort)).toEqual(['all', 'x']);
    }
  });

  it('pools FAR and FRR over every bucket at its own threshold, per cohort', () => {
    const t = table();
    const th = heldOutThresholds(t, 1e-4, 'point').map((b) => b.threshold);
    const [all, x] = pooledRates(t, th);
    expect(all!.far.n).toBe(10 * 2000);
    expect(x!.far.n).toBe(10 * 1000);
    // Bucket (a, b)'s fingerprint exceeds its threshold exactly when it is higher than every
    // training bucket's: the held-out false accepts are counted, not assumed away.
    const expected = bucketFolds(K).filter(
      ([a, b], i) => Math.fround(0.6 + a / 10 + b / 100) >= th[i]!,
    ).length;
    expect(all!.far.k).toBe(expected);
    expect(x!.far.k).toBe(expected);
    expect(all!.frr.n).toBe(40);
    expect(all!.frr.k).toBe(t.genuine.filter((g) => g.score < th[pairBucket(g.fold, g.fold, K)]!).length);
  });
});
