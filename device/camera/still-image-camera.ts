// A camera whose picture is an image file that something else keeps replacing: the camera
// emulators (sim/camera) and bench rigs that grab stills. Frames come at the configured
// rate, decoded to RGB24 like the ffmpeg source; a missing file is "no picture" until the
// frame timeout.
import { stat } from 'node:fs/promises';
import sharp from 'sharp';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import type { Frame } from './frame-source.js';

export interface StillImageCameraOptions {
  readonly path: string;
  readonly width: number;
  readonly height: number;
  readonly fps?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class StillImageCamera {
  private seq = 0;
  private lastAt = 0;
  private cached?: { key: string; data: Uint8Array; width: number; height: number };

  constructor(private readonly o: StillImageCameraOptions) {}

  private async decode(): Promise<{ data: Uint8Array; width: number; height: number } | undefined> {
    let key: string;
    try {
      const s = await stat(this.o.path);
      key = `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch {
      return undefined;
    }
    if (this.cached?.key === key) return this.cached;
    try {
      const { data, info } = await sharp(this.o.path)
        .resize(this.o.width, this.o.height, { fit: 'contain', background: '#000' })
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      this.cached = { key, data: new Uint8Array(data), width: info.width, height: info.height };
      return this.cached;
    } catch {
      return undefined; // replaced while we read it: the next poll gets the new picture
    }
  }

  async nextFrame(timeoutMs: number): Promise<Frame> {
    const deadline = performance.now() + timeoutMs;
    const interval = 1000 / (this.o.fps ?? 30);
    const wait = this.lastAt + interval - performance.now();
    if (wait > 0) await sleep(Math.min(wait, timeoutMs));
    for (;;) {
      const img = await this.decode();
      if (img) {
        this.lastAt = performance.now();
        return { seq: ++this.seq, ...img, timestampMs: Date.now() };
      }
      if (performance.now() >= deadline)
        throw new ReaderError(
          ErrorCode.Camera_Failed,
          `no picture from ${this.o.path} within ${timeoutMs} ms`,
        );
      await sleep(20);
    }
  }
}
