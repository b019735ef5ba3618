// One liveness session traced frame by frame (issue 17: where the liveness face path's time
// goes): readerd's own verifier, its face worker (fr-onnx + the eye-state model) and the
// emulated face camera with the live subject, in one process, each stage stamped on the wall
// clock — frame asked for, rendered, decoded (captured), detected (detector + landmarks +
// embedding in the worker), eyes judged — beside the challenge's prompts and the subject's own
// timeline (when it reacted, how long each motion took), on the camera's clock. Timestamps and
// durations only: no image leaves this file.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { decodeImage, type RgbImage } from '../../device/image/decode.js';
import { FaceApiMatcher } from '../../firmware-host/vision/face-api-matcher.js';
import type { FaceMatcher } from '../../firmware-host/vision/face-matcher.js';
import { type FaceVerifyConfig, verifyFace } from '../../firmware-host/vision/face-verifier.js';
import { WorkerFaceMatcher } from '../../firmware-host/vision/worker-face-matcher.js';
import { EmulatedFaceCamera } from '../../sim/camera/emulated-face-camera.js';
import { LiveSubject, type Presentation, seededRandom } from '../../sim/camera/live-subject.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';

export interface TracedFrame {
  /** Camera time of the frame (the subject's clock), ms. */
  readonly cameraMs: number;
  /** Wall clock (ms since the trace began): asked for, delivered decoded, done with. */
  readonly askedMs: number;
  readonly capturedMs: number;
  readonly doneMs: number;
  /** Rendering the subject's picture (part of asked → captured), ms. */
  readonly renderMs: number;
  /** The worker's detect (detector, landmarks, embedding) and eye-state requests, ms. */
  readonly detectMs?: number;
  readonly eyesMs?: number;
}

export interface LivenessTrace {
  readonly outcome: string;
  readonly reason?: string;
  readonly challenge: string;
  readonly frames: TracedFrame[];
  readonly prompts: { action: string; cameraMs: number; wallMs: number }[];
  /** The subject's answer to each prompt on the camera's clock: reaction delay, motion duration. */
  readonly subject: { action: string; promptMs: number; reactionMs: number; motionMs: number }[];
  /** Wall time of the whole verification, ms. */
  readonly totalMs: number;
  readonly loadAverage: number;
}

export interface TraceOptions {
  readonly photo?: string;
  readonly seed?: number;
  readonly challengeSeed?: number;
  readonly width?: number;
  readonly height?: number;
  readonly fps?: number;
  readonly config?: Partial<FaceVerifyConfig>;
  /** The camera on the wall clock (newest frame, stale ones dropped) instead of the frames' clock. */
  readonly realtime?: boolean;
  /** false: the detector and embedder on every frame (the old path). */
  readonly tracking?: boolean;
}

/** The rig's challenge (tools/demo/appliance-rig.ts RIG_CHALLENGE): 2 steps, gaps 300–1500 ms. */
const RIG_CONFIG: FaceVerifyConfig = {
  attempts: 1,
  attemptTimeoutMs: 3000,
  livenessFrames: 12,
  challenge: 'random',
  challengeSteps: 2,
  challengeTiming: { baselineMs: 600, gapMs: [300, 1500], onsetMs: [250, 1800], holdMs: [1500, 2600] },
  liveness: 'required',
};

/**
 * The subject's answer to each prompt, read from its behaviour (camera clock): the first action
 * of the prompt's kind that began after it (spontaneous blinks are drawn apart from prompts).
 */
function subjectTimeline(s: LiveSubject, prompts: LivenessTrace['prompts']): LivenessTrace['subject'] {
  const actions = (s.behaviour as unknown as { actions: { kind: string; startMs: number; durMs: number }[] })
    .actions;
  return prompts.map((p) => {
    const kind = p.action.startsWith('blink') ? 'blink' : 'turn';
    const a = actions
      .filter((x) => x.kind === kind && x.startMs >= p.cameraMs)
      .sort((x, y) => x.startMs - y.startMs)[0];
    return {
      action: p.action,
      promptMs: p.cameraMs,
      reactionMs: a ? a.startMs - p.cameraMs : Number.NaN,
      motionMs: a?.durMs ?? Number.NaN,
    };
  });
}

