// One part of readerd loaded alone in a fresh process, its RSS before and after (and after
// the work a session gives it): the memory table's breakdown. Prints one JSON line.
//   node --import tsx tools/bench/memory-probe.ts node|code|ocr|face
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const rss = (): number => process.memoryUsage().rss / 1048576;
const settle = () => new Promise((r) => setTimeout(r, 300));
const part = process.argv[2];
const before = rss();
let loaded = before;
let worked = before;
if (part === 'code') {
  // readerd's own code and the libraries it imports at start, no model loaded.
  await import('../../firmware-host/reader-composition.js');
  await settle();
  loaded = worked = rss();
} else if (part === 'ocr') {
  // The reader readerd runs: in its worker thread, whose own V8 isolate is part of the cost.
  const { WorkerCardFaceReader } = await import('../../firmware-host/vision/worker-card-face-reader.js');
  const { cardScene } = await import('../../sim/camera/card-scene.js');
  const { renderCardFace } = await import('../../sim/card/card-face-render.js');
  const { holderFor } = await import('../../sim/card/card-profiles.js');
  const frame = await cardScene(await renderCardFace(holderFor('memory-probe')), {});
  const base = rss();
  const reader = new WorkerCardFaceReader();
  await reader.init();
  await settle();
  loaded = rss() - base + before;
  await reader.read(frame);
  await settle();
  worked = rss() - base + before;
  await reader.close();
} else if (part === 'face') {
  const { WorkerFaceMatcher } = await import('../../firmware-host/vision/worker-face-matcher.js');
  const { decodeImage } = await import('../../device/image/decode.js');
  const { FACES_DIR } = await import('../../sim/card/card-profiles.js');
  const { cameraFrame } = await import('../face/evaluate-live.js');
  const photo = await decodeImage(new Uint8Array(readFileSync(join(FACES_DIR, 'img20.jpg'))));
  const live = await cameraFrame(photo);
  const base = rss();
  const m = new WorkerFaceMatcher('fr-onnx');
  await m.load();
  await settle();
  loaded = rss() - base + before;
  await m.detect(photo, 'reference');
  for (let i = 0; i < 3; i++) await m.detect(live, 'live');
  await settle();
  worked = rss() - base + before;
  await m.dispose();
}
process.stdout.write(`${JSON.stringify({ part, before, loaded, worked })}\n`);
process.exit(0);
