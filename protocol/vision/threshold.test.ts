import { describe, expect, it } from 'vitest';
import { errorRate } from './binomial.js';
import { probit } from './det.js';
import { chooseThreshold, topScores } from './threshold.js';

const accepted = (scores: ArrayLike<number>, t: number): number =>
  Array.from(scores).filter((s) => s >= t).length;

// A deterministic standard normal sample: the quantiles at (i + ½)/n, shuffled by a stride.
const n = 200_000;
const normal = Float64Array.from({ length: n }, (_x, i) => probit((((i * 7919) % n) + 0.5) / n));

describe('threshold for a target FAR', () => {
  it('on a normal impostor distribution, the point FAR 0.1 % sits at z = 3.09', () => {
    const c = chooseThreshold(normal, 1e-3, { bound: 'point' });
    expect(c.accepted).toBe(200);
    expect(accepted(normal, c.threshold)).toBe(200);
    expect(c.threshold).toBeCloseTo(probit(1 - 1e-3), 2);
    expect(c.reachable).toBe(true);
  });

  it('by the 95 % upper bound: the most accepted impostors whose bound still meets the target', () => {
    const c = chooseThreshold(normal, 1e-3);
    expect(accepted(normal, c.threshold)).toBe(c.accepted);
    expect(errorRate(c.accepted, n).upper).toBeLessThanOrEqual(1e-3);
    expect(errorRate(c.accepted + 1, n).upper).toBeGreaterThan(1e-3);
    expect(c.accepted).toBeLessThan(200);
    expect(c.threshold).toBeGreaterThan(probit(1 - 1e-3));
  });

  it('never splits tied scores, and says when the target cannot be bounded with so few pairs', () => {
    const tied = [0.9, 0.9, 0.9, ...Array.from({ length: 997 }, (_x, i) => i / 2000)];
    const c = chooseThreshold(tied, 0.002, { bound: 'point' });
    expect(c.accepted).toBe(0);
    expect(c.threshold).toBeGreaterThan(0.9);
    const few = chooseThreshold(
      Array.from({ length: 100 }, (_x, i) => i / 100),
      1e-3,
    );
    expect(few).toMatchObject({ accepted: 0, n: 100, reachable: false });
    expect(few.threshold).toBeGreaterThan(0.99);
  });

  it('topScores keeps the highest values, highest first', () => {
    expect([...topScores([3, 1, 4, 1, 5, 9, 2, 6], 3)]).toEqual([9, 6, 5]);
    expect([...topScores([2, 1], 5)]).toEqual([2, 1]);
  });
});
