// The ONNX models of the npm package faceplugin-face-recognition-js (MIT), read from the
// package's own folder (nothing is downloaded) and run by onnxruntime-web on its wasm backend,
// one thread: the board's two cores are shared with the rest of readerd, and one inference at
// a time is what the worker thread does anyway.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';

const require = createRequire(import.meta.url);

export type Ort = typeof import('onnxruntime-web');
export type OrtSession = Awaited<ReturnType<Ort['InferenceSession']['create']>>;

/** The package's version the models (and the thresholds calibrated on them) come from. */
export const FACEPLUGIN_VERSION = '0.0.1';

export type FacepluginModel = 'fr_detect' | 'fr_landmark' | 'fr_feature';

export async function loadFacepluginModel(
  model: FacepluginModel,
): Promise<{ ort: Ort; session: OrtSession }> {
  let file: string;
  try {
    file = join(
      dirname(require.resolve('faceplugin-face-recognition-js/package.json')),
      'model',
      `${model}.onnx`,
    );
  } catch (e) {
    throw new ReaderError(
      ErrorCode.Vision_Model,
      'the face models are missing: npm install faceplugin-face-recognition-js',
      {},
      { cause: e },
    );
  }
  const ort = require('onnxruntime-web') as Ort;
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(await readFile(file), { executionProviders: ['wasm'] });
  return { ort, session };
}
