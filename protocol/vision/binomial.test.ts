import { describe, expect, it } from 'vitest';
import { errorRate, ruleOfThree, wilson } from './binomial.js';

describe('error-rate bounds', () => {
  it("Wilson's interval agrees with Newcombe (1998), Table I, method 3 (score, no continuity correction)", () => {
    // Newcombe RG, Stat Med 17:857–872: 81/263, 15/148, 0/20, 1/29.
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [k, n, lo, hi] of cases) {
      const w = wilson(k, n);
      expect(w.lower).toBeCloseTo(lo, 4);
      expect(w.upper).toBeCloseTo(hi, 4);
    }
  });

  it('the rule of three bounds zero errors at 3/n (faces-lfw README examples)', () => {
    expect(ruleOfThree(4500)).toBeCloseTo(0.00067, 5);
    expect(ruleOfThree(273)).toBeCloseTo(0.011, 3);
    expect(ruleOfThree(2)).toBe(1);
    expect(errorRate(0, 2770)).toEqual({
      k: 0,
      n: 2770,
      rate: 0,
      lower: 0,
      upper: 3 / 2770,
      method: 'rule-of-three',
    });
  });

  it('errors seen: Wilson, and the bounds enclose the rate', () => {
    for (const [k, n] of [
      [1, 10],
      [5, 100],
      [155, 821],
      [999, 1000],
      [1000, 1000],
    ] as const) {
      const r = errorRate(k, n);
      expect(r.method).toBe('wilson');
      expect(r.rate).toBe(k / n);
      expect(r.lower).toBeLessThanOrEqual(r.rate);
      expect(r.upper).toBeGreaterThanOrEqual(r.rate);
      expect(r.upper).toBeLessThanOrEqual(1);
    }
  });
});
