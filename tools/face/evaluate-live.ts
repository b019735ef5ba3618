// The camera path for a probe photo, as the appliance takes a live frame: the photo placed in
// a face-camera frame (640×480, as the board profiles configure it), faces found by the live
// detector, and the frame used only when it passes the quality gates the kiosk enforces
// (face-verifier.ts) — otherwise the appliance would wait for a better frame, which a still
// photo never gives: a failure to acquire.
import sharp from 'sharp';
import type { RgbImage } from '../../device/image/decode.js';
import type { FaceFound, FaceMatcher } from '../../firmware-host/vision/face-matcher.js';
import {
  judgeQuality,
  measureQuality,
  type QualityIssue,
  type QualityMeasures,
} from '../../firmware-host/vision/quality.js';

export const CAMERA_FRAME = { width: 640, height: 480 } as const;

/**
 * The photo centred on a mid-grey frame at its own scale (a person at the counter fills a
 * frame about as a press photo's subject does), shrunk only when larger than the frame.
 * Upscaling would smear the face and fail the sharpness gate for a reason no camera has.
 */
export async function cameraFrame(img: RgbImage, frame = CAMERA_FRAME): Promise<RgbImage> {
  let src = img;
  if (img.width > frame.width || img.height > frame.height) {
    const { data, info } = await sharp(img.data, {
      raw: { width: img.width, height: img.height, channels: 3 },
    })
      .resize(frame.width, frame.height, { fit: 'inside' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    src = { width: info.width, height: info.height, data: new Uint8Array(data) };
  }
  const out = new Uint8Array(frame.width * frame.height * 3).fill(128);
  const x0 = Math.floor((frame.width - src.width) / 2);
  const y0 = Math.floor((frame.height - src.height) / 2);
  for (let y = 0; y < src.height; y++)
    out.set(src.data.subarray(y * src.width * 3, (y + 1) * src.width * 3), ((y0 + y) * frame.width + x0) * 3);
  return { width: frame.width, height: frame.height, data: out };
}

export type Acquired = (
  | { readonly face: FaceFound }
  | { readonly face?: undefined; readonly reason: QualityIssue }
) & {
  /** Live frames: what the gates judged, and faces[0] whatever they said (to judge again). */
  readonly measures?: QualityMeasures;
  readonly ungated?: FaceFound;
};

/** The live face of a frame, as verifyFace takes it: detected, then past the quality gates. */
export async function liveFace(matcher: FaceMatcher, frame: RgbImage): Promise<Acquired> {
  const faces = await matcher.detect(frame, 'live');
  const measures = measureQuality(frame, faces);
  const issues = judgeQuality(measures);
  const seen = measures ? { measures, ungated: faces[0]! } : {};
  return issues.length ? { reason: issues[0]!, ...seen } : { face: faces[0]!, ...seen };
}

/** The reference face, as verifyFace takes the chip photo's: the first face found. */
export async function referenceFace(matcher: FaceMatcher, img: RgbImage): Promise<Acquired> {
  const [face] = await matcher.detect(img, 'reference');
  return face ? { face } : { reason: 'no-face' };
}
