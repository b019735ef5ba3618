// Quality gates on real detections (the shipped detector) of fixture photos made too small,
// blurred, dark, doubled, and of faces-lfw press photos turned well away from the camera.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RgbImage } from '../../device/image/decode.js';
import { decodeImage } from '../../device/image/decode.js';
import { FrDetector } from '../../firmware-host/vision/fr-detector.js';
import {
  assessQuality,
  DEFAULT_LIMITS,
  GUIDANCE,
  judgeQuality,
  measureQuality,
  yaw,
} from '../../firmware-host/vision/quality.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';
import { cameraFrame } from '../../tools/face/evaluate-live.js';

const m = new FrDetector();
beforeAll(() => m.load(), 60_000);
afterAll(() => m.dispose());
const faceFound = (f: Awaited<ReturnType<FrDetector['detect']>>[number]) => ({
  ...f,
  descriptor: new Float32Array(0),
});

async function frame(pipeline: ReturnType<typeof sharp>): Promise<RgbImage> {
  const { data, info } = await pipeline.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}
const photo = (f = 'img1.jpg') => sharp(join(FACES_DIR, f));
const check = async (img: RgbImage) => assessQuality(img, (await m.detect(img)).map(faceFound));
const LFW = join(FACES_DIR, '..', 'faces-lfw');

describe('quality gates', () => {
  it('passes a clear frontal photo', async () => {
    const r = await check(await frame(photo()));
    expect(r.issues).toEqual([]);
  });

  it('asks to come closer when the face is small in the frame', async () => {
    const small = await photo().resize(70).toBuffer();
    const img = await frame(
      sharp({ create: { width: 640, height: 480, channels: 3, background: '#777' } }).composite([
        { input: small, left: 280, top: 200 },
      ]),
    );
    const r = await check(img);
    expect(r.issues).toContain(r.measures.faces === 0 ? 'no-face' : 'too-far');
  });

  it('asks to hold still on a blurred face, and reports darkness', async () => {
    // Sharpness is judged on the aligned 112×112 face: img1's eyes are ~70 px apart, twice the
    // template's 35, so a 7 px blur here is 3.5 px where the embedder looks (sharpness ~4, the
    // bar 10; a 5 px blur sits at ~11, as blurred as the press photos that still match).
    expect((await check(await frame(photo().blur(7)))).issues).toEqual(expect.arrayContaining(['blurred']));
    expect((await check(await frame(photo().blur(1)))).issues).toEqual([]);
    const dark = await check(await frame(photo().linear(0.15, 0)));
    expect(dark.issues).toEqual(expect.arrayContaining(['too-dark']));
  });

  it('wants one person at a time, and a face at all', async () => {
    const a = await photo('img1.jpg').resize(240, 320).toBuffer();
    const b = await photo('img20.jpg').resize(240, 320).toBuffer();
    const two = await frame(
      sharp({ create: { width: 520, height: 340, channels: 3, background: '#888' } }).composite([
        { input: a, left: 10, top: 10 },
        { input: b, left: 270, top: 10 },
      ]),
    );
    expect((await check(two)).issues).toEqual(['several-faces']);
    const none = await frame(sharp({ create: { width: 320, height: 240, channels: 3, background: '#888' } }));
    expect((await check(none)).issues).toEqual(['no-face']);
    expect(GUIDANCE['too-far'].ja).toBe('もう少し近づいてください');
  });

  it('asks a face turned well away to face the camera, and passes ones turned a little', async () => {
    const lfw = async (f: string) =>
      check(await cameraFrame(await decodeImage(new Uint8Array(readFileSync(join(LFW, f))))));
    // Turned well away (one eye nearly hidden): yaw proxies −0.71 and −0.66.
    for (const f of ['Ahmad_Masood__2.jpg', 'Roman_Polanski__2.jpg'])
      expect((await lfw(f)).issues, f).toContain('turn-to-camera');
    // Turned, which the embedder still matches: −0.23, 0.40 and −0.50 (the bar is 0.65).
    for (const f of ['Janet_Napolitano__3.jpg', 'Lee_Tae-sik__2.jpg', 'Bill_Frist__2.jpg'])
      expect((await lfw(f)).issues, f).toEqual([]);
  });

  it('judges measured faces again under other limits as assessQuality would have', async () => {
    const img = await frame(photo().blur(5));
    const faces = (await m.detect(img)).map(faceFound);
    const measured = measureQuality(img, faces);
    expect(judgeQuality(measured)).toEqual(assessQuality(img, faces).issues);
    expect(judgeQuality(measured, { ...DEFAULT_LIMITS, minSharpness: 0 })).toEqual(
      assessQuality(img, faces, { ...DEFAULT_LIMITS, minSharpness: 0 }).issues,
    );
    expect(judgeQuality(undefined)).toEqual(['no-face']);
  });

  it('counts a second face as a rival only when it is about as large and as prominent', () => {
    const base = { faces: 2, eyeDistance: 40, yaw: 0, sharpness: 100, luma: 120 };
    const limits = { ...DEFAULT_LIMITS, rivalRank: 0.8 };
    // A small face in the background: never a rival.
    expect(judgeQuality({ ...base, others: [{ size: 0.5, rank: 1 }] }, limits)).toEqual([]);
    // Two comparable faces, side by side: one person at a time, please.
    expect(judgeQuality({ ...base, others: [{ size: 0.95, rank: 0.9 }] }, limits)).toEqual(['several-faces']);
    // As large, but a weak detection at the edge (a face cut by the frame): the central one is the patient.
    expect(judgeQuality({ ...base, others: [{ size: 0.9, rank: 0.7 }] }, limits)).toEqual([]);
  });

  it('measures yaw from the landmarks', () => {
    const lm = Array.from({ length: 68 }, () => [0, 0] as [number, number]);
    for (let i = 36; i < 42; i++) lm[i] = [100, 100];
    for (let i = 42; i < 48; i++) lm[i] = [200, 100];
    lm[30] = [150, 150];
    expect(yaw(lm)).toBeCloseTo(0);
    lm[30] = [190, 150];
    expect(yaw(lm)).toBeCloseTo(0.4);
  });
});