export async function traceLiveness(o: TraceOptions = {}): Promise<LivenessTrace> {
  const width = o.width ?? 320;
  const height = o.height ?? 240;
  const photoPath = join(FACES_DIR, o.photo ?? 'img21.jpg');
  const emulator = new FaceApiMatcher({ descriptors: false });
  const worker = new WorkerFaceMatcher('fr-onnx', { eyes: true });
  await Promise.all([emulator.load(), worker.load()]);
  const eyes = worker.eyeState();
  const photo = await decodeImage(new Uint8Array(readFileSync(photoPath)));
  const ref = (await emulator.detect(photo, 'reference'))[0]!;
  emulator.dispose();
  const subject = new LiveSubject(photo, ref.landmarks, { seed: o.seed ?? 1, width, height });
  let renderMs = 0;
  const timed: Presentation = {
    perceive: (p) => subject.perceive(p),
    frameAt: (t) => {
      const t0 = performance.now();
      const img = subject.frameAt(t);
      renderMs += performance.now() - t0;
      return img;
    },
  };
  const cam = new EmulatedFaceCamera(timed, { width, height, fps: o.fps ?? 6, realtime: o.realtime });
  const frames: TracedFrame[] = [];
  const prompts: LivenessTrace['prompts'] = [];
  const begin = performance.now();
  const now = (): number => performance.now() - begin;
  let open: { cameraMs: number; askedMs: number; renderMs: number; capturedMs: number } | undefined;
  let detectMs: number | undefined;
  let eyesMs: number | undefined;
  const close = (): void => {
    if (open) frames.push({ ...open, detectMs, eyesMs, doneMs: now() });
    open = undefined;
    detectMs = undefined;
    eyesMs = undefined;
  };
  const camera = {
    nextFrame: async (ms: number) => {
      close();
      const askedMs = now();
      renderMs = 0;
      const f = await cam.nextFrame(ms);
      open = { cameraMs: f.timestampMs, askedMs, renderMs, capturedMs: now() };
      return f;
    },
  };
  const matcher: FaceMatcher = {
    name: worker.name,
    threshold: worker.threshold,
    load: () => worker.load(),
    detect: async (img: RgbImage, purpose?: 'live' | 'reference') => {
      const t0 = performance.now();
      const r = await worker.detect(img, purpose);
      if (purpose === 'live') detectMs = (detectMs ?? 0) + performance.now() - t0;
      return r;
    },
    similarity: (a, b) => worker.similarity(a, b),
    dispose: () => worker.dispose(),
  };
  // The tracker's requests (face-tracker.ts), timed as the detection they stand for.
  const timedCall = <A extends unknown[], R>(f: ((...a: A) => Promise<R>) | undefined) =>
    f &&
    (async (...a: A): Promise<R> => {
      const t0 = performance.now();
      const r = await f(...a);
      detectMs = (detectMs ?? 0) + performance.now() - t0;
      return r;
    });
  if (o.tracking !== false) {
    Object.assign(matcher, {
      locate: timedCall(worker.locate),
      landmarksIn: timedCall(worker.landmarksIn),
      embed: timedCall(worker.embed),
    });
  }
  try {
    const t0 = performance.now();
    const ev = await verifyFace(
      matcher,
      photo,
      camera,
      { ...RIG_CONFIG, ...o.config },
      {
        random: seededRandom(o.challengeSeed ?? 11),
        eyes: {
          load: () => eyes.load(),
          closed: async (img, l) => {
            const t = performance.now();
            const r = await eyes.closed(img, l);
            eyesMs = (eyesMs ?? 0) + performance.now() - t;
            return r;
          },
          dispose: () => eyes.dispose(),
        },
        onPrompt: (p) => {
          const seen = cam.prompt({ action: p.action, atMs: p.atMs });
          prompts.push({ action: p.action, cameraMs: seen.atMs, wallMs: now() });
        },
      },
    );
    close();
    return {
      outcome: ev.outcome,
      reason: ev.liveness?.reason,
      challenge: ev.liveness?.challenge ?? '',
      frames,
      prompts,
      subject: subjectTimeline(subject, prompts),
      totalMs: performance.now() - t0,
      loadAverage: loadavg()[0]!,
    };
  } finally {
    await cam.close();
    await worker.dispose();
  }
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

export function summarise(t: LivenessTrace): string {
  const f = t.frames;
  const per = (k: (x: TracedFrame) => number | undefined): string =>
    median(f.map(k).filter((x): x is number => x !== undefined)).toFixed(1);
  return [
    `outcome ${t.outcome}${t.reason ? ` (${t.reason})` : ''}, challenge ${t.challenge}, load ${t.loadAverage.toFixed(1)}`,
    `wall ${t.totalMs.toFixed(0)} ms for ${f.length} frames covering camera time ${f.at(-1)?.cameraMs.toFixed(0)} ms (${(f.length > 1 ? (1000 * (f.length - 1)) / (f.at(-1)!.cameraMs - f[0]!.cameraMs || 1) : 0).toFixed(1)} frames processed per second over their own span)`,
    `per frame (median): render ${per((x) => x.renderMs)}, asked→captured ${per((x) => x.capturedMs - x.askedMs)}, detect ${per((x) => x.detectMs)}, eyes ${per((x) => x.eyesMs)}, frame total ${per((x) => x.doneMs - x.askedMs)} ms`,
    `subject: ${t.subject.map((x) => `${x.action} prompted@${x.promptMs.toFixed(0)} reaction ${x.reactionMs.toFixed(0)} motion ${x.motionMs.toFixed(0)}`).join('; ')}`,
    `prompts: ${t.prompts.map((p) => `${p.action}@cam ${p.cameraMs.toFixed(0)}/wall ${p.wallMs.toFixed(0)}`).join(', ')}`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = await traceLiveness({
    seed: Number(process.env.SEED ?? 1),
    realtime: process.env.REALTIME === '1',
    fps: process.env.FPS ? Number(process.env.FPS) : undefined,
    width: process.env.W ? Number(process.env.W) : undefined,
    height: process.env.H ? Number(process.env.H) : undefined,
    tracking: process.env.TRACKING !== '0',
    config: { earlyPrompts: process.env.EARLY !== '0', tracking: process.env.TRACKING !== '0' },
  });
  console.log(summarise(t));
  if (process.env.TRACE_JSON)
    for (const x of t.frames)
      console.log(
        [
          x.cameraMs,
          x.askedMs,
          x.capturedMs - x.askedMs,
          x.renderMs,
          x.detectMs,
          x.eyesMs,
          x.doneMs - x.askedMs,
        ]
          .map((v) => (v === undefined ? '-' : v.toFixed(0)))
          .join('\t'),
      );
  process.exit(0);
}
