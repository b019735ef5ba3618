// The liveness challenge's frame path (issue 17): the face is followed between full detections
// (the detector and the embedder every REDETECT_EVERY frames, the landmark model alone between,
// a full detection again at once when the face is lost), the random challenge in the verifier
// runs that way, and its prompts come as soon as the patient has answered — a person answering
// in about a second is judged passed well before the drawn plan's end, by the same judgement.
import { describe, expect, it } from 'vitest';
import type { Frame } from '../../device/camera/frame-source.js';
import type { RgbImage } from '../../device/image/decode.js';
import type {
  FaceBox,
  FaceFound,
  FaceMatcher,
  LocatedFace,
} from '../../firmware-host/vision/face-matcher.js';
import { FaceTracker, REDETECT_EVERY, stillTracked } from '../../firmware-host/vision/face-tracker.js';
import { verifyFace } from '../../firmware-host/vision/face-verifier.js';
import { runLivenessAttempt } from '../../firmware-host/vision/liveness-attempt.js';
import { type ChallengePlan, drawPlan } from '../../firmware-host/vision/liveness-challenge.js';
import { seededRandom } from '../../sim/camera/live-subject.js';
import { face } from '../helpers/schematic-face.js';

// A textured picture (the quality gates' sharpness and the occlusion check read its pixels).
const noise = seededRandom(9);
const IMG: RgbImage = {
  width: 320,
  height: 320,
  data: Uint8Array.from({ length: 320 * 320 * 3 }, () => 60 + Math.floor(noise() * 140)),
};
const BOX: FaceBox = { x: 90, y: 90, width: 140, height: 140 };

/** A tracking matcher whose face follows `pose(frame)`, counting each kind of call. */
function fakeModels(pose: (n: number) => { yaw: number; pitch?: number; cx?: number } | undefined) {
  const calls = { locate: 0, landmarksIn: 0, embed: 0, detect: 0 };
  let n = 0;
  const at = (): LocatedFace | undefined => {
    const p = pose(n);
    if (!p) return undefined;
    const cx = p.cx ?? 160;
    return { box: { ...BOX, x: cx - 70 }, score: 0.9, landmarks: face(p.yaw, p.pitch ?? 0, cx) };
  };
  const m = {
    calls,
    /** The next frame comes (the fake's picture changes). */
    advance: () => {
      n++;
    },
    locate: async (): Promise<LocatedFace[]> => {
      calls.locate++;
      const f = at();
      return f ? [f] : [];
    },
    landmarksIn: async (_img: RgbImage, box: FaceBox): Promise<LocatedFace> => {
      calls.landmarksIn++;
      // No face in the crop: the landmark model still answers, with points of nothing.
      const f = at();
      return f ?? { box, score: 1, landmarks: face(0, 0, box.x + 400) };
    },
    embed: async (): Promise<Float32Array> => {
      calls.embed++;
      return new Float32Array([1, 0, 0, 0]);
    },
  };
  return m;
}

describe('the face tracker', () => {
  it('detects and embeds once every REDETECT_EVERY frames and follows the face between', async () => {
    const m = fakeModels((n) => ({ yaw: 0.05 * Math.sin(n), cx: 160 + n }));
    const tracker = new FaceTracker(m);
    const detected: boolean[] = [];
    for (let k = 0; k < 12; k++) {
      const f = await tracker.next(IMG);
      detected.push(f.detected);
      expect(f.faces).toHaveLength(1);
      expect(f.descriptor !== undefined).toBe(f.detected);
      m.advance();
    }
    expect(REDETECT_EVERY).toBeGreaterThan(1);
    expect(detected).toEqual(Array.from({ length: 12 }, (_, k) => k % REDETECT_EVERY === 0));
    expect(m.calls).toMatchObject({ locate: 12 / REDETECT_EVERY, embed: 12 / REDETECT_EVERY });
    expect(m.calls.landmarksIn).toBe(12 - 12 / REDETECT_EVERY);
  });

  it('detects again on the same frame when the face has left the crop', async () => {
    // A face, then nobody from frame 2 on.
    const m = fakeModels((n) => (n < 2 ? { yaw: 0 } : undefined));
    const tracker = new FaceTracker(m);
    expect((await tracker.next(IMG)).detected).toBe(true);
    m.advance();
    expect((await tracker.next(IMG)).detected).toBe(false);
    m.advance();
    const gone = await tracker.next(IMG);
    expect(gone).toMatchObject({ detected: true, faces: [] });
    expect(m.calls.locate).toBe(2);
  });

  it('a crop keeps its face within a third of a side and 30 % of its size', () => {
    expect(stillTracked(BOX, { ...BOX, x: BOX.x + 20 }, 320, 320)).toBe(true);
    expect(stillTracked(BOX, { ...BOX, x: BOX.x + 60 }, 320, 320)).toBe(false);
    expect(stillTracked(BOX, { ...BOX, width: 200, height: 200 }, 320, 320)).toBe(false);
    expect(stillTracked(BOX, { ...BOX, x: 300 }, 320, 320)).toBe(false);
  });
});

/** A camera of `IMG` every 100 ms of camera time; `onFrame` moves the fake's face along. */
function camera(onFrame: () => void) {
  let t = 0;
  let seq = 0;
  return {
    nextFrame: async (): Promise<Frame> => {
      await new Promise((r) => setImmediate(r));
      if (seq > 0) onFrame();
      t += 100;
      return { seq: seq++, ...IMG, timestampMs: t };
    },
  };
}

