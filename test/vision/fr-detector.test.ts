// The shipped detector's input and output arithmetic on its own (letterbox, resampling), its
// models on real pictures (a face found with 68 landmarks where face-api puts them), and the
// per-session FAR arithmetic the eval reports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage, type RgbImage } from '../../device/image/decode.js';
import { fivePoints } from '../../firmware-host/vision/face-align.js';
import { FaceApiMatcher } from '../../firmware-host/vision/face-api-matcher.js';
import { FrDetector, letterbox, sampleGrid } from '../../firmware-host/vision/fr-detector.js';
import { eyeDistance } from '../../firmware-host/vision/quality.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';
import { SESSION_FAR_GOAL, targetFarFor } from '../../tools/face/evaluate.js';
import { cameraFrame } from '../../tools/face/evaluate-live.js';

describe('detector input', () => {
  it('letterboxes any picture into 320×240 without stretching it', () => {
    expect(letterbox(640, 480)).toEqual({ step: 2, x0: 0, y0: 0 });
    // A square photo: scaled by its height, centred with grey on both sides.
    expect(letterbox(180, 180)).toEqual({ step: 0.75, x0: -30, y0: 0 });
    // The chip photo (144×180, portrait).
    const chip = letterbox(144, 180);
    expect(chip.step).toBe(0.75);
    expect(chip.x0).toBe(-48);
  });

  it('resamples exactly on an integer grid, and reads outside the picture as the fill', () => {
    const img: RgbImage = { width: 2, height: 1, data: Uint8Array.from([10, 20, 30, 40, 50, 60]) };
    expect([...sampleGrid(img, 0, 0, 1, 2, 1)]).toEqual([10, 20, 30, 40, 50, 60]);
    // Pixel (−1, 0) is outside: mid-grey, which the detector's (v − 127) / 128 maps to 0.
    expect([...sampleGrid(img, -1, 0, 1, 1, 1)]).toEqual([127, 127, 127]);
    // Halfway between the two pixels, in grey (BT.601).
    const g = sampleGrid(img, 0.5, 0, 1, 1, 1, true)[0]!;
    expect(g).toBeCloseTo(0.299 * 25 + 0.587 * 35 + 0.114 * 45, 4);
  });
});

describe('FrDetector on fixture photos', () => {
  const fr = new FrDetector();
  const fa = new FaceApiMatcher({ descriptors: false });
  beforeAll(() => Promise.all([fr.load(), fa.load()]), 60_000);
  afterAll(async () => {
    await fr.dispose();
    fa.dispose();
  });

  it('finds the face in a camera frame with 68 landmarks where face-api puts them', async () => {
    for (const f of ['img1.jpg', 'img20.jpg']) {
      const frame = await cameraFrame(await decodeImage(new Uint8Array(readFileSync(join(FACES_DIR, f)))));
      const [ours] = await fr.detect(frame);
      const [theirs] = await fa.detect(frame, 'live');
      expect(ours!.landmarks).toHaveLength(68);
      const a = fivePoints(ours!.landmarks);
      const b = fivePoints(theirs!.landmarks);
      const eyes = eyeDistance(theirs!.landmarks);
      // Eyes, nose tip and mouth corners within a fifth of the eye distance of face-api's.
      for (let i = 0; i < 5; i++)
        expect(Math.hypot(a[i]![0] - b[i]![0], a[i]![1] - b[i]![1]) / eyes, `${f} point ${i}`).toBeLessThan(
          0.2,
        );
    }
  }, 60_000);
});

describe('the per-session FAR goal', () => {
  it('splits 0.1 % over the attempts (union bound)', () => {
    expect(SESSION_FAR_GOAL).toBe(0.001);
    expect(targetFarFor(1)).toBe(0.001);
    expect(targetFarFor(3)).toBeCloseTo(0.001 / 3, 12);
    expect(targetFarFor(5)).toBeCloseTo(0.0002, 12);
  });
});
