// The face camera, emulated: what stands in front of it (a live subject or an attack
// instrument) is rendered, JPEG-encoded as a UVC camera sends MJPEG, and decoded by the
// appliance's own ffmpeg path (device/camera/frame-source.ts, input `mjpeg`). Time is the
// camera's: frame k is the picture at k / fps seconds. By default every frame reaches the reader
// in order, so a seeded run is the same run every time, however fast the machine is (the
// person's clock then runs on the frames the reader takes). `realtime`: the camera's clock is the
// wall clock, as a real camera's is — the reader gets the newest picture due, the pictures it was
// too slow to take are never rendered (dropped, not queued), and none comes before its time.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn as nodeSpawn } from 'node:child_process';
import sharp from 'sharp';
import { FfmpegFrameSource, type Frame } from '../../device/camera/frame-source.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import type { Presentation, Prompt } from './live-subject.js';

export interface EmulatedFaceCameraOptions {
  readonly width: number;
  readonly height: number;
  /** Frames per second of camera time (what the reader processes, not the sensor's rate). */
  readonly fps: number;
  readonly jpegQuality?: number;
  /** The camera's clock is the wall clock (newest picture due, stale ones dropped). */
  readonly realtime?: boolean;
  /**
   * Frames in order (as by default), but no two closer than a frame's time on the wall clock: a
   * reader faster than the camera waits for it, as for a real one, and the renderer costs no more
   * than the camera's rate (the emulated appliance renders in readerd's own process).
   */
  readonly notAhead?: boolean;
}

/**
 * The sensor runs faster than the reader takes frames, and between two frames the reader takes,
 * the picture stands still: each rendered picture is sent several times and the reader gets its
 * first copy. ffmpeg's MJPEG input holds a few frames back (more when they are small), so this
 * way the picture the reader gets is the newest one rendered, as on a camera read at its own
 * rate, and nothing is rendered before it is due (a person reacts to the prompt they saw).
 * How many it holds is learnt from the stream: a picture whose first copy needed a nudge makes
 * the next pictures one copy longer, up to MAX_REPEAT (a bound: on a loaded machine nudges are
 * needed for slowness too, and copies cost ffmpeg decodes). With a fixed 4 copies, ffmpeg kept
 * every first copy back until the nudge (then 150 ms), ~150 ms per frame at 320×240.
 */
const REPEAT = 4;
const MAX_REPEAT = 8;
/** Waiting longer than this for the first copy, one more copy of the picture pushes it out. */
const NUDGE_MS = 25;

export class EmulatedFaceCamera {
  private readonly source: FfmpegFrameSource;
  private stdin?: NodeJS.WritableStream;
  private readonly queue: Frame[] = [];
  private written = 0;
  private read = 0;
  /** ffmpeg's output sequence number of each picture's first copy → the picture's index. */
  private readonly firstCopy = new Map<number, number>();
  private copies = 0;
  private last?: Buffer;
  private wake?: () => void;
  private failure?: Error;
  /** Copies of each picture; the current picture's first copy needed a nudge. */
  private repeat = REPEAT;
  private nudged = false;
  /** Wall-clock origin of the camera's time (`realtime`). */
  private readonly origin = performance.now();

  constructor(
    private presentation: Presentation,
    private readonly o: EmulatedFaceCameraOptions,
  ) {
    this.source = new FfmpegFrameSource({
      input: { kind: 'mjpeg', path: 'pipe:0' },
      width: o.width,
      height: o.height,
      spawn: (cmd, args): ChildProcessWithoutNullStreams => {
        const p = nodeSpawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
        p.stdin.on('error', () => {}); // ffmpeg gone: reported by the source's close
        this.stdin = p.stdin;
        return p;
      },
    });
    this.source.on('frame', (f) => {
      if (this.firstCopy.has(f.seq) && this.nudged) this.repeat = Math.min(MAX_REPEAT, this.repeat + 1);
      if (this.firstCopy.has(f.seq)) this.nudged = false;
      this.queue.push(f);
      this.wake?.();
    });
    this.source.on('error', (e) => {
      this.failure = e;
      this.wake?.();
    });
    this.source.start();
  }

