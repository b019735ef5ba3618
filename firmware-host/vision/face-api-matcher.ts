// @vladmandic/face-api on the tfjs wasm backend, models loaded from the package's own folder
// on disk (nothing downloaded): SSD-MobileNet detector, 68 landmarks, 128-D descriptor.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RgbImage } from '../../device/image/decode.js';
import type { FaceFound, FaceMatcher } from './face-matcher.js';

const require = createRequire(import.meta.url);

/**
 * Similarity = 1 − Euclidean distance between descriptors (face-api's own metric). 0.39 sits
 * between the fixture ROC's highest impostor (0.370, live detector) and lowest genuine score
 * (0.405, chip photo vs SSD; 0.411 chip photo vs live detector): README "Vision".
 */
export const FACE_API_THRESHOLD = 0.39;

type Tf = typeof import('@tensorflow/tfjs');
type FaceApi = typeof import('@vladmandic/face-api');

export class FaceApiMatcher implements FaceMatcher {
  readonly name = 'face-api/faceRecognitionNet@1.7 (ssd_mobilenetv1 reference, tiny_face_detector live)';
  readonly threshold: number;
  private tf?: Tf;
  private api?: FaceApi;

  constructor(opts: { threshold?: number } = {}) {
    this.threshold = opts.threshold ?? FACE_API_THRESHOLD;
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
    await api.nets.ssdMobilenetv1.loadFromDisk(models);
    await api.nets.tinyFaceDetector.loadFromDisk(models);
    await api.nets.faceLandmark68Net.loadFromDisk(models);
    await api.nets.faceRecognitionNet.loadFromDisk(models);
    this.tf = tf;
    this.api = api;
  }

  /**
   * SSD-MobileNet for the reference photo; for live frames the tiny detector at 320 px, which
   * takes ~40 ms where SSD takes ~300 ms here (landmarks and descriptor are the same nets).
   */
  async detect(image: RgbImage, purpose: 'live' | 'reference' = 'reference'): Promise<FaceFound[]> {
    if (!this.tf || !this.api) throw new Error('FaceApiMatcher.load() first');
    const x = this.tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
    try {
      const found = await this.api
        .detectAllFaces(
          x as never,
          purpose === 'live'
            ? new this.api.TinyFaceDetectorOptions({ inputSize: 320, scoreThreshold: 0.5 })
            : new this.api.SsdMobilenetv1Options({ minConfidence: 0.5 }),
        )
        .withFaceLandmarks()
        .withFaceDescriptors();
      return found
        .map((f) => ({
          box: {
            x: f.detection.box.x,
            y: f.detection.box.y,
            width: f.detection.box.width,
            height: f.detection.box.height,
          },
          score: f.detection.score,
          landmarks: f.landmarks.positions.map((p) => [p.x, p.y] as const),
          descriptor: f.descriptor,
        }))
        .sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
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
