// Every image of a set embedded once per side, in memory only (descriptors of real faces never
// reach disk): the enrolled side as the appliance takes the card's photo (the reference
// detector; with chipPhoto, first turned into the chip's greyscale JPEG 2000 and decoded by the
// appliance's decoder), the probe side as it takes a camera frame (the live path).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeImage, type RgbImage } from '../../device/image/decode.js';
import type { FaceMatcher } from '../../firmware-host/vision/face-matcher.js';
import type { QualityIssue, QualityMeasures } from '../../firmware-host/vision/quality.js';
import { chipPhoto as toChipPhoto } from '../../sim/card/card-face.js';
import type { EvalImage } from './evaluate-images.js';
import { type Acquired, cameraFrame, liveFace, referenceFace } from './evaluate-live.js';

export interface EmbedOptions {
  /** Probe through the camera path (frame, live detector, quality gates). Default true. */
  readonly live?: boolean;
  /** Enrolled side as the chip's photo (greyscale JPEG 2000, 144×180). */
  readonly chipPhoto?: boolean;
  /** With chipPhoto: the photo itself embedded on the enrolled side too (`enrolledPhoto`). */
  readonly alsoPhoto?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

/** A descriptor, or why there is none: a failure to acquire. */
export type Side = (
  | { readonly descriptor: Float32Array }
  | { readonly descriptor?: undefined; readonly reason: QualityIssue }
) & {
  /** Live probes: the gates' measures and faces[0]'s descriptor whatever they said (gate variants). */
  readonly measures?: QualityMeasures;
  readonly ungated?: Float32Array;
};

export interface EmbeddedSet {
  readonly images: readonly EvalImage[];
  readonly enrolled: readonly Side[];
  readonly probe: readonly Side[];
  /** alsoPhoto: the enrolled side as the photo itself (reference detector). */
  readonly enrolledPhoto?: readonly Side[];
  /** Detection + landmarks + descriptor, per image and side (decode and framing excluded). */
  readonly msPerFace: number;
  readonly live: boolean;
  readonly chipPhoto: boolean;
}

const side = (a: Acquired): Side => {
  const seen = a.measures && a.ungated ? { measures: a.measures, ungated: a.ungated.descriptor } : {};
  return a.face ? { descriptor: a.face.descriptor, ...seen } : { reason: a.reason, ...seen };
};

export async function embedAll(
  matcher: FaceMatcher,
  images: readonly EvalImage[],
  dir: string,
  opts: EmbedOptions = {},
): Promise<EmbeddedSet> {
  const live = opts.live ?? true;
  const chip = opts.chipPhoto ?? false;
  await matcher.load();
  const enrolled: Side[] = [];
  const probe: Side[] = [];
  const enrolledPhoto: Side[] | undefined = chip && opts.alsoPhoto ? [] : undefined;
  let ms = 0;
  let faces = 0;
  const timed = async (run: () => Promise<Acquired>): Promise<Side> => {
    const t0 = performance.now();
    const a = await run();
    ms += performance.now() - t0;
    faces++;
    return side(a);
  };
  for (const [i, im] of images.entries()) {
    const path = join(dir, im.file);
    const photo: RgbImage = await decodeImage(new Uint8Array(readFileSync(path)));
    const asEnrolled = chip ? await decodeImage(await toChipPhoto(path)) : photo;
    const e = await timed(() => referenceFace(matcher, asEnrolled));
    enrolled.push(e);
    let asPhoto: Side | undefined;
    if (enrolledPhoto) {
      asPhoto = await timed(() => referenceFace(matcher, photo));
      enrolledPhoto.push(asPhoto);
    }
    if (live) {
      const frame = await cameraFrame(photo);
      probe.push(await timed(() => liveFace(matcher, frame)));
    } else probe.push(asPhoto ?? (chip ? await timed(() => referenceFace(matcher, photo)) : e));
    opts.onProgress?.(i + 1, images.length);
  }
  return {
    images,
    enrolled,
    probe,
    enrolledPhoto,
    msPerFace: faces ? ms / faces : 0,
    live,
    chipPhoto: chip,
  };
}
