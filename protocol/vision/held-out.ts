// Held-out error rates of a threshold chosen by folds. Pairs are kept by the folds of their two
// identities: a pair of folds f and g (f = g for a genuine pair or an impostor pair within one
// fold) is judged at a threshold chosen only on pairs whose identities are in neither f nor g.
// So every pair of the set is tested once, by a threshold that never saw either person, and
// the pooled held-out FAR covers all cross-identity pairs rather than the 1/K of them that lie
// within a fold (too few to bound a FAR of 10⁻³ within a small cohort).
import { type ErrorRate, errorRate } from './binomial.js';
import { chooseThreshold, type FarBound, type ThresholdChoice } from './threshold.js';

export interface GenuineScore {
  readonly score: number;
  readonly fold: number;
  /** Index into the table's cohorts, or −1. */
  readonly cohort: number;
}

export interface PairTable {
  /** Number of folds; 1 = no folds (the threshold is chosen and tested on the same pairs). */
  readonly folds: number;
  readonly cohorts: readonly string[];
  /**
   * Impostor scores by bucket (`pairBucket`) and then by class: the cohort index when both
   * people are in that cohort, `cohorts.length` otherwise (across cohorts, or no cohort).
   */
  readonly impostor: readonly (readonly Float32Array[])[];
  readonly genuine: readonly GenuineScore[];
}

/** Index of the unordered fold pair {a, b} among the K(K+1)/2 buckets. */
export function pairBucket(a: number, b: number, k: number): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return lo * k - (lo * (lo - 1)) / 2 + (hi - lo);
}

export function bucketFolds(k: number): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < k; a++) for (let b = a; b < k; b++) out.push([a, b]);
  return out;
}

export interface CohortChoice extends ThresholdChoice {
  /** A cohort name, or "all". */
  readonly cohort: string;
}

export interface BucketThreshold {
  /** The fold pair tested at this threshold. */
  readonly folds: readonly [number, number];
  /** The highest of the per-cohort choices: it meets the target in every cohort. */
  readonly threshold: number;
  readonly choices: readonly CohortChoice[];
}

function concat(parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * One threshold for a set of training buckets: the target FAR met for everyone ("all") and
 * for each cohort on its own, whichever needs the highest threshold.
 */
export function chooseOnBuckets(
  table: PairTable,
  train: readonly number[],
  targetFar: number,
  bound: FarBound,
): { threshold: number; choices: CohortChoice[] } {
  const choices: CohortChoice[] = [];
  const all = concat(train.flatMap((b) => table.impostor[b] ?? []));
  if (all.length) choices.push({ cohort: 'all', ...chooseThreshold(all, targetFar, { bound }) });
  for (let c = 0; c < table.cohorts.length; c++) {
    const scores = concat(train.map((b) => table.impostor[b]?.[c] ?? new Float32Array()));
    if (scores.length)
      choices.push({ cohort: table.cohorts[c]!, ...chooseThreshold(scores, targetFar, { bound }) });
  }
  if (!choices.length) return { threshold: Number.NaN, choices };
  return { threshold: Math.max(...choices.map((c) => c.threshold)), choices };
}

/** A threshold for every fold pair, each chosen on the buckets that share no fold with it. */
export function heldOutThresholds(
  table: PairTable,
  targetFar: number,
  bound: FarBound = 'upper',
): BucketThreshold[] {
  const k = table.folds;
  const buckets = bucketFolds(k);
  return buckets.map(([f, g]) => {
    const train =
      k === 1 ? [0] : buckets.flatMap(([a, b], i) => (a !== f && a !== g && b !== f && b !== g ? [i] : []));
    const { threshold, choices } = chooseOnBuckets(table, train, targetFar, bound);
    return { folds: [f, g] as const, threshold, choices };
  });
}

export interface CohortRates {
  readonly cohort: string;
  readonly far: ErrorRate;
  readonly frr: ErrorRate;
}

/** FAR and FRR pooled over the buckets, each bucket judged at its own threshold. */
export function pooledRates(table: PairTable, thresholds: readonly number[]): CohortRates[] {
  const out: CohortRates[] = [];
  const names = ['all', ...table.cohorts];
  for (let t = 0; t < names.length; t++) {
    const c = t - 1; // −1 = all
    let fa = 0;
    let ni = 0;
    table.impostor.forEach((classes, b) => {
      const th = thresholds[b]!;
      classes.forEach((scores, cls) => {
        if (c >= 0 && cls !== c) return;
        ni += scores.length;
        for (let i = 0; i < scores.length; i++) if (scores[i]! >= th) fa++;
      });
    });
    let fr = 0;
    let ng = 0;
    for (const g of table.genuine) {
      if (c >= 0 && g.cohort !== c) continue;
      ng++;
      if (g.score < thresholds[pairBucket(g.fold, g.fold, table.folds)]!) fr++;
    }
    out.push({ cohort: names[t]!, far: errorRate(fa, ni), frr: errorRate(fr, ng) });
  }
  return out;
}
