// Liveness measured as ISO/IEC 30107-3 asks: bona fide presentations (the emulator's live
// subjects, made from fixture photos) and attack presentations of each type, each through the
// emulated face camera and the appliance's ffmpeg decode, judged by the appliance's liveness
// attempt with a challenge drawn at random per attempt. APCER per attack type, BPCER, with
// counts and 95 % bounds. A recorded session is also replayed against many fresh challenges:
// the replay's frames are the same bytes every time, so they are measured once through the
// camera path and judged against each challenge.
import { readFileSync } from 'node:fs';
import { decodeImage, type RgbImage } from '../../device/image/decode.js';
import type { FaceFound } from '../../firmware-host/vision/face-matcher.js';
import {
  decideLiveness,
  type LivenessAttemptResult,
  runLivenessAttempt,
} from '../../firmware-host/vision/liveness-attempt.js';
import {
  type ChallengePlan,
  drawPlan,
  type LiveFrame,
  type PlanOptions,
} from '../../firmware-host/vision/liveness-challenge.js';
import type { EyeStateModel, PassiveLivenessModel } from '../../firmware-host/vision/liveness-models.js';
import { type ErrorRate, errorRate } from '../../protocol/vision/binomial.js';
import { ATTACK_TYPES, type AttackType, attackInstrument } from '../../sim/camera/attacks.js';
import { EmulatedFaceCamera } from '../../sim/camera/emulated-face-camera.js';
import { LiveSubject, type Presentation, type Prompt, seededRandom } from '../../sim/camera/live-subject.js';

export interface LivenessEvalOptions {
  readonly photos: readonly string[];
  readonly detect: (img: RgbImage, purpose: 'live' | 'reference') => Promise<FaceFound[]>;
  readonly eyes?: EyeStateModel;
  readonly passive?: PassiveLivenessModel;
  readonly attacks?: readonly AttackType[];
  /** Judgements of the recorded session against fresh challenges, over all subjects. */
  readonly replayTries?: number;
  readonly seed?: number;
  readonly width?: number;
  readonly height?: number;
  readonly fps?: number;
  readonly plan?: PlanOptions;
  readonly minNonRigid?: number;
  readonly minPassive?: number;
  readonly onProgress?: (line: string) => void;
}

export interface Trial {
  readonly subject: string;
  readonly presentation: 'bona-fide' | AttackType;
  readonly accepted: boolean;
  readonly challenge: string;
  readonly reason?: string;
  readonly frames: number;
  readonly checks: readonly string[];
  readonly nonRigid: number;
  readonly passive?: number;
}

export interface LivenessEvalReport {
  readonly subjects: number;
  readonly skipped: readonly { file: string; why: string }[];
  readonly bpcer: ErrorRate;
  readonly apcer: Record<string, ErrorRate>;
  /** The recorded session replayed against fresh random challenges (judged on its frames). */
  readonly replayTries: ErrorRate;
  readonly passive?: { readonly bonaFide: number[]; readonly attack: Record<string, number[]> };
  readonly trials: readonly Trial[];
  readonly settings: { width: number; height: number; fps: number; seed: number };
}

function trialOf(
  subject: string,
  presentation: Trial['presentation'],
  r: Omit<LivenessAttemptResult, 'track'>,
): Trial {
  return {
    subject,
    presentation,
    accepted: r.passed,
    challenge: r.challenge,
    reason: r.reason,
    frames: r.frames,
    checks: r.checksPassed,
    nonRigid: Math.round(r.nonRigid * 1e5) / 1e5,
    passive: r.passive === undefined ? undefined : Math.round(r.passive * 1000) / 1000,
  };
}

