// The 68 landmarks of a photo, as the emulated face camera builds its live subject and attack
// instruments from them (scene-face-camera.ts): face-api's tiny detector and landmark net on the
// tfjs wasm backend, once per photo in the process that asks. The rig asks in its own process and
// writes them into the scene file, so readerd's process (the emulated appliance) carries no face
// library the appliance does not run: tfjs and face-api there were ~140 MB of readerd's RSS with
// liveness required (issue 17; the emulator's, not the reader's).
import { readFile } from 'node:fs/promises';
import { decodeImage, type RgbImage } from '../../device/image/decode.js';
import type { FaceApiMatcher } from '../../firmware-host/vision/face-api-matcher.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import type { Point } from '../camera/face-warp.js';

let detector: Promise<FaceApiMatcher> | undefined;
const found = new Map<string, Promise<readonly Point[]>>();

/** face-api loaded (and run once: its first inference is slow) in this process, once. */
export function landmarkDetector(): Promise<FaceApiMatcher> {
  detector ??= (async () => {
    const { FaceApiMatcher } = await import('../../firmware-host/vision/face-api-matcher.js');
    const m = new FaceApiMatcher({ descriptors: false });
    await m.load();
    await m.detect({ width: 320, height: 240, data: new Uint8Array(320 * 240 * 3).fill(110) }, 'reference');
    return m;
  })();
  detector.catch(() => {
    detector = undefined;
  });
  return detector;
}

/** The photo's best face's landmarks (the photo decoded here if not given). */
export function photoLandmarks(path: string, decoded?: RgbImage): Promise<readonly Point[]> {
  let got = found.get(path);
  if (!got) {
    got = (async () => {
      const photo = decoded ?? (await decodeImage(new Uint8Array(await readFile(path))));
      const face = (await (await landmarkDetector()).detect(photo, 'reference'))[0];
      if (!face) throw new ReaderError(ErrorCode.Vision_Model, `the emulator finds no face in ${path}`);
      return face.landmarks;
    })();
    found.set(path, got);
    got.catch(() => found.delete(path));
  }
  return got;
}
