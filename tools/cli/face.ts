// readerctl face: evaluate the face pipeline on labelled pairs; verify a card photo at the bench.
import { accessSync, constants, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FfmpegFrameSource } from '../../device/camera/frame-source.js';
import { decodeImage, type RgbImage } from '../../device/image/decode.js';
import type { FaceMatcher } from '../../firmware-host/vision/face-matcher.js';
import { isMatcherId, MATCHER_FACTORIES } from '../../firmware-host/vision/matchers.js';
import { DEFAULT_LIMITS, type QualityLimits } from '../../firmware-host/vision/quality.js';
import { EXIT } from '../../platform/cli.js';
import { helpText, parseCommand } from '../../platform/cli-spec.js';
import { withFile } from '../../platform/fs-errors.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import {
  evaluateSet,
  type FaceEvalReport,
  type GateVariant,
  readCohorts,
  readIdentities,
  readPairs,
  setImages,
} from '../face/evaluate.js';
import { measureFta } from '../face/evaluate-fta.js';
import { detPlot } from '../face/evaluate-plot.js';
import { evalText, ftaText } from './face-eval-text.js';
import { faceLivenessEval } from './face-liveness.js';
import { faceCommand } from './specs/face.js';

/** The matchers `--matcher` names: the appliance's table (firmware-host/vision/matchers.ts). */
const MATCHERS = MATCHER_FACTORIES;

/** One frame from a V4L2 device or a video file (through ffmpeg), or an image file. */
async function cameraImage(camera: string): Promise<RgbImage> {
  const video = camera.startsWith('/dev/video') || /\.(mp4|mkv|avi|webm|mov)$/i.test(camera);
  if (!video) return decodeImage(new Uint8Array(readFileSync(camera)));
  const src = new FfmpegFrameSource({
    input: camera.startsWith('/dev/video')
      ? { kind: 'v4l2', device: camera }
      : { kind: 'file', path: camera },
    width: 640,
    height: 480,
  });
  src.on('error', () => {});
  src.start();
  try {
    const f = await src.nextFrame(10_000);
    return { width: f.width, height: f.height, data: f.data };
  } finally {
    await src.stop();
  }
}

export async function face(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  if (action === 'liveness-eval') return faceLivenessEval(rest);
  const { values } = parseCommand(faceCommand, rest);
  if (!action) {
    process.stdout.write(`${helpText(faceCommand)}\n`);
    return EXIT.usage;
  }
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  // A matcher's score need not lie in [0, 1] (cosine is in [−1, 1]): any finite number.
  if (threshold !== undefined && !Number.isFinite(threshold))
    throw new ReaderError(ErrorCode.Usage, "--threshold is a number (on the matcher's score scale)");
  if (!isMatcherId(values.matcher))
    throw new ReaderError(ErrorCode.Usage, `--matcher is one of ${Object.keys(MATCHERS).join(', ')}`);
  // eval judges at --threshold itself; the matcher keeps its configured one for comparison.
  const matcher = MATCHERS[values.matcher]({ threshold: action === 'eval' ? undefined : threshold });
  if (action === 'eval') return evalCommand(matcher, values, threshold);
  if (action === 'report') {
    if (!values.from)
      throw new ReaderError(ErrorCode.Usage, 'report needs --from REPORT.json (from eval --json)');
    const report = JSON.parse(readFileSync(values.from, 'utf8')) as FaceEvalReport;
    if (!Array.isArray(report.tables) || !report.threshold)
      throw new ReaderError(ErrorCode.Usage, `${values.from}: not a face eval --json report`);
    await writePlot(report, values.plot);
    process.stdout.write(evalText(report, values.plot));
    return EXIT.ok;
  }
  if (action === 'verify') {
    if (!values['card-photo'] || !values.camera)
      throw new ReaderError(ErrorCode.Usage, 'verify needs --card-photo FILE and --camera FILE');
    // Both files are checked before the models load (seconds): a typo is said at once.
    const cardPhoto = values['card-photo'];
    const photo = withFile(ErrorCode.Config_Invalid, '--card-photo', cardPhoto, () =>
      readFileSync(cardPhoto),
    );
    const camera = values.camera;
    withFile(ErrorCode.Config_Invalid, '--camera', camera, () => accessSync(camera, constants.R_OK));
    await matcher.load();
    const [a] = await matcher.detect(await decodeImage(new Uint8Array(photo)));
    const [b] = await matcher.detect(await cameraImage(values.camera), 'live');
    if (!a || !b) {
      process.stdout.write(
        values.json
          ? `${JSON.stringify({ match: false, reason: 'no face', cardFace: !!a, cameraFace: !!b })}\n`
          : `no face found in the ${a ? 'camera image' : 'card photo'}\n`,
      );
      return EXIT.verify;
    }
    const score = matcher.similarity(a.descriptor, b.descriptor);
    const match = score >= matcher.threshold;
    process.stdout.write(
      values.json
        ? `${JSON.stringify({ match, score, threshold: matcher.threshold })}\n`
        : `${match ? 'MATCH' : 'NO MATCH'}: score ${score.toFixed(3)}, threshold ${matcher.threshold.toFixed(3)}\n`,
    );
    return match ? EXIT.ok : EXIT.verify;
  }
  throw new ReaderError(ErrorCode.Usage, `unknown face action "${action}"`);
}

