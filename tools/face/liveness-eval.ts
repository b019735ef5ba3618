// Liveness measured as ISO/IEC 30107-3 asks: bona fide presentations (the emulator's live
// subjects, made from fixture photos) and attack presentations of each type, each through the
// emulated face camera and the appliance's ffmpeg decode, judged by the appliance's liveness
// attempt with a challenge drawn at random per attempt. Two sets of people that share nobody:
// on the calibration people every presentation is measured to its plan's end and the challenge's
// limits are chosen on them (liveness-calibrate.ts); the report people are then judged as readerd
// judges, frame by frame with the early stop, under those limits. APCER per attack type, BPCER
// (also per cohort), with counts and 95 % bounds. The recorded genuine session (the
// session-replay instrument) is measured to its end and also judged against many fresh challenges.
import { readFileSync } from 'node:fs';
import { decodeImage, type RgbImage } from '../../device/image/decode.js';
import type { LocatedFace } from '../../firmware-host/vision/face-matcher.js';
import type { TrackingMatcher } from '../../firmware-host/vision/face-tracker.js';
import {
  type LivenessAttemptResult,
  runLivenessAttempt,
} from '../../firmware-host/vision/liveness-attempt.js';
import {
  type ChallengePlan,
  type ChallengeThresholds,
  DEFAULT_THRESHOLDS,
  DEFAULT_TIMING,
  drawPlan,
  type LiveFrame,
  type PlanOptions,
  poseOf,
} from '../../firmware-host/vision/liveness-challenge.js';
import type { EyeStateModel, PassiveLivenessModel } from '../../firmware-host/vision/liveness-models.js';
import type { Pacing } from '../../firmware-host/vision/patient-paced-plan.js';
import { yaw } from '../../firmware-host/vision/quality.js';
import { type ErrorRate, errorRate } from '../../protocol/vision/binomial.js';
import { median } from '../../protocol/vision/median.js';
import {
  ALL_ATTACK_TYPES,
  type AttackType,
  attackInstrument,
  PRINT_GEOMETRY_ATTACKS,
} from '../../sim/camera/attacks.js';
import { EmulatedFaceCamera } from '../../sim/camera/emulated-face-camera.js';
import type { Point } from '../../sim/camera/face-warp.js';
import { LiveSubject, type Presentation, type Prompt, seededRandom } from '../../sim/camera/live-subject.js';
import { busyReader } from './busy-reader.js';
import {
  type CalibrationResult,
  calibrateThresholds,
  type MeasuredPresentation,
} from './liveness-calibrate.js';
import type { Cohort, Subject } from './liveness-subjects.js';

export interface LivenessProgress {
  readonly done: number;
  readonly total: number;
  readonly phase: 'calibration' | 'report';
  readonly line: string;
  /** Estimated time left, ms (from the subjects done so far). */
  readonly etaMs?: number;
}

