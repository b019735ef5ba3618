// Runs a matcher over a labelled pair list and reports the ROC: what `readerctl face eval`
// prints and the tests assert on. Each image is embedded once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeImage } from '../../device/image/decode.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import {
  equalErrorRate,
  type PairScore,
  type RocPoint,
  rates,
  rocCurve,
  zeroFarPoint,
} from '../../protocol/vision/roc.js';
import type { FaceMatcher } from './face-matcher.js';

export interface Pair {
  readonly a: string;
  readonly b: string;
  readonly genuine: boolean;
}

export function readPairs(file: string): Pair[] {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const head = lines
    .shift()
    ?.split(',')
    .map((s) => s.trim().toLowerCase());
  if (!head || head.length < 3)
    throw new ReaderError(ErrorCode.Usage, `${file}: expected a header file_x,file_y,Decision`);
  return lines.map((l, i) => {
    const [a, b, d] = l.split(',').map((s) => s.trim());
    if (!a || !b || !d || !/^(yes|no)$/i.test(d))
      throw new ReaderError(ErrorCode.Usage, `${file}:${i + 2}: expected file_x,file_y,Yes|No`);
    return { a, b, genuine: /^yes$/i.test(d) };
  });
}

export interface EvalReport {
  readonly matcher: string;
  readonly pairs: number;
  readonly genuine: number;
  readonly impostor: number;
  readonly threshold: number;
  readonly atThreshold: RocPoint;
  readonly eer: { eer: number; threshold: number };
  readonly zeroFar: RocPoint;
  readonly roc: RocPoint[];
  readonly msPerImage: number;
  /** Images in which no face was found (their pairs count as rejected). */
  readonly noFace: string[];
  readonly scores: (PairScore & { a: string; b: string })[];
}

export async function evaluate(
  matcher: FaceMatcher,
  pairs: readonly Pair[],
  dir: string,
  opts: {
    threshold?: number;
    prepareA?: (file: string) => Promise<Uint8Array>;
    /** Embed file_y with the live-frame detector, as the face camera's frames are. */
    live?: boolean;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<EvalReport> {
  await matcher.load();
  const cache = new Map<string, Float32Array | null>();
  const noFace: string[] = [];
  let ms = 0;
  const embed = async (
    file: string,
    prepare?: (f: string) => Promise<Uint8Array>,
    purpose: 'live' | 'reference' = 'reference',
  ): Promise<Float32Array | null> => {
    const key = `${prepare ? 'card:' : ''}${purpose}:${file}`;
    if (cache.has(key)) return cache.get(key)!;
    const bytes = prepare ? await prepare(join(dir, file)) : new Uint8Array(readFileSync(join(dir, file)));
    const img = await decodeImage(bytes);
    const t0 = performance.now();
    const faces = await matcher.detect(img, purpose);
    ms += performance.now() - t0;
    const d = faces[0]?.descriptor ?? null;
    if (!d) noFace.push(key);
    cache.set(key, d);
    opts.onProgress?.(cache.size, new Set(pairs.flatMap((p) => [p.a, p.b])).size);
    return d;
  };
  const scores: EvalReport['scores'] = [];
  for (const p of pairs) {
    const a = await embed(p.a, opts.prepareA);
    // file_y plays the camera: the live detector when the caller asks for it.
    const b = await embed(p.b, undefined, opts.live ? 'live' : 'reference');
    scores.push({ a: p.a, b: p.b, genuine: p.genuine, score: a && b ? matcher.similarity(a, b) : 0 });
  }
  const threshold = opts.threshold ?? matcher.threshold;
  return {
    matcher: matcher.name,
    pairs: pairs.length,
    genuine: scores.filter((s) => s.genuine).length,
    impostor: scores.filter((s) => !s.genuine).length,
    threshold,
    atThreshold: rates(scores, threshold),
    eer: equalErrorRate(scores),
    zeroFar: zeroFarPoint(scores),
    roc: rocCurve(scores),
    msPerImage: ms / cache.size,
    noFace,
    scores,
  };
}
