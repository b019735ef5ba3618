// One liveness attempt over the face camera: the challenge's prompts shown at their moments
// (on the frames' clock), every frame with a face measured (landmarks, eye state, the passive
// score), and the judgement taken as soon as it is certain. The face verifier runs it and
// matches the same frames; `readerctl face liveness-eval` runs it alone against the emulator.
import type { Frame } from '../../device/camera/frame-source.js';
import type { RgbImage } from '../../device/image/decode.js';
import { median } from '../../protocol/vision/median.js';
import type { FaceBox, FaceFound, LocatedFace } from './face-matcher.js';
import { FaceTracker, type TrackedFrame, type TrackingMatcher } from './face-tracker.js';
import { nonRigidResidual } from './liveness.js';
import {
  BLINK_MAX_MS,
  type ChallengeAction,
  type ChallengeOutcome,
  type ChallengePlan,
  type ChallengeThresholds,
  judgeChallenge,
  type LiveFrame,
  planName,
} from './liveness-challenge.js';
import type { EyeState } from './liveness-models.js';
import { type Pacing, PatientPacedPlan } from './patient-paced-plan.js';

export interface ChallengePrompt {
  readonly action: ChallengeAction | 'look';
  /** The frame clock (ms) at which the prompt is shown. */
  readonly atMs: number;
  readonly step: number;
  readonly steps: number;
}

export interface LivenessAttemptOptions {
  readonly detect: (img: RgbImage) => Promise<FaceFound[]>;
  /**
   * Follow the face (face-tracker.ts) instead of `detect` on every frame: the detector and the
   * embedder run every few frames, the landmark model alone between.
   */
  readonly track?: TrackingMatcher;
  /**
   * Prompts as soon as the patient can act (default: at the plan's moments): a turn's "look at
   * the camera" once the turn is seen and held a moment, the next step once the last one is
   * answered, each after the plan's own random wait; the attempt ends when the last step is
   * answered; each prompt also waits a random time of its own and, for a step, a settled face
   * (patient-paced-plan.ts). The judgement is the same, over the prompts' actual moments.
   */
  readonly early?: boolean;
  /** [0, 1): the paced prompts' own random waits (default the CSPRNG; seeded in an evaluation). */
  readonly random?: () => number;
  /** The paced prompts' wait ranges (default readerd's, DEFAULT_PACING): an evaluation may vary them. */
  readonly pacing?: Pacing;
  readonly camera: { nextFrame(timeoutMs: number): Promise<Frame> };
  readonly plan: ChallengePlan;
  /**
   * The attempt's time on the frames' clock: it ends when the plan's frames have been seen, or
   * this long after the first frame without a face in any. The wall clock is only a backstop
   * (`wallTimeoutMs`, default the same): a camera or a reader slower than real time (the
   * emulator's frames are rendered on demand) still sees the whole plan.
   */
  readonly timeoutMs: number;
  readonly wallTimeoutMs?: number;
  readonly eyes?: EyeState;
  /** The passive anti-spoofing model (liveness-models.ts PassiveLivenessModel), or a recording's scores. */
  readonly passive?: { score(img: RgbImage, box: FaceBox): Promise<number> };
  /** Under this mean non-rigid landmark residual, the face moved like a rigid picture. */
  readonly minNonRigid?: number;
  /** Under this median passive score, the face is a presentation attack. */
  readonly minPassive?: number;
  /** The challenge's limits (default DEFAULT_THRESHOLDS, what readerd runs). */
  readonly thresholds?: ChallengeThresholds;
  readonly onPrompt?: (p: ChallengePrompt) => void;
  /**
   * Each frame with a face, for the caller's match (the verifier's scores): `face` the one the
   * challenge follows, `faces` every face the detector saw (the quality gates need them all).
   */
  readonly onFace?: (
    img: RgbImage,
    face: LocatedFace,
    faces: readonly LocatedFace[],
    /** `face`'s descriptor, when this frame was embedded (every frame without `track`). */
    descriptor?: Float32Array,
  ) => void;
  readonly signal?: AbortSignal;
  /** Evaluation: measure until the plan's end without judging early. */
  readonly measureOnly?: boolean;
  /** The passive model on every n-th frame with a face (default 3: it costs as much as the detector). */
  readonly passiveEvery?: number;
}

export interface LivenessAttemptResult {
  readonly passed: boolean;
  readonly challenge: string;
  readonly outcome: ChallengeOutcome;
  readonly reason?: string;
  readonly frames: number;
  readonly nonRigid: number;
  readonly passive?: number;
  readonly checksPassed: string[];
  /** The measured frames (landmarks and scores, no pixels): for evaluation only, never logged. */
  readonly track: LiveFrame[];
  /** The plan as judged: with `early`, its prompts at the moments they were shown. */
  readonly plan: ChallengePlan;
}