export interface LivenessEvalOptions {
  readonly calibration: readonly Subject[];
  readonly report: readonly Subject[];
  /** The appliance's detector and landmarks on a live frame (readerd's matcher's). */
  readonly detect: (img: RgbImage) => Promise<readonly LocatedFace[]>;
  /**
   * Follow the face as readerd does (face-tracker.ts: the detector every few frames, the landmark
   * model on a crop between); without it, `detect` on every frame.
   */
  readonly track?: TrackingMatcher;
  /** The emulator's own landmarks of a photo, which its warp is built on (as the scene camera's). */
  readonly photoLandmarks: (img: RgbImage) => Promise<readonly Point[] | undefined>;
  readonly eyes?: EyeStateModel;
  readonly passive?: PassiveLivenessModel;
  readonly attacks?: readonly AttackType[];
  /** Judgements of the recorded sessions against fresh challenges, over all report subjects. */
  readonly replayTries?: number;
  readonly seed?: number;
  readonly width?: number;
  readonly height?: number;
  readonly fps?: number;
  /**
   * Camera frames readerd misses after each of its detector frames (every REDETECT_EVERY-th:
   * the detector and the embedding take longer than a frame), as readerd takes the newest frame
   * when it is done: 0, frames evenly spaced.
   */
  readonly busyDrops?: number;
  readonly plan?: PlanOptions;
  /** The limits when there are no calibration people (default: the shipped ones). */
  readonly thresholds?: ChallengeThresholds;
  /**
   * Limits chosen earlier on these same calibration people (a previous run's report, named by
   * `from`): the calibration is not measured again (a report split over several processes).
   */
  readonly calibrated?: { readonly result: CalibrationResult; readonly from: string };
  /**
   * The calibration people this process measures, by index (default all; with `measuredOnly`):
   * the others' draws are still taken.
   */
  readonly calibrationShard?: (index: number) => boolean;
  /** Measure the calibration people and stop: no limits chosen, no report people. */
  readonly calibrationOnly?: boolean;
  /** The calibration people's presentations measured earlier (calibration shards): the limits are chosen on them. */
  readonly measuredCalibration?: readonly MeasuredPresentation[];
  /** Report people who also face the attack instruments (default: all). */
  readonly attackPeople?: ReadonlySet<string>;
  /**
   * The report people this process measures, by index (default all): the others' random draws
   * are still taken, so each shard's people face what they would in one whole run.
   */
  readonly shard?: (index: number) => boolean;
  readonly minPassive?: number;
  readonly onProgress?: (p: LivenessProgress) => void;
  /** After each report person: the report so far (a long run's figures survive its end). */
  readonly onPartial?: (r: LivenessEvalReport) => void;
  /** Each report trial's plan and track (landmarks and scores, no pixels): judged again offline. */
  readonly onTrack?: (t: {
    readonly trial: Trial;
    readonly plan: ChallengePlan;
    readonly track: readonly LiveFrame[];
  }) => void;
  /** Called as soon as the limits are chosen (before the report people are measured). */
  readonly onCalibrated?: (c: {
    readonly people: readonly string[];
    readonly result: CalibrationResult;
  }) => void;
  /** With `calibrationOnly`: the measured calibration presentations (landmarks and scores, no pixels). */
  readonly onMeasured?: (m: {
    readonly people: readonly string[];
    readonly measured: readonly MeasuredPresentation[];
    readonly skipped: readonly { file: string; why: string }[];
  }) => void;
}

export interface Trial {
  readonly subject: string;
  readonly person: string;
  readonly cohort: Cohort;
  readonly presentation: 'bona-fide' | AttackType;
  readonly accepted: boolean;
  readonly challenge: string;
  readonly reason?: string;
  readonly frames: number;
  readonly checks: readonly string[];
  readonly nonRigid: number;
  readonly passive?: number;
  /**
   * The photo's own turn (quality.ts yaw: the nose's offset from the eyes' midpoint in eye
   * distances, on the emulator's landmarks of the photo): the live subject stands turned so.
   */
  readonly photoYaw?: number;
  /**
   * How turned the subject stood before the first prompt, as readerd read it (poseOf yaw: the
   * nose's offset along the eye line in eye distances, median over the frames before the first
   * response could begin): the split of bpcerByRestTurn.
   */
  readonly restYaw?: number;
}

/**
 * A subject standing turned this far or more (|yaw| ≥ 0.25 eye distances, ~15° by human's face
 * mesh), whose turns toward its own side the warp renders weakly (tools/face/warp-pose.ts); BPCER
 * is also given on each side of it, by the photo's own turn and by the rest pose readerd read. Set
 * after dev seed 42 (4 of its 4 rejected turns among the 11 subjects standing turned ≥ 0.29) and
 * the first 66 people of seed 21; a breakdown, no decision.
 */
export const PHOTO_TURNED = 0.25;

/** The yaw readerd read at rest: the median over the frames before the first response could begin. */
export function restYawOf(
  track: readonly { t: number; landmarks: readonly (readonly [number, number])[] }[],
  plan: ChallengePlan,
): number | undefined {
  const first = plan.steps[0];
  const timing = plan.timing ?? DEFAULT_TIMING;
  const rest = track.filter((f) => first && f.t < first.promptMs + timing.onsetMs[0]);
  if (!rest.length) return undefined;
  return Math.round(median(rest.map((f) => poseOf(f.landmarks).yaw)) * 1000) / 1000;
}

