// `fr_feature.onnx` of the npm package faceplugin-face-recognition-js (MIT): a 512-D face
// embedder of the ArcFace family, run by onnxruntime-web on its wasm backend, one thread (the
// board's two cores are shared with the detector and the rest of readerd). Input: the face
// aligned to the 112×112 ArcFace template, RGB, (v − 127) / 128, NCHW, batch 1 — as the
// package's own fr_feature.js feeds it. The face and its mirror image are embedded and summed,
// then L2-normalised. The model file is read from the package folder (faceplugin-model.ts).
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { ALIGNED_SIZE } from './face-align.js';
import { loadFacepluginModel, type Ort, type OrtSession } from './faceplugin-model.js';

export const FR_FEATURE = {
  id: 'faceplugin-fr-feature',
  version: '0.0.1',
  dims: 512,
  /** SHA-256 of the model file the threshold was calibrated with. */
  sha256: '87aacdfe57510db2af90c0251df680e8eec88f122ee94712121d09bcaaaf3581',
} as const;

export function unitLength(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n) || 1;
  for (let i = 0; i < v.length; i++) v[i]! /= n;
  return v;
}

export class FrFeatureEmbedder {
  private ort?: Ort;
  private session?: OrtSession;

  async load(): Promise<void> {
    if (this.session) return;
    const { ort, session } = await loadFacepluginModel('fr_feature');
    this.session = session;
    this.ort = ort;
  }

  /**
   * One descriptor from the aligned face and, when given, its mirror image (each 112×112×3
   * RGB, 0–255): the mirror doubles the cost for a small gain, worth it once per session for
   * the chip photo, not on every camera frame.
   */
  async embed(face: Float32Array, mirrored?: Float32Array): Promise<Float32Array> {
    const { ort, session } = this;
    if (!ort || !session) throw new ReaderError(ErrorCode.Vision_Model, 'FrFeatureEmbedder.load() first');
    const plane = ALIGNED_SIZE * ALIGNED_SIZE;
    const sum = new Float32Array(FR_FEATURE.dims);
    for (const img of mirrored ? [face, mirrored] : [face]) {
      const x = new Float32Array(3 * plane);
      for (let i = 0; i < plane; i++)
        for (let c = 0; c < 3; c++) x[c * plane + i] = (img[i * 3 + c]! - 127) / 128;
      const input = new ort.Tensor('float32', x, [1, 3, ALIGNED_SIZE, ALIGNED_SIZE]);
      const out = await session.run({ [session.inputNames[0]!]: input });
      const y = out[session.outputNames[0]!]!.data as Float32Array;
      for (let i = 0; i < sum.length; i++) sum[i]! += y[i]!;
      input.dispose();
    }
    return unitLength(sum);
  }

  async dispose(): Promise<void> {
    await this.session?.release();
    this.session = undefined;
  }
}
