// The emulated face camera on the wall clock (`realtime`), as a real camera runs: a reader slower
// than the camera gets the newest picture due each time it asks — the pictures it had no time
// for are dropped, never queued behind it — and a reader faster than the camera never gets a
// picture before its time. The person's clock is then the wall clock, not the frames taken.
import { describe, expect, it } from 'vitest';
import type { RgbImage } from '../../device/image/decode.js';
import { EmulatedFaceCamera } from '../../sim/camera/emulated-face-camera.js';
import type { Presentation } from '../../sim/camera/live-subject.js';
import { missing } from '../helpers/system.js';

const W = 64;
const H = 48;
/** A grey card whose shade says the time it was rendered for; the times rendered are kept. */
function clock(): Presentation & { rendered: number[] } {
  const rendered: number[] = [];
  return {
    rendered,
    perceive: () => {},
    frameAt: (t: number): RgbImage => {
      rendered.push(t);
      return { width: W, height: H, data: new Uint8Array(W * H * 3).fill(Math.floor(t / 10) % 256) };
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(missing('ffmpeg', 'ffmpeg'))('the emulated face camera in real time', () => {
  it('a slow reader gets the newest picture due, the ones it missed never rendered', async () => {
    const p = clock();
    const t0 = performance.now();
    const cam = new EmulatedFaceCamera(p, { width: W, height: H, fps: 20, realtime: true });
    try {
      const got: number[] = [];
      for (let i = 0; i < 5; i++) {
        const f = await cam.nextFrame(5000);
        // Never a picture of the future.
        expect(f.timestampMs).toBeLessThanOrEqual(performance.now() - t0 + 1);
        got.push(f.timestampMs);
        await sleep(250); // a reader busy with each frame for 5 frames' time
      }
      // Frames 50 ms apart on the camera's clock, taken ≥ 250 ms apart: each step skips pictures.
      for (let i = 1; i < got.length; i++) expect(got[i]! - got[i - 1]!).toBeGreaterThanOrEqual(200);
      // Only the pictures delivered were rendered: nothing queued behind the reader.
      expect(p.rendered).toEqual(got);
    } finally {
      await cam.close();
    }
  }, 60_000);

  it('a fast reader waits for each picture, one camera frame apart', async () => {
    const p = clock();
    const t0 = performance.now();
    const cam = new EmulatedFaceCamera(p, { width: W, height: H, fps: 10, realtime: true });
    try {
      let last = -1;
      for (let i = 0; i < 6; i++) {
        const f = await cam.nextFrame(5000);
        expect(f.timestampMs).toBeLessThanOrEqual(performance.now() - t0 + 1);
        expect(f.timestampMs).toBeGreaterThan(last);
        last = f.timestampMs;
      }
      // Six pictures of a 10 fps camera take at least half a second of the wall clock.
      expect(performance.now() - t0).toBeGreaterThanOrEqual(450);
    } finally {
      await cam.close();
    }
  }, 60_000);
});
