// The evaluation report from scored pairs: per cohort (all, then each cohort) the held-out FAR
// and FRR with 95 % bounds, the threshold to ship chosen on every pair, the DET curve, the
// failures to acquire and the worst pairs. Scores and file names only, never a descriptor.
import type { ErrorRate } from '../../protocol/vision/binomial.js';
import { errorRate } from '../../protocol/vision/binomial.js';
import { type DetPoint, detCurve, frrAtFar } from '../../protocol/vision/det.js';
import {
  type BucketThreshold,
  bucketFolds,
  type CohortChoice,
  chooseOnBuckets,
  heldOutThresholds,
  pairBucket,
  pooledRates,
} from '../../protocol/vision/held-out.js';
import {
  chooseWithMargin,
  heldOutMarginThresholds,
  type MarginChoice,
} from '../../protocol/vision/nested-margin.js';
import type { FarBound } from '../../protocol/vision/threshold.js';
import type { EmbeddedSet } from './evaluate-embed.js';
import type { IndexedPair, ScoredPairs } from './evaluate-pairs.js';

export interface NamedPair {
  readonly enrolled: string;
  readonly probe: string;
  readonly score: number;
  /** The held-out threshold this pair was judged at. */
  readonly threshold: number;
  readonly accepted: boolean;
}

export interface CohortTable {
  /** "all", or a cohort of the cohorts file. */
  readonly cohort: string;
  readonly images: number;
  readonly identities: number;
  /** Pairs scored (both sides acquired). */
  readonly genuinePairs: number;
  readonly impostorPairs: number;
  /** Pairs not scored because a side had no face (failure to acquire). */
  readonly lostPairs: { readonly genuine: number; readonly impostor: number };
  /** Held out (or at the fixed threshold): FAR over impostor pairs, FRR over genuine pairs. */
  readonly far: ErrorRate;
  readonly frr: ErrorRate;
  /** FRR counting genuine pairs lost to a failure to acquire as rejected. */
  readonly frrWithFta: ErrorRate;
  /** At the matcher's configured threshold, over all pairs (nothing tuned). */
  readonly atConfigured: { readonly threshold: number; readonly far: ErrorRate; readonly frr: ErrorRate };
  /** The best FRR at a few FARs, read off the DET curve of all pairs (in-sample). */
  readonly frrAtFar: readonly { readonly far: number; readonly point?: DetPoint }[];
  readonly eer: { readonly eer: number; readonly threshold: number };
  readonly worstGenuine: readonly NamedPair[];
  readonly worstImpostor: readonly NamedPair[];
  readonly det: readonly DetPoint[];
}

export interface Fta {
  readonly file: string;
  readonly side: 'enrolled' | 'probe';
  readonly reason: string;
}

/**
 * bound: the lowest threshold whose training FAR meets the target by its bound (threshold.ts);
 * nested-margin: that plus the margin the training folds show held-out people need
 * (protocol/vision/nested-margin.ts).
 */
export type ThresholdRule = 'bound' | 'nested-margin';

export interface ThresholdPlan {
  /** fixed: --threshold; folds: chosen per fold pair, held out; in-sample: chosen and tested on all pairs. */
  readonly mode: 'fixed' | 'folds' | 'in-sample';
  readonly rule: ThresholdRule;
  readonly targetFar: number;
  readonly bound: FarBound;
  /** Chosen on every pair of the set: the value to ship (or the fixed threshold). */
  readonly chosen: number;
  readonly chosenBy: readonly CohortChoice[];
  /** nested-margin: the bound rule's choice on every pair, and the margin added to it. */
  readonly chosenBase?: number;
  readonly chosenMargin?: number;
  readonly marginBy?: readonly MarginChoice[];
  /** Per fold pair (folds mode). */
  readonly heldOut: readonly BucketThreshold[];
}

const FARS = [1e-2, 1e-3, 1e-4];

/** The threshold to ship and, with folds, one per fold pair, by the rule. */
function choosePlan(
  table: ScoredPairs['table'],
  opts: { threshold?: number; targetFar: number; bound: FarBound; rule: ThresholdRule },
): ThresholdPlan {
  const k = table.folds;
  const mode = opts.threshold !== undefined ? 'fixed' : k > 1 ? 'folds' : 'in-sample';
  const common = { mode, rule: opts.rule, targetFar: opts.targetFar, bound: opts.bound } as const;
  if (opts.threshold !== undefined) return { ...common, chosen: opts.threshold, chosenBy: [], heldOut: [] };
  if (opts.rule === 'nested-margin') {
    const whole = chooseWithMargin(table, [...Array(k).keys()], opts.targetFar, opts.bound);
    return {
      ...common,
      chosen: whole.threshold,
      chosenBy: whole.choices,
      chosenBase: whole.base,
      chosenMargin: whole.margin,
      marginBy: whole.margins,
      heldOut: k > 1 ? heldOutMarginThresholds(table, opts.targetFar, opts.bound) : [],
    };
  }
  const everything = bucketFolds(k).map((_b, i) => i);
  const whole = chooseOnBuckets(table, everything, opts.targetFar, opts.bound);
  return {
    ...common,
    chosen: whole.threshold,
    chosenBy: whole.choices,
    heldOut: k > 1 ? heldOutThresholds(table, opts.targetFar, opts.bound) : [],
  };
}

