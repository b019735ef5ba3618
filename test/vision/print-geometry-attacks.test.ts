// The print's geometry against the appliance's decision, through the camera path (rendered,
// MJPEG into ffmpeg, decoded as readerd decodes its camera; readerd's own detector and 68
// landmarks, fr-onnx + fr_landmark): a print folded along the nose, bent about a horizontal axis,
// or flat and turned hard close to the camera (perspective), each facing a seeded turn it is
// turned toward, fails the attempt, and the evidence says which step failed and why.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage, type RgbImage } from '../../device/image/decode.js';
import { FaceApiMatcher } from '../../firmware-host/vision/face-api-matcher.js';
import { FrOnnxMatcher } from '../../firmware-host/vision/fr-onnx-matcher.js';
import { runLivenessAttempt } from '../../firmware-host/vision/liveness-attempt.js';
import { type ChallengePlan, drawPlan } from '../../firmware-host/vision/liveness-challenge.js';
import { attackInstrument, PRINT_GEOMETRY_ATTACKS } from '../../sim/camera/attacks.js';
import { EmulatedFaceCamera } from '../../sim/camera/emulated-face-camera.js';
import type { Point } from '../../sim/camera/face-warp.js';
import { seededRandom } from '../../sim/camera/live-subject.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';
import { missing } from '../helpers/system.js';

const W = 320;
const H = 240;
const appliance = new FrOnnxMatcher();
// The emulator builds its instruments on face-api's landmarks of the photo, as the scene camera does.
const emulator = new FaceApiMatcher({ descriptors: false });
let photo: RgbImage;
let landmarks: readonly Point[];
beforeAll(async () => {
  await Promise.all([appliance.load(), emulator.load()]);
  photo = await decodeImage(new Uint8Array(readFileSync(join(FACES_DIR, 'img14.jpg'))));
  landmarks = (await emulator.detect(photo, 'reference'))[0]!.landmarks;
}, 180_000);
afterAll(async () => {
  emulator.dispose();
  await appliance.dispose();
});

// Two turns, prompted at random moments: what a print can be turned toward (it cannot blink).
const turns = (seed: number): ChallengePlan =>
  drawPlan(seededRandom(seed), { steps: 2, actions: ['turn-left', 'turn-right', 'look-up', 'look-down'] });

describe.skipIf(missing('ffmpeg', 'ffmpeg'))("the print's geometry through readerd's decision", () => {
  it.each(PRINT_GEOMETRY_ATTACKS)(
    'a %s turned toward each prompt fails, the reason in the evidence',
    async (type) => {
      const plan = turns(11);
      const cam = new EmulatedFaceCamera(
        attackInstrument(type, photo, landmarks, { seed: 4, width: W, height: H }),
        {
          width: W,
          height: H,
          fps: 6,
        },
      );
      try {
        const r = await runLivenessAttempt({
          detect: async (img) =>
            [...(await appliance.locate(img, 'live'))].map((f) => ({
              ...f,
              descriptor: new Float32Array(0),
            })),
          camera: cam,
          plan,
          timeoutMs: Math.max(8000, plan.endMs + 2000),
          wallTimeoutMs: 600_000,
          onPrompt: (q) => cam.prompt({ action: q.action, atMs: q.atMs }),
        });
        expect(r.challenge).toBe(plan.steps.map((s) => s.action).join(','));
        expect(r.passed, JSON.stringify(r.outcome)).toBe(false);
        expect(r.reason).toMatch(
          /^(flat|planar|not-seen|not-held|not-back|wrong-direction|too-early) \(step [12]\)$/,
        );
      } finally {
        await cam.close();
      }
    },
    600_000,
  );
});