export async function evaluateLiveness(o: LivenessEvalOptions): Promise<LivenessEvalReport> {
  const width = o.width ?? 320;
  const height = o.height ?? 240;
  const fps = o.fps ?? 6;
  const seed = o.seed ?? 1;
  const attacks = o.attacks ?? ATTACK_TYPES;
  const random = seededRandom(seed);
  const trials: Trial[] = [];
  const skipped: { file: string; why: string }[] = [];
  const replays: boolean[] = [];
  const tracks: { subject: string; track: LiveFrame[] }[] = [];
  const camera = { width, height, fps };
  const attempt = async (
    p: Presentation,
    plan: ChallengePlan,
    heard?: Prompt[],
    measureOnly = false,
  ): Promise<LivenessAttemptResult> => {
    const cam = new EmulatedFaceCamera(p, camera);
    try {
      return await runLivenessAttempt({
        detect: (img) => o.detect(img, 'live'),
        camera: cam,
        plan,
        timeoutMs: 600_000,
        eyes: o.eyes,
        passive: o.passive,
        minNonRigid: o.minNonRigid,
        minPassive: o.minPassive,
        measureOnly,
        onPrompt: (q) => {
          const seen = cam.prompt({ action: q.action, atMs: q.atMs });
          heard?.push(seen);
        },
      });
    } finally {
      await cam.close();
    }
  };
  for (const [n, file] of o.photos.entries()) {
    const name = file.split('/').pop()!;
    const photo = await decodeImage(new Uint8Array(readFileSync(file)));
    const [ref] = await o.detect(photo, 'reference');
    if (!ref) {
      skipped.push({ file: name, why: 'no face in the photo' });
      continue;
    }
    const subjectSeed = Math.floor(random() * 2 ** 31);
    const at = { seed: subjectSeed, width, height };
    // Bona fide: the live subject answers a fresh challenge; what it heard is the recording.
    const heard: Prompt[] = [];
    const live = await attempt(new LiveSubject(photo, ref.landmarks, at), drawPlan(random, o.plan), heard);
    trials.push(trialOf(name, 'bona-fide', live));
    o.onProgress?.(
      `${n + 1}/${o.photos.length} ${name} bona fide: ${live.passed ? 'accepted' : `rejected (${live.reason})`}`,
    );
    for (const type of attacks) {
      const inst = attackInstrument(type, photo, ref.landmarks, { ...at, recorded: heard });
      const r = await attempt(inst, drawPlan(random, o.plan));
      trials.push(trialOf(name, type, r));
      o.onProgress?.(`  ${type}: ${r.passed ? 'ACCEPTED' : `rejected (${r.reason})`}`);
    }
    if ((o.replayTries ?? 0) > 0) {
      // The recording's frames, measured once for as long as the genuine session lasted.
      const forever: ChallengePlan = { steps: [], endMs: live.track.at(-1)?.t ?? 0 };
      const replay = attackInstrument('session-replay', photo, ref.landmarks, { ...at, recorded: heard });
      const r = await attempt(replay, forever, undefined, true);
      tracks.push({ subject: name, track: r.track });
    }
  }
  const total = o.replayTries ?? 0;
  for (let i = 0; i < total && tracks.length; i++) {
    const { track } = tracks[i % tracks.length]!;
    const r = decideLiveness(drawPlan(random, o.plan), track, {
      minNonRigid: o.minNonRigid,
      minPassive: o.minPassive,
    });
    replays.push(r!.passed);
  }
  const bona = trials.filter((t) => t.presentation === 'bona-fide');
  const apcer: Record<string, ErrorRate> = {};
  const passiveAttack: Record<string, number[]> = {};
  for (const type of attacks) {
    const ts = trials.filter((t) => t.presentation === type);
    apcer[type] = errorRate(ts.filter((t) => t.accepted).length, ts.length);
    passiveAttack[type] = ts.map((t) => t.passive).filter((p): p is number => p !== undefined);
  }
  return {
    subjects: bona.length,
    skipped,
    bpcer: errorRate(bona.filter((t) => !t.accepted).length, bona.length),
    apcer,
    replayTries: errorRate(replays.filter(Boolean).length, replays.length),
    passive: o.passive
      ? {
          bonaFide: bona.map((t) => t.passive).filter((p): p is number => p !== undefined),
          attack: passiveAttack,
        }
      : undefined,
    trials,
    settings: { width, height, fps, seed },
  };
}