  /** Camera time of frame k, ms. */
  timeOf(k: number): number {
    return (k * 1000) / this.o.fps;
  }

  /** The camera's present: the time of the next picture to be rendered (realtime: now), ms. */
  get presentMs(): number {
    const next = this.timeOf(this.written);
    return this.o.realtime ? Math.max(next, performance.now() - this.origin) : next;
  }

  /** notAhead: when the last picture was rendered (wall clock). */
  private lastWrite = Number.NEGATIVE_INFINITY;

  /** notAhead: the next picture in order, not sooner than a frame's time after the last one. */
  private async paced(): Promise<void> {
    for (;;) {
      const wait = this.lastWrite + 1000 / this.o.fps - performance.now();
      if (wait <= 0) break;
      await new Promise((r) => setTimeout(r, Math.ceil(wait)));
    }
    this.lastWrite = performance.now();
  }

  /** Realtime: the newest picture due now (the ones before it, nobody took), else waits for the next. */
  private async catchUp(): Promise<void> {
    const due = Math.floor(((performance.now() - this.origin) * this.o.fps) / 1000);
    if (due >= this.written) {
      this.written = due;
      return;
    }
    // A timer may fire a little early: the picture is not rendered before its time all the same.
    for (;;) {
      const wait = this.timeOf(this.written) - (performance.now() - this.origin);
      if (wait <= 0) return;
      await new Promise((r) => setTimeout(r, Math.ceil(wait)));
    }
  }

  /** What stands in front of the camera from now on. */
  show(p: Presentation): void {
    this.presentation = p;
  }

  /**
   * The kiosk's prompt, seen by whoever stands there now: at the camera's present, which is
   * ahead of the frame the reader has just looked at by the frames still in the pipeline.
   */
  prompt(p: Prompt): Prompt {
    const seen = { ...p, atMs: Math.max(p.atMs, this.presentMs) };
    this.presentation.perceive(seen);
    return seen;
  }

  private async writeNext(): Promise<void> {
    const img = this.presentation.frameAt(this.timeOf(this.written));
    const jpeg = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), {
      raw: { width: img.width, height: img.height, channels: 3 },
    })
      .jpeg({ quality: this.o.jpegQuality ?? 85 })
      .toBuffer();
    this.firstCopy.set(this.copies, this.written);
    this.written++;
    this.last = jpeg;
    this.nudged = false;
    for (let i = 0; i < this.repeat; i++) this.writeCopy();
  }

  private writeCopy(): void {
    this.copies++;
    if (this.last) this.stdin?.write(this.last);
  }

  /** The next frame in order, stamped with its camera time. */
  async nextFrame(timeoutMs: number): Promise<Frame> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      // Of each picture's copies, the first; the others are the sensor's frames nobody read.
      while (this.queue.length && !this.firstCopy.has(this.queue[0]!.seq)) this.queue.shift();
      if (this.queue.length) break;
      if (this.failure) throw this.failure;
      if (this.written <= this.read) {
        if (this.o.realtime) await this.catchUp();
        else if (this.o.notAhead) await this.paced();
        await this.writeNext();
        continue;
      }
      const left = deadline - performance.now();
      if (left <= 0) throw new ReaderError(ErrorCode.Camera_Failed, `no frame within ${timeoutMs} ms`);
      const arrived = await new Promise<boolean>((resolve) => {
        const t = setTimeout(() => resolve(false), Math.min(left, NUDGE_MS));
        this.wake = () => {
          clearTimeout(t);
          resolve(true);
        };
      });
      this.wake = undefined;
      if (!arrived && this.queue.length === 0) {
        this.nudged = true;
        this.writeCopy();
      }
    }
    const f = this.queue.shift()!;
    const k = this.firstCopy.get(f.seq)!;
    this.firstCopy.delete(f.seq);
    this.read = k + 1;
    return { ...f, seq: k, timestampMs: this.timeOf(k) };
  }

  async close(): Promise<void> {
    this.stdin?.end();
    await this.source.stop();
  }
}