export interface LivenessEvalReport {
  readonly subjects: number;
  readonly people: readonly string[];
  readonly skipped: readonly { file: string; why: string }[];
  readonly calibration: {
    readonly people: readonly string[];
    readonly skipped: readonly { file: string; why: string }[];
    /** Where the limits came from: chosen on the calibration people, or given. */
    readonly source: 'calibrated' | 'given';
    readonly result?: CalibrationResult;
    /** The earlier run they were chosen in, when not in this one. */
    readonly from?: string;
  };
  readonly thresholds: ChallengeThresholds;
  readonly bpcer: ErrorRate;
  readonly bpcerByCohort: Record<string, ErrorRate>;
  /** BPCER of live subjects made from photos facing the camera, and from photos turned (PHOTO_TURNED). */
  readonly bpcerByPhotoTurn: Record<string, ErrorRate>;
  /** The same by the rest pose readerd read (restYaw). */
  readonly bpcerByRestTurn: Record<string, ErrorRate>;
  readonly apcer: Record<string, ErrorRate>;
  /** The recorded sessions replayed against fresh random challenges (judged on their frames). */
  readonly replayTries: ErrorRate;
  readonly passive?: { readonly bonaFide: number[]; readonly attack: Record<string, number[]> };
  readonly trials: readonly Trial[];
  readonly settings: { width: number; height: number; fps: number; seed: number; busyDrops?: number };
}

const name = (file: string): string => file.split('/').pop()!;

function trialOf(
  s: Subject,
  presentation: Trial['presentation'],
  r: Omit<LivenessAttemptResult, 'track' | 'plan'> & Partial<Pick<LivenessAttemptResult, 'track' | 'plan'>>,
  photo?: readonly Point[],
): Trial {
  return {
    subject: name(s.photo),
    person: s.person,
    cohort: s.cohort,
    presentation,
    accepted: r.passed,
    challenge: r.challenge,
    reason: r.reason,
    frames: r.frames,
    checks: r.checksPassed,
    nonRigid: Math.round(r.nonRigid * 1e5) / 1e5,
    passive: r.passive === undefined ? undefined : Math.round(r.passive * 1000) / 1000,
    photoYaw: photo && Math.round(yaw(photo) * 1000) / 1000,
    restYaw: r.track && r.plan ? restYawOf(r.track, r.plan) : undefined,
  };
}

