// Face pipeline speed and memory: ms per frame (detect + landmarks + descriptor) on
// 640×480 frames made from the fixtures, and the process RSS with the models loaded.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { decodeImage } from '../../device/image/decode.js';
import { evaluate, readPairs } from '../../firmware-host/vision/evaluate.js';
import { FaceApiMatcher } from '../../firmware-host/vision/face-api-matcher.js';
import { HumanMatcher } from '../../firmware-host/vision/human-matcher.js';
import { chipPhoto } from '../../hardware/card/card-face.js';
import { FACES_DIR } from '../../hardware/card/card-profiles.js';
import type { Row } from './table.js';

async function measure(chipFile: string): Promise<Row[]> {
  sharp.cache(false); // as the appliance's image decoding does (device/image/decode.ts)
  const rssBefore = process.memoryUsage().rss;
  const m = new FaceApiMatcher();
  await m.load();
  // A session decodes the chip photo (144 × 180 JPEG 2000, made by the parent process as an
  // issuer would) and embeds it once with the reference detector.
  await m.detect(await decodeImage(new Uint8Array(readFileSync(chipFile))), 'reference');
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
    await m.detect({ width: info.width, height: info.height, data: new Uint8Array(data) }, 'live');
    times.push(performance.now() - t0);
  }
  times.shift(); // the first call compiles the wasm kernels
  times.sort((a, b) => a - b);
  const rss = process.memoryUsage().rss;
  // Model choice, measured: both candidates over the fixture pairs.
  const choice: Row[] = [];
  const pairs = readPairs(join(FACES_DIR, 'pairs.csv'));
  for (const matcher of [new FaceApiMatcher(), new HumanMatcher()]) {
    const r = await evaluate(matcher, pairs, FACES_DIR);
    choice.push({
      figure: `model choice: ${matcher.name}, FRR at FAR 0 (EER ${(r.eer.eer * 100).toFixed(1)} %, ${r.msPerImage.toFixed(0)} ms/image)`,
      measured: r.zeroFar.frr * 100,
      unit: '%',
      goal: matcher instanceof FaceApiMatcher ? { text: '≤ 3 %', met: (v) => v <= 3 } : undefined,
    });
  }
  return [
    ...choice,
    {
      figure: 'face: live frame 640×480, tiny detector + landmarks + descriptor, p50',
      measured: times[Math.floor(times.length / 2)]!,
      unit: 'ms',
      goal: { text: '≤ 150 ms', met: (v) => v <= 150 },
    },
    {
      figure: 'face: live frame, p95',
      measured: times[Math.floor(times.length * 0.95)]!,
      unit: 'ms',
    },
    {
      figure: 'RSS of a process with the face models loaded and used',
      measured: rss / 1048576,
      unit: 'MB',
      goal: { text: '≤ 400 MB', met: (v) => v <= 400 },
      anchor: { name: 'RSS before loading', value: rssBefore / 1048576 },
    },
  ];
}

/** Run in a fresh process, so the RSS is the vision pipeline's and not earlier benchmarks'. */
export async function visionBench(): Promise<Row[]> {
  const chipFile = join(mkdtempSync(join(tmpdir(), 'vision-bench-')), 'chip.j2k');
  writeFileSync(chipFile, await chipPhoto(join(FACES_DIR, 'img1.jpg')));
  const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', chipFile], {
    encoding: 'utf8',
  });
  const rows = JSON.parse(out.trim().split('\n').pop()!) as (Row & { goalText?: string; limit?: number })[];
  return rows.map((r) => ({
    ...r,
    goal: r.goalText ? { text: r.goalText, met: (v: number) => v <= r.limit! } : undefined,
  }));
}

if (process.argv.includes('--child')) {
  const rows = await measure(process.argv[process.argv.indexOf('--child') + 1]!);
  const plain = rows.map((r) => ({
    ...r,
    goal: undefined,
    goalText: r.goal?.text,
    limit: r.goal ? Number(r.goal.text.replace(/[^\d.]/g, '')) : undefined,
  }));
  process.stdout.write(`${JSON.stringify(plain)}\n`);
  process.exit(0);
}
