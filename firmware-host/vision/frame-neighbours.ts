// Which frames of a track are a frame's neighbours, by time: the liveness judge smooths the pose
// over them (liveness-challenge.ts) and checks the head was still over them at a blink
// (liveness-blinks.ts). Pure.

/**
 * Frames this close in time count as a frame's neighbours (beside its adjacent ones, always
 * neighbours): at 6 fps, the rate the limits were chosen at, exactly the adjacent frames; at
 * 12 fps two on each side. readerd's own rate varies with its load (9–12 a second in real time
 * here, with holes where a detector frame ran): the smoothing spans the same time at any rate.
 */
export const NEIGHBOUR_MS = 200;

/** The indices of frame i's neighbourhood: its adjacent frames and all within NEIGHBOUR_MS. */
export function neighbourhood(ts: readonly number[], i: number): { before: number[]; after: number[] } {
  const before: number[] = [];
  const after: number[] = [];
  for (let j = i - 1; j >= 0 && (j === i - 1 || ts[i]! - ts[j]! <= NEIGHBOUR_MS); j--) before.push(j);
  for (let j = i + 1; j < ts.length && (j === i + 1 || ts[j]! - ts[i]! <= NEIGHBOUR_MS); j++) after.push(j);
  return { before, after };
}
