// The face models in a worker thread: the main thread's timers keep firing while a face is
// detected and embedded, the worker's descriptors score as the in-process matcher's do, and a
// worker that is gone turns into a project error, not a hang.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage, type RgbImage } from '../../device/image/decode.js';
import { FrOnnxMatcher } from '../../firmware-host/vision/fr-onnx-matcher.js';
import { EyeStateModel } from '../../firmware-host/vision/liveness-models.js';
import { WorkerFaceMatcher } from '../../firmware-host/vision/worker-face-matcher.js';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';

// As readerd builds it for the random challenge: the eye-state model in the same worker.
const worker = new WorkerFaceMatcher('fr-onnx', { eyes: true });
const photo = async (f: string): Promise<RgbImage> =>
  decodeImage(new Uint8Array(readFileSync(join(FACES_DIR, f))));
beforeAll(async () => {
  await worker.load();
  await worker.detect(await photo('img2.jpg'), 'live'); // the first call compiles the wasm kernels
}, 120_000);
afterAll(() => worker.dispose());

describe('WorkerFaceMatcher', () => {
  it('keeps the main event loop serving timers during a match', async () => {
    const img = await photo('img1.jpg');
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 10);
    const t0 = performance.now();
    const faces = await worker.detect(img, 'live');
    const t1 = performance.now();
    clearInterval(timer);
    expect(faces).toHaveLength(1);
    const during = ticks.filter((t) => t > t0 && t <= t1);
    const gaps = during.slice(1).map((t, i) => t - during[i]!);
    // A blocked loop shows one gap as long as the detect; a free one, ticks all along it.
    expect(during.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...gaps)).toBeLessThan((t1 - t0) / 2);
  }, 60_000);

  it('gives the descriptors and scores of the same matcher in process', async () => {
    const local = new FrOnnxMatcher();
    await local.load();
    try {
      const [a, b] = [await photo('img1.jpg'), await photo('img2.jpg')];
      const [wa] = await worker.detect(a, 'reference');
      const [wb] = await worker.detect(b, 'reference');
      const [la] = await local.detect(a, 'reference');
      const [lb] = await local.detect(b, 'reference');
      expect(wa!.descriptor).toHaveLength(la!.descriptor.length);
      expect(worker.similarity(wa!.descriptor, wb!.descriptor)).toBeCloseTo(
        local.similarity(la!.descriptor, lb!.descriptor),
        4,
      );
      expect(worker.name).toBe(local.name);
      expect(worker.threshold).toBe(local.threshold);
    } finally {
      await local.dispose();
    }
  }, 120_000);

  it("gives the eye-state model's answers of the same model in process, on the matcher's landmarks", async () => {
    const local = new EyeStateModel();
    await local.load();
    try {
      const img = await photo('img1.jpg');
      const [face] = await worker.detect(img, 'live');
      const remote = await worker.eyeState().closed(img, face!.landmarks);
      const here = await local.closed(img, face!.landmarks);
      expect(remote).toHaveLength(2);
      expect(remote[0]).toBeCloseTo(here[0], 5);
      expect(remote[1]).toBeCloseTo(here[1], 5);
      // The caller's frame is still whole (the worker got a copy).
      expect(img.data.length).toBe(img.width * img.height * 3);
    } finally {
      await local.dispose();
    }
  }, 120_000);

  it("reports its thread's memory: one wasm heap, onnxruntime-web's, for the matcher and the eye-state model", async () => {
    const m = await worker.memory();
    expect(m?.wasmMb).toHaveLength(1);
    expect(m!.wasmMb[0]).toBeGreaterThan(0);
    expect(m!.heapMb).toBeGreaterThan(0);
  }, 120_000);

  it('fails a request with a project error once its worker is gone', async () => {
    const w = new WorkerFaceMatcher('face-api');
    await w.load();
    await w.dispose();
    const e = await w.detect(await photo('img1.jpg')).catch((x: unknown) => x);
    expect(isReaderError(e, ErrorCode.Vision_Model)).toBe(true);
  }, 60_000);
});
