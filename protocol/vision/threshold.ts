// The operating point of a 1:1 identity check, set from the impostor distribution alone: the
// lowest threshold at which the share of impostor pairs accepted (score ≥ threshold) meets
// the target FAR — by its 95 % upper bound (default: what the security claim needs) or by
// its point value.
import { ErrorCode, ReaderError } from '../errors.js';
import { errorRate } from './binomial.js';

export interface ThresholdChoice {
  readonly threshold: number;
  /** Impostor pairs of the set accepted at the threshold. */
  readonly accepted: number;
  /** Impostor pairs the choice was made on. */
  readonly n: number;
  /** False when even 0 accepted does not meet the target (too few pairs to bound it). */
  readonly reachable: boolean;
}

export type FarBound = 'upper' | 'point';

/** Just above a score: the smallest step that still rejects it, for scores in [−1, 1]. */
const EPS = 1e-9;

export function chooseThreshold(
  impostorScores: ArrayLike<number>,
  targetFar: number,
  opts: { bound?: FarBound } = {},
): ThresholdChoice {
  const n = impostorScores.length;
  if (n === 0) throw new ReaderError(ErrorCode.Usage, 'no impostor pairs to choose a threshold on');
  if (!(targetFar > 0 && targetFar < 1))
    throw new ReaderError(ErrorCode.Usage, `target FAR must be in (0, 1), got ${targetFar}`);
  const bound = opts.bound ?? 'upper';
  const meets = (k: number): boolean => (bound === 'point' ? k / n : errorRate(k, n).upper) <= targetFar;
  // Only the top of the distribution matters: at most ⌈target·n⌉ impostors may be accepted.
  const room = Math.min(n - 1, Math.ceil(targetFar * n) + 1);
  const top = topScores(impostorScores, room + 1);
  let k = 0;
  while (k + 1 <= room && meets(k + 1)) k++;
  const reachable = meets(0);
  // Ties: accepting exactly k needs top[k − 1] > top[k]; otherwise accept fewer.
  while (k > 0 && top[k - 1] === top[k]) k--;
  return { threshold: top[k]! + EPS, accepted: k, n, reachable };
}

/** The m highest values, highest first, in one pass (m is small next to the set). */
export function topScores(values: ArrayLike<number>, m: number): Float64Array {
  const n = values.length;
  if (m >= n) return Float64Array.from(values).sort().reverse();
  // Keep a sorted window of the m best; a value below its minimum is skipped cheaply.
  const best = new Float64Array(m).fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v <= best[m - 1]!) continue;
    let j = m - 1;
    while (j > 0 && best[j - 1]! < v) {
      best[j] = best[j - 1]!;
      j--;
    }
    best[j] = v;
  }
  return best;
}
