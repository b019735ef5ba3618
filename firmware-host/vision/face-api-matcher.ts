// @vladmandic/face-api on the tfjs wasm backend, models loaded from the package's own folder
// on disk (nothing downloaded): SSD-MobileNet detector, 68 landmarks, 128-D descriptor.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RgbImage } from '../../device/image/decode.js';
import type { FaceFound, FaceMatcher } from './face-matcher.js';

const require = createRequire(import.meta.url);

/**
 * Similarity = 1 − Euclidean distance between descriptors (face-api's own metric). 0.39 sits
 * between the fixture ROCs' highest impostor (0.365) and lowest genuine score (0.412, chip
 * photo vs photo), over photo or chip-photo references and live or reference detection:
 * README "Vision".
 */
export const FACE_API_THRESHOLD = 0.39;

type Tf = typeof import('@tensorflow/tfjs');
type FaceApi = typeof import('@vladmandic/face-api');

export class FaceApiMatcher implements FaceMatcher {
  readonly name = 'face-api/faceRecognitionNet@1.7 (tiny_face_detector, ssd_mobilenetv1 fallback)';
  readonly threshold: number;
  private tf?: Tf;
  private api?: FaceApi;
  private models?: string;

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
    await api.nets.tinyFaceDetector.loadFromDisk(models);
    await api.nets.faceLandmark68Net.loadFromDisk(models);
    await api.nets.faceRecognitionNet.loadFromDisk(models);
    this.tf = tf;
    this.api = api;
    this.models = models;
  }

  /** SSD-MobileNet costs ~150 MB of wasm heap: loaded only for a photo the tiny cascade misses. */
  private async ssd(): Promise<FaceApi['SsdMobilenetv1Options']['prototype']> {
    const api = this.api!;
    if (!api.nets.ssdMobilenetv1.isLoaded) await api.nets.ssdMobilenetv1.loadFromDisk(this.models!);
    return new api.SsdMobilenetv1Options({ minConfidence: 0.5 });
  }

  /**
   * Live frames: the tiny detector at 320 px (~40 ms here, where SSD takes ~300 ms). The
   * reference (chip) photo: the tiny detector at a few input sizes, then SSD-MobileNet only if
   * none finds a face (1 of the 62 fixture photos). Landmarks and descriptor are the same nets.
   */
  async detect(image: RgbImage, purpose: 'live' | 'reference' = 'reference'): Promise<FaceFound[]> {
    if (!this.tf || !this.api) throw new Error('FaceApiMatcher.load() first');
    const api = this.api;
    const x = this.tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
    try {
      const run = async (options: Parameters<FaceApi['detectAllFaces']>[1]) =>
        api
          .detectAllFaces(x as never, options)
          .withFaceLandmarks()
          .withFaceDescriptors();
      const tiny = (inputSize: number, scoreThreshold: number) =>
        new api.TinyFaceDetectorOptions({ inputSize, scoreThreshold });
      let found = await run(tiny(320, 0.5));
      if (purpose === 'reference') {
        for (const size of [224, 160, 416]) if (!found.length) found = await run(tiny(size, 0.3));
        if (!found.length) found = await run(await this.ssd());
      }
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
