// One face verification: frames from the face camera until a face passes the quality gates,
// the prompted liveness challenge over several frames, and the 1:1 match with the chip
// photo, for up to N attempts within a time limit. The result carries scores, thresholds,
// liveness evidence, attempts and timings — never an image.
import type { Frame } from '../../device/camera/frame-source.js';
import type { RgbImage } from '../../device/image/decode.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import type { FaceFound, FaceMatcher } from './face-matcher.js';
import { canTrack } from './face-tracker.js';
import { assessLiveness, type Challenge, type LivenessResult } from './liveness.js';
import { type ChallengePrompt, runLivenessAttempt } from './liveness-attempt.js';
import {
  CHALLENGE_ACTIONS,
  type ChallengePlan,
  type ChallengeTiming,
  drawPlan,
  PLAN_MINIMUMS,
} from './liveness-challenge.js';
import { type EyeState, PASSIVE_MIN, type PassiveLivenessModel } from './liveness-models.js';
import { awaitBareFace, type Occlusion } from './occlusion.js';
import { cryptoRandom } from './patient-paced-plan.js';
import { assessQuality, type QualityIssue } from './quality.js';

export interface FaceVerifyConfig {
  /**
   * Match attempts before the patient is offered the PIN. One: a session lets an impostor in
   * if any attempt does, and on faces-lfw the threshold's held-out FAR bound per attempt
   * (0.084 % for East-Asian faces) leaves room for only one within 0.1 % per session
   * (README "Face matching"). A genuine patient rejected goes straight to the PIN.
   */
  readonly attempts: number;
  /** Time for one attempt, ms. */
  readonly attemptTimeoutMs: number;
  /** Frames a liveness decision is taken over. */
  readonly livenessFrames: number;
  /** `random`: a challenge of several steps drawn per attempt (liveness-challenge.ts). */
  readonly challenge: Challenge | 'random';
  /** The random challenge's steps (default 3) and timing (default DEFAULT_TIMING). */
  readonly challengeSteps?: number;
  readonly challengeTiming?: ChallengeTiming;
  /**
   * The random challenge follows the face between full detections (face-tracker.ts) where the
   * matcher can (default); `false`: the detector and embedder on every frame, as before.
   */
  readonly tracking?: boolean;
  /** The random challenge's prompts as soon as the patient can act (patient-paced-plan.ts; default). */
  readonly earlyPrompts?: boolean;
  /** Bench use only: the appliance always checks liveness. */
  readonly liveness: 'required' | 'off';
}

export const DEFAULT_FACE_VERIFY: FaceVerifyConfig = {
  attempts: 1,
  attemptTimeoutMs: 8000,
  livenessFrames: 12,
  challenge: 'blink',
  liveness: 'required',
};

export type FaceOutcome =
  | 'verified'
  | 'not-matched'
  | 'liveness-failed'
  | 'timed-out'
  | 'no-reference-face'
  | 'cancelled';

export interface FaceEvidence {
  readonly outcome: FaceOutcome;
  readonly score: number;
  readonly threshold: number;
  readonly matcher: string;
  readonly attempts: number;
  readonly liveness?: LivenessResult;
  readonly timingsMs: { readonly reference: number; readonly capture: number; readonly match: number };
}

export interface FrameFeed {
  nextFrame(timeoutMs: number): Promise<Frame>;
}

export interface FaceVerifyHooks {
  onGuidance?: (issue: QualityIssue) => void;
  /** The random challenge's prompts, for the kiosk to show when they are due. */
  onPrompt?: (p: ChallengePrompt) => void;
  signal?: AbortSignal;
  /** [0, 1): the challenge's randomness; crypto unless a test seeds it. */
  random?: () => number;
  /** The eye-state model (its blinks): the random challenge is refused without it. */
  eyes?: EyeState;
  /** The passive anti-spoofing model: with it, a screen held to the camera fails (PASSIVE_MIN). */
  passive?: PassiveLivenessModel;
  /** A mask or sunglasses seen before an attempt: the kiosk asks to take them off. */
  onOcclusion?: (o: Occlusion, attempt: number) => void;
  /** An attempt of the random challenge begins (its plan drawn): for the kiosk's attempt count. */
  onAttempt?: (attempt: number, attempts: number, plan: ChallengePlan) => void;
  /**
   * Settles when the patient is asked to look at the camera (the kiosk's capture screen). The
   * attempts — their clock, their liveness challenge, the frames judged — start only then;
   * before it, one frame is detected to warm the camera and the detector up, and discarded.
   */
  prompted?: Promise<void>;
}

