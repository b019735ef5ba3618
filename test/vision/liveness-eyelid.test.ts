// The emulator's closed eye, judged by models we did not write: readerd's fr_landmark (68 points,
// read as the eye aspect ratio) and the faceplugin package's fr_eye eye-state model. Both are
// first shown real closed eyes (faces-lfw photos of people with their eyes shut), which they read
// as closed; then the live subject's lid, drawn over photos whose eyes the old warp (a squeeze of
// the eye's own content) left open to both: the lid must read as closed as a real one does, and
// the same face with the eyes open must read as open.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage, type RgbImage } from '../../device/image/decode.js';
import { FaceApiMatcher } from '../../firmware-host/vision/face-api-matcher.js';
import { FrOnnxMatcher } from '../../firmware-host/vision/fr-onnx-matcher.js';
import { eyeAspectRatio } from '../../firmware-host/vision/liveness.js';
import { EyeStateModel } from '../../firmware-host/vision/liveness-models.js';
import { faceModel, renderFace } from '../../sim/camera/face-warp.js';
import { framing } from '../../sim/camera/live-subject.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';

const LFW = join(FACES_DIR, '..', 'faces-lfw');
const appliance = new FrOnnxMatcher();
const emulator = new FaceApiMatcher({ descriptors: false });
const eyes = new EyeStateModel();
beforeAll(() => Promise.all([appliance.load(), emulator.load(), eyes.load()]), 180_000);
afterAll(async () => {
  emulator.dispose();
  await Promise.all([appliance.dispose(), eyes.dispose()]);
});

const load = async (file: string): Promise<RgbImage> => decodeImage(new Uint8Array(readFileSync(file)));

/** What readerd reads of the face in a picture: fr_eye's closed probabilities and the EAR. */
async function read(img: RgbImage): Promise<{ closed: [number, number]; ear: number }> {
  const face = (await appliance.locate(img, 'live'))[0];
  expect(face).toBeDefined();
  return { closed: await eyes.closed(img, face!.landmarks), ear: eyeAspectRatio(face!.landmarks) };
}

/** The live subject made from a photo, looking at the camera with both eyes at `closed`. */
async function subject(file: string, closed: number): Promise<RgbImage> {
  const photo = await load(join(FACES_DIR, file));
  const landmarks = (await emulator.detect(photo, 'reference'))[0]!.landmarks;
  const m = faceModel(landmarks);
  const at = framing(m, 320, 240);
  return renderFace(photo, m, { ...at, roll: 0, yaw: 0, pitch: 0, eyes: [closed, closed] }, 320, 240);
}

describe('real closed eyes, as the appliance reads them', () => {
  it.each(['Cristina_Fernandez__1.jpg', 'Rubens_Barrichello__4.jpg', 'Hun_Sen__2.jpg'])(
    '%s (eyes shut) reads as closed to fr_eye and to the eye aspect ratio',
    async (file) => {
      const r = await read(await load(join(LFW, file)));
      expect(Math.min(...r.closed)).toBeGreaterThan(0.9);
      expect(r.ear).toBeLessThan(0.15);
    },
    60_000,
  );
});

describe("the live subject's closed eye", () => {
  // Photos whose closed eyes the old warp left open to fr_eye (rises 0.01, 0.04, 0.03, 0.40).
  it.each(['img17.jpg', 'img2.jpg', 'img25.jpg', 'img23.jpg'])(
    '%s: fr_eye reads the lid as closed and the open eye as open',
    async (file) => {
      const open = await read(await subject(file, 0));
      const shut = await read(await subject(file, 1));
      expect(Math.max(...open.closed)).toBeLessThan(0.3);
      const rise = Math.max(shut.closed[0] - open.closed[0], shut.closed[1] - open.closed[1]);
      expect(rise).toBeGreaterThan(0.5);
    },
    120_000,
  );

  // The landmarks, an independent cue: the old lid left them where they were (ratios 1.14, 0.98).
  it.each(['img17.jpg', 'img23.jpg'])(
    '%s: fr_landmark puts the lids closer together (eye aspect ratio down)',
    async (file) => {
      const open = await read(await subject(file, 0));
      const shut = await read(await subject(file, 1));
      expect(shut.ear).toBeLessThan(0.85 * open.ear);
    },
    120_000,
  );
});
