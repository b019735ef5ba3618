// The operating-point rule the shipped face threshold follows, fixed before it was applied
// (2026-12-01 13:59 UTC, commit 87e6d3c, before any run of it): a threshold chosen on some people is tested on
// others, and held-out impostors pass it more often than training ones did (the highest of a
// few thousand training impostors is exceeded by new people's lookalikes). So the threshold
// is the bound rule's choice on the training people (threshold.ts: the 95 % upper bound of the
// FAR ≤ target, everyone and each cohort) plus a margin that the training people themselves
// show is needed: leave each training fold out in turn, choose on the rest, and see by how much
// the left-out fold's impostors exceed that choice; the margin is the smallest score shift that
// brings those inner held-out FARs within the same target by the same bound, in every cohort.
//
// Each training impostor pair touches one or two training folds and is tested at the lower of
// the inner thresholds that left one of its folds out (conservative). The inner choices see one
// fold fewer than the outer one, so the margin tends to be larger than the outer choice needs.
import { ErrorCode, ReaderError } from '../errors.js';
import { bucketFolds, type CohortChoice, chooseOnBuckets, type PairTable } from './held-out.js';
import { chooseThreshold, type FarBound, type ThresholdChoice } from './threshold.js';

export interface MarginChoice extends ThresholdChoice {
  /** A cohort name, or "all"; `threshold` is the score shift needed in it. */
  readonly cohort: string;
}

export interface MarginedThreshold {
  /** base + margin: the threshold to judge new people at. */
  readonly threshold: number;
  /** The bound rule's choice on every training pair. */
  readonly base: number;
  /** ≥ 0: never below the training choice. */
  readonly margin: number;
  readonly choices: readonly CohortChoice[];
  readonly margins: readonly MarginChoice[];
  /** The inner choices, one per training fold left out. */
  readonly inner: readonly { readonly leftOut: number; readonly threshold: number }[];
}

/** Buckets whose two folds are both among `folds`. */
function bucketsWithin(k: number, folds: ReadonlySet<number>): number[] {
  return bucketFolds(k).flatMap(([a, b], i) => (folds.has(a) && folds.has(b) ? [i] : []));
}

/** The nested-margin choice on the people of `trainFolds` (at least 2 folds). */
export function chooseWithMargin(
  table: PairTable,
  trainFolds: readonly number[],
  targetFar: number,
  bound: FarBound,
): MarginedThreshold {
  const k = table.folds;
  const folds = new Set(trainFolds);
  if (folds.size < 2)
    throw new ReaderError(
      ErrorCode.Usage,
      'the nested margin needs at least 2 training folds (use --folds 4 or more)',
    );
  const base = chooseOnBuckets(table, bucketsWithin(k, folds), targetFar, bound);
  const innerBy = new Map<number, number>();
  for (const h of folds) {
    const rest = new Set([...folds].filter((f) => f !== h));
    const t = chooseOnBuckets(table, bucketsWithin(k, rest), targetFar, bound).threshold;
    if (Number.isFinite(t)) innerBy.set(h, t);
  }
  // Excess of each training impostor over the inner threshold it is tested at, per class.
  const classes = table.cohorts.length + 1;
  const excess: number[][] = Array.from({ length: classes }, () => []);
  bucketFolds(k).forEach(([a, b], i) => {
    if (!folds.has(a) || !folds.has(b)) return;
    const ts = [innerBy.get(a), innerBy.get(b)].filter((t): t is number => t !== undefined);
    if (!ts.length) return;
    const t = Math.min(...ts);
    (table.impostor[i] ?? []).forEach((scores, cls) => {
      const out = excess[cls]!;
      for (let j = 0; j < scores.length; j++) out.push(scores[j]! - t);
    });
  });
  const margins: MarginChoice[] = [];
  const all = excess.flat();
  if (all.length) margins.push({ cohort: 'all', ...chooseThreshold(all, targetFar, { bound }) });
  table.cohorts.forEach((cohort, c) => {
    if (excess[c]!.length) margins.push({ cohort, ...chooseThreshold(excess[c]!, targetFar, { bound }) });
  });
  const margin = Math.max(0, ...margins.map((m) => m.threshold));
  return {
    threshold: base.threshold + margin,
    base: base.threshold,
    margin,
    choices: base.choices,
    margins,
    inner: [...innerBy].map(([leftOut, threshold]) => ({ leftOut, threshold })),
  };
}

/** Per fold pair (f, g): the nested-margin choice on the folds holding neither f nor g. */
export function heldOutMarginThresholds(
  table: PairTable,
  targetFar: number,
  bound: FarBound,
): (MarginedThreshold & { readonly folds: readonly [number, number] })[] {
  const k = table.folds;
  return bucketFolds(k).map(([f, g]) => {
    const train = [...Array(k).keys()].filter((x) => x !== f && x !== g);
    return { folds: [f, g] as const, ...chooseWithMargin(table, train, targetFar, bound) };
  });
}
