// The challenge's prompts as soon as the patient can act. A drawn plan puts every prompt at a
// fixed moment, long enough after the last one for the slowest accepted answer: a turn is held
// 1.5–2.6 s before "look at the camera", and the next step waits for the latest return (1.8 s)
// plus 0.4 s, then its random wait. Most patients answer in about a second, and then stand
// waiting. Here each step is re-timed as the frames show the patient's answer: "look at the
// camera" a random hold after the turn is seen, the next step its random wait after the last one
// was answered (the plan's own draw), and the attempt over when the last step is answered. No
// later than the plan (but for a second's wait for a settled face), and the judgement is the same
// (judgeChallenge over the prompts' actual moments).
//
// Paced by the frames, the prompts follow what the camera shows, and a recording of an earlier
// session shows its answers at the moments its own prompts came: a fresh prompt timed from the
// recording's last answer lands about where the recording's own next prompt did. The defence is
// timing the recording cannot know: each prompt waits a further random time of its own, drawn
// when the attempt starts with the reader's CSPRNG (PROMPT_JITTER_MS, and a turn's hold over
// EARLY_HOLD_MS), and no step's prompt is shown before the face has been settled for SETTLE_MS
// (the head back at rest, the eyes open): a blink during a turn's return, or a move already under
// way, is never the answer to a prompt that came in the middle of it.
import { median } from '../../protocol/vision/median.js';
import {
  type ChallengeAction,
  type ChallengePlan,
  type ChallengeStep,
  type ChallengeThresholds,
  type ChallengeTiming,
  DEFAULT_THRESHOLDS,
  DEFAULT_TIMING,
  eyeRise,
  judgeChallenge,
  type LiveFrame,
  poseOf,
} from './liveness-challenge.js';

const isTurn = (a: ChallengeAction): boolean => a !== 'blink' && a !== 'blink-twice';

/**
 * A turn's "look at the camera" comes this long after the turn is seen (random within). The
 * return is a second timed answer: a recording returns where its own "look" came, 0.6–1.5 s
 * after its turn was seen, and the judge wants the head held until 0.25 s after this one. Spread
 * over 0.3–2.5 s (was 0.3–0.8) it halved the recorded sessions a fresh challenge accepted
 * (seed-40 dev recordings offline, `tools/face/liveness-replays.ts --tries 200`: 43 → 21 of
 * 19,800, DEFAULT_TIMING's hold widened to 4 s, which caps it); a patient holds ~0.8 s longer
 * per turn.
 */
export const EARLY_HOLD_MS: readonly [number, number] = [300, 2500];
/** Each step's prompt waits this much longer than its random gap (random within, per prompt). */
export const PROMPT_JITTER_MS: readonly [number, number] = [0, 1200];
/**
 * A step's prompt is shown only once the face has been settled this long: the head within
 * SETTLED_POSE of its limits from the rest pose and the eyes open (closed by less than
 * SETTLED_EYES of the blink limit) on every frame; not past SETTLE_WAIT_MAX_MS after the drawn
 * plan's own moment.
 */
export const SETTLE_MS = 500;
/** A turn is seen once frames past its limit span this long (two frames at 6 fps, three at 12). */
const TURN_SEEN_MS = 150;
/** A prompt waits for a settled face at most this long past the drawn plan's moment for it. */
export const SETTLE_WAIT_MAX_MS = 1000;
/**
 * A prompt held back for a settled face comes this long after the face has settled (random
 * within, per prompt): released on the very frame it settles, a replay's prompt would come where
 * the recording's own came, for the recording's face settled there too.
 */
export const RELEASE_JITTER_MS: readonly [number, number] = [0, 1000];
/**
 * After the last answer the attempt goes on watching this long (random within): a recording
 * answering by chance goes on to do what its own next prompt asked, and a turn nobody asked for
 * fails the attempt; a patient who has answered stands still.
 */
export const TAIL_MS: readonly [number, number] = [500, 1500];
const SETTLED_POSE = 0.6;
const SETTLED_EYES = 0.5;

/** The paced prompts' random waits (ranges in ms), each drawn per attempt with the reader's CSPRNG. */
export interface Pacing {
  readonly earlyHoldMs: readonly [number, number];
  readonly promptJitterMs: readonly [number, number];
  readonly releaseJitterMs: readonly [number, number];
  readonly tailMs: readonly [number, number];
}

/** What readerd paces with. */
export const DEFAULT_PACING: Pacing = {
  earlyHoldMs: EARLY_HOLD_MS,
  promptJitterMs: PROMPT_JITTER_MS,
  releaseJitterMs: RELEASE_JITTER_MS,
  tailMs: TAIL_MS,
};

const within = (r: readonly [number, number], u: number): number => r[0] + u * (r[1] - r[0]);

/** Uniform [0, 1) from the platform's CSPRNG: prompt timing nobody can predict. */
export function cryptoRandom(): number {
  const v = new Uint32Array(1);
  crypto.getRandomValues(v);
  return v[0]! / 2 ** 32;
}