function equalError(curve: readonly DetPoint[]): { eer: number; threshold: number } {
  let best = { eer: 1, threshold: 0, gap: 2 };
  for (const p of curve) {
    const gap = Math.abs(p.far - p.frr);
    if (gap < best.gap) best = { eer: (p.far + p.frr) / 2, threshold: p.threshold, gap };
  }
  return { eer: best.eer, threshold: best.threshold };
}

export function buildTables(
  set: EmbeddedSet,
  scored: ScoredPairs,
  opts: {
    foldOf: readonly number[];
    threshold?: number;
    configured: number;
    targetFar: number;
    bound: FarBound;
    rule: ThresholdRule;
    worst: number;
    /** Judge these pairs at another table's thresholds (the chip photo's, for photo vs photo). */
    plan?: ThresholdPlan;
  },
): { plan: ThresholdPlan; tables: CohortTable[]; fta: Fta[] } {
  const { table } = scored;
  const k = table.folds;
  const buckets = bucketFolds(k);
  const plan = opts.plan ?? choosePlan(table, opts);
  const perBucket = buckets.map((_b, i) =>
    plan.mode === 'folds' ? plan.heldOut[i]!.threshold : plan.chosen,
  );
  const pooled = pooledRates(table, perBucket);
  const configured = pooledRates(
    table,
    buckets.map(() => opts.configured),
  );
  const files = set.images.map((im) => im.file);
  const bucketOf = (pr: IndexedPair): number => pairBucket(opts.foldOf[pr.e]!, opts.foldOf[pr.p]!, k);
  const named = (pr: IndexedPair): NamedPair => {
    const threshold = perBucket[bucketOf(pr)]!;
    return {
      enrolled: files[pr.e]!,
      probe: files[pr.p]!,
      score: pr.score,
      threshold,
      accepted: pr.score >= threshold,
    };
  };
  const tables = ['all', ...table.cohorts].map((cohort, t): CohortTable => {
    const c = t - 1;
    const inTable = set.images.filter((im) => c < 0 || im.cohort === cohort);
    const genuine = scored.genuine.filter((g) => c < 0 || g.cohort === c);
    const impostor = table.impostor.flatMap((cls) => (c < 0 ? cls : [cls[c]!]));
    const impostorScores = new Float32Array(impostor.reduce((s, a) => s + a.length, 0));
    let at = 0;
    for (const a of impostor) {
      impostorScores.set(a, at);
      at += a.length;
    }
    const genuineScores = Float64Array.from(genuine, (g) => g.score);
    const det = detCurve(genuineScores, impostorScores, { maxGenuineSteps: 500 });
    const lost = scored.lost[t]!;
    const rates = pooled[t]!;
    return {
      cohort,
      images: inTable.length,
      identities: new Set(inTable.map((im) => im.identity)).size,
      genuinePairs: genuine.length,
      impostorPairs: impostorScores.length,
      lostPairs: lost,
      far: rates.far,
      frr: rates.frr,
      frrWithFta: errorRate(rates.frr.k + lost.genuine, rates.frr.n + lost.genuine),
      atConfigured: { threshold: opts.configured, far: configured[t]!.far, frr: configured[t]!.frr },
      frrAtFar: FARS.map((far) => ({ far, point: frrAtFar(det, far) })),
      eer: equalError(det),
      worstGenuine: [...genuine]
        .sort((a, b) => a.score - b.score)
        .slice(0, opts.worst)
        .map(named),
      worstImpostor: scored.topImpostors[t]!.pairs.map(named),
      det,
    };
  });
  const fta: Fta[] = [];
  set.images.forEach((im, i) => {
    const e = set.enrolled[i]!;
    const p = set.probe[i]!;
    if (!e.descriptor) fta.push({ file: im.file, side: 'enrolled', reason: e.reason });
    if (!p.descriptor && (set.live || set.chipPhoto))
      fta.push({ file: im.file, side: 'probe', reason: p.reason });
  });
  return { plan, tables, fta };
}
