// The emulated readerd's scene camera builds its subject from the landmarks the scene file
// carries (the rig finds them in its own process): it loads no face library into readerd's
// process then (issue 17), and finds them itself only for a scene without them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChallengeBoard } from '../../firmware-host/vision/liveness-board.js';
import type { Point } from '../../sim/camera/face-warp.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';
import { missing } from '../helpers/system.js';

/** A face's 68 points in face-api's order, roughly where a portrait has them. */
function someLandmarks(): Point[] {
  const p: Point[] = [];
  for (let i = 0; i < 17; i++) p.push([60 + i * 8, 120 + Math.sin((i / 16) * Math.PI) * 60]); // jaw
  for (let i = 0; i < 10; i++) p.push([75 + i * 11, 90]); // brows
  for (let i = 0; i < 9; i++) p.push([125 + (i < 4 ? 0 : (i - 6) * 6), 100 + i * 5]); // nose
  for (const cx of [95, 155])
    for (let i = 0; i < 6; i++)
      p.push([cx + Math.cos((i / 6) * 2 * Math.PI) * 10, 105 + Math.sin((i / 6) * 2 * Math.PI) * 4]);
  for (let i = 0; i < 20; i++)
    p.push([100 + Math.cos((i / 20) * 2 * Math.PI) * 25, 160 + Math.sin((i / 20) * 2 * Math.PI) * 8]);
  return p;
}

const photoLandmarks = vi.fn(async (_path: string) => someLandmarks());
const landmarkDetector = vi.fn(async () => {
  throw new Error('face-api loaded');
});
vi.mock('../../sim/appliance/photo-landmarks.js', () => ({ photoLandmarks, landmarkDetector }));

const { SceneFaceCamera } = await import('../../sim/appliance/scene-face-camera.js');

const skip = missing('ffmpeg', 'ffmpeg');

describe.skipIf(skip)('SceneFaceCamera', () => {
  afterEach(() => {
    photoLandmarks.mockClear();
    landmarkDetector.mockClear();
  });

  async function firstFrame(scene: object): Promise<{ width: number; height: number }> {
    const dir = mkdtempSync(join(tmpdir(), 'scene-camera-'));
    const file = join(dir, 'face-scene.json');
    writeFileSync(file, JSON.stringify(scene));
    const cam = new SceneFaceCamera(file, { width: 320, height: 240, fps: 6 }, new ChallengeBoard());
    try {
      const f = await cam.nextFrame(20_000);
      return { width: f.width, height: f.height };
    } finally {
      await cam.close();
    }
  }

  it("uses the scene's landmarks and finds none itself (no face library in readerd)", async () => {
    const frame = await firstFrame({
      photo: join(FACES_DIR, 'img20.jpg'),
      seed: 3,
      landmarks: someLandmarks(),
    });
    expect(frame).toEqual({ width: 320, height: 240 });
    expect(photoLandmarks).not.toHaveBeenCalled();
    expect(landmarkDetector).not.toHaveBeenCalled();
  }, 30_000);

  it('finds the landmarks itself for a scene without them', async () => {
    const photo = join(FACES_DIR, 'img20.jpg');
    await firstFrame({ photo, seed: 3 });
    expect(photoLandmarks).toHaveBeenCalledTimes(1);
    expect(photoLandmarks.mock.calls[0]![0]).toBe(photo);
  }, 30_000);
});
