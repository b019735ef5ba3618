// A face-model call canceled (the session ended, the patient left) stops in the face worker, not
// only in the caller: a queued call is dropped, a running detect stops before its embedding; the
// worker counts them canceled, never answered; no listener is left on a signal; the next call
// gets its own faces. As test/vision/card-face-cancel.test.ts does for the OCR worker.
import { getEventListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage, type RgbImage } from '../../device/image/decode.js';
import { FrOnnxMatcher } from '../../firmware-host/vision/fr-onnx-matcher.js';
import { WorkerFaceMatcher } from '../../firmware-host/vision/worker-face-matcher.js';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';

const worker = new WorkerFaceMatcher('fr-onnx', { eyes: true });
const photo = async (f: string): Promise<RgbImage> =>
  decodeImage(new Uint8Array(readFileSync(join(FACES_DIR, f))));
const canceledCode = (e: unknown): boolean => isReaderError(e) && e.code === ErrorCode.Op_Canceled;
beforeAll(async () => {
  await worker.load();
  await worker.detect(await photo('img2.jpg'), 'live'); // the first call compiles the wasm kernels
}, 120_000);
afterAll(() => worker.dispose());

describe('a face-model call canceled in the face worker', () => {
  it('is stopped by the worker while it runs (counted canceled, not answered), and the next call detects', async () => {
    const img = await photo('img1.jpg');
    const before = await worker.stats();
    const ac = new AbortController();
    // The reference's detect: the detector, then two embedder passes (the photo and its mirror).
    const detect = worker.detect(img, 'reference', ac.signal).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 5));
    ac.abort();
    expect(canceledCode(await detect)).toBe(true);
    // One request at a time in the worker: the stats are answered after the canceled call ended.
    const after = await worker.stats();
    expect(after.canceled).toBe(before.canceled + 1);
    expect(after.answered).toBe(before.answered);

    const keep = new AbortController();
    expect(await worker.detect(img, 'reference', keep.signal)).toHaveLength(1);
    expect(getEventListeners(keep.signal, 'abort')).toHaveLength(0);
    expect((await worker.stats()).answered).toBe(before.answered + 1);
  }, 120_000);

  it('drops calls queued behind a running one; the running one still answers', async () => {
    const img = await photo('img1.jpg');
    const before = await worker.stats();
    const running = worker.detect(img, 'reference');
    const ac = new AbortController();
    // A session's view: the verifier's and the challenge's calls carry its signal.
    const view = worker.withSignal(ac.signal);
    const queued = [
      view.detect(img, 'live').catch((e: unknown) => e),
      view.locate!(img, 'live').catch((e: unknown) => e),
      worker
        .eyeState(ac.signal)
        .closed(img, [[0, 0]])
        .catch((e: unknown) => e),
    ];
    await new Promise((r) => setTimeout(r, 0));
    ac.abort();
    for (const q of queued) expect(canceledCode(await q)).toBe(true);
    expect(await running).toHaveLength(1);
    const after = await worker.stats();
    expect(after.answered).toBe(before.answered + 1);
    expect(after.canceled).toBe(before.canceled + 3);
  }, 120_000);

  it('stops in process too: a detect whose signal aborts while it detects gives no faces', async () => {
    const local = new FrOnnxMatcher();
    await local.load();
    try {
      const img = await photo('img1.jpg');
      const ac = new AbortController();
      const detect = local.detect(img, 'reference', ac.signal).catch((e: unknown) => e);
      ac.abort();
      expect(canceledCode(await detect)).toBe(true);
      expect(await local.detect(img, 'reference')).toHaveLength(1);
    } finally {
      await local.dispose();
    }
  }, 120_000);
});
