// @vladmandic/face-api on the tfjs wasm backend, models loaded from the package's own folder
// on disk (nothing downloaded): tiny face detector, 68 landmarks, 128-D descriptor. Also the
// detection and landmarks under the shipped matcher (fr-feature-matcher.ts).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RgbImage } from '../../device/image/decode.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import type { FaceBox, FaceFound, FaceMatcher } from './face-matcher.js';
import { mergeOverlapping, selectFaces } from './face-select.js';

const require = createRequire(import.meta.url);

/**
 * Similarity = 1 − Euclidean distance between descriptors (face-api's own metric). 0.39 sat
 * between the 13-person fixture set's highest impostor and lowest genuine score; on faces-lfw
 * it lets 19 % of impostors through (issue 11). Kept for comparison: the appliance ships the
 * fr_feature matcher (fr-feature-matcher.ts).
 */
export const FACE_API_THRESHOLD = 0.39;

export const FACE_API_VERSION = '1.7.15';

type Tf = typeof import('@tensorflow/tfjs');
type FaceApi = typeof import('@vladmandic/face-api');

/**
 * The picture is also set in a grey border of half its longer side for detection. The tiny
 * detector misses faces that fill its input (a portrait, the chip photo, a close face): on 287
 * faces-lfw photos (180×180 crops) it found no face in 21 % as they are, in 3.5 % with a
 * quarter border, and in 0.35 % with this one, at the same score threshold (0.5).
 */
export const DETECTION_BORDER = 0.5;

export function withBorder(image: RgbImage, border = DETECTION_BORDER): { image: RgbImage; offset: number } {
  const p = Math.round(Math.max(image.width, image.height) * border);
  const width = image.width + 2 * p;
  const height = image.height + 2 * p;
  const data = new Uint8Array(width * height * 3).fill(128);
  const row = image.width * 3;
  for (let y = 0; y < image.height; y++)
    data.set(image.data.subarray(y * row, (y + 1) * row), ((y + p) * width + p) * 3);
  return { image: { width, height, data }, offset: p };
}

export class FaceApiMatcher implements FaceMatcher {
  readonly modelId = 'face-api-128';
  readonly version = FACE_API_VERSION;
  readonly name = `face-api/faceRecognitionNet@${FACE_API_VERSION} (tiny_face_detector 320, 68 landmarks)`;
  readonly threshold: number;
  private tf?: Tf;
  private api?: FaceApi;

  private readonly descriptors: boolean;

  /** `descriptors: false`: detection and landmarks only, for a matcher with its own embedder. */
  constructor(opts: { threshold?: number; descriptors?: boolean } = {}) {
    this.threshold = opts.threshold ?? FACE_API_THRESHOLD;
    this.descriptors = opts.descriptors ?? true;
  }

  async load(): Promise<void> {
    if (this.api) return;
    const tf = require('@tensorflow/tfjs') as Tf;
    require('@tensorflow/tfjs-backend-wasm');
    // face-api's node-wasm bundle uses the tfjs instance above; models come from its folder.
    const api = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
    await tf.setBackend('wasm');
    await tf.ready();
    const models = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
    await api.nets.tinyFaceDetector.loadFromDisk(models);
    await api.nets.faceLandmark68Net.loadFromDisk(models);
    if (this.descriptors) await api.nets.faceRecognitionNet.loadFromDisk(models);
    this.tf = tf;
    this.api = api;
  }

  /**
   * One detector for both purposes, at two scales with the same bar: the tiny detector at
   * 320 px over the picture as it is (faces that are a small part of a camera frame) and over
   * the bordered picture (faces that fill it), score ≥ 0.5 in both; overlapping boxes keep the
   * better score, then the selection rule. No pass at a lower bar.
   */
  async detect(image: RgbImage, _purpose: 'live' | 'reference' = 'reference'): Promise<FaceFound[]> {
    if (!this.tf || !this.api) throw new ReaderError(ErrorCode.Vision_Model, 'FaceApiMatcher.load() first');
    const found: FaceFound[] = [];
    for (const border of [0, DETECTION_BORDER]) found.push(...(await this.detectOnce(image, border)));
    return selectFaces(mergeOverlapping(found), image.width, image.height);
  }

  private async detectOnce(image: RgbImage, border: number): Promise<FaceFound[]> {
    const api = this.api!;
    const framed = withBorder(image, border);
    const p = framed.offset;
    const x = this.tf!.tensor3d(framed.image.data, [framed.image.height, framed.image.width, 3], 'int32');
    try {
      const task = api
        .detectAllFaces(x as never, new api.TinyFaceDetectorOptions({ inputSize: 320, scoreThreshold: 0.5 }))
        .withFaceLandmarks();
      const found: {
        detection: { box: FaceBox; score: number };
        landmarks: { positions: { x: number; y: number }[] };
        descriptor?: Float32Array;
      }[] = this.descriptors ? await task.withFaceDescriptors() : await task;
      return found.map((f) => ({
        box: {
          x: f.detection.box.x - p,
          y: f.detection.box.y - p,
          width: f.detection.box.width,
          height: f.detection.box.height,
        },
        score: f.detection.score,
        landmarks: f.landmarks.positions.map((q) => [q.x - p, q.y - p] as const),
        descriptor: f.descriptor ?? new Float32Array(0),
      }));
    } finally {
      x.dispose();
    }
  }

  similarity(a: Float32Array, b: Float32Array): number {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
    return Math.max(0, 1 - Math.sqrt(s));
  }

  dispose(): void {
    this.tf?.disposeVariables();
  }
}
