// readerctl face: its arguments, help and exit codes (platform/cli-spec.ts renders them).
import { EXIT } from '../../../platform/cli.js';
import { defineCommand } from '../../../platform/cli-spec.js';
import { ALL_ATTACK_TYPES } from '../../../sim/camera/attacks.js';

/** The matcher ids of firmware-host/vision/matchers.ts (a test keeps them equal; that module loads the models). */
export const FACE_MATCHER_IDS = [
  'fr-onnx',
  'fr-onnx-live-mirror',
  'fr-feature',
  'face-api',
  'human',
] as const;

const SET = 'The set and its pairs';
const CAMERA = 'The camera and the card';
const THRESHOLD = 'The threshold';
const OUTPUT = 'Output';

/** `readerctl face liveness-eval`: a table of its own (its --images repeats, eval's does not). */
export const livenessEvalCommand = defineCommand({
  name: 'readerctl face liveness-eval',
  summary:
    "ISO/IEC 30107-3 APCER per attack type and BPCER of the appliance's liveness check, on the emulator's live subjects and attack instruments",
  usage: ['[--images DIR]... [--calibrate N] [--subjects N] [options]'],
  description:
    "People are drawn with --seed from the --images folders (whole people: faces-lfw/identities.csv, else the folder's pairs.csv; one photo each; East-Asian people to --east-asian-share of each set) into two sets that share nobody. Calibration (the first --calibrate people): the emulator's live subject made from each photo answers a challenge drawn at random, each attack instrument made from the same photo faces another, all measured to the plan's end; the challenge's limits (turn, nod, blink) are chosen on these people alone: fewest attacks accepted, then fewest bona fide rejected, the middle of the widest tie. Report (the next --subjects people): judged as readerd judges, frame by frame with the early stop, under those limits. Every presentation is rendered, sent to the face camera as MJPEG and decoded by ffmpeg as the appliance decodes its camera, and judged through readerd's own path: fr-onnx's detector and fr_landmark 68 landmarks (readerd's matcher), fr_eye eye state, readerd's challenge (3 steps of blink, blink twice, turn left/right, look up/down). Output: BPCER (bona fide rejected, also per cohort) and APCER per attack type, each k/n with the 95 % upper bound (Wilson; rule of three, 3/n, when k = 0); each report person's genuine session, as a recording of it would show it, judged against fresh challenges too. Progress (people done / total, time left) on stderr.",
  options: {
    images: {
      type: 'string',
      multiple: true,
      arg: 'DIR',
      shownDefault: "the project's ../shared/fixtures/faces and faces-lfw",
      description: 'photos (repeatable)',
    },
    calibrate: {
      type: 'string',
      arg: 'N',
      default: '4',
      description: 'people the limits are chosen on (0: the shipped limits, not chosen)',
    },
    subjects: { type: 'string', arg: 'N', default: '4', description: 'report people (bona fide subjects)' },
    'east-asian-share': {
      type: 'string',
      arg: 'X',
      default: '0.3',
      description: 'share of each set drawn from East-Asian people',
    },
    steps: {
      type: 'string',
      arg: 'N',
      default: '3',
      description:
        "challenge steps (readerd's session.challengeSteps; at least 2: a turn or nod and a blink)",
    },
    'attack-subjects': {
      type: 'string',
      arg: 'K',
      shownDefault: 'all',
      description: 'only the first K report people also face every attack instrument',
    },
    'limits-from': {
      type: 'string',
      arg: 'FILE',
      description:
        'a previous --json report of the same --seed, --calibrate and --images: its limits, chosen on the same calibration people, are used without measuring them again',
    },
    'calibration-out': {
      type: 'string',
      arg: 'FILE',
      description: 'write the chosen limits here as soon as they are chosen (for --limits-from)',
    },
    'measure-calibration': {
      type: 'string',
      arg: 'FILE',
      description:
        "with --shard: measure only this shard's calibration people (every presentation to its plan's end), write their tracks here and stop (for --calibrate-from)",
    },
    'calibrate-from': {
      type: 'string',
      multiple: true,
      arg: 'FILE',
      description:
        'the calibration people measured by --measure-calibration shards (same --seed, --calibrate, --images): the limits are chosen on them, nothing of them is measured again',
    },
    partial: {
      type: 'string',
      arg: 'FILE',
      description: 'rewrite the --json report so far here after each report person',
    },
    tracks: {
      type: 'string',
      arg: 'FILE',
      description:
        "append each report trial's plan and track here, one JSON line each (landmarks and scores, never images): to judge again offline",
    },
    shard: {
      type: 'string',
      arg: 'I/N',
      description:
        'measure only every N-th report person from the I-th (with --limits-from: one run split over processes)',
    },
    merge: {
      type: 'string',
      multiple: true,
      arg: 'FILE',
      description: "put several --json reports of one run's shards together (nothing is measured)",
    },
    attacks: {
      type: 'string',
      arg: 'LIST',
      shownDefault: 'all',
      description: `comma-separated, of ${ALL_ATTACK_TYPES.join(', ')}`,
    },
    'replay-tries': {
      type: 'string',
      arg: 'N',
      default: '200',
      description: 'the recorded genuine sessions judged against N fresh challenges',
    },
    seed: {
      type: 'string',
      arg: 'S',
      default: '1',
      description: "the run's randomness (people, photos, challenges, subjects' behaviour)",
    },
    fps: {
      type: 'string',
      arg: 'F',
      default: '6',
      description:
        "camera frames per second the reader processes, evenly spaced (readerd's camera gives 15; readerd drops the frames that come while it works, and every 4th frame it runs the detector and embedding: 9-12 a second here in real time, tools/bench/liveness-trace.ts; the shipped limits were chosen at 6)",
    },
    'busy-drops': {
      type: 'string',
      arg: 'N',
      default: '0',
      description:
        'camera frames the reader misses after each detector frame (every 4th), as readerd does while the detector and embedding run: 1 models readerd at 15 fps on an idle machine here',
    },
    size: {
      type: 'string',
      arg: 'WxH',
      default: '320x240',
      description: "the frames' size the reader processes (readerd's face camera works at 640x360)",
    },
    passive: {
      type: 'boolean',
      description: 'also score each third frame with fr_liveness (measured, reported)',
    },
    'min-passive': {
      type: 'string',
      arg: 'X',
      shownDefault: 'not used',
      description:
        "reject below this median passive score, live attempts and replays alike (a check readerd does not run: its figures are not readerd's)",
    },
    json: {
      type: 'boolean',
      description: 'the whole report (per-trial challenge, checks and scores; never images)',
    },
  },
  exitCodes: [
    { code: EXIT.ok, meaning: 'ok' },
    { code: EXIT.usage, meaning: 'usage' },
  ],
});

