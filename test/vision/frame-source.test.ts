// The frame source through real ffmpeg: a generated test video, an image sequence, the V4L2
// argument set, rotation, and a lost input that comes back.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FfmpegFrameSource, type Frame, ffmpegArgs } from '../../device/camera/frame-source.js';
import { missing } from '../helpers/system.js';

const dir = mkdtempSync(join(tmpdir(), 'frames-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const skip = missing('ffmpeg', 'ffmpeg');

function collect(src: FfmpegFrameSource): Promise<Frame[]> {
  const frames: Frame[] = [];
  src.on('frame', (f) => frames.push(f));
  return new Promise((resolve) => src.once('end', () => resolve(frames)));
}

describe('frame source', () => {
  it('builds the V4L2 capture arguments for a UVC camera', () => {
    const args = ffmpegArgs({
      input: { kind: 'v4l2', device: '/dev/video0', format: 'mjpeg', size: '1280x720', fps: 30 },
      width: 640,
      height: 360,
      rotate: 90,
    });
    expect(args.join(' ')).toContain(
      '-f v4l2 -input_format mjpeg -video_size 1280x720 -framerate 30 -i /dev/video0',
    );
    expect(args.join(' ')).toContain('-vf transpose=1,scale=640:360 -f rawvideo -pix_fmt rgb24 pipe:1');
  });

  it.skipIf(skip)('decodes a generated test video into RGB frames of the configured size', async () => {
    const video = join(dir, 'test.mp4');
    execFileSync('ffmpeg', [
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=320x240:rate=10',
      '-t',
      '2',
      '-pix_fmt',
      'yuv420p',
      video,
    ]);
    const src = new FfmpegFrameSource({ input: { kind: 'file', path: video }, width: 160, height: 120 });
    const done = collect(src);
    src.start();
    const frames = await done;
    expect(frames.length).toBe(20);
    expect(frames[0]!.data.length).toBe(160 * 120 * 3);
    expect(frames.map((f) => f.seq)).toEqual([...Array(20).keys()]);
    expect(frames[0]!.data.some((b) => b > 0)).toBe(true);
  });

  it.skipIf(skip)('reads an image sequence through the same path, rotated', async () => {
    for (let i = 0; i < 3; i++) {
      execFileSync('ffmpeg', [
        '-loglevel',
        'error',
        '-f',
        'lavfi',
        '-i',
        `color=c=red:size=64x32`,
        '-frames:v',
        '1',
        join(dir, `img${i}.png`),
      ]);
    }
    const src = new FfmpegFrameSource({
      input: { kind: 'images', pattern: join(dir, 'img%d.png'), fps: 5 },
      width: 32,
      height: 64,
      rotate: 90,
    });
    const done = collect(src);
    src.start();
    const frames = await done;
    expect(frames).toHaveLength(3);
    expect([frames[0]!.data[0], frames[0]!.data[1], frames[0]!.data[2]]).toEqual([
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
    ]);
    expect(frames[0]!.data[0]).toBeGreaterThan(200); // red
  });

  it.skipIf(skip)(
    'reports a lost input and recovers when it comes back',
    async () => {
      const video = join(dir, 'live.mp4');
      execFileSync('ffmpeg', [
        '-loglevel',
        'error',
        '-f',
        'lavfi',
        '-i',
        'testsrc=size=64x48:rate=10',
        '-t',
        '1',
        '-pix_fmt',
        'yuv420p',
        video,
      ]);
      renameSync(video, `${video}.away`);
      const src = new FfmpegFrameSource({
        input: { kind: 'file', path: video },
        width: 64,
        height: 48,
        restartMs: 100,
      });
      const errors: Error[] = [];
      src.on('error', (e) => errors.push(e));
      src.start();
      // ffmpeg must start and fail first: on a loaded machine that takes longer than any fixed
      // wait, so the error is awaited (up to 20 s).
      const error = await new Promise<Error | undefined>((resolve) => {
        const t = setTimeout(() => resolve(undefined), 20_000);
        if (errors.length) return resolve(errors[0]);
        src.once('error', (e) => {
          clearTimeout(t);
          resolve(e);
        });
      });
      expect(error).toBeDefined();
      expect(errors[0]!.message).toMatch(/camera input failed/);
      renameSync(`${video}.away`, video);
      const f = await src.nextFrame(5000);
      expect(f.width).toBe(64);
      await src.stop();
    },
    60_000,
  );
});
