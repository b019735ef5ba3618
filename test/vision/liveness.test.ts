// Liveness: a prompted blink with the non-rigid motion of a face passes; a replayed still, a
// photo moved in front of the camera, or no blink at all fails. The attack cases also run
// through the real camera path: ffmpeg plays a still photo (held and moved), face-api detects.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FfmpegFrameSource } from '../../device/camera/frame-source.js';
import { FaceApiMatcher } from '../../firmware-host/vision/face-api-matcher.js';
import { assessLiveness, eyeAspectRatio } from '../../firmware-host/vision/liveness.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';
import { missing } from '../helpers/system.js';

type P = [number, number];
/** A schematic 68-point face; `eye` opens 0..1; `jitter` moves mouth and brows a little. */
function face(eye: number, dx = 0, jitter = 0): P[] {
  const l: P[] = Array.from({ length: 68 }, (_, i) => [
    100 + (i % 17) * 6 + dx,
    100 + Math.floor(i / 17) * 20,
  ]);
  const eyeAt = (i: number, cx: number) => {
    l[i] = [cx - 15 + dx, 150];
    l[i + 3] = [cx + 15 + dx, 150];
    l[i + 1] = [cx - 5 + dx, 150 - 5 * eye];
    l[i + 2] = [cx + 5 + dx, 150 - 5 * eye];
    l[i + 4] = [cx + 5 + dx, 150 + 5 * eye];
    l[i + 5] = [cx - 5 + dx, 150 + 5 * eye];
  };
  eyeAt(36, 130);
  eyeAt(42, 190);
  l[30] = [160 + dx, 180];
  for (let i = 48; i < 68; i++) l[i] = [l[i]![0] + jitter * Math.sin(i), l[i]![1] + jitter * Math.cos(i)];
  return l;
}

describe('liveness decision', () => {
  it('eye aspect ratio falls when the eyes close', () => {
    expect(eyeAspectRatio(face(1))).toBeCloseTo(1 / 3, 2);
    expect(eyeAspectRatio(face(0.1))).toBeLessThan(0.05);
  });

  it('passes a blink with the small non-rigid motion of a real face', () => {
    const eyes = [1, 1, 1, 0.9, 0.3, 0.1, 0.4, 0.9, 1, 1, 1];
    const r = assessLiveness(
      'blink',
      eyes.map((e, i) => face(e, i * 0.3, (i % 3) * 0.8)),
    );
    expect(r).toMatchObject({ passed: true, checksPassed: ['non-rigid-motion', 'blink'] });
  });

  it('rejects a replayed still, a photo moved as a whole, and no blink', () => {
    expect(
      assessLiveness(
        'blink',
        Array.from({ length: 10 }, () => face(1)),
      ).reason,
    ).toBe('static');
    expect(
      assessLiveness(
        'blink',
        Array.from({ length: 10 }, (_, i) => face(1, i * 2)),
      ).reason,
    ).toBe('rigid');
    expect(
      assessLiveness(
        'blink',
        Array.from({ length: 10 }, (_, i) => face(1, i * 0.3, (i % 3) * 3)),
      ).reason,
    ).toBe('challenge-not-seen');
    expect(assessLiveness('blink', [face(1)]).reason).toBe('too-few-frames');
  });
});

const dir = mkdtempSync(join(tmpdir(), 'attack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(missing('ffmpeg', 'ffmpeg'))('still-photo attacks through the camera path', () => {
  it.each([
    ['a replayed still image', 'scale=480:360'],
    [
      'a photo held and slowly moved',
      // In proportion: a photo stretched to 4:3 scores under the detector's bar in half the frames.
      "scale=-2:480,pad=640:480:(ow-iw)/2:0:gray,zoompan=z='1+0.002*on':x='iw/2-(iw/zoom/2)+on':y='ih/2-(ih/zoom/2)':d=1:s=480x360",
    ],
  ])(
    'rejects %s',
    async (_n, vf) => {
      const video = join(dir, `${vf.length}.mp4`);
      execFileSync('ffmpeg', [
        '-loglevel',
        'error',
        '-y',
        '-loop',
        '1',
        '-i',
        join(FACES_DIR, 'img1.jpg'),
        '-vf',
        vf,
        '-t',
        '1.2',
        '-r',
        '10',
        '-pix_fmt',
        'yuv420p',
        video,
      ]);
      const m = new FaceApiMatcher();
      await m.load();
      const src = new FfmpegFrameSource({ input: { kind: 'file', path: video }, width: 480, height: 360 });
      const frames: Parameters<typeof assessLiveness>[1][number][] = [];
      const queue: Promise<void>[] = [];
      src.on('frame', (f) => {
        queue.push(
          m.detect({ width: f.width, height: f.height, data: f.data }).then((faces) => {
            if (faces[0]) frames.push(faces[0].landmarks);
          }),
        );
      });
      await new Promise<void>((resolve) => {
        src.once('end', () => resolve());
        src.start();
      });
      await Promise.all(queue);
      expect(frames.length).toBeGreaterThanOrEqual(8);
      const r = assessLiveness('blink', frames);
      expect(r.passed).toBe(false);
    },
    120_000,
  );
});