export async function evaluateLiveness(o: LivenessEvalOptions): Promise<LivenessEvalReport> {
  const width = o.width ?? 320;
  const height = o.height ?? 240;
  // The shipped limits were chosen at 6 fps (README "Liveness": 12 fps measured beside it).
  const fps = o.fps ?? 6;
  const seed = o.seed ?? 1;
  const attacks = o.attacks ?? ALL_ATTACK_TYPES;
  const random = seededRandom(seed);
  const camera = { width, height, fps };
  const mine = o.calibrationOnly ? 0 : o.report.filter((_, i) => o.shard?.(i) ?? true).length;
  const given = o.calibrated || o.measuredCalibration;
  const calMine = given ? 0 : o.calibration.filter((_, i) => o.calibrationShard?.(i) ?? true).length;
  const total = calMine + mine;
  const started = performance.now();
  let done = 0;
  const progress = (phase: LivenessProgress['phase'], line: string): void => {
    const per = (performance.now() - started) / Math.max(1, done);
    o.onProgress?.({ done, total, phase, line, etaMs: done ? per * (total - done) : undefined });
  };
  let thresholds = o.thresholds ?? DEFAULT_THRESHOLDS;
  // The print-geometry instruments' challenges from a stream of their own, drawn for every person:
  // adding them left the other types' draws (and every person's) as they were.
  const geometryRandom = seededRandom(seed ^ 0x9e0f01d);
  const geometric = (t: AttackType): boolean => (PRINT_GEOMETRY_ATTACKS as readonly string[]).includes(t);
  const attackPlansOf = (): ChallengePlan[] => {
    const geometry = PRINT_GEOMETRY_ATTACKS.map(() => drawPlan(geometryRandom, o.plan));
    const others = attacks.filter((t) => !geometric(t)).map(() => drawPlan(random, o.plan));
    return attacks.map((t) =>
      geometric(t) ? geometry[(PRINT_GEOMETRY_ATTACKS as readonly string[]).indexOf(t)]! : others.shift()!,
    );
  };

  const attempt = async (
    p: Presentation,
    plan: ChallengePlan,
    measureOnly: boolean,
    heard?: Prompt[],
    /** The paced prompts' own waits (readerd: the CSPRNG); seeded per presentation. */
    paceSeed = 0,
  ): Promise<LivenessAttemptResult> => {
    const cam = new EmulatedFaceCamera(p, camera);
    const seen = busyReader(cam, o.track, o.busyDrops ?? 0);
    try {
      return await runLivenessAttempt({
        detect: async (img) =>
          [...(await o.detect(img))].map((f) => ({ ...f, descriptor: new Float32Array(0) })),
        track: seen.track,
        camera: seen.camera,
        plan,
        // As readerd gives an attempt (its default attemptTimeoutMs 8000), on the camera's clock;
        // the wall clock generous: a loaded machine must not cut the plan short.
        timeoutMs: Math.max(8000, plan.endMs + 2000),
        wallTimeoutMs: 600_000,
        eyes: o.eyes,
        passive: o.passive,
        minPassive: o.minPassive,
        thresholds,
        measureOnly,
        // Report trials as readerd runs them: prompts paced by the patient's answers.
        early: !measureOnly,
        random: seededRandom(paceSeed ^ 0x9ace),
        onPrompt: (q) => {
          const seen = cam.prompt({ action: q.action, atMs: q.atMs });
          heard?.push(seen);
        },
      });
    } finally {
      await cam.close();
    }
  };
  const prepare = async (
    s: Subject,
    skipped: { file: string; why: string }[],
  ): Promise<{ photo: RgbImage; landmarks: readonly Point[]; seed: number } | undefined> => {
    const photo = await decodeImage(new Uint8Array(readFileSync(s.photo)));
    const landmarks = await o.photoLandmarks(photo);
    // Drawn either way, so a skipped photo does not shift the others' randomness.
    const subjectSeed = Math.floor(random() * 2 ** 31);
    if (!landmarks) skipped.push({ file: name(s.photo), why: 'the emulator finds no face in the photo' });
    return landmarks && { photo, landmarks, seed: subjectSeed };
  };

  // Calibration: every presentation measured to its plan's end, judged afterwards under each
  // candidate limit.
  const measured: MeasuredPresentation[] = [...(o.measuredCalibration ?? [])];
  const calSkipped: { file: string; why: string }[] = [];
  for (const [i, s] of (given ? [] : o.calibration).entries()) {
    if (!(o.calibrationShard?.(i) ?? true)) {
      // Another process's calibration person: the same draws, nothing measured.
      random();
      drawPlan(random, o.plan);
      attackPlansOf();
      continue;
    }
    const got = await prepare(s, calSkipped);
    const plan = drawPlan(random, o.plan);
    const attackPlans = attackPlansOf();
    if (got) {
      const at = { seed: got.seed, width, height };
      const heard: Prompt[] = [];
      const live = await attempt(new LiveSubject(got.photo, got.landmarks, at), plan, true, heard);
      measured.push({ bonaFide: true, plan, track: live.track });
      for (const [k, type] of attacks.entries()) {
        const p = attackPlans[k]!;
        const r = await attempt(
          attackInstrument(type, got.photo, got.landmarks, { ...at, recorded: heard }),
          p,
          true,
        );
        measured.push({ bonaFide: false, plan: p, track: r.track });
      }
    }
    done++;
    progress('calibration', `${name(s.photo)} (${s.cohort}) measured${got ? '' : ': skipped'}`);
  }
  if (o.calibrationOnly) {
    o.onMeasured?.({ people: o.calibration.map((s) => s.person), measured, skipped: calSkipped });
    return {
      ...summarize([], attacks, { k: 0, n: 0 }),
      people: [],
      skipped: [],
      calibration: { people: o.calibration.map((s) => s.person), skipped: calSkipped, source: 'given' },
      thresholds,
      trials: [],
      settings: { width, height, fps, seed, busyDrops: o.busyDrops },
    };
  }
  let calibrated: CalibrationResult | undefined = o.calibrated?.result;
  if (calibrated || o.measuredCalibration) {
    calibrated ??= calibrateThresholds(measured, thresholds);
    if (o.measuredCalibration)
      o.onCalibrated?.({ people: o.calibration.map((s) => s.person), result: calibrated });
    thresholds = calibrated.thresholds;
    // The calibration people's random draws, as if measured: the report's stay the same.
    for (const _ of o.calibration) {
      random();
      drawPlan(random, o.plan);
      attackPlansOf();
    }
  } else if (measured.length) {
    calibrated = calibrateThresholds(measured, thresholds);
    thresholds = calibrated.thresholds;
    o.onCalibrated?.({ people: o.calibration.map((s) => s.person), result: calibrated });
    progress(
      'calibration',
      `limits chosen on ${o.calibration.length} calibration people: ${JSON.stringify(thresholds)} (attacks accepted ${calibrated.attacksAccepted}/${calibrated.attacks}, bona fide rejected ${calibrated.bonaFideRejected}/${calibrated.bonaFide})`,
    );
  }

  // Report: judged as readerd judges, with the limits fixed above.
  const trials: Trial[] = [];
  const skipped: { file: string; why: string }[] = [];
  const recordings: LiveFrame[][] = [];
  const replays: boolean[] = [];
  const measuredPeople: string[] = [];
  // The replays' challenges from a stream of their own: each shard's people face the same draws.
  const replayRandom = seededRandom(seed ^ 0x5e551a);
  const triesEach = Math.ceil((o.replayTries ?? 0) / Math.max(1, mine));
  const reportOf = (): LivenessEvalReport => ({
    ...summarize(trials, attacks, { k: replays.filter(Boolean).length, n: replays.length }),
    people: measuredPeople,
    skipped,
    calibration: {
      people: o.calibration.map((s) => s.person),
      skipped: calSkipped,
      source: calibrated ? 'calibrated' : 'given',
      result: calibrated,
      ...(o.calibrated ? { from: o.calibrated.from } : {}),
    },
    thresholds,
    passive: o.passive
      ? {
          bonaFide: trials
            .filter((t) => t.presentation === 'bona-fide')
            .map((t) => t.passive)
            .filter((p): p is number => p !== undefined),
          attack: Object.fromEntries(
            attacks.map((type) => [
              type,
              trials
                .filter((t) => t.presentation === type)
                .map((t) => t.passive)
                .filter((p): p is number => p !== undefined),
            ]),
          ),
        }
      : undefined,
    trials,
    settings: { width, height, fps, seed, busyDrops: o.busyDrops },
  });
  for (const [i, s] of o.report.entries()) {
    if (!(o.shard?.(i) ?? true)) {
      // Another process's person: the same draws, nothing measured.
      random();
      drawPlan(random, o.plan);
      attackPlansOf();
      continue;
    }
    const got = await prepare(s, skipped);
    const livePlan = drawPlan(random, o.plan);
    // Drawn for every person, so who faces the attacks does not change the others' draws.
    const attackPlans = attackPlansOf();
    const verdicts: string[] = [];
    if (got) {
      const at = { seed: got.seed, width, height };
      // Bona fide: the live subject answers a fresh challenge; what it heard is the recording.
      const heard: Prompt[] = [];
      const live = await attempt(
        new LiveSubject(got.photo, got.landmarks, at),
        livePlan,
        false,
        heard,
        got.seed,
      );
      trials.push(trialOf(s, 'bona-fide', live, got.landmarks));
      o.onTrack?.({ trial: trials.at(-1)!, plan: live.plan, track: live.track });
      // What the camera saw of this genuine session is what an injected recording of it shows.
      recordings.push(live.track);
      verdicts.push(`bona fide ${live.passed ? 'accepted' : `REJECTED (${live.reason})`}`);
      for (const [k, type] of attacks.entries()) {
        const plan = attackPlans[k]!;
        if (o.attackPeople && !o.attackPeople.has(s.person)) continue;
        const inst = attackInstrument(type, got.photo, got.landmarks, { ...at, recorded: heard });
        const r = await attempt(inst, plan, false, undefined, got.seed + k + 1);
        trials.push(trialOf(s, type, r, got.landmarks));
        o.onTrack?.({ trial: trials.at(-1)!, plan: r.plan, track: r.track });
        verdicts.push(`${type} ${r.passed ? 'ACCEPTED' : 'rejected'}`);
      }
    }
    const track = recordings.at(-1);
    // A session in which the camera never saw the face records nothing to replay (seed 17: a
    // bona fide attempt without one usable frame ended the whole shard).
    if (got && track?.length)
      for (let k = 0; k < triesEach && replays.length < (o.replayTries ?? 0); k++) {
        const r = await replayRecorded(drawPlan(replayRandom, o.plan), track, thresholds, {
          random: replayRandom,
          minPassive: o.minPassive,
        });
        replays.push(r.passed);
      }
    measuredPeople.push(s.person);
    done++;
    progress('report', `${name(s.photo)} (${s.cohort}): ${got ? verdicts.join(', ') : 'skipped'}`);
    o.onPartial?.(reportOf());
  }
  return reportOf();
}