interface Step {
  action: ChallengeAction;
  promptMs: number;
  backMs?: number;
}

export class PatientPacedPlan {
  private readonly steps: Step[];
  private readonly timing: ChallengeTiming;
  private readonly thresholds: ChallengeThresholds;
  /** Per step, the plan's random wait before it (ms) and its hold as a share of the hold range. */
  private readonly gaps: number[];
  private readonly holds: number[];
  /** Per step, the prompt's own further wait (ms), drawn at the start. */
  private readonly jitter: number[];
  /** Per step, the latest a prompt waiting for a settled face is held back to. */
  private readonly latest: number[];
  /** Per step, the further wait of a prompt held back for a settled face, and when it is released. */
  private readonly release: number[];
  private readonly held = new Map<number, number | undefined>();
  /** How long the attempt watches after the last answer. */
  private readonly tail: number;
  /** Steps answered so far, and whether a turn's "look at the camera" has been brought forward. */
  private answered = 0;
  private answeredAt?: number;
  private readonly backMoved = new Set<number>();
  private readonly pacing: Pacing;

  constructor(
    private readonly drawn: ChallengePlan,
    thresholds: ChallengeThresholds = DEFAULT_THRESHOLDS,
    /** [0, 1): the prompts' own waits; the CSPRNG unless a test or an evaluation seeds it. */
    random: () => number = cryptoRandom,
    /** The prompts' waits: readerd's unless an evaluation measures others. */
    pacing: Pacing = DEFAULT_PACING,
  ) {
    this.pacing = pacing;
    this.timing = drawn.timing ?? DEFAULT_TIMING;
    this.thresholds = thresholds;
    this.steps = drawn.steps.map((s) => ({ ...s }));
    this.latest = drawn.steps.map((s) => s.promptMs + SETTLE_WAIT_MAX_MS);
    // The waits as drawPlan drew them: each prompt after the previous step's latest end.
    const t = this.timing;
    let prevEnd = t.baselineMs;
    this.gaps = [];
    this.holds = [];
    this.jitter = [];
    this.release = [];
    for (const s of drawn.steps) {
      this.gaps.push(Math.min(t.gapMs[1], Math.max(t.gapMs[0], s.promptMs - prevEnd)));
      // Drawn for every step, turn or not: the same number of draws whatever the plan. The hold
      // is the reader's own draw, not the plan's (a recording's hold was drawn from the same range).
      const hold = random();
      this.holds.push(s.backMs === undefined ? 0 : hold);
      this.jitter.push(within(pacing.promptJitterMs, random()));
      this.release.push(within(pacing.releaseJitterMs, random()));
      prevEnd = this.stepEnd(s);
    }
    this.tail = within(pacing.tailMs, random());
  }

  /** When nothing more of a step is needed, as drawPlan counts it (the next step's wait starts there). */
  private stepEnd(s: Step | ChallengeStep): number {
    const t = this.timing;
    return s.backMs !== undefined
      ? s.backMs + t.onsetMs[1] + 400
      : s.promptMs + t.onsetMs[1] + (s.action === 'blink-twice' ? 1200 : 600);
  }

  /** The plan as it stands: the prompts shown at their actual moments, the rest provisional. */
  get plan(): ChallengePlan {
    const steps: ChallengeStep[] = this.steps.map((s) =>
      s.backMs === undefined ? { action: s.action, promptMs: s.promptMs } : { ...s, backMs: s.backMs },
    );
    const last = this.steps.at(-1);
    const endMs = this.answeredAt ?? (last ? this.stepEnd(last) : this.drawn.endMs);
    return { steps, endMs, timing: this.drawn.timing };
  }

  /** A prompt was shown at frame time t (later than planned by up to a frame): judged from then. */
  shown(step: number, which: 'prompt' | 'back', t: number): void {
    const s = this.steps[step]!;
    if (which === 'prompt') s.promptMs = t;
    else s.backMs = t;
  }

  /**
   * Whether a prompt that is due may be shown on the frame at `t` (`track`: the frames before
   * it): a step's prompt waits for a settled face, up to SETTLE_WAIT_MAX_MS past the drawn
   * plan's moment; "look at the camera" never waits (the head is meant to be turned).
   */
  mayShow(step: number, which: 'prompt' | 'back', t: number, track: readonly LiveFrame[]): boolean {
    if (which === 'back' || t >= this.latest[step]!) return true;
    const settled = this.settled(track, t);
    if (!this.held.has(step)) {
      if (settled) return true;
      this.held.set(step, undefined);
      return false;
    }
    // Held back: released a random while after the face settled, not on that frame.
    if (!settled) {
      this.held.set(step, undefined);
      return false;
    }
    const at = this.held.get(step) ?? t + this.release[step]!;
    this.held.set(step, at);
    return t >= at;
  }

