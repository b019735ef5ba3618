// Confidence bounds for an error rate measured as k errors in n trials (FAR over impostor
// pairs, FRR over genuine pairs). Wilson's score interval where errors were seen; the rule of
// three where none were, because Wilson's upper bound at k = 0 (z²/(n + z²)) understates the
// usual 95 % one-sided bound 3/n that readers of biometric reports expect.

/** Two-sided 95 % normal quantile. */
export const Z95 = 1.959963984540054;

export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/** Wilson score interval for k successes in n trials (n > 0). */
export function wilson(k: number, n: number, z: number = Z95): Interval {
  if (n <= 0) return { lower: 0, upper: 1 };
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/** 95 % upper bound on a rate when none of n trials failed: −ln(0.05)/n ≈ 3/n. */
export function ruleOfThree(n: number): number {
  return n > 0 ? Math.min(1, 3 / n) : 1;
}

export interface ErrorRate extends Interval {
  /** Errors. */
  readonly k: number;
  /** Trials. */
  readonly n: number;
  /** k / n (0 when n = 0). */
  readonly rate: number;
  readonly method: 'wilson' | 'rule-of-three';
}

export function errorRate(k: number, n: number): ErrorRate {
  if (k === 0) return { k, n, rate: 0, lower: 0, upper: ruleOfThree(n), method: 'rule-of-three' };
  return { k, n, rate: n > 0 ? k / n : 0, ...wilson(k, n), method: 'wilson' };
}
