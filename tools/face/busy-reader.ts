// How a busy readerd sees its camera, for `readerctl face liveness-eval --busy-drops`.
import type { TrackingMatcher } from '../../firmware-host/vision/face-tracker.js';

/**
 * The camera and the face tracker as a busy readerd sees them: after each detection that found a
 * face (the detector and the embedding, longer than a frame at 15 fps), the `drops` frames that
 * came meanwhile are gone (frame-source.ts keeps no queue: readerd takes the next frame once it
 * asks). Keyed to the embedding, which runs only on such a detection (face-tracker.ts), so a
 * re-detection after the face was lost is late the same way.
 */
export function busyReader<F>(
  camera: { nextFrame(timeoutMs: number): Promise<F> },
  track: TrackingMatcher | undefined,
  drops: number,
): { camera: { nextFrame(timeoutMs: number): Promise<F> }; track: TrackingMatcher | undefined } {
  let late = 0;
  return {
    camera: {
      nextFrame: async (ms) => {
        for (; late > 0; late--) await camera.nextFrame(ms);
        return camera.nextFrame(ms);
      },
    },
    track: track && {
      locate: (img, purpose) => track.locate(img, purpose),
      landmarksIn: (img, box) => track.landmarksIn(img, box),
      embed: (img, face) => {
        late = drops;
        return track.embed(img, face);
      },
    },
  };
}
