// Detection error trade-off (DET): FRR against FAR as the threshold sweeps, both on normal-
// deviate (probit) axes, where a matcher with Gaussian score distributions draws a straight
// line and the low-FAR end that matters for a 1:1 check is spread out instead of crushed
// against an axis (Martin et al. 1997; ISO/IEC 19795-1).

export interface DetPoint {
  readonly threshold: number;
  /** Impostor pairs with score ≥ threshold / impostor pairs. */
  readonly far: number;
  /** Genuine pairs with score < threshold / genuine pairs. */
  readonly frr: number;
}

/** Inverse standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function probit(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - lo) return -probit(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/** Index of the first element ≥ x in an ascending array. */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** FAR and FRR at a threshold over ascending score arrays (accept = score ≥ threshold). */
export function ratesAt(
  genuineAsc: ArrayLike<number>,
  impostorAsc: ArrayLike<number>,
  threshold: number,
): DetPoint {
  const ni = impostorAsc.length;
  const ng = genuineAsc.length;
  return {
    threshold,
    far: ni ? (ni - lowerBound(impostorAsc, threshold)) / ni : 0,
    frr: ng ? lowerBound(genuineAsc, threshold) / ng : 0,
  };
}

/**
 * The DET curve of two score sets (any order; copies are sorted). Thresholds are every
 * genuine score (where FRR steps) and impostor scores at FARs spaced evenly on the probit
 * axis down to one pair in all (where FAR steps), so the curve is exact where it bends
 * without listing millions of points. Ordered by threshold, ascending.
 */
export function detCurve(
  genuine: ArrayLike<number>,
  impostor: ArrayLike<number>,
  opts: { farSteps?: number; maxGenuineSteps?: number } = {},
): DetPoint[] {
  const g = Float64Array.from(genuine).sort();
  const i = Float64Array.from(impostor).sort();
  if (!g.length || !i.length) return [];
  const thresholds = new Set<number>();
  const gSteps = Math.min(g.length, opts.maxGenuineSteps ?? 2000);
  for (let s = 0; s < gSteps; s++)
    thresholds.add(g[Math.round((s * (g.length - 1)) / Math.max(1, gSteps - 1))]!);
  const farSteps = opts.farSteps ?? 200;
  const zMin = probit(1 / i.length);
  const zMax = probit(1 - 1 / i.length);
  for (let s = 0; s <= farSteps; s++) {
    const far = 1 - normalCdf(zMin + ((zMax - zMin) * s) / farSteps);
    // The threshold with FAR ≈ far: accepting the top ⌈far·n⌉ impostor scores.
    const accepted = Math.max(1, Math.min(i.length, Math.round(far * i.length)));
    thresholds.add(i[i.length - accepted]!);
  }
  // Above every score: nothing accepted.
  thresholds.add(Math.max(g[g.length - 1]!, i[i.length - 1]!) + 1e-9);
  return [...thresholds].sort((a, b) => a - b).map((t) => ratesAt(g, i, t));
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 through erf; |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** FRR at the lowest threshold whose FAR is at most `far` (on the curve's points). */
export function frrAtFar(curve: readonly DetPoint[], far: number): DetPoint | undefined {
  return curve.find((p) => p.far <= far);
}
