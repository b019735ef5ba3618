// The emulated face camera: what stands in front of it reaches the reader as MJPEG decoded by
// ffmpeg (the appliance's path), in order and stamped with camera time; a seeded subject is
// the same subject every run; prompts are seen at the camera's present, not in its past; the
// landmark warps do what they claim (the nose moves across the face when the head turns, not
// when a print turns).
import { describe, expect, it } from 'vitest';
import type { RgbImage } from '../../device/image/decode.js';
import { EmulatedFaceCamera } from '../../sim/camera/emulated-face-camera.js';
import { faceModel, project } from '../../sim/camera/face-warp.js';
import { Behaviour, blinkClosure, type Presentation, type Prompt } from '../../sim/camera/live-subject.js';
import { missing } from '../helpers/system.js';

type P = [number, number];
/** A schematic 68-point face: jaw 0–16 on a half circle, eyes 36–47, nose 27–30. */
function landmarks(): P[] {
  const l: P[] = Array.from({ length: 68 }, (_, i) => [
    100 + Math.cos((Math.PI * i) / 16) * -60,
    150 + Math.sin((Math.PI * i) / 16) * 60,
  ]);
  for (let k = 0; k < 6; k++) {
    l[36 + k] = [70 + 8 * Math.cos((Math.PI * k) / 3), 110 + 4 * Math.sin((Math.PI * k) / 3)];
    l[42 + k] = [130 + 8 * Math.cos((Math.PI * k) / 3), 110 + 4 * Math.sin((Math.PI * k) / 3)];
  }
  l[36] = [62, 110];
  l[39] = [78, 110];
  l[42] = [122, 110];
  l[45] = [138, 110];
  l[27] = [100, 112];
  l[30] = [100, 145];
  return l;
}

describe('landmark warps', () => {
  it('a head turn moves the nose tip across the face; a flat sheet turned keeps it centred', () => {
    const l = landmarks();
    const m = faceModel(l);
    const pose = { cx: 0, cy: 0, scale: 1, roll: 0, yaw: 0.45, pitch: 0, eyes: [0, 0] as const };
    const at = (i: number, flat = false): number =>
      flat ? (l[i]![0] - m.centre[0]) * Math.cos(pose.yaw) : project(m, pose, l[i]![0], l[i]![1])[0];
    const offset = (flat: boolean) =>
      (at(30, flat) - (at(36, flat) + at(45, flat)) / 2) / (at(45, flat) - at(36, flat));
    expect(offset(false)).toBeGreaterThan(0.1);
    expect(Math.abs(offset(true))).toBeLessThan(0.01);
  });

  it('a blink closes, holds and opens within its duration', () => {
    expect(blinkClosure(-1, 300)).toBe(0);
    expect(blinkClosure(100, 300)).toBe(1);
    expect(blinkClosure(301, 300)).toBe(0);
  });

  it('a seeded person behaves the same way every time, and reacts after a human delay', () => {
    const run = () => {
      const b = new Behaviour(11);
      b.perceive({ action: 'turn-left', atMs: 1000 });
      return [0, 1000, 1200, 1400, 2000, 3000].map((t) => b.stateAt(t));
    };
    const a = run();
    expect(run()).toEqual(a);
    expect(a[1]!.yaw).toBe(0);
    expect(a[2]!.yaw).toBeGreaterThan(-0.05); // 200 ms: not yet
    expect(a[5]!.yaw).toBeLessThan(-0.35);
  });
});

/** Frames that encode their own time in grey levels, so what comes out says what went in. */
class Clock implements Presentation {
  readonly seen: Prompt[] = [];
  perceive(p: Prompt): void {
    this.seen.push(p);
  }
  frameAt(t: number): RgbImage {
    const v = Math.min(255, Math.round(t / 10));
    return { width: 64, height: 48, data: new Uint8Array(64 * 48 * 3).fill(v) };
  }
}

describe.skipIf(missing('ffmpeg', 'ffmpeg'))('the emulated face camera', () => {
  it('delivers every picture in order through ffmpeg, stamped with camera time', async () => {
    const clock = new Clock();
    const cam = new EmulatedFaceCamera(clock, { width: 64, height: 48, fps: 10 });
    try {
      const frames = [];
      for (let i = 0; i < 6; i++) frames.push(await cam.nextFrame(20_000));
      expect(frames.map((f) => f.timestampMs)).toEqual([0, 100, 200, 300, 400, 500]);
      for (const f of frames) {
        expect(f.data.length).toBe(64 * 48 * 3);
        // JPEG is lossy: the grey level is the time within a step or two.
        expect(Math.abs(f.data[1000]! - Math.round(f.timestampMs / 10))).toBeLessThanOrEqual(2);
      }
      // A prompt shown now is seen at the camera's present: the next picture, not an old one.
      const seen = cam.prompt({ action: 'blink', atMs: 500 });
      expect(seen.atMs).toBe(600);
      expect(clock.seen).toEqual([seen]);
    } finally {
      await cam.close();
    }
  }, 60_000);
});
