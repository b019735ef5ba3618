// The challenge's limits chosen on the calibration people alone, by a rule fixed before any run:
// judge every measured presentation (bona fide and attack) under candidate limits; prefer the
// fewest attacks accepted, then the fewest bona fide rejected; of the values that tie, take the
// middle of the longest run of neighbouring ones (the widest margin both ways). One limit at a
// time over its grid, starting from the shipped limits, twice over (the limits interact little).
import {
  type ChallengePlan,
  type ChallengeThresholds,
  DEFAULT_THRESHOLDS,
  judgeChallenge,
  type LiveFrame,
} from '../../firmware-host/vision/liveness-challenge.js';

export interface MeasuredPresentation {
  readonly bonaFide: boolean;
  readonly plan: ChallengePlan;
  readonly track: readonly LiveFrame[];
}

export interface CalibrationResult {
  readonly thresholds: ChallengeThresholds;
  /** On the calibration presentations, under the chosen limits. */
  readonly attacksAccepted: number;
  readonly attacks: number;
  readonly bonaFideRejected: number;
  readonly bonaFide: number;
}

const range = (lo: number, hi: number, step: number): number[] =>
  Array.from({ length: Math.round((hi - lo) / step) + 1 }, (_, i) => Math.round((lo + i * step) * 1e4) / 1e4);

/**
 * The candidate values of each limit. The turn, nod and parallax grids reach past what the first
 * head warp gave a turned head (it turned half as far as told): the mesh head (head-mesh.ts)
 * reads about 0.45 eye distances turned 0.45 rad.
 */
export const GRIDS: Record<'yaw' | 'pitch' | 'closure' | 'parallax' | 'blinkStill', readonly number[]> = {
  yaw: range(0.04, 0.3, 0.005),
  pitch: range(0.03, 0.24, 0.005),
  closure: range(0.1, 0.8, 0.025),
  // 0: every turn passes the parallax check (the check off).
  parallax: range(0, 0.15, 0.0025),
  // 1: every blink counts however the head moves (the check off).
  blinkStill: [...range(0.01, 0.2, 0.005), 1],
};

function errors(
  set: readonly MeasuredPresentation[],
  th: ChallengeThresholds,
): { attacksAccepted: number; bonaFideRejected: number } {
  let attacksAccepted = 0;
  let bonaFideRejected = 0;
  for (const p of set) {
    // The challenge alone: readerd sets no other limit (no rigid-motion or passive minimum).
    const passed = judgeChallenge(p.plan, p.track, { thresholds: th })?.passed ?? false;
    if (p.bonaFide && !passed) bonaFideRejected++;
    if (!p.bonaFide && passed) attacksAccepted++;
  }
  return { attacksAccepted, bonaFideRejected };
}

export function calibrateThresholds(
  set: readonly MeasuredPresentation[],
  start: ChallengeThresholds = DEFAULT_THRESHOLDS,
): CalibrationResult {
  let th = start;
  for (let pass = 0; pass < 2; pass++)
    for (const key of ['yaw', 'pitch', 'closure', 'parallax', 'blinkStill'] as const) {
      const grid = GRIDS[key];
      const cost = grid.map((v) => {
        const e = errors(set, { ...th, [key]: v });
        return e.attacksAccepted * (set.length + 1) + e.bonaFideRejected;
      });
      const best = Math.min(...cost);
      // The longest run of neighbouring grid values at the best cost; its middle.
      let run: [number, number] = [0, -1];
      for (let i = 0; i < grid.length; i++) {
        if (cost[i] !== best) continue;
        let j = i;
        while (j + 1 < grid.length && cost[j + 1] === best) j++;
        if (j - i > run[1] - run[0]) run = [i, j];
        i = j;
      }
      th = { ...th, [key]: grid[Math.floor((run[0] + run[1]) / 2)]! };
    }
  const e = errors(set, th);
  return {
    thresholds: th,
    attacksAccepted: e.attacksAccepted,
    attacks: set.filter((p) => !p.bonaFide).length,
    bonaFideRejected: e.bonaFideRejected,
    bonaFide: set.filter((p) => p.bonaFide).length,
  };
}
