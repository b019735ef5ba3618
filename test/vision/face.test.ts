// The face pipeline on the fixture pairs at the chosen threshold, and the chip's JPEG 2000
// photo decoded and matched through the same pipeline.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../device/image/decode.js';
import { evaluate, readPairs } from '../../firmware-host/vision/evaluate.js';
import { FaceApiMatcher } from '../../firmware-host/vision/face-api-matcher.js';
import { chipPhoto, PHOTO_SIZE } from '../../hardware/card/card-face.js';
import { FACES_DIR } from '../../hardware/card/card-profiles.js';

const matcher = new FaceApiMatcher();
const pairs = readPairs(join(FACES_DIR, 'pairs.csv'));
beforeAll(() => matcher.load(), 60_000);

describe('face verification (face-api on wasm)', () => {
  it('accepts every genuine pair and rejects every impostor pair of the fixtures at the threshold', async () => {
    const r = await evaluate(matcher, pairs, FACES_DIR);
    expect(r.genuine).toBe(38);
    expect(r.noFace).toEqual([]);
    expect(r.atThreshold.far).toBe(0);
    expect(r.atThreshold.frr).toBeLessThanOrEqual(0.03);
    const wrong = r.scores.filter((x) => x.score >= matcher.threshold !== x.genuine);
    expect(wrong).toEqual([]);
  }, 120_000);

  it('decodes the chip photo (greyscale JPEG 2000) and matches it against the live photo', async () => {
    const j2k = await chipPhoto(join(FACES_DIR, 'img20.jpg'));
    expect([...j2k.subarray(0, 4)]).toEqual([0xff, 0x4f, 0xff, 0x51]);
    const img = await decodeImage(j2k);
    expect([img.width, img.height]).toEqual([PHOTO_SIZE.width, PHOTO_SIZE.height]);
    const sample = pairs.filter((p) => p.genuine).concat(pairs.filter((p) => !p.genuine).slice(0, 40));
    const r = await evaluate(matcher, sample, FACES_DIR, { prepareA: chipPhoto });
    expect(r.noFace).toEqual([]);
    expect(r.atThreshold.far).toBe(0);
    expect(r.atThreshold.frr).toBeLessThanOrEqual(0.03);
  }, 120_000);
});
