// The face attempt starts when the patient is asked to look (the `prompted` hook), not when
// the verifier is called: before it, one frame warms the camera and detector up and nothing is
// judged, so an attempt cannot expire while the kiosk still shows the photo read.
import { describe, expect, it } from 'vitest';
import type { Frame } from '../../device/camera/frame-source.js';
import type { RgbImage } from '../../device/image/decode.js';
import type { FaceMatcher } from '../../firmware-host/vision/face-matcher.js';
import { type FaceVerifyConfig, verifyFace } from '../../firmware-host/vision/face-verifier.js';

const PHOTO: RgbImage = { width: 2, height: 2, data: new Uint8Array(12) };
/** The chip photo's face (the stand-in detector finds it in the reference only). */
const CHIP_FACE = {
  box: { x: 0, y: 0, width: 2, height: 2 },
  score: 0.99,
  landmarks: [],
  descriptor: new Float32Array(4),
};

/** An empty counter: frames keep coming, the detector never finds a live face in them. */
function emptyCounter() {
  const seen: string[] = [];
  const matcher: FaceMatcher = {
    name: 'nobody there',
    threshold: 0.5,
    load: async () => {},
    detect: async (_img, kind) => {
      seen.push(`detect-${kind}`);
      return kind === 'reference' ? [CHIP_FACE] : [];
    },
    similarity: () => 0,
    dispose: () => {},
  };
  let seq = 0;
  const camera = {
    nextFrame: async (): Promise<Frame> => {
      seen.push('frame');
      await new Promise((r) => setTimeout(r, 5));
      seq++;
      return { seq, ...PHOTO, timestampMs: seq * 33 };
    },
  };
  return { matcher, camera, seen };
}

const CFG: FaceVerifyConfig = {
  attempts: 1,
  attemptTimeoutMs: 100,
  livenessFrames: 4,
  challenge: 'blink',
  liveness: 'required',
};

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the face attempt is timed from the capture prompt', () => {
  it('waits for the prompt after one warm-up frame; its clock starts then', async () => {
    const { matcher, camera, seen } = emptyCounter();
    const prompted = deferred();
    let settled = false;
    const photo = new Promise<RgbImage>((r) => setTimeout(() => r(PHOTO), 50));
    const e = verifyFace(matcher, photo, camera, CFG, { prompted: prompted.promise });
    void e.then(() => (settled = true));
    // Many attempt lengths pass before the prompt: the attempt has not begun, let alone expired.
    await new Promise((r) => setTimeout(r, CFG.attemptTimeoutMs * 5));
    expect(settled).toBe(false);
    expect(seen).toEqual(['frame', 'detect-live', 'detect-reference']);
    prompted.resolve();
    const ev = await e;
    expect(ev.outcome).toBe('timed-out');
    // The attempt asked for its own frames after the prompt.
    expect(seen.filter((s) => s === 'frame').length).toBeGreaterThan(1);
  });

  it('is cancelled while it waits for the prompt', async () => {
    const { matcher, camera } = emptyCounter();
    const ac = new AbortController();
    const e = verifyFace(matcher, PHOTO, camera, CFG, { prompted: new Promise(() => {}), signal: ac.signal });
    setTimeout(() => ac.abort(), 30);
    expect((await e).outcome).toBe('cancelled');
  });

  it('without the hook the attempt starts at once, as before', async () => {
    const { matcher, camera } = emptyCounter();
    expect((await verifyFace(matcher, PHOTO, camera, CFG)).outcome).toBe('timed-out');
  });
});
