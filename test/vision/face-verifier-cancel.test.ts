// A session cancelled while a matcher call runs: the matcher's calls carry the session's signal
// (WorkerFaceMatcher.withSignal), so the detect in flight rejects with Op_Canceled. The verifier
// answers that with the outcome 'cancelled', not an error, on every path.
import { describe, expect, it } from 'vitest';
import type { Frame } from '../../device/camera/frame-source.js';
import type { FaceFound, FaceMatcher } from '../../firmware-host/vision/face-matcher.js';
import { type FaceVerifyConfig, verifyFace } from '../../firmware-host/vision/face-verifier.js';
import { untilAborted } from '../../platform/abortable.js';

const image = { width: 8, height: 8, data: new Uint8Array(8 * 8 * 3) };
const face: FaceFound = {
  box: { x: 0, y: 0, width: 8, height: 8 },
  score: 1,
  landmarks: [],
  descriptor: new Float32Array(4),
};

/** A matcher as the per-session view behaves: the reference is found, a live detect runs until aborted. */
function sessionMatcher(signal: AbortSignal, reference: 'found' | 'hangs'): FaceMatcher {
  const forever = new Promise<never>(() => {});
  return {
    name: 'fake',
    threshold: 0.5,
    load: async () => {},
    similarity: () => 1,
    detect: (_img: unknown, purpose?: string) =>
      purpose === 'reference' && reference === 'found'
        ? Promise.resolve([face])
        : untilAborted(forever, signal, `the face-model detect`),
  } as unknown as FaceMatcher;
}

const camera = {
  seq: 0,
  async nextFrame(): Promise<Frame> {
    await new Promise((r) => setTimeout(r, 5));
    return { seq: this.seq++, ...image, timestampMs: this.seq * 100 };
  },
};

const cfg: FaceVerifyConfig = {
  attempts: 1,
  attemptTimeoutMs: 5000,
  livenessFrames: 4,
  challenge: 'blink',
  liveness: 'off',
};

describe('verifyFace cancelled while a matcher call runs', () => {
  for (const [name, reference] of [
    ['during a live frame detect (liveness off)', 'found'],
    ['during the reference photo detect (photo in hand)', 'hangs'],
  ] as const)
    it(name, async () => {
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 50);
      const ev = await verifyFace(sessionMatcher(ac.signal, reference), image, camera, cfg, {
        signal: ac.signal,
      });
      expect(ev.outcome).toBe('cancelled');
    });

  it('a matcher error that is not the abort is still thrown', async () => {
    const failing = {
      ...sessionMatcher(new AbortController().signal, 'found'),
      detect: (_img: unknown, purpose?: string) =>
        purpose === 'reference' ? Promise.resolve([face]) : Promise.reject(new Error('wasm trap')),
    } as unknown as FaceMatcher;
    await expect(
      verifyFace(failing, image, camera, cfg, { signal: new AbortController().signal }),
    ).rejects.toThrow('wasm trap');
  });
});
