// readerctl face: evaluate the face pipeline on labelled pairs; verify a card photo at the bench.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FfmpegFrameSource } from '../../device/camera/frame-source.js';
import { decodeImage, type RgbImage } from '../../device/image/decode.js';
import { EXIT, parseCli } from '../../firmware-host/cli.js';
import { evaluate, readPairs } from '../../firmware-host/vision/evaluate.js';
import { FaceApiMatcher } from '../../firmware-host/vision/face-api-matcher.js';
import { HumanMatcher } from '../../firmware-host/vision/human-matcher.js';
import { chipPhoto } from '../../hardware/card/card-face.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';

const HELP = `Usage: readerctl face eval --pairs FILE [--images DIR] [--threshold T] [--chip-photo] [--matcher face-api|human] [--json]
       readerctl face verify --card-photo FILE --camera /dev/videoN|VIDEO|IMAGE [--threshold T] [--json]

  eval     runs detection, landmarks and the 128-D descriptor over a labelled pair list
           (file_x,file_y,Yes|No; images beside the list unless --images), and prints the ROC
           table, the EER, FAR and FRR at the threshold, and ms per image. --chip-photo turns
           file_x into the chip's photo first (greyscale JPEG 2000, 144×180) as an issuer would.
  verify   compares a card photo (JPEG 2000 or any image) with a face image, prints the score
           and the decision.

Exit codes: 0 ok (verify: match), 5 verify: no match or no face, 2 usage.`;

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

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
  const { values } = parseCli(rest, {
    pairs: { type: 'string' },
    images: { type: 'string' },
    threshold: { type: 'string' },
    'card-photo': { type: 'string' },
    camera: { type: 'string' },
    'chip-photo': { type: 'boolean' },
    matcher: { type: 'string', default: 'face-api' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!action || values.help || action === '--help' || action === '-h') {
    process.stdout.write(`${HELP}\n`);
    return action ? EXIT.ok : EXIT.usage;
  }
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1))
    throw new ReaderError(ErrorCode.Usage, '--threshold is a number from 0 to 1');
  if (values.matcher !== 'face-api' && values.matcher !== 'human')
    throw new ReaderError(ErrorCode.Usage, '--matcher is face-api or human');
  const matcher =
    values.matcher === 'human' ? new HumanMatcher({ threshold }) : new FaceApiMatcher({ threshold });
  if (action === 'eval') {
    if (!values.pairs) throw new ReaderError(ErrorCode.Usage, '--pairs FILE is required');
    const cardMode = values['chip-photo'] === true;
    const pairs = readPairs(values.pairs);
    const dir = values.images ?? dirname(resolve(values.pairs));
    const r = await evaluate(matcher, pairs, dir, {
      threshold,
      prepareA: cardMode ? chipPhoto : undefined,
      onProgress: (d, t) =>
        process.stderr.isTTY ? process.stderr.write(`\rembedding ${d}/${t} images`) : undefined,
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ ...r, scores: undefined })}\n`);
      return EXIT.ok;
    }
    const step = Math.max(1, Math.floor(r.roc.length / 15));
    const lines = [
      `matcher ${r.matcher}; ${r.pairs} pairs (${r.genuine} genuine, ${r.impostor} impostor)${cardMode ? '; file_x as chip photo (JPEG 2000)' : ''}`,
      '',
      'threshold   FAR      FRR',
      ...r.roc
        .filter((_p, i) => i % step === 0)
        .map(
          (p) =>
            `${p.threshold.toFixed(3).padStart(9)}  ${pct(p.far).padStart(7)}  ${pct(p.frr).padStart(7)}`,
        ),
      '',
      `EER ${pct(r.eer.eer)} at ${r.eer.threshold.toFixed(3)}`,
      `FAR 0 % reached at ${r.zeroFar.threshold.toFixed(3)} with FRR ${pct(r.zeroFar.frr)}`,
      `at the configured threshold ${r.threshold.toFixed(3)}: FAR ${pct(r.atThreshold.far)}, FRR ${pct(r.atThreshold.frr)}`,
      `${r.msPerImage.toFixed(0)} ms per image (detect + landmarks + descriptor)`,
      ...(r.noFace.length ? [`no face found in: ${r.noFace.join(', ')}`] : []),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  }
  if (action === 'verify') {
    if (!values['card-photo'] || !values.camera)
      throw new ReaderError(ErrorCode.Usage, 'verify needs --card-photo FILE and --camera FILE');
    await matcher.load();
    const [a] = await matcher.detect(await decodeImage(new Uint8Array(readFileSync(values['card-photo']))));
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
