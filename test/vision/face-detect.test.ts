// Which face the matcher takes: the confident, central one, never a bystander at the edge, and
// "no face" rather than a lowered bar. Pictures built from the fixtures with sharp; the
// selection rule also on its own, on boxes like the ones issue 11 saw.
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage, type RgbImage } from '../../device/image/decode.js';
import type { FaceMatcher } from '../../firmware-host/vision/face-matcher.js';
import { selectFaces } from '../../firmware-host/vision/face-select.js';
import { createMatcher, type MatcherId } from '../../firmware-host/vision/matchers.js';
import { chipPhoto, PHOTO_SIZE } from '../../sim/card/card-face.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';

async function frame(pipeline: ReturnType<typeof sharp>): Promise<RgbImage> {
  const { data, info } = await pipeline.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}
const grey = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#808080' } });
const centreOf = (b: { x: number; y: number; width: number; height: number }) => [
  b.x + b.width / 2,
  b.y + b.height / 2,
];

describe('face selection rule', () => {
  it('puts a confident face before a larger, less confident box', () => {
    const big = { box: { x: 100, y: 80, width: 300, height: 320 }, score: 0.53 };
    const real = { box: { x: 220, y: 140, width: 180, height: 200 }, score: 0.72 };
    expect(selectFaces([big, real], 640, 480)).toEqual([real, big]);
  });

  it('drops a small face, a face at the edge and a low score, whatever else there is', () => {
    const corner = { box: { x: 580, y: 10, width: 44, height: 49 }, score: 0.9 };
    const edge = { box: { x: 540, y: 150, width: 100, height: 110 }, score: 0.9 };
    const weak = { box: { x: 220, y: 140, width: 180, height: 200 }, score: 0.45 };
    expect(selectFaces([corner, edge, weak], 640, 480)).toEqual([]);
  });
});

// The shipped detector (fr_detect on onnxruntime) and face-api's, kept for comparison.
describe.each(['fr-onnx', 'face-api'] as MatcherId[])('face detection on built pictures (%s)', (id) => {
  let m: FaceMatcher;
  beforeAll(async () => {
    m = createMatcher(id);
    await m.load();
  }, 60_000);
  afterAll(() => m.dispose());

  it('takes the sharp central face over a larger blurred one', async () => {
    const face = await sharp(join(FACES_DIR, 'img1.jpg')).resize({ height: 220 }).toBuffer();
    const blurred = await sharp(join(FACES_DIR, 'img20.jpg')).resize({ height: 300 }).blur(12).toBuffer();
    const img = await frame(
      grey(800, 480).composite([
        { input: blurred, left: 0, top: 90 },
        { input: face, left: 320, top: 130 },
      ]),
    );
    const faces = await m.detect(img, 'live');
    expect(faces.length).toBeGreaterThan(0);
    const [cx, cy] = centreOf(faces[0]!.box);
    // The real face occupies x 320–483, y 130–350.
    expect(cx).toBeGreaterThan(320);
    expect(cx).toBeLessThan(490);
    expect(cy).toBeGreaterThan(130);
    expect(cy).toBeLessThan(350);
  });

  it('answers "no face" for a small face in the corner of an empty picture, on both paths', async () => {
    const small = await sharp(join(FACES_DIR, 'img1.jpg')).resize({ height: 60 }).toBuffer();
    const img = await frame(grey(640, 480).composite([{ input: small, left: 590, top: 5 }]));
    // The bystander is there to be found: alone at full size, it is.
    const alone = await frame(sharp(join(FACES_DIR, 'img1.jpg')).resize({ height: 60 }));
    expect(await m.detect(alone, 'reference')).toHaveLength(1);
    expect(await m.detect(img, 'live')).toEqual([]);
    expect(await m.detect(img, 'reference')).toEqual([]);
  });

  it('finds the face in the chip photo (greyscale JPEG 2000) through the reference path', async () => {
    const img = await decodeImage(await chipPhoto(join(FACES_DIR, 'img20.jpg')));
    expect([img.width, img.height]).toEqual([PHOTO_SIZE.width, PHOTO_SIZE.height]);
    const faces = await m.detect(img, 'reference');
    expect(faces).toHaveLength(1);
    expect(faces[0]!.landmarks).toHaveLength(68);
  });
});