/**
 * A recorded session injected as the camera picture against a fresh plan, as readerd meets it:
 * the recording's frames at their own times, looped as an attacker loops a video (each pass
 * after the last, one frame's interval apart), the prompts paced by what they show
 * (runLivenessAttempt with `early`, its prompts' own waits from `random`), judged by the same
 * checks as the live attempts: the challenge, and the passive score where the recording has one
 * and `minPassive` is set. Nothing is rendered: each frame's landmarks, eye readings and passive
 * score are the recording's.
 */
export async function replayRecorded(
  plan: ChallengePlan,
  track: readonly LiveFrame[],
  thresholds: ChallengeThresholds,
  o: { readonly random?: () => number; readonly minPassive?: number; readonly pacing?: Pacing } = {},
): Promise<LivenessAttemptResult> {
  const n = track.length;
  if (n === 0) throw new Error('an empty recording cannot be replayed');
  const gaps = track.slice(1).map((f, i) => f.t - track[i]!.t);
  const step = gaps.length ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]! : 100;
  const period = track[n - 1]!.t - track[0]!.t + step;
  let k = -1;
  const at = (): LiveFrame => track[k % n]!;
  const scored = track
    .map((f, i) => [i, f.passive] as const)
    .filter((x): x is [number, number] => x[1] !== undefined);
  // The recording's passive score nearest this frame (it was scored every few frames).
  const passiveNow = (): number => {
    const i = k % n;
    let best = scored[0]!;
    for (const x of scored) if (Math.abs(x[0] - i) < Math.abs(best[0] - i)) best = x;
    return best[1];
  };
  const none = new Uint8Array(0);
  const box = { x: 0, y: 0, width: 1, height: 1 };
  return runLivenessAttempt({
    detect: async () => [{ box, score: 1, landmarks: at().landmarks, descriptor: new Float32Array(0) }],
    camera: {
      nextFrame: async () => {
        k++;
        return { seq: k, width: 1, height: 1, data: none, timestampMs: at().t + Math.floor(k / n) * period };
      },
    },
    eyes: {
      load: async () => {},
      dispose: async () => {},
      closed: async () => [...(at().eyesClosed ?? [0, 0])] as [number, number],
    },
    ...(scored.length ? { passive: { score: async () => passiveNow() }, minPassive: o.minPassive } : {}),
    plan,
    early: true,
    random: o.random,
    pacing: o.pacing,
    thresholds,
    timeoutMs: Math.max(8000, plan.endMs + 2000),
    wallTimeoutMs: 600_000,
  });
}

