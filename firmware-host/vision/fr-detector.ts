// Face detection and 68 landmarks on onnxruntime-web, from the models that ship beside the
// embedder in faceplugin-face-recognition-js, so the worker needs no tfjs (memory, speed).
// Formats read from the graphs (session input/output metadata) and the package's own
// lib/fr_detect.js and lib/fr_landmark.js:
// - fr_detect.onnx: input `input` [1,3,240,320] RGB (v − 127) / 128; outputs `scores`
//   [1,4420,2] (softmaxed, [:,1] = face) and `boxes` [1,4420,4] (x1,y1,x2,y2 already decoded
//   from the 4,420 priors, as fractions of the input). The prior layout (steps 8/16/32/64, min
//   sizes 10…256 at 320×240) is that of the Ultra-Light-Fast-Generic-Face-Detector RFB-320.
// - fr_landmark.onnx: input `input` [1,1,64,64] grey / 256 of the square box (side = the
//   detected box's height, centred on it); output `output` [1,136] = 68 (x, y) as fractions of the
//   crop, in the iBUG/dlib order face-api uses (the package takes its eyes at 36–47).
// The picture is letterboxed into 320×240 (mid-grey, which the input scaling maps to 0) instead
// of being stretched as the package does, so a square chip photo keeps its proportions.
import type { RgbImage } from '../../device/image/decode.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import type { FaceBox } from './face-matcher.js';
import { DEFAULT_SELECTION, mergeOverlapping, type SelectionRule, selectFaces } from './face-select.js';
import { loadFacepluginModel, type Ort, type OrtSession } from './faceplugin-model.js';

export const DETECT_INPUT = { width: 320, height: 240 } as const;
const LANDMARK_INPUT = 64;

/**
 * The detector's own score bar (the package uses 0.65); the other bars are the shared rule's.
 * Its scores are a softmax, not face-api's, so the bar is its own.
 */
export const FR_DETECT_SELECTION: SelectionRule = { ...DEFAULT_SELECTION, minScore: 0.65 };

export interface DetectedFace {
  readonly box: FaceBox;
  readonly score: number;
  readonly landmarks: (readonly [number, number])[];
}

/**
 * Bilinear samples of `image` on a dw×dh grid: output pixel (u, v) reads the source at
 * (x0 + (u + ½)·step − ½, y0 + (v + ½)·step − ½); outside the picture reads as `fill`.
 * `grey` gives one channel (BT.601 luma) instead of three.
 */
export function sampleGrid(
  image: RgbImage,
  x0: number,
  y0: number,
  step: number,
  dw: number,
  dh: number,
  grey = false,
  fill = 127,
): Float32Array {
  const { width: w, height: h, data } = image;
  const ch = grey ? 1 : 3;
  const out = new Float32Array(dw * dh * ch);
  const rgb = [0, 0, 0];
  for (let v = 0; v < dh; v++) {
    const y = y0 + (v + 0.5) * step - 0.5;
    const yi = Math.floor(y);
    const fy = y - yi;
    const rowIn0 = yi >= 0 && yi < h;
    const rowIn1 = yi + 1 >= 0 && yi + 1 < h;
    for (let u = 0; u < dw; u++) {
      const x = x0 + (u + 0.5) * step - 0.5;
      const xi = Math.floor(x);
      const fx = x - xi;
      const colIn0 = xi >= 0 && xi < w;
      const colIn1 = xi + 1 >= 0 && xi + 1 < w;
      const p00 = (yi * w + xi) * 3;
      const p01 = p00 + w * 3;
      for (let c = 0; c < 3; c++) {
        const a = rowIn0 && colIn0 ? data[p00 + c]! : fill;
        const b = rowIn0 && colIn1 ? data[p00 + 3 + c]! : fill;
        const d = rowIn1 && colIn0 ? data[p01 + c]! : fill;
        const e = rowIn1 && colIn1 ? data[p01 + 3 + c]! : fill;
        rgb[c] = (1 - fy) * ((1 - fx) * a + fx * b) + fy * ((1 - fx) * d + fx * e);
      }
      const o = (v * dw + u) * ch;
      if (grey) out[o] = 0.299 * rgb[0]! + 0.587 * rgb[1]! + 0.114 * rgb[2]!;
      else {
        out[o] = rgb[0]!;
        out[o + 1] = rgb[1]!;
        out[o + 2] = rgb[2]!;
      }
    }
  }
  return out;
}

