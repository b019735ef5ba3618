// Active liveness over several frames: the patient is prompted to blink (or turn the head),
// and the landmarks must show it, with the non-rigid motion of a face, not the rigid motion
// of a photo held to the camera or the stillness of a replayed image. Pure functions over
// per-frame landmarks; the runner feeds frames from the face camera.
type Point = readonly [number, number];
type Landmarks = readonly Point[];

export type Challenge = 'blink' | 'turn-left' | 'turn-right';

export interface LivenessResult {
  readonly passed: boolean;
  /** The challenge prompted: one action, or the random plan's steps ("turn-left,blink"). */
  readonly challenge: string;
  readonly score: number;
  readonly threshold: number;
  readonly frames: number;
  readonly checksPassed: string[];
  /** Why it failed: the fixed challenge's reasons, or the random challenge's (step and verdict). */
  readonly reason?: string;
  /** The passive anti-spoofing model's median score and the threshold it was held to. */
  readonly passive?: { readonly score: number; readonly threshold: number };
}

const dist = (a: Point, b: Point): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Eye aspect ratio (Soukupová & Čech 2016), both eyes averaged: ~0.3 open, < 0.2 closed. */
export function eyeAspectRatio(l: Landmarks): number {
  const ear = (i: number) =>
    (dist(l[i + 1]!, l[i + 5]!) + dist(l[i + 2]!, l[i + 4]!)) / (2 * dist(l[i]!, l[i + 3]!) || 1);
  return (ear(36) + ear(42)) / 2;
}

function yawOf(l: Landmarks): number {
  const mean = (from: number) => [0, 1, 2, 3, 4, 5].reduce((s, k) => s + l[from + k]![0], 0) / 6;
  const left = mean(36);
  const right = mean(42);
  return (l[30]![0] - (left + right) / 2) / (Math.abs(right - left) || 1);
}

/**
 * Residual of the best similarity transform (scale, rotation, shift) from frame a to b,
 * relative to face size: ~0 for a photo moved as a whole, larger for a face that moves.
 */
export function nonRigidResidual(a: Landmarks, b: Landmarks): number {
  const n = a.length;
  const ca = a.reduce((s, p) => [s[0] + p[0] / n, s[1] + p[1] / n] as [number, number], [0, 0]);
  const cb = b.reduce((s, p) => [s[0] + p[0] / n, s[1] + p[1] / n] as [number, number], [0, 0]);
  let sxx = 0;
  let sxy = 0;
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const ax = a[i]![0] - ca[0];
    const ay = a[i]![1] - ca[1];
    const bx = b[i]![0] - cb[0];
    const by = b[i]![1] - cb[1];
    sxx += ax * bx + ay * by;
    sxy += ax * by - ay * bx;
    norm += ax * ax + ay * ay;
  }
  const s = norm ? Math.hypot(sxx, sxy) / norm : 1;
  const th = Math.atan2(sxy, sxx);
  let res = 0;
  for (let i = 0; i < n; i++) {
    const ax = a[i]![0] - ca[0];
    const ay = a[i]![1] - ca[1];
    const px = s * (ax * Math.cos(th) - ay * Math.sin(th)) + cb[0];
    const py = s * (ax * Math.sin(th) + ay * Math.cos(th)) + cb[1];
    res += Math.hypot(px - b[i]![0], py - b[i]![1]);
  }
  const size = dist(b[36]!, b[45]!) || 1;
  return res / n / size;
}

export interface LivenessOptions {
  readonly minFrames?: number;
  /** A blink: EAR below this share of the open-eye baseline. */
  readonly blinkRatio?: number;
  /** A head turn: yaw moved this far toward the prompted side. */
  readonly turnDelta?: number;
  /** Below this mean non-rigid residual, the "face" moved like a rigid picture. */
  readonly minNonRigid?: number;
}

export function assessLiveness(
  challenge: Challenge,
  frames: readonly Landmarks[],
  o: LivenessOptions = {},
): LivenessResult {
  const minFrames = o.minFrames ?? 8;
  const threshold = 0.5;
  const base = { challenge, threshold, frames: frames.length };
  if (frames.length < minFrames)
    return { ...base, passed: false, score: 0, checksPassed: [], reason: 'too-few-frames' };
  const residuals = frames.slice(1).map((f, i) => nonRigidResidual(frames[i]!, f));
  const motion = residuals.reduce((s, r) => s + r, 0) / residuals.length;
  const moves = frames.slice(1).reduce((s, f, i) => s + dist(f[30]!, frames[i]![30]!), 0);
  const checks: string[] = [];
  if (moves === 0 && motion === 0)
    return { ...base, passed: false, score: 0, checksPassed: checks, reason: 'static' };
  const nonRigid = motion >= (o.minNonRigid ?? 0.004);
  if (nonRigid) checks.push('non-rigid-motion');
  let seen = false;
  if (challenge === 'blink') {
    const ears = frames.map(eyeAspectRatio);
    const open = [...ears].sort((a, b) => a - b)[Math.floor(ears.length * 0.75)]!;
    const closedAt = ears.findIndex((e) => e < open * (o.blinkRatio ?? 0.6));
    seen = closedAt > 0 && ears.slice(closedAt).some((e) => e > open * 0.85);
  } else {
    const yaws = frames.map(yawOf);
    const sign = challenge === 'turn-left' ? -1 : 1;
    seen = yaws.some((y) => sign * (y - yaws[0]!) >= (o.turnDelta ?? 0.15));
  }
  if (seen) checks.push(challenge);
  const score = (seen ? 0.6 : 0) + (nonRigid ? 0.4 : 0);
  const passed = score >= threshold && seen && nonRigid;
  return {
    ...base,
    passed,
    score,
    checksPassed: checks,
    reason: passed ? undefined : !nonRigid ? 'rigid' : 'challenge-not-seen',
  };
}
