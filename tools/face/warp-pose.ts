// The emulated patient's head turns, read by a model we did not write: the live subject's warp
// (sim/camera/face-warp.ts) renders a photo's face at commanded yaws and pitches, and
// @vladmandic/human's face mesh reads the head pose in each picture (radians), beside readerd's
// own reading (fr_landmark's 68 points, poseOf: the nose's offset in eye distances). The pose
// human reads on the render told 0 is the photo's own turn (with human's own bias); every angle
// is printed in the warp's sign (human's yaw is the other way round). A faithful warp turns the head as
// far as it is told, in both directions: what the liveness eval's turn and nod figures rest on.
//   npx tsx tools/face/warp-pose.ts [--json] [--pitch] PHOTO…   (paths, or names in the fixtures)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeImage } from '../../device/image/decode.js';
import { FaceApiMatcher } from '../../firmware-host/vision/face-api-matcher.js';
import { FrOnnxMatcher } from '../../firmware-host/vision/fr-onnx-matcher.js';
import { humanHeadPose, openHuman } from '../../firmware-host/vision/human-matcher.js';
import { poseOf } from '../../firmware-host/vision/liveness-challenge.js';
import { faceModel, renderFace } from '../../sim/camera/face-warp.js';
import { framing } from '../../sim/camera/live-subject.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';

const COMMANDS = [-0.6, -0.45, -0.3, -0.15, 0, 0.15, 0.3, 0.45, 0.6];
const args = process.argv.slice(2);
const photos = args.filter((a) => !a.startsWith('--'));
if (args.includes('--help') || !photos.length) {
  console.log('usage: npx tsx tools/face/warp-pose.ts [--json] [--pitch] PHOTO…');
  process.exit(args.includes('--help') ? 0 : 2);
}
const axis = args.includes('--pitch') ? 'pitch' : 'yaw';
const find = (p: string): string => {
  for (const f of [p, join(FACES_DIR, p), join(FACES_DIR, '..', 'faces-lfw', p)]) if (existsSync(f)) return f;
  console.error(`warp-pose: no photo ${p} (a path, or a file in ../shared/fixtures/faces or faces-lfw)`);
  process.exit(2);
};
const files = photos.map(find);
// cacheSensitivity 0: each render read afresh, not from the previous frame's box and mesh.
const [human, fr, emulator] = [
  await openHuman({}, { cacheSensitivity: 0 }),
  new FrOnnxMatcher(),
  new FaceApiMatcher({ descriptors: false }),
];
await Promise.all([fr.load(), emulator.load()]);
const W = 320;
const H = 240;
const out: unknown[] = [];
for (const file of files) {
  const photo = await decodeImage(new Uint8Array(readFileSync(file)));
  const landmarks = (await emulator.detect(photo, 'reference'))[0]?.landmarks;
  if (!landmarks) {
    console.error(`${file}: the emulator finds no face`);
    continue;
  }
  const m = faceModel(landmarks);
  const at = framing(m, W, H);
  const rows: { commanded: number; human?: number; readerd?: number; readerdMoved?: number }[] = [];
  for (const c of COMMANDS) {
    const img = renderFace(
      photo,
      m,
      { ...at, roll: 0, yaw: axis === 'yaw' ? c : 0, pitch: axis === 'pitch' ? c : 0, eyes: [0, 0] },
      W,
      H,
    );
    const h = await humanHeadPose(human, img);
    const f = (await fr.locate(img, 'live'))[0];
    // human's yaw is positive the other way round from the warp's: turned to the warp's sign.
    const seen = h?.[axis];
    rows.push({
      commanded: c,
      human: seen === undefined ? undefined : axis === 'yaw' ? -seen : seen,
      readerd: f ? poseOf(f.landmarks)[axis] : undefined,
    });
  }
  // How far human saw the head turn per radian told, each way from the unturned render's pose.
  const at0 = rows.find((r) => r.commanded === 0);
  const rest = at0?.human;
  for (const r of rows)
    r.readerdMoved =
      r.readerd === undefined || at0?.readerd === undefined ? undefined : r.readerd - at0.readerd;
  const gain = (side: number): number | undefined => {
    const end = rows.find((r) => r.commanded === 0.45 * side)?.human;
    return rest === undefined || end === undefined ? undefined : (end - rest) / (0.45 * side);
  };
  const one = {
    photo: file.split('/').pop(),
    axis,
    photoPose: rest,
    gainNegative: gain(-1),
    gainPositive: gain(1),
    rows,
  };
  out.push(one);
  if (!args.includes('--json')) {
    const f = (v: number | undefined): string => (v === undefined ? '  --' : v.toFixed(2).padStart(5));
    console.log(
      `${one.photo}: ${axis}; the render told 0 reads ${f(rest)} rad to human (the photo's own pose, and human's bias); turned per radian told: ${f(one.gainNegative)} toward −, ${f(one.gainPositive)} toward + (1 is faithful)`,
    );
    for (const r of rows)
      console.log(
        `  told ${f(r.commanded)} rad   human ${f(r.human)} rad   readerd moved ${f(r.readerdMoved)} (${axis === 'yaw' ? 'eye distances' : 'shares of the eyes-to-mouth line'} from the render told 0)`,
      );
  }
}
if (args.includes('--json')) console.log(JSON.stringify(out, null, 2));
process.exit(0);
