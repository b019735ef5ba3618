// The challenge's prompts as soon as the patient can act. A drawn plan puts every prompt at a
// fixed moment, long enough after the last one for the slowest accepted answer: a turn is held
// 1.5–2.6 s before "look at the camera", and the next step waits for the latest return (1.8 s)
// plus 0.4 s, then its random wait. Most patients answer in about a second, and then stand
// waiting. Here each step is re-timed as the frames show the patient's answer: "look at the
// camera" a short random hold after the turn is seen, the next step its random wait after the
// last one was answered (the plan's own draw: still unpredictable), and the attempt over when
// the last step is answered. Only ever earlier than the plan, and the judgement is the same
// (judgeChallenge over the prompts' actual moments).
import {
  type ChallengeAction,
  type ChallengePlan,
  type ChallengeStep,
  type ChallengeThresholds,
  type ChallengeTiming,
  DEFAULT_THRESHOLDS,
  DEFAULT_TIMING,
  judgeChallenge,
  type LiveFrame,
  poseOf,
} from './liveness-challenge.js';

const isTurn = (a: ChallengeAction): boolean => a !== 'blink' && a !== 'blink-twice';

/** A turn's "look at the camera" comes this long after the turn is seen (random within). */
export const EARLY_HOLD_MS: readonly [number, number] = [300, 800];

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};
const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

interface Step {
  action: ChallengeAction;
  promptMs: number;
  backMs?: number;
}

export class PatientPacedPlan {
  private readonly steps: Step[];
  private endMs: number;
  private readonly timing: ChallengeTiming;
  private readonly thresholds: ChallengeThresholds;
  /** Per step, the plan's random wait before it (ms) and its hold as a share of the hold range. */
  private readonly gaps: number[];
  private readonly holds: number[];
  /** Steps answered so far, and whether a turn's "look at the camera" has been brought forward. */
  private answered = 0;
  private readonly backMoved = new Set<number>();

  constructor(
    private readonly drawn: ChallengePlan,
    thresholds: ChallengeThresholds = DEFAULT_THRESHOLDS,
  ) {
    this.timing = drawn.timing ?? DEFAULT_TIMING;
    this.thresholds = thresholds;
    this.steps = drawn.steps.map((s) => ({ ...s }));
    this.endMs = drawn.endMs;
    // The waits as drawPlan drew them: each prompt after the previous step's latest end.
    const t = this.timing;
    let prevEnd = t.baselineMs;
    this.gaps = [];
    this.holds = [];
    for (const s of drawn.steps) {
      this.gaps.push(Math.min(t.gapMs[1], Math.max(t.gapMs[0], s.promptMs - prevEnd)));
      const span = t.holdMs[1] - t.holdMs[0];
      this.holds.push(
        s.backMs === undefined ? 0 : clamp01(span > 0 ? (s.backMs - s.promptMs - t.holdMs[0]) / span : 0),
      );
      prevEnd =
        s.backMs !== undefined
          ? s.backMs + t.onsetMs[1] + 400
          : s.promptMs + t.onsetMs[1] + (s.action === 'blink-twice' ? 1200 : 600);
    }
  }

  /** The plan as it stands: the prompts shown at their actual moments, the rest provisional. */
  get plan(): ChallengePlan {
    const steps: ChallengeStep[] = this.steps.map((s) =>
      s.backMs === undefined ? { action: s.action, promptMs: s.promptMs } : { ...s, backMs: s.backMs },
    );
    return { steps, endMs: this.endMs, timing: this.drawn.timing };
  }

  /** A prompt was shown at frame time t (later than planned by up to a frame): judged from then. */
  shown(step: number, which: 'prompt' | 'back', t: number): void {
    const s = this.steps[step]!;
    if (which === 'prompt') s.promptMs = t;
    else s.backMs = t;
  }

  /** Moves step `from` and every later moment by `delta` ms (negative: earlier). */
  private shift(from: number, delta: number, backOnlyOf?: number): void {
    if (delta >= 0) return;
    if (backOnlyOf !== undefined) this.steps[backOnlyOf]!.backMs! += delta;
    for (let i = from; i < this.steps.length; i++) {
      const s = this.steps[i]!;
      s.promptMs += delta;
      if (s.backMs !== undefined) s.backMs += delta;
    }
    this.endMs += delta;
  }

  /**
   * After each frame (the track so far, `now` its last frame's time): re-times what the answers
   * allow. `promptShown(i)`/`backShown(i)` say which prompts are already on the screen.
   */
  update(
    track: readonly LiveFrame[],
    now: number,
    shown: (i: number, which: 'prompt' | 'back') => boolean,
  ): void {
    while (this.answered < this.steps.length) {
      const i = this.answered;
      const st = this.steps[i]!;
      if (!shown(i, 'prompt')) return;
      if (isTurn(st.action) && !shown(i, 'back')) {
        if (!this.backMoved.has(i)) {
          const seen = this.turnSeenAt(track, st);
          if (seen === undefined) return;
          const back = Math.max(
            now,
            seen + EARLY_HOLD_MS[0] + this.holds[i]! * (EARLY_HOLD_MS[1] - EARLY_HOLD_MS[0]),
          );
          this.backMoved.add(i);
          this.shift(i + 1, back - st.backMs!, i);
        }
        return;
      }
      // Every step up to this one answered: the judgement of the plan cut after it has passed.
      const cut: ChallengePlan = {
        steps: this.plan.steps.slice(0, i + 1),
        endMs: 0,
        timing: this.drawn.timing,
      };
      const o = judgeChallenge(cut, track, { final: false, thresholds: this.thresholds });
      if (!o?.passed) return;
      this.answered++;
      const next = this.steps[i + 1];
      if (!next) {
        this.endMs = Math.min(this.endMs, now);
        return;
      }
      this.shift(i + 1, now + this.gaps[i + 1]! - next.promptMs);
    }
  }

  /**
   * When the asked turn is first seen: two frames in a row, after the earliest onset, each past
   * the turn's threshold from the rest pose (the judge's own rule is a 3-frame median; this only
   * times a prompt, the judge decides).
   */
  private turnSeenAt(track: readonly LiveFrame[], st: Step): number | undefined {
    const first = this.steps[0]!.promptMs + this.timing.onsetMs[0];
    const base = track.filter((f) => f.t < first).map((f) => poseOf(f.landmarks));
    if (base.length < 2) return undefined;
    const yaw0 = median(base.map((p) => p.yaw));
    const pitch0 = median(base.map((p) => p.pitch));
    const th = this.thresholds;
    const amount = (f: LiveFrame): number => {
      const p = poseOf(f.landmarks);
      switch (st.action) {
        case 'turn-left':
          return (yaw0 - p.yaw) / th.yaw;
        case 'turn-right':
          return (p.yaw - yaw0) / th.yaw;
        case 'look-up':
          return (pitch0 - p.pitch) / th.pitch;
        default:
          return (p.pitch - pitch0) / th.pitch;
      }
    };
    const after = track.filter((f) => f.t >= st.promptMs + this.timing.onsetMs[0]);
    for (let k = 1; k < after.length; k++)
      if (amount(after[k - 1]!) >= 1 && amount(after[k]!) >= 1) return after[k]!.t;
    return undefined;
  }
}
