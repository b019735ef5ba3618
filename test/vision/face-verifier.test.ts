// One verification end to end: the chip photo (JPEG 2000) against the face camera's frames
// from ffmpeg, with attempts, quality guidance, liveness and timeouts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FfmpegFrameSource } from '../../device/camera/frame-source.js';
import { decodeImage, type RgbImage } from '../../device/image/decode.js';
import { verifyFace } from '../../firmware-host/vision/face-verifier.js';
import { WorkerFaceMatcher } from '../../firmware-host/vision/worker-face-matcher.js';
import { chipPhoto } from '../../sim/card/card-face.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';
import { missing } from '../helpers/system.js';

const skip = missing('ffmpeg', 'ffmpeg');
const dir = mkdtempSync(join(tmpdir(), 'verify-'));
// The matcher readerd ships, in its worker thread, as the appliance runs it.
const matcher = new WorkerFaceMatcher();
let chip: RgbImage;
beforeAll(async () => {
  await matcher.load();
  chip = await decodeImage(await chipPhoto(join(FACES_DIR, 'img20.jpg')));
}, 60_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await matcher.dispose();
});

function video(name: string, input: string[], vf: string): string {
  const out = join(dir, `${name}.mp4`);
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    ...input,
    '-vf',
    vf,
    '-t',
    '2',
    '-r',
    '10',
    '-pix_fmt',
    'yuv420p',
    out,
  ]);
  return out;
}

async function withCamera<T>(file: string, run: (cam: FfmpegFrameSource) => Promise<T>): Promise<T> {
  const cam = new FfmpegFrameSource({
    input: { kind: 'file', path: file, loop: true, realtime: true },
    width: 640,
    height: 480,
  });
  cam.on('error', () => {});
  cam.start();
  try {
    return await run(cam);
  } finally {
    await cam.stop();
  }
}

const held = 'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2';
const cfg = { attempts: 2, attemptTimeoutMs: 4000, livenessFrames: 6, challenge: 'blink' as const };

describe.skipIf(skip)('face verification', () => {
  it('verifies the same person (liveness off, as at the bench) with evidence and timings', async () => {
    const v = video('same', ['-loop', '1', '-i', join(FACES_DIR, 'img21.jpg')], held);
    const e = await withCamera(v, (cam) => verifyFace(matcher, chip, cam, { ...cfg, liveness: 'off' }));
    expect(e).toMatchObject({ outcome: 'verified', attempts: 1, threshold: matcher.threshold });
    expect(e.score).toBeGreaterThanOrEqual(matcher.threshold);
    expect(e.timingsMs.capture).toBeGreaterThan(0);
    expect(JSON.stringify(e)).not.toMatch(/data/);
  }, 60_000);

  it('a photo of the right person held to the camera fails liveness, after every attempt', async () => {
    const v = video('held-photo', ['-loop', '1', '-i', join(FACES_DIR, 'img21.jpg')], held);
    const e = await withCamera(v, (cam) => verifyFace(matcher, chip, cam, { ...cfg, liveness: 'required' }));
    expect(e.outcome).toBe('liveness-failed');
    expect(e.attempts).toBe(2);
    expect(e.liveness).toMatchObject({ passed: false, challenge: 'blink' });
  }, 60_000);

  it('another person is not matched', async () => {
    const v = video('other', ['-loop', '1', '-i', join(FACES_DIR, 'img1.jpg')], held);
    const e = await withCamera(v, (cam) => verifyFace(matcher, chip, cam, { ...cfg, liveness: 'off' }));
    expect(e.outcome).toBe('not-matched');
    expect(e.score).toBeLessThan(matcher.threshold);
  }, 60_000);

  it('nobody in front of the camera: guidance, then a timeout', async () => {
    const v = video('empty', ['-f', 'lavfi', '-i', 'color=c=gray:size=640x480:rate=10'], 'null');
    const guidance: string[] = [];
    const e = await withCamera(v, (cam) =>
      verifyFace(
        matcher,
        chip,
        cam,
        { ...cfg, attempts: 1, attemptTimeoutMs: 1500, liveness: 'off' },
        { onGuidance: (g) => guidance.push(g) },
      ),
    );
    expect(e.outcome).toBe('timed-out');
    expect(guidance).toContain('no-face');
  }, 60_000);
});
