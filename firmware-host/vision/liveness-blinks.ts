// Blinks in the per-frame measurements: how far an eye closed (eyeRise), blink events that end
// when the eye reopens (blinkEvents), and whether the head moved at a blink (blinkMotion). Pure
// functions; the challenge's judge (liveness-challenge.ts) asks them.
import { median } from '../../protocol/vision/median.js';
import { neighbourhood } from './frame-neighbours.js';
import type { ChallengeTiming, LiveFrame } from './liveness-challenge.js';

type Point = readonly [number, number];
type Landmarks = readonly Point[];

/** One frame's time and eye closure (eyeRise of the more closed eye), where the eyes were read. */
export interface BlinkSignal {
  readonly t: number;
  readonly closure?: number;
}

/**
 * How far an eye closed from its rest (`p` and `rest`: the eye model's closed probabilities), on
 * a scale where open to closed is 1: the rise of the probability, or of its log-odds (clipped,
 * below) over 2·EYE_LOG_ODDS_CLIP, whichever is larger. On some faces the model
 * reads an open eye as closed, 0.9–0.99, which leaves a blink no room to rise in probability:
 * through the emulator, faces-lfw Fujio_Cho__2's eyes sat at 0.92 and 0.98 open and both its
 * prompted blinks rose less than 0.08, yet in log-odds they rose from about +2.4 to +11…+23
 * against an open eye's jitter of ±2.5 (README "Liveness"). The probability stays for faces
 * whose open eyes read near 0.5 (a blink to 0.99 is a small rise in log-odds). On that scale a
 * rise from 0.0001 to 0.9999 is 1; a rest below 0.0001 counts from there (a
 * confidently open eye's jitter far below 0, −10 one frame, −25 the next, is not a blink).
 * Above, the reading is clipped only at EYE_LOG_ODDS_CEIL: on some faces fr_eye reads the open
 * eye beyond 0.9999 and the shut one far beyond that — through the emulator, faces-lfw
 * Bob_Huggins__3's open eye sat at +8.1 and its prompted blink read +17.4 and +22.5, a rise of
 * 0.06 clipped at 0.9999, 0.78 now (README "Liveness"). fr_eye's softmax reaches ±32.
 */
export const EYE_LOG_ODDS_CLIP = 9.21;
export const EYE_LOG_ODDS_CEIL = 23;
const logOdds = (p: number): number => {
  if (!(p > 0)) return -EYE_LOG_ODDS_CLIP;
  if (!(p < 1)) return EYE_LOG_ODDS_CEIL;
  return Math.max(-EYE_LOG_ODDS_CLIP, Math.min(EYE_LOG_ODDS_CEIL, Math.log(p / (1 - p))));
};
export function eyeRise(p: number, rest: number): number {
  const rise = p - rest;
  // The log-odds arm only where the model says the eye is more likely closed than open: from a
  // confidently open rest (1e-5, clipped) its log-odds reach the blink limit at p ≈ 0.006, and one
  // frame's upward jitter to 1–2 % (motion blur, a print's eyes) would be a blink.
  if (p < 0.5) return rise;
  return Math.max(rise, (logOdds(p) - logOdds(rest)) / (2 * EYE_LOG_ODDS_CLIP));
}

/**
 * A blink's eye reopens within this long of the blink's first closed frame, or it was no blink: a
 * deliberate blink lasts 0.3–0.5 s, and an eye the model reads shut for longer is a sheet turned or
 * tilted away, or a face it reads wrongly, not a lid that moved.
 */
export const BLINK_MAX_MS = 1000;
/**
 * The closure a blink's dips are measured on is capped here (log-odds ≈ +11): above it the eye is
 * shut whatever the reading, and fr_eye's softmax on a shut eye swings by several log-odds.
 */
const BLINK_DIP_CAP = 1.1;

/** A blink: its first closed frame's index, and the frame's where the eye was reopening (if yet). */
export interface Blink {
  readonly onset: number;
  reopen?: number;
}

/**
 * Blink events over the closure signal (`th`: the blink limit). A blink begins on a frame closed
 * by `th` or more and ends when the eye reopens: its closure falls under th/2, or by th/2 from
 * its peak. A second blink may begin from such a dip without the eye fully open: at 6 fps a
 * `blink-twice` is often seen as closed, half open, closed (through the emulator, seed 17's
 * Andre_Agassi__2 read 1.16, 1.09, 0.88, 0.78, 1.10 and Eddie_Sutton__1 0.95, 0.57, 0.65, 0.57,
 * 0.95: one run for a closed-eye limit of th/2, two blinks by their dips; README "Liveness"). A
 * run still closed BLINK_MAX_MS after its onset never counts.
 */
