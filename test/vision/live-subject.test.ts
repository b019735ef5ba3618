// The emulator's live subject against the appliance's liveness attempt, through the camera
// path (rendered, MJPEG into ffmpeg, decoded as the appliance decodes its camera; face-api
// landmarks): the subject made from a fixture photo answers a random challenge it learns from
// the prompts; a still print and a paper mask with real eyes, facing the same kind of
// challenge, fail; the verifier draws a different challenge for each attempt.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage, type RgbImage } from '../../device/image/decode.js';
import { FaceApiMatcher } from '../../firmware-host/vision/face-api-matcher.js';
import type { FaceFound } from '../../firmware-host/vision/face-matcher.js';
import { verifyFace } from '../../firmware-host/vision/face-verifier.js';
import { runLivenessAttempt } from '../../firmware-host/vision/liveness-attempt.js';
import {
  CHALLENGE_ACTIONS,
  type ChallengePlan,
  DEFAULT_THRESHOLDS,
  drawPlan,
  PLAN_MINIMUMS,
} from '../../firmware-host/vision/liveness-challenge.js';
import { awaitBareFace, OCCLUSION_GUIDANCE } from '../../firmware-host/vision/occlusion.js';
import { PatientPacedPlan } from '../../firmware-host/vision/patient-paced-plan.js';
import { attackInstrument } from '../../sim/camera/attacks.js';
import { EmulatedFaceCamera } from '../../sim/camera/emulated-face-camera.js';
import { LiveSubject, type Presentation, seededRandom } from '../../sim/camera/live-subject.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';
import { missing } from '../helpers/system.js';

const skip = missing('ffmpeg', 'ffmpeg');
const W = 320;
const H = 240;
const detector = new FaceApiMatcher({ descriptors: false });
let photo: RgbImage;
let ref: FaceFound;
beforeAll(async () => {
  await detector.load();
  photo = await decodeImage(new Uint8Array(readFileSync(join(FACES_DIR, 'img14.jpg'))));
  ref = (await detector.detect(photo, 'reference'))[0]!;
}, 120_000);
afterAll(() => detector.dispose());

// One turn, prompted at a random moment: the shortest challenge that tells a head from a sheet.
const turnPlan = (seed: number): ChallengePlan =>
  drawPlan(seededRandom(seed), { steps: 1, actions: ['turn-left', 'turn-right'] });

async function attempt(p: Presentation, plan: ChallengePlan) {
  const cam = new EmulatedFaceCamera(p, { width: W, height: H, fps: 5 });
  try {
    return await runLivenessAttempt({
      detect: (img) => detector.detect(img, 'live'),
      camera: cam,
      plan,
      timeoutMs: 400_000,
      onPrompt: (q) => cam.prompt({ action: q.action, atMs: q.atMs }),
    });
  } finally {
    await cam.close();
  }
}

describe.skipIf(skip)('the live subject through the camera path', () => {
  it('answers a random turn it was prompted for, after a human delay', async () => {
    const plan = turnPlan(3);
    const r = await attempt(new LiveSubject(photo, ref.landmarks, { seed: 5, width: W, height: H }), plan);
    expect(r).toMatchObject({ passed: true, challenge: plan.steps[0]!.action });
    const onset = r.outcome.steps[0]!.onsetMs!;
    expect(onset).toBeGreaterThan(250);
    expect(r.checksPassed).toContain('non-rigid-motion');
  }, 600_000);

  it.each(['print-still', 'paper-mask'] as const)(
    'a %s facing the same challenge fails',
    async (type) => {
      const plan = turnPlan(3);
      const inst = attackInstrument(type, photo, ref.landmarks, { seed: 5, width: W, height: H });
      const r = await attempt(inst, plan);
      expect(r.passed).toBe(false);
      expect(r.reason).toMatch(/step 1/);
    },
    600_000,
  );
});

describe.skipIf(skip)('a covered face is asked to uncover before the attempt', () => {
  it.each(['mask', 'sunglasses'] as const)(
    'a subject wearing %s is asked to take it off, and then shows a bare face',
    async (what) => {
      const subject = new LiveSubject(photo, ref.landmarks, {
        seed: 2,
        width: W,
        height: H,
        wearing: [what],
      });
      const cam = new EmulatedFaceCamera(subject, { width: W, height: H, fps: 5 });
      const said: string[] = [];
      try {
        const r = await awaitBareFace(cam, (img) => detector.detect(img, 'live'), 400_000, {
          onOcclusion: (o) => {
            said.push(OCCLUSION_GUIDANCE[o].en);
            cam.prompt({ action: o === 'mask' ? 'remove-mask' : 'remove-sunglasses', atMs: 0 });
          },
        });
        expect(r).toEqual({ bare: true, asked: [what] });
        expect(said).toEqual([OCCLUSION_GUIDANCE[what].en]);
      } finally {
        await cam.close();
      }
    },
    600_000,
  );
});

describe('the verifier draws a new challenge for each attempt', () => {
  it('with a seeded random, each attempt faces its own plan and the evidence names it', async () => {
    // A face that never moves (a stand-in detector over the same picture): every attempt fails
    // its first step, and the next attempt draws again.
    const still = { ...ref, descriptor: new Float32Array(4) };
    const matcher = {
      name: 'stand-in detector (one still face)',
      threshold: 0.5,
      load: async () => {},
      detect: async (): Promise<FaceFound[]> => [still],
      similarity: () => 1,
      dispose: () => {},
    };
    let t = 0;
    const camera = {
      nextFrame: async () => {
        t += 200;
        return { seq: 0, ...photo, timestampMs: t };
      },
    };
    const prompts: string[] = [];
    const e = await verifyFace(
      matcher,
      photo,
      camera,
      { attempts: 3, attemptTimeoutMs: 300, livenessFrames: 8, challenge: 'random', liveness: 'required' },
      {
        random: seededRandom(9),
        eyes: { load: async () => {}, closed: async () => [0.01, 0.01], dispose: async () => {} },
        onPrompt: (p) => p.step === 1 && p.action !== 'look' && prompts.push(p.action),
      },
    );
    const again = seededRandom(9);
    // Each attempt draws its plan, then its paced prompts' own waits from the same stream.
    const plans = [0, 1, 2].map(() => {
      const plan = drawPlan(again, { actions: CHALLENGE_ACTIONS, ...PLAN_MINIMUMS });
      new PatientPacedPlan(plan, DEFAULT_THRESHOLDS, again);
      return plan;
    });
    expect(e).toMatchObject({ outcome: 'liveness-failed', attempts: 3 });
    expect(e.liveness?.challenge).toBe(plans[2]!.steps.map((s) => s.action).join(','));
    expect(prompts).toEqual(plans.map((p) => p.steps[0]!.action));
    expect(new Set(plans.map((p) => JSON.stringify(p))).size).toBe(3);
    expect(e.liveness?.reason).toMatch(/step 1/);
  });
});