/** The head of a person who turns `reactMs` after each prompt they saw and back after "look". */
function person(reactMs: number) {
  const prompts: { action: string; atMs: number }[] = [];
  let now = 0;
  const TURNS: Record<string, [number, number]> = {
    'turn-left': [-0.3, 0],
    'turn-right': [0.3, 0],
    'look-up': [0, -0.3],
    'look-down': [0, 0.3],
  };
  const poseAt = (t: number): { yaw: number; pitch: number } => {
    let pose: [number, number] = [0, 0];
    for (const p of prompts) if (t >= p.atMs + reactMs) pose = TURNS[p.action] ?? [0, 0];
    return { yaw: pose[0], pitch: pose[1] };
  };
  // Blinks: the eyes shut for 150 ms `reactMs` after a blink prompt (twice, 400 ms apart, for
  // blink twice), as the eye model would read them.
  const eyesAt = (t: number): [number, number] => {
    for (const p of prompts) {
      const shut = p.action === 'blink' ? [0] : p.action === 'blink-twice' ? [0, 400] : [];
      if (shut.some((d) => t >= p.atMs + reactMs + d && t < p.atMs + reactMs + d + 150)) return [0.99, 0.99];
    }
    return [0.01, 0.01];
  };
  return {
    prompts,
    tick: () => {
      now += 100;
    },
    pose: () => poseAt(now),
    eyes: {
      load: async () => {},
      closed: async (): Promise<[number, number]> => eyesAt(now),
      dispose: async () => {},
    },
    perceive: (action: string) => prompts.push({ action, atMs: now }),
  };
}

const turnsOnly = (seed: number): ChallengePlan =>
  drawPlan(seededRandom(seed), {
    steps: 2,
    actions: ['turn-left', 'turn-right'],
    timing: { baselineMs: 600, gapMs: [300, 1500], onsetMs: [250, 1800], holdMs: [1500, 2600] },
  });

describe('the random challenge over tracked frames', () => {
  it('verifies running the detector and the embedder on one frame in REDETECT_EVERY, not on every frame', async () => {
    const who = person(400);
    const m = fakeModels(() => who.pose());
    let frames = 0;
    const matcher: FaceMatcher = {
      name: 'fake tracking matcher',
      threshold: 0.5,
      load: async () => {},
      detect: async (_img, purpose): Promise<FaceFound[]> => {
        if (purpose === 'live') m.calls.detect++;
        const f = (await m.locate())[0]!;
        m.calls.locate--;
        return [{ ...f, descriptor: new Float32Array([1, 0, 0, 0]) }];
      },
      locate: m.locate,
      landmarksIn: m.landmarksIn,
      embed: m.embed,
      similarity: () => 1,
      dispose: () => {},
    };
    const cam = camera(() => {
      frames++;
      who.tick();
      m.advance();
    });
    const ev = await verifyFace(
      matcher,
      IMG,
      cam,
      {
        attempts: 1,
        attemptTimeoutMs: 3000,
        livenessFrames: 12,
        challenge: 'random',
        challengeSteps: 2,
        challengeTiming: { baselineMs: 600, gapMs: [300, 1500], onsetMs: [250, 1800], holdMs: [1500, 2600] },
        liveness: 'required',
      },
      { random: seededRandom(3), eyes: who.eyes, onPrompt: (p) => who.perceive(p.action) },
    );
    expect(ev.outcome).toBe('verified');
    expect(frames).toBeGreaterThan(20);
    // The embedder ran where the detector did (and on nothing else), a quarter of the frames.
    expect(m.calls.detect).toBe(0);
    expect(m.calls.embed).toBe(m.calls.locate - 1); // the wait for a bare face locates once
    expect(m.calls.locate).toBeLessThanOrEqual(Math.ceil(frames / REDETECT_EVERY) + 2);
    expect(m.calls.landmarksIn).toBeGreaterThan(frames / 2);
  });
});

describe('prompts as soon as the patient can act', () => {
  it('a person answering each prompt in 0.4 s passes long before the drawn plan ends, judged the same', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const plan = turnsOnly(seed);
      const run = async (early: boolean) => {
        const who = person(400);
        const m = fakeModels(() => who.pose());
        let last = 0;
        const cam = camera(() => {
          who.tick();
          m.advance();
        });
        const r = await runLivenessAttempt({
          detect: async () => [],
          track: m,
          camera: {
            nextFrame: async () => {
              const f = await cam.nextFrame();
              last = f.timestampMs;
              return f;
            },
          },
          plan,
          timeoutMs: plan.endMs + 2000,
          early,
          random: seededRandom(seed),
          onPrompt: (p) => who.perceive(p.action),
        });
        return { r, endMs: last };
      };
      const drawn = await run(false);
      const paced = await run(true);
      expect(drawn.r.passed).toBe(true);
      expect(paced.r).toMatchObject({ passed: true, challenge: drawn.r.challenge });
      // The drawn plan waits to its end; the paced one is over about when the last answer is in
      // (and a turn's "look at the camera" up to 2.5 s after it is seen, EARLY_HOLD_MS).
      expect(drawn.endMs).toBeGreaterThanOrEqual(plan.endMs);
      expect(paced.endMs).toBeLessThan(plan.endMs - 1000);
    }
  });

  it('a still face is failed by the paced plan as by the drawn one', async () => {
    const plan = turnsOnly(5);
    const m = fakeModels(() => ({ yaw: 0 }));
    const cam = camera(() => m.advance());
    const r = await runLivenessAttempt({
      detect: async () => [],
      track: m,
      camera: { nextFrame: () => cam.nextFrame() },
      plan,
      timeoutMs: plan.endMs + 2000,
      early: true,
    });
    expect(r).toMatchObject({ passed: false, reason: 'not-seen (step 1)' });
  });
});
