// Face pipeline speed and memory: ms per frame (detect + landmarks + descriptor) on
// 640×480 frames made from the fixtures, and the process RSS with the models loaded.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { FaceApiMatcher } from '../../firmware-host/vision/face-api-matcher.js';
import { FACES_DIR } from '../../hardware/card/card-profiles.js';
import type { Row } from './table.js';

export async function visionBench(): Promise<Row[]> {
  const rssBefore = process.memoryUsage().rss;
  const m = new FaceApiMatcher();
  await m.load();
  const files = readdirSync(FACES_DIR)
    .filter((f) => f.endsWith('.jpg'))
    .slice(0, 30);
  const times: number[] = [];
  for (const f of files) {
    const { data, info } = await sharp(join(FACES_DIR, f))
      .resize(640, 480, { fit: 'contain', background: '#808080' })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const t0 = performance.now();
    await m.detect({ width: info.width, height: info.height, data: new Uint8Array(data) });
    times.push(performance.now() - t0);
  }
  times.shift(); // the first call compiles the wasm kernels
  times.sort((a, b) => a - b);
  const rss = process.memoryUsage().rss;
  return [
    {
      figure: 'face: detect + landmarks + descriptor, 640×480, p50',
      measured: times[Math.floor(times.length / 2)]!,
      unit: 'ms',
      goal: { text: '≤ 150 ms', met: (v) => v <= 150 },
    },
    {
      figure: 'face: detect + landmarks + descriptor, 640×480, p95',
      measured: times[Math.floor(times.length * 0.95)]!,
      unit: 'ms',
    },
    {
      figure: 'RSS with face models loaded (whole bench process)',
      measured: rss / 1048576,
      unit: 'MB',
      goal: { text: '≤ 400 MB', met: (v) => v <= 400 },
      anchor: { name: 'RSS before loading', value: rssBefore / 1048576 },
    },
  ];
}
