// The print's geometry seen through a pinhole camera (sim/camera/print-sheet.ts): a flat print
// turned shows its near side larger, as no orthographic projection does; a print folded along
// the nose is two planes lit differently, the one turned toward the camera wider; a print bent
// about a horizontal axis is widest where it is nearest, along the bend's axis.
import { describe, expect, it } from 'vitest';
import type { RgbImage } from '../../device/image/decode.js';
import { faceModel } from '../../sim/camera/face-warp.js';
import {
  bentAcrossSheet,
  flatSheet,
  foldedSheet,
  renderSheet,
  type SheetPose,
  type SheetShape,
  webcam,
} from '../../sim/camera/print-sheet.js';
import { face } from '../helpers/schematic-face.js';

const W = 320;
const H = 240;
const ROOM: [number, number, number] = [0, 0, 0];
// A 200 × 200 print, its face centred (the schematic face's centre at 100, 100).
const m = faceModel(face(0, 0, 100, 100));
const cam = webcam(W, H);

/** The print: left of its face's centre red, right of it blue. */
function halves(): RgbImage {
  const data = new Uint8Array(200 * 200 * 3);
  for (let y = 0; y < 200; y++)
    for (let x = 0; x < 200; x++) {
      const o = (y * 200 + x) * 3;
      if (x < m.centre[0]) data[o] = 200;
      else data[o + 2] = 200;
    }
  return { width: 200, height: 200, data };
}

function grey(): RgbImage {
  return { width: 200, height: 200, data: new Uint8Array(200 * 200 * 3).fill(128) };
}

const pose = (o: Partial<SheetPose>): SheetPose => ({
  cx: W / 2,
  cy: H / 2,
  distanceCm: 25,
  yaw: 0,
  pitch: 0,
  roll: 0,
  ...o,
});

/** cm per photo px: the face's 200 px print 15 cm wide. */
const K = 15 / 200;
const render = (print: RgbImage, shape: SheetShape, p: SheetPose): RgbImage =>
  renderSheet(print, m, shape, p, cam, { cmPerPx: K, margin: 0, room: ROOM });

/** Pixels of each half (red, blue) in the frame. */
function counts(img: RgbImage): { red: number; blue: number } {
  let red = 0;
  let blue = 0;
  for (let i = 0; i < img.data.length; i += 3) {
    if (img.data[i]! > 60) red++;
    if (img.data[i + 2]! > 60) blue++;
  }
  return { red, blue };
}

/** The print's extent along one row of the frame, px. */
function rowWidth(img: RgbImage, y: number): number {
  let n = 0;
  for (let x = 0; x < img.width; x++) if (img.data[(y * img.width + x) * 3]! > 10) n++;
  return n;
}

describe('the print through a pinhole camera', () => {
  it('a flat print turned shows its near half larger; far away (orthographic) the halves match', () => {
    for (const yaw of [0.6, -0.6]) {
      const near = counts(render(halves(), flatSheet(K), pose({ yaw })));
      // Positive yaw brings the sheet's left side toward the camera (as Pose's yaw moves the nose).
      const ratio = yaw > 0 ? near.red / near.blue : near.blue / near.red;
      expect(ratio).toBeGreaterThan(1.2);
      const far = counts(
        renderSheet(
          halves(),
          m,
          flatSheet(K),
          pose({ yaw, distanceCm: 5000 }),
          { ...cam, focalPx: cam.focalPx * 200 },
          {
            cmPerPx: K,
            margin: 0,
            room: ROOM,
          },
        ),
      );
      expect(far.red / far.blue).toBeGreaterThan(0.95);
      expect(far.red / far.blue).toBeLessThan(1.05);
    }
  });

  it('a print folded along the nose: two planes lit differently, the one turned toward the camera wider', () => {
    const fold = foldedSheet(m, K, 0.5);
    const front = render(grey(), fold, pose({}));
    const y = Math.round(H / 2);
    const side = (img: RgbImage, from: number, to: number): { n: number; mean: number } => {
      let n = 0;
      let sum = 0;
      for (let x = from; x < to; x++) {
        const v = img.data[(y * W + x) * 3]!;
        if (v > 10) {
          n++;
          sum += v;
        }
      }
      return { n, mean: sum / (n || 1) };
    };
    const l = side(front, 0, W / 2);
    const r = side(front, W / 2, W);
    expect(Math.abs(l.n - r.n)).toBeLessThanOrEqual(3);
    expect(Math.abs(l.mean - r.mean)).toBeGreaterThan(3);
    // Turned 0.3 rad: the left half's plane now faces the camera (it was turned 0.5 away), it
    // is seen wider than the right one, turned further away.
    const turned = render(halves(), fold, pose({ yaw: 0.3 }));
    const c = counts(turned);
    expect(c.red / c.blue).toBeGreaterThan(1.3);
  });

  it('a print bent about a horizontal axis is widest along its axis, where it is nearest', () => {
    const bent = render(grey(), bentAcrossSheet(K, 0, 60), pose({}));
    const flat = render(grey(), flatSheet(K), pose({}));
    const mid = Math.round(H / 2);
    // Its top and bottom curve away from the camera: smaller, and nearer the middle.
    const topOf = (img: RgbImage): number => {
      for (let y = 0; y < H; y++) if (rowWidth(img, y) > 0) return y;
      return H;
    };
    expect(topOf(bent)).toBeGreaterThan(topOf(flat));
    expect(rowWidth(bent, mid)).toBeGreaterThan(rowWidth(bent, topOf(bent) + 2) + 4);
    expect(Math.abs(rowWidth(flat, mid) - rowWidth(flat, topOf(flat) + 2))).toBeLessThanOrEqual(2);
  });
});
