// Camera frames as RGB24 through ffmpeg (Debian's ffmpeg): a V4L2 device (USB UVC camera,
// MJPEG or raw), a video file, or an image sequence all go through the same decode path.
// ffmpeg is the transport here; the spawn function is injected like any transport.
import { type ChildProcessWithoutNullStreams, spawn as nodeSpawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';

export interface Frame {
  readonly seq: number;
  readonly width: number;
  readonly height: number;
  /** width × height × 3, RGB. A face image: never logged or stored. */
  readonly data: Uint8Array;
  readonly timestampMs: number;
}

export type CameraInput =
  | {
      readonly kind: 'v4l2';
      readonly device: string;
      readonly format?: 'mjpeg' | 'yuyv422';
      readonly size?: string;
      readonly fps?: number;
    }
  | { readonly kind: 'file'; readonly path: string; readonly loop?: boolean; readonly realtime?: boolean }
  | { readonly kind: 'images'; readonly pattern: string; readonly fps?: number; readonly loop?: boolean }
  /** A live stream of JPEG frames (an IP camera's MJPEG, a pipe): decoded as they arrive. */
  | { readonly kind: 'mjpeg'; readonly path: string };

export interface FrameSourceOptions {
  readonly input: CameraInput;
  readonly width: number;
  readonly height: number;
  /** Rotate to the board's mounting (platform/boards profile). */
  readonly rotate?: 0 | 90 | 180 | 270;
  /** After the device is lost, try again every this many ms (0 = give up). */
  readonly restartMs?: number;
  /** Restarts that fail before any frame back off, doubling up to this (default: restartMs). */
  readonly restartMaxMs?: number;
  readonly spawn?: (cmd: string, args: string[]) => ChildProcessWithoutNullStreams;
}

export interface FrameSourceEvents {
  frame: [frame: Frame];
  error: [error: Error];
  /** The input ended (a file without loop) or the source was stopped. */
  end: [];
}

export function ffmpegArgs(o: FrameSourceOptions): string[] {
  const i = o.input;
  const input =
    i.kind === 'v4l2'
      ? [
          '-f',
          'v4l2',
          '-input_format',
          i.format ?? 'mjpeg',
          ...(i.size ? ['-video_size', i.size] : []),
          ...(i.fps ? ['-framerate', String(i.fps)] : []),
          '-i',
          i.device,
        ]
      : i.kind === 'file'
        ? [...(i.realtime ? ['-re'] : []), ...(i.loop ? ['-stream_loop', '-1'] : []), '-i', i.path]
        : i.kind === 'mjpeg'
          ? // No probing and one decoder thread: each frame comes out as soon as the next begins.
            ['-f', 'mjpeg', '-probesize', '32', '-analyzeduration', '0', '-fflags', 'nobuffer'].concat([
              '-threads',
              '1',
              '-i',
              i.path,
            ])
          : [...(i.loop ? ['-stream_loop', '-1'] : []), '-framerate', String(i.fps ?? 10), '-i', i.pattern];
  const rotate = { 0: [], 90: ['transpose=1'], 180: ['hflip', 'vflip'], 270: ['transpose=2'] }[o.rotate ?? 0];
  const vf = [...rotate, `scale=${o.width}:${o.height}`].join(',');
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    ...input,
    '-vf',
    vf,
    // A live stream's frames pass as they come, none duplicated or dropped to a rate.
    ...(i.kind === 'mjpeg' ? ['-fps_mode', 'passthrough'] : []),
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
    'pipe:1',
  ];
}

export class FfmpegFrameSource extends EventEmitter<FrameSourceEvents> {
  private proc?: ChildProcessWithoutNullStreams;
  private seq = 0;
  private stopped = true;
  private restartTimer?: NodeJS.Timeout;
  private restartDelay?: number;
  private readonly frameBytes: number;

  constructor(private readonly o: FrameSourceOptions) {
    super();
    this.frameBytes = o.width * o.height * 3;
  }

  get running(): boolean {
    return !this.stopped;
  }

  start(): void {
    this.stopped = false;
    this.launch();
  }

  private launch(): void {
    const spawn =
      this.o.spawn ?? ((c: string, a: string[]) => nodeSpawn(c, a, { stdio: ['pipe', 'pipe', 'pipe'] }));
    const p = spawn('ffmpeg', ffmpegArgs(this.o));
    this.proc = p;
    let pending: Buffer[] = [];
    let have = 0;
    let stderr = '';
    p.stdout.on('data', (chunk: Buffer) => {
      pending.push(chunk);
      have += chunk.length;
      this.restartDelay = undefined;
      while (have >= this.frameBytes) {
        const all = Buffer.concat(pending);
        const data = new Uint8Array(all.subarray(0, this.frameBytes));
        pending = [all.subarray(this.frameBytes)];
        have -= this.frameBytes;
        this.emit('frame', {
          seq: this.seq++,
          width: this.o.width,
          height: this.o.height,
          data,
          timestampMs: Date.now(),
        });
      }
    });
    p.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2000);
    });
    p.on('error', (e) =>
      this.emit(
        'error',
        new ReaderError(ErrorCode.Camera_Failed, `cannot run ffmpeg: ${e.message} (Debian package ffmpeg)`),
      ),
    );
    p.on('close', (code, signal) => {
      if (this.proc !== p) return;
      this.proc = undefined;
      if (this.stopped) return;
      if (code === 0 && this.o.input.kind !== 'v4l2') {
        this.stopped = true;
        this.emit('end');
        return;
      }
      this.emit(
        'error',
        new ReaderError(
          ErrorCode.Camera_Failed,
          `camera input failed (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n').pop() ?? ''}`,
          { lost: true },
        ),
      );
      if (this.o.restartMs) {
        // A camera that is not there fails at once: try again less and less often.
        const delay = this.restartDelay ?? this.o.restartMs;
        this.restartDelay = Math.min(this.o.restartMaxMs ?? this.o.restartMs, delay * 2);
        this.restartTimer = setTimeout(() => !this.stopped && this.launch(), delay);
      } else {
        this.stopped = true;
        this.emit('end');
      }
    });
  }

  /** Resolves with the next frame, or rejects after `timeoutMs`. */
  nextFrame(timeoutMs: number): Promise<Frame> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.off('frame', on);
        reject(new ReaderError(ErrorCode.Camera_Failed, `no frame within ${timeoutMs} ms`));
      }, timeoutMs);
      const on = (f: Frame): void => {
        clearTimeout(t);
        resolve(f);
      };
      this.once('frame', on);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    const p = this.proc;
    this.proc = undefined;
    if (p && p.exitCode === null) {
      p.kill('SIGTERM');
      await new Promise((r) => p.once('close', r));
    }
    this.emit('end');
  }
}
