// ROC analysis of a 1:1 matcher from labelled pair scores (higher score = more alike).
export interface PairScore {
  readonly score: number;
  readonly genuine: boolean;
}

export interface RocPoint {
  readonly threshold: number;
  /** Impostor pairs accepted / impostor pairs. */
  readonly far: number;
  /** Genuine pairs rejected / genuine pairs. */
  readonly frr: number;
}

export function rates(scores: readonly PairScore[], threshold: number): RocPoint {
  const g = scores.filter((s) => s.genuine);
  const i = scores.filter((s) => !s.genuine);
  return {
    threshold,
    far: i.length ? i.filter((s) => s.score >= threshold).length / i.length : 0,
    frr: g.length ? g.filter((s) => s.score < threshold).length / g.length : 0,
  };
}

/** One point per distinct score (the thresholds where rates change). */
export function rocCurve(scores: readonly PairScore[]): RocPoint[] {
  const thresholds = [...new Set(scores.map((s) => s.score))].sort((a, b) => a - b);
  return thresholds.map((t) => rates(scores, t));
}

/** Equal error rate: where FAR and FRR cross (the point minimising |FAR − FRR|, averaged). */
export function equalErrorRate(scores: readonly PairScore[]): { eer: number; threshold: number } {
  let best = { eer: 1, threshold: 0, gap: 2 };
  for (const p of rocCurve(scores)) {
    const gap = Math.abs(p.far - p.frr);
    if (gap < best.gap) best = { eer: (p.far + p.frr) / 2, threshold: p.threshold, gap };
  }
  return { eer: best.eer, threshold: best.threshold };
}

/** The lowest threshold with FAR = 0, and its FRR: the operating point for identity checks. */
export function zeroFarPoint(scores: readonly PairScore[]): RocPoint {
  const maxImpostor = Math.max(-Infinity, ...scores.filter((s) => !s.genuine).map((s) => s.score));
  const above = scores.filter((s) => s.genuine && s.score > maxImpostor).map((s) => s.score);
  const threshold = above.length ? Math.min(...above) : maxImpostor + 1e-6;
  return rates(scores, threshold);
}
