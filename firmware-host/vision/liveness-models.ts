// The small liveness models of the npm package faceplugin-face-recognition-js (MIT), run by
// onnxruntime-web on one wasm thread, fed as the package's own lib/fr_eye.js and
// lib/fr_liveness.js feed them:
// - fr_eye.onnx: input "input" [1, 1, 24, 24], grey / 255, a square of 1.6 × the eye's width
//   around the mean of landmarks 37, 38, 40, 41 (resp. 43, 44, 46, 47); output "output" [1, 2],
//   softmax: [closed, open] (measured: eyes closed by the emulator's lid warp and real open
//   eyes, `readerctl face liveness-eval`).
// - fr_liveness.onnx: input "input" [1, 3, 128, 128], RGB 0–255 unnormalised, the face box
//   grown 2.7× about its centre (kept inside the picture); output "output" [1, 2], softmax[0]
//   the package's "live" score.
// The 68-point landmarks are face-api's (the same indexing as the package's detector).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RgbImage } from '../../device/image/decode.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import type { FaceBox } from './face-matcher.js';

const require = createRequire(import.meta.url);

type Ort = typeof import('onnxruntime-web');
type Session = Awaited<ReturnType<Ort['InferenceSession']['create']>>;
type Point = readonly [number, number];

async function openModel(name: string): Promise<{ ort: Ort; session: Session }> {
  let file: string;
  try {
    file = join(dirname(require.resolve('faceplugin-face-recognition-js/package.json')), 'model', name);
  } catch (e) {
    throw new ReaderError(
      ErrorCode.Vision_Model,
      `the liveness model ${name} is missing: npm install faceplugin-face-recognition-js`,
      {},
      { cause: e },
    );
  }
  const ort = require('onnxruntime-web') as Ort;
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(await readFile(file), { executionProviders: ['wasm'] });
  return { ort, session };
}

function softmax(v: ArrayLike<number>): number[] {
  const m = Math.max(...Array.from(v));
  const e = Array.from(v, (x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/** A crop (sw × sh from x0, y0) resized to n × n by bilinear sampling, RGB 0–255 interleaved. */
function crop(img: RgbImage, x0: number, y0: number, sw: number, sh: number, n: number): Float32Array {
  const out = new Float32Array(n * n * 3);
  const W = img.width;
  const H = img.height;
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const x = Math.max(0, Math.min(W - 1.001, x0 + ((i + 0.5) * sw) / n - 0.5));
      const y = Math.max(0, Math.min(H - 1.001, y0 + ((j + 0.5) * sh) / n - 0.5));
      const xi = x | 0;
      const yi = y | 0;
      const ax = x - xi;
      const ay = y - yi;
      for (let c = 0; c < 3; c++) {
        const p = (yi * W + xi) * 3 + c;
        const top = img.data[p]! + (img.data[p + 3]! - img.data[p]!) * ax;
        const bot = img.data[p + W * 3]! + (img.data[p + W * 3 + 3]! - img.data[p + W * 3]!) * ax;
        out[(j * n + i) * 3 + c] = top + (bot - top) * ay;
      }
    }
  return out;
}

/** The eyes' state as the liveness check asks it: EyeStateModel here, or the face worker's. */
export interface EyeState {
  load(): Promise<void>;
  /** Probability that each eye (image-left first) is closed. */
  closed(img: RgbImage, landmarks: readonly Point[]): Promise<[number, number]>;
  dispose(): Promise<void>;
}

export class EyeStateModel implements EyeState {
  private m?: { ort: Ort; session: Session };

  async load(): Promise<void> {
    this.m ??= await openModel('fr_eye.onnx');
  }

  /** Probability that each eye (image-left first) is closed. */
  async closed(img: RgbImage, l: readonly Point[]): Promise<[number, number]> {
    const m = this.m;
    if (!m) throw new ReaderError(ErrorCode.Vision_Model, 'EyeStateModel.load() first');
    const one = async (i: number): Promise<number> => {
      const cx = (l[i + 1]![0] + l[i + 2]![0] + l[i + 4]![0] + l[i + 5]![0]) / 4;
      const cy = (l[i + 1]![1] + l[i + 2]![1] + l[i + 4]![1] + l[i + 5]![1]) / 4;
      const size = Math.max(4, (l[i + 3]![0] - l[i]![0]) * 1.6);
      const rgb = crop(img, cx - size / 2, cy - size / 2, size, size, 24);
      const grey = new Float32Array(24 * 24);
      for (let k = 0; k < grey.length; k++)
        grey[k] = (0.299 * rgb[k * 3]! + 0.587 * rgb[k * 3 + 1]! + 0.114 * rgb[k * 3 + 2]!) / 255;
      const input = new m.ort.Tensor('float32', grey, [1, 1, 24, 24]);
      const out = await m.session.run({ [m.session.inputNames[0]!]: input });
      input.dispose();
      return softmax(out[m.session.outputNames[0]!]!.data as Float32Array)[0]!;
    };
    return [await one(36), await one(42)];
  }

  async dispose(): Promise<void> {
    await this.m?.session.release();
    this.m = undefined;
  }
}

/**
 * Below this median fr_liveness score an attempt is an attack. Measured with `readerctl face
 * liveness-eval --passive` (320×240, 6 fps, 2 subjects img10, Aaron_Sorkin__2): bona fide
 * 0.997 / 0.988, the live subject replayed on a phone screen 0.234 / 0.447; prints, the paper
 * mask and an injected recording score like bona fide (0.97–0.996), so the model only helps
 * against screens.
 */
export const PASSIVE_MIN = 0.7;

export class PassiveLivenessModel {
  private m?: { ort: Ort; session: Session };

  async load(): Promise<void> {
    this.m ??= await openModel('fr_liveness.onnx');
  }

  /** The package's live score in [0, 1] for the face in `box`. */
  async score(img: RgbImage, box: FaceBox): Promise<number> {
    const m = this.m;
    if (!m) throw new ReaderError(ErrorCode.Vision_Model, 'PassiveLivenessModel.load() first');
    const k = Math.min((img.height - 1) / box.height, (img.width - 1) / box.width, 2.7);
    const sw = box.width * k;
    const sh = box.height * k;
    const x0 = Math.max(0, Math.min(img.width - 1 - sw, box.x + box.width / 2 - sw / 2));
    const y0 = Math.max(0, Math.min(img.height - 1 - sh, box.y + box.height / 2 - sh / 2));
    const rgb = crop(img, x0, y0, sw, sh, 128);
    const plane = 128 * 128;
    const x = new Float32Array(3 * plane);
    for (let i = 0; i < plane; i++) for (let c = 0; c < 3; c++) x[c * plane + i] = rgb[i * 3 + c]!;
    const input = new m.ort.Tensor('float32', x, [1, 3, 128, 128]);
    const out = await m.session.run({ [m.session.inputNames[0]!]: input });
    input.dispose();
    return softmax(out[m.session.outputNames[0]!]!.data as Float32Array)[0]!;
  }

  async dispose(): Promise<void> {
    await this.m?.session.release();
    this.m = undefined;
  }
}