const num = (
  v: string | undefined,
  name: string,
  ok: (n: number) => boolean,
  what: string,
): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!ok(n)) throw new ReaderError(ErrorCode.Usage, `${name} must be ${what} (got "${v}")`);
  return n;
};
const whole = (n: number): boolean => Number.isInteger(n) && n >= 1;

/** Progress on stderr: a redrawn line on a terminal, a line every ~10 s otherwise. */
function progress(): (phase: 'embed' | 'score' | 'acquire', done: number, total: number) => void {
  const t0 = Date.now();
  let phase = '';
  let start = t0;
  let last = 0;
  return (p, done, total) => {
    const now = Date.now();
    if (p !== phase) {
      phase = p;
      start = now;
      last = 0;
    }
    if (done < total && now - last < (process.stderr.isTTY ? 200 : 10_000)) return;
    if (done === total && last === -1) return;
    last = done === total ? -1 : now;
    const rate = done / Math.max(1, now - start);
    const eta = rate > 0 ? (total - done) / rate / 1000 : Number.NaN;
    const what = p === 'embed' ? 'images embedded' : p === 'acquire' ? 'images checked' : 'pairs scored';
    const line = `${what} ${done}/${total}${p === 'embed' && done ? `, ${((now - start) / done / 1000).toFixed(2)} s/image` : ''}, ETA ${Number.isFinite(eta) ? `${Math.ceil(eta)} s` : '--'}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}   ${done === total ? '\n' : ''}`);
    else process.stderr.write(`${line}\n`);
  };
}

function plotFormat(plot: string | undefined): 'svg' | 'png' | undefined {
  if (!plot) return undefined;
  if (!/\.(svg|png)$/i.test(plot)) throw new ReaderError(ErrorCode.Usage, '--plot FILE ends in .svg or .png');
  return /\.png$/i.test(plot) ? 'png' : 'svg';
}

async function writePlot(report: FaceEvalReport, plot: string | undefined): Promise<void> {
  const format = plotFormat(plot);
  if (plot && format) writeFileSync(plot, await detPlot(report, format));
}

/** `--gates minSharpness=20,maxYaw=0.55` (repeatable): quality limits to judge the set again under. */
function gateVariants(specs: unknown): GateVariant[] | undefined {
  if (specs === undefined) return undefined;
  const list = (Array.isArray(specs) ? specs : [specs]) as string[];
  return list.map((spec) => {
    const limits: Record<string, number> = {};
    for (const kv of spec.split(',')) {
      const [k, v] = kv.split('=');
      if (!k || !(k in DEFAULT_LIMITS))
        throw new ReaderError(
          ErrorCode.Usage,
          `--gates: "${k}" is not a quality limit (${Object.keys(DEFAULT_LIMITS).join(', ')})`,
        );
      const n = Number(v);
      if (v === undefined || v === '' || !Number.isFinite(n))
        throw new ReaderError(ErrorCode.Usage, `--gates: ${k} needs a number (got "${v ?? ''}")`);
      limits[k] = n;
    }
    return { name: spec, limits: limits as Partial<QualityLimits> };
  });
}