  /** Moves step `from` and every later moment by `delta` ms; `backOnlyOf`: that step's "look" too. */
  private shift(from: number, delta: number, backOnlyOf?: number): void {
    if (backOnlyOf !== undefined) this.steps[backOnlyOf]!.backMs! += delta;
    for (let i = from; i < this.steps.length; i++) {
      const s = this.steps[i]!;
      s.promptMs += delta;
      if (s.backMs !== undefined) s.backMs += delta;
    }
  }

  /**
   * After each frame (the track so far, `now` its last frame's time): re-times what the answers
   * allow. `shown(i, which)` says which prompts are already on the screen.
   */
  update(
    track: readonly LiveFrame[],
    now: number,
    shown: (i: number, which: 'prompt' | 'back') => boolean,
  ): void {
    // A prompt due but held back for a settled face: it, and all after it, no earlier than now.
    const waiting = this.steps.findIndex((_, i) => !shown(i, 'prompt'));
    if (waiting >= 0 && this.steps[waiting]!.promptMs < now)
      this.shift(waiting, now - this.steps[waiting]!.promptMs);
    while (this.answered < this.steps.length) {
      const i = this.answered;
      const st = this.steps[i]!;
      if (!shown(i, 'prompt')) return;
      if (isTurn(st.action) && !shown(i, 'back')) {
        if (!this.backMoved.has(i)) {
          const seen = this.turnSeenAt(track, st);
          if (seen === undefined) return;
          const back = Math.max(now, seen + within(this.pacing.earlyHoldMs, this.holds[i]!));
          this.backMoved.add(i);
          // Never later than the drawn plan's "look at the camera".
          if (back < st.backMs!) this.shift(i + 1, back - st.backMs!, i);
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
        this.answeredAt = Math.min(this.stepEnd(this.steps.at(-1)!), now + this.tail);
        return;
      }
      const at = now + this.gaps[i + 1]! + this.jitter[i + 1]!;
      if (at < next.promptMs) this.shift(i + 1, at - next.promptMs);
    }
  }

  /** The rest pose and the eyes' rest: the frames before the first response could begin. */
  private rest(track: readonly LiveFrame[]): { yaw: number; pitch: number; eyes: number[] } | undefined {
    const first = this.steps[0]!.promptMs + this.timing.onsetMs[0];
    const base = track.filter((f) => f.t < first);
    if (base.length < 2) return undefined;
    const poses = base.map((f) => poseOf(f.landmarks));
    const eyes = [0, 1].map((k) =>
      median(base.map((f) => f.eyesClosed?.[k]).filter((c): c is number => c !== undefined)),
    );
    return { yaw: median(poses.map((p) => p.yaw)), pitch: median(poses.map((p) => p.pitch)), eyes };
  }

  /**
   * The face settled over the SETTLE_MS before `t`'s frame: at least two frames, on each the head within
   * SETTLED_POSE of the turn and nod limits from the rest pose and the eyes not closing.
   */
  private settled(track: readonly LiveFrame[], t: number): boolean {
    const rest = this.rest(track);
    if (!rest) return false;
    // Over the SETTLE_MS up to the newest frame seen (the frame at `t` is not measured yet).
    const newest = track.at(-1)?.t ?? t;
    const recent = track.filter((f) => f.t > newest - SETTLE_MS && f.t <= t);
    if (recent.length < 2) return false;
    const th = this.thresholds;
    return recent.every((f) => {
      const p = poseOf(f.landmarks);
      if (Math.abs(p.yaw - rest.yaw) > SETTLED_POSE * th.yaw) return false;
      if (Math.abs(p.pitch - rest.pitch) > SETTLED_POSE * th.pitch) return false;
      const e = f.eyesClosed;
      if (!e) return true;
      const closing = Math.max(eyeRise(e[0], rest.eyes[0]!), eyeRise(e[1], rest.eyes[1]!));
      return closing < SETTLED_EYES * th.closure;
    });
  }

  /**
   * When the asked turn is first seen: frames in a row, after the earliest onset, each past the
   * turn's threshold from the rest pose, spanning TURN_SEEN_MS (at 6 fps two frames, at 12 three;
   * the judge's own rule is a median over its neighbours; this only times a prompt, the judge
   * decides).
   */
  private turnSeenAt(track: readonly LiveFrame[], st: Step): number | undefined {
    const rest = this.rest(track);
    if (!rest) return undefined;
    const th = this.thresholds;
    const amount = (f: LiveFrame): number => {
      const p = poseOf(f.landmarks);
      switch (st.action) {
        case 'turn-left':
          return (rest.yaw - p.yaw) / th.yaw;
        case 'turn-right':
          return (p.yaw - rest.yaw) / th.yaw;
        case 'look-up':
          return (rest.pitch - p.pitch) / th.pitch;
        default:
          return (p.pitch - rest.pitch) / th.pitch;
      }
    };
    const after = track.filter((f) => f.t >= st.promptMs + this.timing.onsetMs[0]);
    let from: number | undefined;
    for (const f of after) {
      if (amount(f) < 1) from = undefined;
      else if (from === undefined) from = f.t;
      else if (f.t - from >= TURN_SEEN_MS) return f.t;
    }
    return undefined;
  }
}