/** The figures over a set of trials (one run's, or several shards' put together). */
export function summarize(
  trials: readonly Trial[],
  attacks: readonly AttackType[],
  replay: { readonly k: number; readonly n: number },
): Pick<
  LivenessEvalReport,
  | 'subjects'
  | 'bpcer'
  | 'bpcerByCohort'
  | 'bpcerByPhotoTurn'
  | 'bpcerByRestTurn'
  | 'apcer'
  | 'replayTries'
  | 'trials'
> {
  const bona = trials.filter((t) => t.presentation === 'bona-fide');
  const rejected = (ts: readonly Trial[]): ErrorRate =>
    errorRate(ts.filter((t) => !t.accepted).length, ts.length);
  const bpcerByCohort: Record<string, ErrorRate> = {};
  for (const c of [...new Set(bona.map((t) => t.cohort))].sort())
    bpcerByCohort[c] = rejected(bona.filter((t) => t.cohort === c));
  const split = (key: 'photoYaw' | 'restYaw'): Record<string, ErrorRate> => {
    const measured = bona.filter((t) => t[key] !== undefined);
    return measured.length
      ? {
          facing: rejected(measured.filter((t) => Math.abs(t[key]!) < PHOTO_TURNED)),
          turned: rejected(measured.filter((t) => Math.abs(t[key]!) >= PHOTO_TURNED)),
        }
      : {};
  };
  const bpcerByPhotoTurn = split('photoYaw');
  const bpcerByRestTurn = split('restYaw');
  const apcer: Record<string, ErrorRate> = {};
  for (const type of attacks) {
    const ts = trials.filter((t) => t.presentation === type);
    apcer[type] = errorRate(ts.filter((t) => t.accepted).length, ts.length);
  }
  return {
    subjects: bona.length,
    bpcer: rejected(bona),
    bpcerByCohort,
    bpcerByPhotoTurn,
    bpcerByRestTurn,
    apcer,
    replayTries: errorRate(replay.k, replay.n),
    trials,
  };
}