export function blinkEvents(sig: readonly BlinkSignal[], th: number): Blink[] {
  const out: Blink[] = [];
  let cur: Blink | undefined;
  // 'long': closed past BLINK_MAX_MS; only a full reopen (under th/2) ends it, no dip.
  let state = 'open' as 'open' | 'closed' | 'dipped' | 'long';
  let peak = 0;
  let trough = 0;
  for (const [k, s] of sig.entries()) {
    if (s.closure === undefined) continue;
    // Peaks and dips on a closure capped at BLINK_DIP_CAP: a shut eye's log-odds swing widely (1 −
    // 1e-6 is 1.25 on this scale, 1 is 1.75), and a dip between two such readings is no reopening.
    const c = Math.min(s.closure, BLINK_DIP_CAP);
    const begins = state === 'open' ? c >= th : state === 'dipped' && c >= th && c - trough >= th / 2;
    if (begins) {
      cur = { onset: k };
      out.push(cur);
      state = 'closed';
      peak = c;
    } else if (state === 'closed') {
      peak = Math.max(peak, c);
      if (s.t - sig[cur!.onset]!.t > BLINK_MAX_MS) state = c < th / 2 ? 'open' : 'long';
      else if (c < th / 2 || peak - c >= th / 2) {
        cur!.reopen = k;
        state = c < th / 2 ? 'open' : 'dipped';
        trough = c;
      }
    } else if (state === 'dipped') {
      trough = Math.min(trough, c);
      if (c < th / 2) state = 'open';
    } else if (c < th / 2) state = 'open';
  }
  return out;
}

/** Each eye's centre as the midpoint of its two corners (36–39, 42–45): the lids move neither. */
function eyeCornerCentres(l: Landmarks): [Point, Point] {
  return [
    [(l[36]![0] + l[39]![0]) / 2, (l[36]![1] + l[39]![1]) / 2],
    [(l[42]![0] + l[45]![0]) / 2, (l[42]![1] + l[45]![1]) / 2],
  ];
}

/**
 * The distance between the eyes' centres, each the midpoint of its two corners (36–39, 42–45):
 * the corners stay where they are when the lid closes, so a blink leaves it, but a sheet turned
 * about any axis but the camera's shortens it (by the turn's cosine, and its perspective).
 */
export function eyeSpacing(l: Landmarks): number {
  const [a, b] = eyeCornerCentres(l);
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}

/** The point between the eyes' corner midpoints: where the eyes are, whatever their lids do. */
function eyesMidpoint(l: Landmarks): Point {
  const [a, b] = eyeCornerCentres(l);
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}

/**
 * How far the head moved at a blink, as a share of the eyes' spacing when the prompt came (the
 * frames from 600 ms before the prompt to the earliest onset): the larger of the change of the
 * eyes' spacing (a turn, a nod, a move toward the camera) and how far the point between the eyes
 * travelled (a move across the picture), on the blink's first frame and its neighbours
 * (NEIGHBOUR_MS: the adjacent frames at 6 fps, two on each side at 12). A
 * blink moves neither: only the lids move, the eyes' corners stay. A print answers a blink prompt
 * by being turned or shaken, which the eye model reads as the eyes closing; a sheet folded along
 * the nose keeps its eyes' spacing as it turns, but the whole sheet travels with the hand: through
 * the emulator the two seed-16 folds that passed a blink had travelled 0.24 and 0.37 eye spacings
 * by it, the 117 blinks of 101 live subjects at most 0.15 (their spacing changed 0.03–0.04; README
 * "Liveness").
 */
export function blinkMotion(
  frames: readonly LiveFrame[],
  onset: number,
  promptMs: number,
  timing: Pick<ChallengeTiming, 'onsetMs'>,
): number {
  let before = frames.filter((f) => f.t >= promptMs - 600 && f.t < promptMs + timing.onsetMs[0]);
  if (!before.length) before = frames.filter((f) => f.t < promptMs + timing.onsetMs[0]).slice(-3);
  const ref = median(before.map((f) => eyeSpacing(f.landmarks)));
  if (!(ref > 0)) return Number.POSITIVE_INFINITY;
  const mids = before.map((f) => eyesMidpoint(f.landmarks));
  const refX = median(mids.map((m) => m[0]));
  const refY = median(mids.map((m) => m[1]));
  let worst = 0;
  const { before: b, after: a } = neighbourhood(
    frames.map((f) => f.t),
    onset,
  );
  for (const k of [onset, ...b, ...a]) {
    const l = frames[k]!.landmarks;
    const [x, y] = eyesMidpoint(l);
    worst = Math.max(worst, Math.abs(eyeSpacing(l) / ref - 1), Math.hypot(x - refX, y - refY) / ref);
  }
  return worst;
}
