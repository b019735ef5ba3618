// One part of readerd loaded alone in a fresh process from readerd's build (bin/build.mjs, no
// tsx: as the appliance runs it), its RSS before and after, and after the work a session gives
// it, with the time it took to be ready: the memory table's breakdown. Prints one JSON line.
//   node tools/bench/memory-probe.mjs BUILD_DIR node|code|ocr|face|face-eyes|face-wasm
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, part] = process.argv.slice(2);
const mod = (p) => import(pathToFileURL(join(dir, p)).href);
const rss = () => process.memoryUsage().rss / 1048576;
const settle = () => new Promise((r) => setTimeout(r, 300));
/** The photo centred on a mid-grey 640×480 frame, as the face camera frames a patient. */
const cameraFrame = (img) => {
  const W = 640;
  const H = 480;
  const out = new Uint8Array(W * H * 3).fill(128);
  const x0 = Math.max(0, (W - img.width) >> 1);
  const y0 = Math.max(0, (H - img.height) >> 1);
  const w = Math.min(img.width, W);
  for (let y = 0; y < Math.min(img.height, H); y++)
    out.set(img.data.subarray(y * img.width * 3, y * img.width * 3 + w * 3), ((y0 + y) * W + x0) * 3);
  return { width: W, height: H, data: out };
};
await settle();
let before = rss();
let loaded = before;
let worked = before;
let readyMs = 0;
let memoryCount = 0;
if (part === 'code') {
  // readerd's own code and the libraries it imports at start, no model loaded.
  const t0 = performance.now();
  await mod('firmware-host/reader-composition.js');
  readyMs = performance.now() - t0;
  await settle();
  loaded = worked = rss();
} else if (part === 'ocr') {
  // The reader readerd runs: in its worker thread (and tesseract.js's own), whose isolates count.
  const { WorkerCardFaceReader } = await mod('firmware-host/vision/worker-card-face-reader.js');
  const { cardScene } = await mod('sim/camera/card-scene.js');
  const { renderCardFace } = await mod('sim/card/card-face-render.js');
  const { holderFor } = await mod('sim/card/card-profiles.js');
  const frame = await cardScene(await renderCardFace(holderFor('memory-probe')), {});
  await settle();
  const base = rss();
  const reader = new WorkerCardFaceReader();
  const t0 = performance.now();
  await reader.init();
  readyMs = performance.now() - t0;
  await settle();
  loaded = rss() - base + before;
  await reader.read(frame);
  await settle();
  worked = rss() - base + before;
  await reader.close();
} else if (part === 'face' || part === 'face-eyes') {
  const { WorkerFaceMatcher } = await mod('firmware-host/vision/worker-face-matcher.js');
  const { decodeImage } = await mod('device/image/decode.js');
  const { FACES_DIR } = await mod('sim/card/card-profiles.js');
  const photo = await decodeImage(new Uint8Array(readFileSync(join(FACES_DIR, 'img20.jpg'))));
  const live = cameraFrame(photo);
  await settle();
  const base = rss();
  const m = new WorkerFaceMatcher('fr-onnx', { eyes: part === 'face-eyes' });
  const t0 = performance.now();
  await m.load();
  readyMs = performance.now() - t0;
  await settle();
  loaded = rss() - base + before;
  await m.detect(photo, 'reference');
  for (let i = 0; i < 3; i++) {
    const [face] = await m.detect(live, 'live');
    if (face && part === 'face-eyes') await m.eyeState().closed(live, face.landmarks);
  }
  await settle();
  worked = rss() - base + before;
  await m.dispose();
} else if (part === 'face-wasm') {
  // The face worker's onnxruntime-web wasm heap (its linear memory, which only grows), loaded as
  // the worker loads it, on this thread: the WebAssembly.Memory the runtime makes is seen here.
  const memories = [];
  const Memory = WebAssembly.Memory;
  WebAssembly.Memory = class extends Memory {
    constructor(descriptor) {
      super(descriptor);
      memories.push(this);
    }
  };
  const heap = () => memories.reduce((a, m) => a + m.buffer.byteLength, 0) / 1048576;
  const { createMatcher } = await mod('firmware-host/vision/matchers.js');
  const { EyeStateModel } = await mod('firmware-host/vision/liveness-models.js');
  const { decodeImage } = await mod('device/image/decode.js');
  const { FACES_DIR } = await mod('sim/card/card-profiles.js');
  const photo = await decodeImage(new Uint8Array(readFileSync(join(FACES_DIR, 'img20.jpg'))));
  const live = cameraFrame(photo);
  const m = createMatcher('fr-onnx', {});
  const eyes = new EyeStateModel();
  const t0 = performance.now();
  // As face-worker-host.ts loads them: side by side, on the one runtime.
  await Promise.all([m.load(), eyes.load()]);
  readyMs = performance.now() - t0;
  loaded = heap();
  // One runtime, one heap: more than one memory with pages would be some other wasm's.
  memoryCount = memories.filter((x) => x.buffer.byteLength > 0).length;
  await m.detect(photo, 'reference');
  for (let i = 0; i < 3; i++) {
    const [face] = await m.detect(live, 'live');
    if (face) await eyes.closed(live, face.landmarks);
  }
  worked = heap();
  before = 0;
}
process.stdout.write(`${JSON.stringify({ part, before, loaded, worked, readyMs, memoryCount })}\n`);
process.exit(0);
