// One liveness attempt over the face camera: the challenge's prompts shown at their moments
// (on the frames' clock), every frame with a face measured (landmarks, eye state, the passive
// score), and the judgement taken as soon as it is certain. The face verifier runs it and
// matches the same frames; `readerctl face liveness-eval` runs it alone against the emulator.
import type { Frame } from '../../device/camera/frame-source.js';
import type { RgbImage } from '../../device/image/decode.js';
import type { FaceFound } from './face-matcher.js';
import { nonRigidResidual } from './liveness.js';
import {
  type ChallengeAction,
  type ChallengeOutcome,
  type ChallengePlan,
  type ChallengeThresholds,
  judgeChallenge,
  type LiveFrame,
  planName,
} from './liveness-challenge.js';
import type { EyeState, PassiveLivenessModel } from './liveness-models.js';

export interface ChallengePrompt {
  readonly action: ChallengeAction | 'look';
  /** The frame clock (ms) at which the prompt is shown. */
  readonly atMs: number;
  readonly step: number;
  readonly steps: number;
}

export interface LivenessAttemptOptions {
  readonly detect: (img: RgbImage) => Promise<FaceFound[]>;
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
  readonly passive?: PassiveLivenessModel;
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
  readonly onFace?: (img: RgbImage, face: FaceFound, faces: readonly FaceFound[]) => void;
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
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};

/** The decision over a measured track (also what a replayed recording is judged by). */
export function decideLiveness(
  plan: ChallengePlan,
  track: readonly LiveFrame[],
  o: { minNonRigid?: number; minPassive?: number; final?: boolean; thresholds?: ChallengeThresholds } = {},
): Omit<LivenessAttemptResult, 'track'> | undefined {
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
  // Prompts in order: each step's prompt, and for turns "look at the camera" again.
  const prompts = o.plan.steps.flatMap((s, i) => {
    const p = [{ action: s.action as ChallengePrompt['action'], at: s.promptMs, step: i + 1 }];
    if (s.backMs !== undefined) p.push({ action: 'look', at: s.backMs, step: i + 1 });
    return p;
  });
  let next = 0;
  const steps = o.plan.steps.length;
  let verdict: Omit<LivenessAttemptResult, 'track'> | undefined;
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
    const faces = await o.detect(img);
    const face = faces[0];
    // The plan's clock starts at the first frame with a face.
    if (face && t0 === undefined) t0 = frame.timestampMs;
    if (t0 === undefined) {
      if (frame.timestampMs - firstFrame >= o.timeoutMs) break;
      continue;
    }
    const t = frame.timestampMs - t0;
    while (next < prompts.length && prompts[next]!.at <= t) {
      const p = prompts[next++]!;
      o.onPrompt?.({ action: p.action, atMs: frame.timestampMs, step: p.step, steps });
    }
    if (face) {
      o.onFace?.(img, face, faces);
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
    verdict = decideLiveness(o.plan, track, { ...o, final: t >= o.plan.endMs });
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
    };
  if (!verdict) {
    // Cut short by the wall clock (frames came slower than real time) with a step still open:
    // judged on what was seen, but said as it is, not as the patient's failing.
    const open = track.length > 0 && decideLiveness(o.plan, track, { ...o, final: false }) === undefined;
    verdict = decideLiveness(o.plan, track, { ...o, final: true })!;
    if (open && !verdict.passed)
      verdict = {
        ...verdict,
        reason: `too-slow (${verdict.reason}: the attempt's time ran out before the challenge's end)`,
      };
  }
  return { ...verdict, track };
}
