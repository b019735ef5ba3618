// evaluateSet's bookkeeping on a synthetic set with a small honest matcher (a normalised grey
// thumbnail as the descriptor; a flat image has no face): every pair once, failures to acquire
// kept out of FAR/FRR and counted, cohorts, folds, limit/sample by whole identities, the chip
// photo path.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RgbImage } from '../../device/image/decode.js';
import type { FaceFound, FaceMatcher } from '../../firmware-host/vision/face-matcher.js';
import { evaluateSet, listImages, selectImages } from '../../tools/face/evaluate.js';

class ThumbnailMatcher implements FaceMatcher {
  readonly name = 'thumbnail-16x16';
  readonly threshold = 0.8;
  calls: ('live' | 'reference')[] = [];
  async load(): Promise<void> {}
  async detect(img: RgbImage, purpose: 'live' | 'reference' = 'reference'): Promise<FaceFound[]> {
    this.calls.push(purpose);
    const { data } = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
      .greyscale()
      .resize(16, 16, { fit: 'fill' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const v = Float32Array.from(data);
    const mean = v.reduce((s, x) => s + x, 0) / v.length;
    let norm = 0;
    for (let i = 0; i < v.length; i++) {
      v[i]! -= mean;
      norm += v[i]! ** 2;
    }
    if (Math.sqrt(norm / v.length) < 2) return []; // flat: nothing to see
    for (let i = 0; i < v.length; i++) v[i]! /= Math.sqrt(norm);
    return [
      { box: { x: 0, y: 0, width: img.width, height: img.height }, score: 1, landmarks: [], descriptor: v },
    ];
  }
  similarity(a: Float32Array, b: Float32Array): number {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
    return (1 + s) / 2;
  }
  dispose(): void {}
}

const dir = mkdtempSync(join(tmpdir(), 'face-eval-set-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 8 people × 3 photos: a person is a random 8×8 pattern, a photo adds its own noise.
const PEOPLE = 8;
const cohorts = new Map(Array.from({ length: PEOPLE }, (_x, p) => [`P${p}`, p < 3 ? 'east-asian' : 'other']));
let seed = 7;
const rand = (): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};

beforeAll(async () => {
  for (let p = 0; p < PEOPLE; p++) {
    const pattern = Array.from({ length: 64 }, () => rand() * 255);
    for (let n = 1; n <= 3; n++) {
      const px = Uint8Array.from(
        pattern.flatMap((v) => Array(3).fill(Math.max(0, Math.min(255, v + (rand() - 0.5) * 60)))),
      );
      await sharp(px, { raw: { width: 8, height: 8, channels: 3 } })
        .resize(96, 96, { kernel: 'nearest' })
        .png()
        .toFile(join(dir, `P${p}__${n}.png`));
    }
  }
  // A photo with no face in it: the second photo of P9 is flat grey.
  await sharp({ create: { width: 96, height: 96, channels: 3, background: '#777' } })
    .png()
    .toFile(join(dir, 'P9__1.png'));
  const px = Uint8Array.from(Array.from({ length: 64 * 3 }, () => rand() * 255));
  await sharp(px, { raw: { width: 8, height: 8, channels: 3 } })
    .resize(96, 96, { kernel: 'nearest' })
    .png()
    .toFile(join(dir, 'P9__2.png'));
});

describe('evaluateSet', () => {
  it('scores all n(n−1)/2 pairs; a photo with no face is a failure to acquire, kept out of FAR and FRR', async () => {
    const m = new ThumbnailMatcher();
    const r = await evaluateSet(m, {
      dir,
      allImpostors: true,
      folds: 3,
      cohorts,
      live: false,
      targetFar: 0.01,
    });
    const n = PEOPLE * 3 + 2;
    expect(r.setup).toMatchObject({
      images: n,
      identities: PEOPLE + 1,
      folds: 3,
      cohorts: ['east-asian', 'other'],
    });
    const [all, ea, other] = r.tables;
    // P9__1 is on one side of each of its n − 1 pairs: all of them are lost, one genuine.
    expect(all!.lostPairs).toEqual({ genuine: 1, impostor: n - 2 });
    expect(all!.genuinePairs).toBe(PEOPLE * 3);
    expect(all!.genuinePairs + all!.impostorPairs + n - 1).toBe((n * (n - 1)) / 2);
    expect(r.failuresToAcquire).toEqual([{ file: 'P9__1.png', side: 'enrolled', reason: 'no-face' }]);
    expect(all!.frrWithFta).toMatchObject({ k: all!.frr.k + 1, n: all!.frr.n + 1 });
    // Cohorts: pairs within them only; P9 has no cohort, so only "all" counts it.
    expect(ea!.impostorPairs).toBe((9 * 8) / 2 - 9);
    expect(other!.impostorPairs).toBe((15 * 14) / 2 - 15);
    expect(ea!.lostPairs).toEqual({ genuine: 0, impostor: 0 });
    // The patterns are far apart: the thumbnail tells these people apart.
    expect(all!.atConfigured.far.k).toBe(0);
    expect(all!.atConfigured.frr.k).toBe(0);
    expect(all!.frr.k).toBe(0);
    // Held out, each threshold was chosen on two or three people: too few pairs to meet 1 %, so
    // it sits just above their highest impostor, and other people's impostors pass it.
    expect(r.threshold.heldOut.every((b) => b.choices.every((c) => !c.reachable))).toBe(true);
    expect(all!.far.k).toBeGreaterThan(0);
    expect(r.threshold.heldOut).toHaveLength(6);
    // Reference path without a chip photo: one detection per image serves both sides.
    expect(m.calls).toEqual(Array(n).fill('reference'));
  });

  it('a pair list scores only its pairs; the chip photo path embeds the enrolled side apart', async () => {
    const m = new ThumbnailMatcher();
    const pairs = [
      { a: 'P0__1.png', b: 'P0__2.png', genuine: true },
      { a: 'P1__1.png', b: 'P1__3.png', genuine: true },
      { a: 'P0__1.png', b: 'P1__2.png', genuine: false },
      { a: 'P2__1.png', b: 'P0__3.png', genuine: false },
    ];
    const r = await evaluateSet(m, { dir, pairs, folds: 1, live: false, chipPhoto: true, threshold: 0.8 });
    expect(r.setup).toMatchObject({ images: 7, pairs: 'list', chipPhoto: true });
    expect(r.threshold.mode).toBe('fixed');
    expect(r.tables[0]).toMatchObject({ genuinePairs: 2, impostorPairs: 2 });
    // Identities from the genuine pairs' groups (names have "__" here, which wins).
    expect(m.calls).toHaveLength(14);
  });

  it('--limit and --sample take whole people', () => {
    const images = listImages(dir, { cohorts });
    for (const how of ['first', 'sample'] as const) {
      const some = selectImages(images, 10, how, 3);
      expect(some.length).toBe(9);
      const per = new Map<string, number>();
      for (const im of some) per.set(im.identity, (per.get(im.identity) ?? 0) + 1);
      for (const [id, k] of per) expect(k).toBe(images.filter((im) => im.identity === id).length);
    }
    expect(selectImages(images, 10, 'first').map((im) => im.identity)).toEqual([
      'P0',
      'P0',
      'P0',
      'P1',
      'P1',
      'P1',
      'P2',
      'P2',
      'P2',
    ]);
  });
});
