// The shipped matcher: every model from faceplugin-face-recognition-js on onnxruntime-web —
// fr_detect finds the face, fr_landmark gives its 68 landmarks (fr-detector.ts), the face is
// aligned to the ArcFace template (face-align.ts) and fr_feature embeds it with its mirror image
// (fr-feature-embedder.ts); two faces compare by the cosine of their 512-D descriptors. No tfjs
// in the worker: ~4× faster detection and less memory than face-api's detector under the same
// embedder (`fr-feature`, kept for comparison; README "Face matching").
import type { RgbImage } from '../../device/image/decode.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { alignFace } from './face-align.js';
import type { FaceFound, FaceMatcher } from './face-matcher.js';
import { FACEPLUGIN_VERSION } from './faceplugin-model.js';
import { FrDetector } from './fr-detector.js';
import { FR_FEATURE, FrFeatureEmbedder } from './fr-feature-embedder.js';
import { cosine } from './fr-feature-matcher.js';

/**
 * The operating point (provisional: replaced by the calibration run below).
 */
export const FR_ONNX_THRESHOLD = 0.55;

export const FR_ONNX = {
  /** Evidence names this pipeline, not only the embedder: its threshold is its own. */
  id: 'faceplugin-fr-onnx',
  version: `${FACEPLUGIN_VERSION}+detect-landmark-feature`,
} as const;

export class FrOnnxMatcher implements FaceMatcher {
  readonly modelId = FR_ONNX.id;
  readonly version = FR_ONNX.version;
  readonly name =
    `${FR_ONNX.id}@${FR_ONNX.version} (fr_detect 320×240 + fr_landmark 68, ArcFace 5-point alignment, fr_feature 512-D cosine; onnxruntime-web wasm)`;
  readonly threshold: number;
  private detector?: FrDetector;
  private embedder?: FrFeatureEmbedder;

  constructor(opts: { threshold?: number } = {}) {
    this.threshold = opts.threshold ?? FR_ONNX_THRESHOLD;
  }

  async load(): Promise<void> {
    if (this.embedder) return;
    const detector = new FrDetector();
    const embedder = new FrFeatureEmbedder();
    await Promise.all([detector.load(), embedder.load()]);
    this.detector = detector;
    this.embedder = embedder;
  }

  /** One detector for both purposes: its single 320×240 pass is fast enough for live frames. */
  async detect(image: RgbImage, _purpose: 'live' | 'reference' = 'reference'): Promise<FaceFound[]> {
    const { detector, embedder } = this;
    if (!detector || !embedder) throw new ReaderError(ErrorCode.Vision_Model, 'FrOnnxMatcher.load() first');
    const out: FaceFound[] = [];
    for (const f of await detector.detect(image)) {
      const descriptor = await embedder.embed(
        alignFace(image, f.landmarks),
        alignFace(image, f.landmarks, true),
      );
      out.push({ ...f, descriptor });
    }
    return out;
  }

  similarity(a: Float32Array, b: Float32Array): number {
    return cosine(a, b, FR_FEATURE.dims);
  }

  async dispose(): Promise<void> {
    await this.embedder?.dispose();
    await this.detector?.dispose();
    this.embedder = undefined;
    this.detector = undefined;
  }
}