/** The letterbox placing the picture in the detector's input: source px per input px, origin. */
export function letterbox(width: number, height: number): { step: number; x0: number; y0: number } {
  const step = Math.max(width / DETECT_INPUT.width, height / DETECT_INPUT.height);
  return {
    step,
    x0: (width - DETECT_INPUT.width * step) / 2,
    y0: (height - DETECT_INPUT.height * step) / 2,
  };
}

export class FrDetector {
  private ort?: Ort;
  private detector?: OrtSession;
  private landmarker?: OrtSession;

  constructor(private readonly rule: SelectionRule = FR_DETECT_SELECTION) {}

  async load(): Promise<void> {
    if (this.detector) return;
    const [d, l] = await Promise.all([loadFacepluginModel('fr_detect'), loadFacepluginModel('fr_landmark')]);
    this.ort = d.ort;
    this.landmarker = l.session;
    this.detector = d.session;
  }

  /** The faces that count (the selection rule), best first, each with its 68 landmarks. */
  async detect(image: RgbImage): Promise<DetectedFace[]> {
    const { ort, detector } = this;
    if (!ort || !detector) throw new ReaderError(ErrorCode.Vision_Model, 'FrDetector.load() first');
    const { width: W, height: H } = DETECT_INPUT;
    const lb = letterbox(image.width, image.height);
    const rgb = sampleGrid(image, lb.x0, lb.y0, lb.step, W, H);
    const plane = W * H;
    const x = new Float32Array(3 * plane);
    for (let i = 0; i < plane; i++)
      for (let c = 0; c < 3; c++) x[c * plane + i] = (rgb[i * 3 + c]! - 127) / 128;
    const input = new ort.Tensor('float32', x, [1, 3, H, W]);
    const out = await detector.run({ input });
    input.dispose();
    const scores = out.scores!.data as Float32Array;
    const boxes = out.boxes!.data as Float32Array;
    const found: { box: FaceBox; score: number }[] = [];
    for (let i = 0; i < scores.length / 2; i++) {
      const score = scores[2 * i + 1]!;
      if (score < this.rule.minScore) continue;
      const x1 = lb.x0 + boxes[4 * i]! * W * lb.step;
      const y1 = lb.y0 + boxes[4 * i + 1]! * H * lb.step;
      const x2 = lb.x0 + boxes[4 * i + 2]! * W * lb.step;
      const y2 = lb.y0 + boxes[4 * i + 3]! * H * lb.step;
      // Squared to the box height around its centre, as the package does: the detector's boxes
      // are narrow (about 2 : 3), and the selection rule's size bar and the landmark crop
      // expect a square face box like face-api's.
      const side = y2 - y1;
      if (x2 > x1 && side > 0)
        found.push({ box: { x: (x1 + x2) / 2 - side / 2, y: y1, width: side, height: side }, score });
    }
    const faces: DetectedFace[] = [];
    for (const f of selectFaces(mergeOverlapping(found), image.width, image.height, this.rule))
      faces.push({ ...f, landmarks: await this.landmarks(image, f.box) });
    return faces;
  }

  /**
   * The 68 landmarks of the face inside `box` (a square crop, as detect() boxes are), without a
   * detector pass: a tracker's frames between two detections.
   */
  async landmarks(image: RgbImage, box: FaceBox): Promise<(readonly [number, number])[]> {
    const ort = this.ort;
    if (!ort || !this.landmarker) throw new ReaderError(ErrorCode.Vision_Model, 'FrDetector.load() first');
    const side = box.height;
    const x0 = box.x;
    const y0 = box.y;
    const grey = sampleGrid(image, x0, y0, side / LANDMARK_INPUT, LANDMARK_INPUT, LANDMARK_INPUT, true);
    for (let i = 0; i < grey.length; i++) grey[i]! /= 256;
    const input = new ort.Tensor('float32', grey, [1, 1, LANDMARK_INPUT, LANDMARK_INPUT]);
    const out = await this.landmarker.run({ input });
    input.dispose();
    const p = out.output!.data as Float32Array;
    const points: (readonly [number, number])[] = [];
    for (let i = 0; i < 68; i++) points.push([x0 + p[2 * i]! * side, y0 + p[2 * i + 1]! * side]);
    return points;
  }

  async dispose(): Promise<void> {
    await this.detector?.release();
    await this.landmarker?.release();
    this.detector = undefined;
    this.landmarker = undefined;
  }
}