/** `eval --fta-only`: failures to acquire over the whole set, no matching. */
async function ftaCommand(
  matcher: FaceMatcher,
  values: Record<string, string | string[] | boolean | undefined>,
): Promise<number> {
  const str = (k: string): string | undefined => values[k] as string | undefined;
  const dir = str('images');
  if (!dir) throw new ReaderError(ErrorCode.Usage, '--fta-only needs --images DIR');
  if (values.live && values['reference-path'])
    throw new ReaderError(ErrorCode.Usage, '--live and --reference-path exclude each other');
  const images = setImages({
    dir,
    ownIdentity: true,
    identities: str('identities') ? readIdentities(str('identities')!) : undefined,
    cohorts: str('cohorts') ? readCohorts(str('cohorts')!) : undefined,
    limit: num(str('limit'), '--limit', whole, 'a whole number ≥ 1'),
    sample: num(str('sample'), '--sample', whole, 'a whole number ≥ 1'),
    keepCohort: str('keep-cohort'),
    seed: num(str('seed'), '--seed', Number.isInteger, 'a whole number'),
  });
  const tick = progress();
  const report = await measureFta(matcher, images, dir, {
    chipPhoto: values['chip-photo'] === true,
    live: values['reference-path'] !== true,
    gates: gateVariants(values.gates),
    onProgress: (d, t) => tick('acquire', d, t),
  });
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : ftaText(report));
  return EXIT.ok;
}

async function evalCommand(
  matcher: FaceMatcher,
  values: Record<string, string | string[] | boolean | undefined>,
  threshold: number | undefined,
): Promise<number> {
  const str = (k: string): string | undefined => values[k] as string | undefined;
  const pairsFile = str('pairs');
  const all = values['all-impostors'] === true;
  if (values['fta-only']) return ftaCommand(matcher, values);
  if (!pairsFile && !all)
    throw new ReaderError(ErrorCode.Usage, 'eval needs --pairs FILE, --all-impostors, or both');
  if (!pairsFile && !str('images'))
    throw new ReaderError(ErrorCode.Usage, '--all-impostors without --pairs needs --images DIR');
  if (values.live && values['reference-path'])
    throw new ReaderError(ErrorCode.Usage, '--live and --reference-path exclude each other');
  const bound = str('far-bound');
  if (bound !== 'upper' && bound !== 'point')
    throw new ReaderError(ErrorCode.Usage, '--far-bound is upper or point');
  const rule = str('rule');
  if (rule !== undefined && rule !== 'bound' && rule !== 'nested-margin')
    throw new ReaderError(ErrorCode.Usage, '--rule is nested-margin or bound');
  if (values['also-photo'] && !values['chip-photo'])
    throw new ReaderError(ErrorCode.Usage, '--also-photo goes with --chip-photo');
  const plot = str('plot');
  if (plot && !/\.(svg|png)$/i.test(plot))
    throw new ReaderError(ErrorCode.Usage, '--plot FILE ends in .svg or .png');
  const pairs = pairsFile ? readPairs(pairsFile) : undefined;
  const dir = str('images') ?? dirname(resolve(pairsFile!));
  const report = await evaluateSet(matcher, {
    dir,
    pairs,
    allImpostors: all,
    identities: str('identities') ? readIdentities(str('identities')!) : undefined,
    cohorts: str('cohorts') ? readCohorts(str('cohorts')!) : undefined,
    folds: num(str('folds'), '--folds', whole, 'a whole number ≥ 1'),
    attempts: num(str('attempts'), '--attempts', whole, 'a whole number ≥ 1'),
    targetFar: num(str('target-far'), '--target-far', (n) => n > 0 && n < 1, 'a rate in (0, 1)'),
    bound,
    threshold,
    live: values['reference-path'] !== true,
    chipPhoto: values['chip-photo'] === true,
    alsoPhoto: values['also-photo'] === true,
    rule,
    gates: gateVariants(values.gates),
    limit: num(str('limit'), '--limit', whole, 'a whole number ≥ 1'),
    sample: num(str('sample'), '--sample', whole, 'a whole number ≥ 1'),
    keepCohort: str('keep-cohort'),
    seed: num(str('seed'), '--seed', Number.isInteger, 'a whole number'),
    worst: num(str('worst'), '--worst', (n) => Number.isInteger(n) && n >= 0, 'a whole number ≥ 0'),
    onProgress: progress(),
  });
  await writePlot(report, plot);
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : evalText(report, plot));
  return EXIT.ok;
}
