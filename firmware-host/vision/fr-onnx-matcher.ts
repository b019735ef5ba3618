// The shipped matcher: every model from faceplugin-face-recognition-js on onnxruntime-web —
// fr_detect finds the face, fr_landmark gives its 68 landmarks (fr-detector.ts), the face is
// aligned to the ArcFace template (face-align.ts) and fr_feature embeds it with its mirror image
// (fr-feature-embedder.ts); two faces compare by the cosine of their 512-D descriptors. No tfjs
// in the worker: ~4× faster detection and less memory than face-api's detector under the same
// embedder (`fr-feature`, kept for comparison; README "Face matching").
import type { RgbImage } from '../../device/image/decode.js';
import { checkpoint } from '../../platform/abortable.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import type { FaceBox, FaceFound, FaceMatcher, LocatedFace } from './face-matcher.js';
import { FACEPLUGIN_VERSION } from './faceplugin-model.js';
import { FrDetector } from './fr-detector.js';
import { FR_FEATURE, FrFeatureEmbedder } from './fr-feature-embedder.js';
import { cosine, embedFaces } from './fr-feature-matcher.js';
import { FR_ONNX_THRESHOLD } from './fr-onnx-operating-point.js';

export { FR_ONNX_CALIBRATED_ATTEMPTS, FR_ONNX_THRESHOLD } from './fr-onnx-operating-point.js';

export const FR_ONNX = {
  /** Evidence names this pipeline, not only the embedder: its threshold is its own. */
  id: 'faceplugin-fr-onnx',
  /** `live1`: live frames embedded without their mirror image (the threshold was set so). */
  version: `${FACEPLUGIN_VERSION}+detect-landmark-feature+live1`,
} as const;

export interface FrOnnxOptions {
  readonly threshold?: number;
  /**
   * Embed live frames with their mirror image too, as the chip photo is (the pipeline before
   * `live1`; kept to measure what skipping it costs). Not what readerd ships.
   */
  readonly liveMirror?: boolean;
}

export class FrOnnxMatcher implements FaceMatcher {
  readonly modelId = FR_ONNX.id;
  readonly version = FR_ONNX.version;
  readonly name: string;
  readonly threshold: number;
  private detector?: FrDetector;
  private embedder?: FrFeatureEmbedder;

  private readonly liveMirror: boolean;

  constructor(opts: FrOnnxOptions = {}) {
    this.threshold = opts.threshold ?? FR_ONNX_THRESHOLD;
    this.liveMirror = opts.liveMirror ?? false;
    this.name = `${FR_ONNX.id}@${FR_ONNX.version}${this.liveMirror ? ' with live mirror' : ''} (fr_detect 320×240 + fr_landmark 68, ArcFace 5-point alignment, fr_feature 512-D cosine${this.liveMirror ? ', mirror on every face' : ', mirror on the reference'}; onnxruntime-web wasm)`;
  }

  async load(): Promise<void> {
    if (this.embedder) return;
    const detector = new FrDetector();
    const embedder = new FrFeatureEmbedder();
    await Promise.all([detector.load(), embedder.load()]);
    this.detector = detector;
    this.embedder = embedder;
  }

  /**
   * One detector for both purposes (its single 320×240 pass is fast enough for live frames);
   * the mirror pass only for the reference photo, once per session.
   */
  async detect(
    image: RgbImage,
    purpose: 'live' | 'reference' = 'reference',
    signal?: AbortSignal,
  ): Promise<FaceFound[]> {
    const { detector, embedder } = this;
    if (!detector || !embedder) throw new ReaderError(ErrorCode.Vision_Model, 'FrOnnxMatcher.load() first');
    const mirror = purpose === 'reference' || this.liveMirror;
    const faces = await detector.detect(image);
    // The embedding (~90 ms, twice for the reference) is the step a cancel saves.
    await checkpoint(signal, 'the face detection');
    return embedFaces(image, faces, embedder, mirror);
  }

  // One step each (a cancel before it drops the request in the worker): no signal to check.
  async locate(image: RgbImage, _purpose: 'live' | 'reference' = 'reference'): Promise<LocatedFace[]> {
    if (!this.detector) throw new ReaderError(ErrorCode.Vision_Model, 'FrOnnxMatcher.load() first');
    return this.detector.detect(image);
  }

  /** The face inside `box` (a tracker's crop): its landmarks, no detector pass. */
  async landmarksIn(image: RgbImage, box: FaceBox): Promise<LocatedFace> {
    if (!this.detector) throw new ReaderError(ErrorCode.Vision_Model, 'FrOnnxMatcher.load() first');
    return { box, score: 1, landmarks: await this.detector.landmarks(image, box) };
  }

  /** A live face's descriptor (no mirror pass, as detect() embeds live frames). */
  async embed(image: RgbImage, face: LocatedFace): Promise<Float32Array> {
    const { embedder } = this;
    if (!embedder) throw new ReaderError(ErrorCode.Vision_Model, 'FrOnnxMatcher.load() first');
    return (await embedFaces(image, [face], embedder, this.liveMirror))[0]!.descriptor;
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
