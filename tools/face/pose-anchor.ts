// The anchor for warp-pose.ts, on real photos: how far readerd's turn and nod readings (poseOf on
// fr_landmark's 68 points: the nose's offset in eye distances, and along the eyes-to-mouth line)
// move per radian of head pose that @vladmandic/human's face mesh reads, over faces-lfw photos
// of real people standing as they stood. A live subject whose renders give the same ratio turns
// its features the way real heads do, as far as these two models can tell.
//   npx tsx tools/face/pose-anchor.ts [--photos N] [--json]   (every k-th of faces-lfw, N in all)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeImage } from '../../device/image/decode.js';
import { FrOnnxMatcher } from '../../firmware-host/vision/fr-onnx-matcher.js';
import { humanHeadPose, openHuman } from '../../firmware-host/vision/human-matcher.js';
import { poseOf } from '../../firmware-host/vision/liveness-challenge.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';

const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log('usage: npx tsx tools/face/pose-anchor.ts [--photos N] [--json]');
  process.exit(0);
}
const at = args.indexOf('--photos');
const n = at >= 0 ? Number(args[at + 1]) : 400;
if (!Number.isInteger(n) || n < 2) {
  console.error('pose-anchor: --photos wants a whole number ≥ 2');
  process.exit(2);
}
const dir = join(FACES_DIR, '..', 'faces-lfw');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.jpg'))
  .sort();
const step = Math.max(1, Math.floor(files.length / n));
const human = await openHuman({}, { cacheSensitivity: 0 });
const fr = new FrOnnxMatcher();
await fr.load();
const rows: {
  photo: string;
  human: { yaw: number; pitch: number };
  readerd: { yaw: number; pitch: number };
}[] = [];
for (let i = 0; i < files.length && rows.length < n; i += step) {
  const img = await decodeImage(new Uint8Array(readFileSync(join(dir, files[i]!))));
  const h = await humanHeadPose(human, img);
  const f = (await fr.locate(img, 'live'))[0];
  process.stderr.write(`\r${rows.length + 1}/${n} photos`);
  // human's yaw is positive the other way round from poseOf's.
  if (h && f)
    rows.push({ photo: files[i]!, human: { yaw: -h.yaw, pitch: h.pitch }, readerd: poseOf(f.landmarks) });
}
process.stderr.write('\n');
/** Least-squares slope of readerd's reading on human's, and human's spread. */
const slope = (k: 'yaw' | 'pitch') => {
  const mx = rows.reduce((s, r) => s + r.human[k], 0) / rows.length;
  const my = rows.reduce((s, r) => s + r.readerd[k], 0) / rows.length;
  let sxy = 0;
  let sxx = 0;
  for (const r of rows) {
    sxy += (r.human[k] - mx) * (r.readerd[k] - my);
    sxx += (r.human[k] - mx) ** 2;
  }
  return { perRadian: sxy / sxx, humanSpread: Math.sqrt(sxx / rows.length) };
};
const result = { photos: rows.length, yaw: slope('yaw'), pitch: slope('pitch') };
if (args.includes('--json')) console.log(JSON.stringify({ ...result, rows }, null, 2));
else
  for (const k of ['yaw', 'pitch'] as const)
    console.log(
      `${k}: readerd moves ${result[k].perRadian.toFixed(2)} ${k === 'yaw' ? 'eye distances' : 'shares of the eyes-to-mouth line'} per radian human reads (${rows.length} real photos, human's spread ${result[k].humanSpread.toFixed(2)} rad)`,
    );
process.exit(0);