/**
 * The random challenge is timed on the frames' clock; on the wall clock it may take this many
 * times as long before the attempt is given up (a reader slower than its camera's frames).
 */
export const CHALLENGE_WALL_FACTOR = 8;

/**
 * Warms the camera and the detector on one frame (discarded: nobody was asked to look yet),
 * then waits for the prompt. A warm-up that fails is left to the attempt to report.
 */
async function awaitPrompt(
  matcher: FaceMatcher,
  camera: FrameFeed,
  prompted: Promise<void>,
  cfg: FaceVerifyConfig,
  signal: AbortSignal | undefined,
): Promise<'prompted' | 'cancelled'> {
  let onAbort = (): void => {};
  const aborted = new Promise<'cancelled'>((r) => {
    onAbort = () => r('cancelled');
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  const shown = prompted.then(() => 'prompted' as const);
  try {
    const warm = (async () => {
      try {
        const f = await camera.nextFrame(cfg.attemptTimeoutMs);
        if (!signal?.aborted)
          await matcher.detect({ width: f.width, height: f.height, data: f.data }, 'live');
      } catch {
        // The attempt asks the camera again and reports a failure with its own error.
      }
    })();
    // The attempt starts after the warm-up's frame is done with: one detector at a time.
    if ((await Promise.race([warm, aborted])) === 'cancelled') return 'cancelled';
    return await Promise.race([shown, aborted]);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

export async function verifyFace(
  matcher: FaceMatcher,
  /**
   * The chip photo, or its promise while the card still sends it: the live frames are captured,
   * checked and embedded meanwhile and compared once it is here (the session's critical path).
   */
  reference: RgbImage | Promise<RgbImage>,
  camera: FrameFeed,
  cfg: FaceVerifyConfig = DEFAULT_FACE_VERIFY,
  hooks: FaceVerifyHooks = {},
): Promise<FaceEvidence> {
  // Without the eye model the challenge would have no blink, and a print turned like a head
  // passes turns and nods: refused, not drawn without it (readerd always loads the model).
  if (cfg.liveness === 'required' && cfg.challenge === 'random' && !hooks.eyes)
    throw new ReaderError(
      ErrorCode.Config_Invalid,
      'the random liveness challenge needs the eye-state model (its blinks): load it, or set session.liveness off',
    );
  let tRef = 0;
  const refFace = Promise.resolve(reference).then(async (img) => {
    const t = performance.now();
    const [f] = await matcher.detect(img, 'reference');
    tRef = performance.now() - t;
    return f;
  });
  refFace.catch(() => {}); // its failure is thrown where it is awaited
  const base = { threshold: matcher.threshold, matcher: matcher.name };
  let best = 0;
  let capture = 0;
  let match = 0;
  let last: LivenessResult | undefined;
  const noReference = (): FaceEvidence => ({
    ...base,
    outcome: 'no-reference-face',
    score: 0,
    attempts: 0,
    timingsMs: { reference: tRef, capture, match },
  });
  const cancelled = (attempt: number): FaceEvidence => ({
    ...base,
    outcome: 'cancelled',
    score: best,
    attempts: attempt,
    liveness: last,
    timingsMs: { reference: tRef, capture, match },
  });
  /** The reference face, once here; undefined when the session was cancelled meanwhile. */
  const awaitReference = async (): Promise<FaceFound | 'cancelled' | undefined> => {
    const signal = hooks.signal;
    if (signal?.aborted) return 'cancelled';
    if (!signal) return refFace;
    let onAbort!: () => void;
    const aborted = new Promise<'cancelled'>((r) => {
      onAbort = () => r('cancelled');
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await unlessAborted(Promise.race([refFace, aborted]));
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  };
  /** Similarities of the live descriptors to the reference, sorted. */
  const similarities = (ref: FaceFound, live: readonly Float32Array[]): number[] => {
    const tm = performance.now();
    const out = live.map((d) => matcher.similarity(ref.descriptor, d)).sort((a, b) => a - b);
    match += performance.now() - tm;
    return out;
  };
  // A photo in hand is looked at first: without a face in it no live frame is asked for.
  // The matcher's calls carry the session's signal (WorkerFaceMatcher.withSignal): an abort
  // rejects the detect in flight, and a cancelled session is an outcome, not an error.
  const unlessAborted = <T>(p: Promise<T>): Promise<T | 'cancelled'> =>
    p.catch((e: unknown) => {
      if (hooks.signal?.aborted) return 'cancelled' as const;
      throw e;
    });
  if (!('then' in reference)) {
    const f = await unlessAborted(refFace);
    if (f === 'cancelled') return cancelled(0);
    if (!f) return noReference();
  }
  if (
    hooks.prompted &&
    (await awaitPrompt(matcher, camera, hooks.prompted, cfg, hooks.signal)) === 'cancelled'
  )
    return cancelled(0);
  for (let attempt = 1; attempt <= cfg.attempts; attempt++) {
    const deadline = performance.now() + cfg.attemptTimeoutMs;
    let framesThisAttempt = 0;
    const landmarks: FaceFoundLandmarks[] = [];
    const live: Float32Array[] = [];
    if (cfg.liveness === 'required' && cfg.challenge === 'random') {
      // The frames of the challenge are the frames matched: the face that turned is the one compared.
      const tc = performance.now();
      const plan = drawPlan(hooks.random ?? cryptoRandom, {
        actions: CHALLENGE_ACTIONS,
        ...PLAN_MINIMUMS,
        steps: cfg.challengeSteps,
        timing: cfg.challengeTiming,
      });
      hooks.onAttempt?.(attempt, cfg.attempts, plan);
      let guided = false;
      let bare: { bare: boolean };
      let r: Awaited<ReturnType<typeof runLivenessAttempt>>;
      try {
        // A covered face is asked to uncover before the attempt starts: it does not count yet.
        // Landmarks are all the occlusion check needs: no embedding where the matcher can skip it.
        const locate = canTrack(matcher) ? matcher.locate.bind(matcher) : matcher.detect.bind(matcher);
        bare = await awaitBareFace(camera, (img) => locate(img, 'live'), cfg.attemptTimeoutMs * 2, {
          wallTimeoutMs: CHALLENGE_WALL_FACTOR * cfg.attemptTimeoutMs * 2,
          signal: hooks.signal,
          onOcclusion: hooks.onOcclusion && ((o) => hooks.onOcclusion?.(o, attempt)),
        });
        if (hooks.signal?.aborted) return cancelled(attempt);
        if (!bare.bare) {
          capture += performance.now() - tc;
          if (attempt === cfg.attempts) break;
          continue;
        }
        r = await runLivenessAttempt({
          detect: (img) => matcher.detect(img, 'live'),
          track: cfg.tracking === false || !canTrack(matcher) ? undefined : matcher,
          early: cfg.earlyPrompts ?? true,
          // The prompts' own waits from the same source as the plan: the CSPRNG on the appliance.
          random: hooks.random ?? cryptoRandom,
          camera,
          plan,
          timeoutMs: Math.max(cfg.attemptTimeoutMs, plan.endMs + 2000),
          wallTimeoutMs: CHALLENGE_WALL_FACTOR * Math.max(cfg.attemptTimeoutMs, plan.endMs + 2000),
          eyes: hooks.eyes,
          passive: hooks.passive,
          minPassive: hooks.passive ? PASSIVE_MIN : undefined,
          onPrompt: hooks.onPrompt,
          signal: hooks.signal,
          onFace: (img, _face, faces, descriptor) => {
            // Judged on the frames that were embedded (every few while the face is tracked), with
            // every face the detector saw there: a second person in the picture fails the gates.
            if (!descriptor) return;
            const q = assessQuality(img, [...faces]);
            if (!q.ok) {
              if (!guided) hooks.onGuidance?.(q.issues[0]!);
              guided = true;
              return;
            }
            live.push(descriptor);
          },
        });
      } catch (e) {
        if (hooks.signal?.aborted) return cancelled(attempt);
        throw new ReaderError(
          ErrorCode.Camera_Failed,
          `the face camera sent no picture: ${(e as Error).message}`,
          {},
          { cause: e },
        );
      }
      capture += performance.now() - tc;
      if (hooks.signal?.aborted) return cancelled(attempt);
      const ref = await awaitReference();
      if (ref === 'cancelled') return cancelled(attempt);
      if (!ref) return noReference();
      last = {
        passed: r.passed,
        challenge: r.challenge,
        score: r.passed ? 1 : r.outcome.steps.filter((x) => x.verdict === 'seen').length / plan.steps.length,
        threshold: 1,
        frames: r.frames,
        checksPassed: r.checksPassed,
        reason: r.passed ? undefined : r.reason,
        ...(r.passive === undefined ? {} : { passive: { score: r.passive, threshold: PASSIVE_MIN } }),
      };
      if (r.frames === 0) {
        if (attempt === cfg.attempts) break;
        continue;
      }
      const scores = similarities(ref, live);
      const score = scores.length ? scores[Math.floor(scores.length / 2)]! : 0;
      best = Math.max(best, score);
      const timingsMs = { reference: tRef, capture, match };
      if (score >= matcher.threshold && r.passed)
        return { ...base, outcome: 'verified', score, attempts: attempt, liveness: last, timingsMs };
      if (attempt === cfg.attempts)
        return {
          ...base,
          outcome: score >= matcher.threshold ? 'liveness-failed' : 'not-matched',
          score: best,
          attempts: attempt,
          liveness: last,
          timingsMs,
        };
      continue;
    }
    while (landmarks.length < (cfg.liveness === 'off' ? 1 : cfg.livenessFrames)) {
      if (hooks.signal?.aborted) return cancelled(attempt);
      const left = deadline - performance.now();
      if (left <= 0) break;
      const tc = performance.now();
      let frame: Frame;
      try {
        frame = await camera.nextFrame(left);
      } catch (e) {
        // A working camera sends frames whether or not anyone stands there: none in a whole
        // attempt means the camera failed; none in the attempt's last sliver is its timeout.
        if (framesThisAttempt === 0)
          throw new ReaderError(
            ErrorCode.Camera_Failed,
            `the face camera sent no picture: ${(e as Error).message}`,
          );
        break;
      }
      framesThisAttempt++;
      const img = { width: frame.width, height: frame.height, data: frame.data };
      const faces = await unlessAborted(matcher.detect(img, 'live'));
      if (faces === 'cancelled') return cancelled(attempt);
      capture += performance.now() - tc;
      const q = assessQuality(img, faces);
      if (!q.ok) {
        hooks.onGuidance?.(q.issues[0]!);
        continue;
      }
      live.push(faces[0]!.descriptor);
      landmarks.push(faces[0]!.landmarks);
    }
    if (live.length === 0) continue;
    const ref = await awaitReference();
    if (ref === 'cancelled') return cancelled(attempt);
    if (!ref) return noReference();
    // The median over the attempt's frames: one lucky frame does not verify anybody.
    const scores = similarities(ref, live);
    const score = scores[Math.floor(scores.length / 2)]!;
    best = Math.max(best, score);
    last =
      cfg.liveness === 'off' || cfg.challenge === 'random'
        ? undefined
        : assessLiveness(cfg.challenge, landmarks, { minFrames: cfg.livenessFrames });
    const timingsMs = { reference: tRef, capture, match };
    if (score >= matcher.threshold && (cfg.liveness === 'off' || last?.passed)) {
      return { ...base, outcome: 'verified', score, attempts: attempt, liveness: last, timingsMs };
    }
    if (attempt === cfg.attempts) {
      return {
        ...base,
        outcome: score >= matcher.threshold ? 'liveness-failed' : 'not-matched',
        score: best,
        attempts: attempt,
        liveness: last,
        timingsMs,
      };
    }
  }
  return {
    ...base,
    outcome: 'timed-out',
    score: best,
    attempts: cfg.attempts,
    liveness: last,
    timingsMs: { reference: tRef, capture, match },
  };
}

type FaceFoundLandmarks = readonly (readonly [number, number])[];