/** The decision over a measured track (also what a replayed recording is judged by). */
export function decideLiveness(
  plan: ChallengePlan,
  track: readonly LiveFrame[],
  o: { minNonRigid?: number; minPassive?: number; final?: boolean; thresholds?: ChallengeThresholds } = {},
): Omit<LivenessAttemptResult, 'track' | 'plan'> | undefined {
  const outcome = judgeChallenge(plan, track, { final: o.final ?? true, thresholds: o.thresholds });
  if (!outcome) return undefined;
  const residuals = track.slice(1).map((f, i) => nonRigidResidual(track[i]!.landmarks, f.landmarks));
  const nonRigid = median(residuals);
  const passives = track.map((f) => f.passive).filter((p): p is number => p !== undefined);
  const passive = passives.length ? median(passives) : undefined;
  const checks = outcome.steps
    .filter((s) => s.verdict === 'seen')
    .map((s) => `${s.action}@${Math.round(s.onsetMs!)}ms`);
  const rigid = track.length > 2 && nonRigid < (o.minNonRigid ?? 0);
  if (!rigid) checks.push('non-rigid-motion');
  const spoofed = passive !== undefined && o.minPassive !== undefined && passive < o.minPassive;
  if (passive !== undefined && !spoofed) checks.push('passive');
  const passed = outcome.passed && !rigid && !spoofed;
  const reason = passed
    ? undefined
    : !outcome.passed
      ? `${outcome.reason}${outcome.failedStep ? ` (step ${outcome.failedStep})` : ''}`
      : rigid
        ? 'rigid'
        : 'passive';
  return {
    passed,
    challenge: planName(plan),
    outcome,
    reason,
    frames: track.length,
    nonRigid,
    passive,
    checksPassed: checks,
  };
}

export async function runLivenessAttempt(o: LivenessAttemptOptions): Promise<LivenessAttemptResult> {
  const track: LiveFrame[] = [];
  const deadline = performance.now() + (o.wallTimeoutMs ?? o.timeoutMs);
  let t0: number | undefined;
  let firstFrame: number | undefined;
  // The plan re-timed by the patient's answers, or the drawn plan as it is.
  const paced =
    o.early && !o.measureOnly ? new PatientPacedPlan(o.plan, o.thresholds, o.random, o.pacing) : undefined;
  const planNow = (): ChallengePlan => paced?.plan ?? o.plan;
  // Prompts in order: each step's prompt, and for turns "look at the camera" again.
  const shown = new Set<string>();
  const isShown = (i: number, which: 'prompt' | 'back'): boolean => shown.has(`${i}:${which}`);
  const steps = o.plan.steps.length;
  const tracker = o.track ? new FaceTracker(o.track) : undefined;
  const analyse = async (img: RgbImage): Promise<TrackedFrame> => {
    if (tracker) return tracker.next(img);
    const faces = await o.detect(img);
    return { faces, detected: true, descriptor: faces[0]?.descriptor };
  };
  let verdict: Omit<LivenessAttemptResult, 'track' | 'plan'> | undefined;
  let received = 0;
  while (!verdict) {
    const left = deadline - performance.now();
    if (left <= 0 || o.signal?.aborted) break;
    let frame: Frame;
    try {
      frame = await o.camera.nextFrame(left);
    } catch (e) {
      // No frame in the whole attempt: the camera failed, which is not the patient's doing.
      if (received === 0) throw e;
      break;
    }
    received++;
    firstFrame ??= frame.timestampMs;
    const img = { width: frame.width, height: frame.height, data: frame.data };
    const seen = await analyse(img);
    const face = seen.faces[0];
    // The plan's clock starts at the first frame with a face.
    if (face && t0 === undefined) t0 = frame.timestampMs;
    if (t0 === undefined) {
      if (frame.timestampMs - firstFrame >= o.timeoutMs) break;
      continue;
    }
    const t = frame.timestampMs - t0;
    for (const [i, st] of planNow().steps.entries()) {
      const due: ['prompt' | 'back', number][] = [['prompt', st.promptMs]];
      if (st.backMs !== undefined) due.push(['back', st.backMs]);
      let later = false;
      for (const [which, at] of due) {
        if (isShown(i, which)) continue;
        // Due, but a step's prompt waits for a settled face (patient-paced-plan.ts).
        if (at > t || (paced && !paced.mayShow(i, which, t, track))) {
          later = true;
          break;
        }
        shown.add(`${i}:${which}`);
        paced?.shown(i, which, t);
        o.onPrompt?.({
          action: which === 'back' ? 'look' : st.action,
          atMs: frame.timestampMs,
          step: i + 1,
          steps,
        });
      }
      if (later) break;
    }
    if (face) {
      o.onFace?.(img, face, seen.faces, seen.descriptor);
      const eyesClosed = o.eyes ? await o.eyes.closed(img, face.landmarks) : undefined;
      const every = o.passiveEvery ?? 3;
      const passive =
        o.passive && track.length % every === 0 ? await o.passive.score(img, face.box) : undefined;
      track.push({ t, landmarks: face.landmarks, eyesClosed, passive });
    }
    if (o.measureOnly) {
      if (t >= o.plan.endMs) break;
      continue;
    }
    paced?.update(track, t, isShown);
    const plan = planNow();
    // Past the plan's end a step still open (a blink whose eye has not reopened yet) has up to
    // BLINK_MAX_MS more before it is judged on what was seen.
    verdict =
      decideLiveness(plan, track, { ...o, final: false }) ??
      (t >= plan.endMs + BLINK_MAX_MS ? decideLiveness(plan, track, { ...o, final: true }) : undefined);
  }
  if (o.measureOnly || o.plan.steps.length === 0)
    return {
      passed: false,
      challenge: planName(o.plan),
      outcome: { passed: false, steps: [] },
      reason: 'measured only',
      frames: track.length,
      nonRigid: 0,
      checksPassed: [],
      track,
      plan: o.plan,
    };
  if (!verdict) {
    // Cut short by the wall clock (frames came slower than real time) with a step still open:
    // judged on what was seen, but said as it is, not as the patient's failing.
    const plan = planNow();
    const open = track.length > 0 && decideLiveness(plan, track, { ...o, final: false }) === undefined;
    verdict = decideLiveness(plan, track, { ...o, final: true })!;
    if (open && !verdict.passed)
      verdict = {
        ...verdict,
        reason: `too-slow (${verdict.reason}: the attempt's time ran out before the challenge's end)`,
      };
  }
  return { ...verdict, track, plan: planNow() };
}