export const faceCommand = defineCommand({
  name: 'readerctl face',
  summary: 'face pipeline: ROC evaluation on labelled pairs, card photo vs camera image',
  usage: [
    'eval [--pairs FILE] [--all-impostors] [--images DIR] [options]',
    'report --from REPORT.json [--plot FILE.svg|png]',
    'verify --card-photo FILE --camera /dev/videoN|VIDEO|IMAGE [--threshold T] [--json]',
    'liveness-eval [--calibrate N] [--subjects N] [--json] ...',
  ],
  subcommands: [
    {
      name: 'eval',
      args: '[--pairs FILE] [--all-impostors] [--images DIR] [options]',
      summary: 'measures the 1:1 face check on a labelled face set and chooses its threshold',
      description:
        "Every image is embedded once per side, in memory only (descriptors never reach disk): the enrolled side as the appliance takes the card's photo, the probe side as it takes a camera frame. Prints FAR and FRR with 95 % intervals (Wilson; rule of three, 3/n, for zero errors), FRR also with failures to acquire counted as rejections, rates at the matcher's configured threshold, EER and FRR at FAR 1 %/0.1 %/0.01 % from the DET curve, failures to acquire listed, the worst genuine and impostor pairs (file names and scores). Progress goes to stderr.",
      options: [
        'pairs',
        'images',
        'all-impostors',
        'identities',
        'cohorts',
        'limit',
        'sample',
        'seed',
        'keep-cohort',
        'live',
        'reference-path',
        'chip-photo',
        'also-photo',
        'fta-only',
        'gates',
        'folds',
        'attempts',
        'target-far',
        'far-bound',
        'rule',
        'threshold',
        'plot',
        'json',
        'worst',
        'matcher',
      ],
    },
    {
      name: 'report',
      args: '--from REPORT.json [--plot FILE.svg|png]',
      summary: 'prints a saved `eval --json` report as text again, and draws its DET plot',
      options: ['from', 'plot'],
    },
    {
      name: 'verify',
      args: '--card-photo FILE --camera /dev/videoN|VIDEO|IMAGE [--threshold T] [--json]',
      summary:
        'compares a card photo (JPEG 2000 or any image) with a face image, prints the score and the decision',
      options: ['card-photo', 'camera', 'threshold', 'matcher', 'json'],
    },
    {
      name: 'liveness-eval',
      args: '[--images DIR]... [--subjects N] [options]',
      summary: livenessEvalCommand.summary,
      table: livenessEvalCommand,
    },
  ],
  options: {
    pairs: {
      type: 'string',
      arg: 'FILE',
      group: SET,
      description:
        'file_x,file_y,Yes|No (file_x enrolled, file_y probe); its images make the set, beside the list unless --images DIR',
    },
    images: { type: 'string', arg: 'DIR', group: SET, description: 'the folder of the images' },
    'all-impostors': {
      type: 'boolean',
      group: SET,
      description:
        'score every pair of the set: genuine = same person, impostor = every cross-identity pair (n(n-1)/2 pairs; which photo plays the card is a coin toss fixed per pair). Without --pairs: every image in --images DIR',
    },
    identities: {
      type: 'string',
      arg: 'FILE',
      group: SET,
      description:
        'file,identity rows; default: the name before "__" (faces-lfw\'s <Person>__<n>.jpg), else the groups of a pair list\'s genuine pairs',
    },
    cohorts: {
      type: 'string',
      arg: 'FILE',
      group: SET,
      description:
        'identity,cohort,... rows (faces-lfw/identities.csv): a table per cohort with impostor pairs within the cohort, besides "all"',
    },
    limit: {
      type: 'string',
      arg: 'N',
      group: SET,
      description: 'at most N images, whole people, in name order',
    },
    sample: {
      type: 'string',
      arg: 'N',
      group: SET,
      description: 'at most N images, whole people, drawn at random',
    },
    seed: { type: 'string', arg: 'S', group: SET, shownDefault: '1', description: 'for --sample' },
    'keep-cohort': {
      type: 'string',
      arg: 'C',
      group: SET,
      description: 'with --sample: every image of cohort C kept, the sample draws the rest',
    },
    live: {
      type: 'boolean',
      group: CAMERA,
      description:
        "the probe photo goes the live camera path: placed in a 640×480 frame, the live detector, the kiosk's quality gates (one face, size, yaw, sharpness, light); a frame failing them is a failure to acquire. DEFAULT",
    },
    'reference-path': {
      type: 'boolean',
      group: CAMERA,
      description: 'the probe photo through the reference detector instead',
    },
    'chip-photo': {
      type: 'boolean',
      group: CAMERA,
      description:
        "the enrolled photo first turned into the chip's photo (greyscale JPEG 2000, 144×180, as an issuer writes it) and decoded as the appliance does",
    },
    'also-photo': {
      type: 'boolean',
      group: CAMERA,
      description:
        "with --chip-photo: also the photo itself on the enrolled side, its pairs judged at the thresholds the chip photo's pairs chose (the appliance's pairing calibrates, photo vs photo follows)",
    },
    'fta-only': {
      type: 'boolean',
      group: SET,
      description:
        'only failures to acquire: every image of --images (or the --limit/--sample) through the enrolled and the probe paths, no matching; counts per side, reason and cohort, and the images that failed',
    },
    gates: {
      type: 'string',
      multiple: true,
      arg: 'K=V[,K=V]',
      group: CAMERA,
      description:
        'also judge the same embeddings under other quality limits (minEyeDistance, maxYaw, minSharpness, minLuma, maxLuma, rivalFaceSize, rivalRank), repeatable: failures to acquire, threshold by the same rule and held-out FAR/FRR of each',
    },
    'card-photo': { type: 'string', arg: 'FILE', group: CAMERA, description: 'verify: the card photo' },
    camera: {
      type: 'string',
      arg: '/dev/videoN|VIDEO|IMAGE',
      group: CAMERA,
      description: 'verify: a V4L2 device, a video file or an image',
    },
    folds: {
      type: 'string',
      arg: 'K',
      group: THRESHOLD,
      shownDefault: '5',
      description:
        'split the people into K folds (1 = no folds, optimistic): each pair is judged at a threshold chosen only on pairs of the folds that hold neither of its two people; FAR and FRR pooled over all pairs',
    },
    attempts: {
      type: 'string',
      arg: 'N',
      group: THRESHOLD,
      shownDefault: "1, the appliance's",
      description:
        'face attempts per session: a session accepts an impostor if any attempt does, so its FAR is at most N × the per-attempt FAR; the report prints that per-session bound beside the 0.1 % goal',
    },
    'target-far': {
      type: 'string',
      arg: 'X',
      group: THRESHOLD,
      shownDefault: '0.1 % / N',
      description: 'per-attempt FAR the threshold must meet in every cohort and overall',
    },
    'far-bound': {
      type: 'string',
      arg: 'upper|point',
      group: THRESHOLD,
      default: 'upper',
      description: 'meet the target with the 95 % upper bound or point FAR',
    },
    rule: {
      type: 'string',
      arg: 'nested-margin|bound',
      group: THRESHOLD,
      shownDefault: 'nested-margin with 4 folds or more, else bound',
      description:
        'bound: the lowest threshold whose training FAR meets the target by --far-bound; nested-margin: that plus the margin the training folds show new people need (each training fold left out in turn, the smallest shift that keeps its impostors within the target too)',
    },
    threshold: {
      type: 'string',
      arg: 'T',
      group: THRESHOLD,
      description: "judge every pair at T instead of choosing one (verify: the decision's threshold)",
    },
    plot: {
      type: 'string',
      arg: 'FILE.svg|png',
      group: OUTPUT,
      description:
        'the DET curve (FAR vs FRR, probit axes), a curve per cohort, the operating points with their 95 % intervals, the target FAR',
    },
    json: {
      type: 'boolean',
      group: OUTPUT,
      description: 'the whole report (scores and file names, never descriptors)',
    },
    worst: {
      type: 'string',
      arg: 'N',
      group: OUTPUT,
      shownDefault: '10',
      description: 'worst pairs kept per cohort',
    },
    from: {
      type: 'string',
      arg: 'REPORT.json',
      group: OUTPUT,
      description: 'report: a saved eval --json report',
    },
    matcher: {
      type: 'string',
      arg: FACE_MATCHER_IDS.join('|'),
      group: OUTPUT,
      default: 'fr-onnx',
      description: 'the face matcher (fr-onnx is what readerd ships)',
    },
  },
  exitCodes: [
    { code: EXIT.ok, meaning: 'ok (verify: match)' },
    { code: EXIT.usage, meaning: 'usage' },
    { code: EXIT.config, meaning: 'a photo, image or camera named cannot be read' },
    { code: EXIT.verify, meaning: 'verify: no match or no face' },
  ],
});
