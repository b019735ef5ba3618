// readerctl face liveness-eval: ISO/IEC 30107-3 APCER per attack type and BPCER of the
// appliance's liveness check, on the emulator's live subjects and attack instruments, with the
// challenge's limits chosen on calibration people and reported on others.
import { FaceApiMatcher } from '../../firmware-host/vision/face-api-matcher.js';
import { FrOnnxMatcher } from '../../firmware-host/vision/fr-onnx-matcher.js';
import { CHALLENGE_ACTIONS } from '../../firmware-host/vision/liveness-challenge.js';
import { EyeStateModel, PassiveLivenessModel } from '../../firmware-host/vision/liveness-models.js';
import { EXIT } from '../../platform/cli.js';
import { parseCommand } from '../../platform/cli-spec.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import type { ErrorRate } from '../../protocol/vision/binomial.js';
import { ATTACK_TYPES, type AttackType } from '../../sim/camera/attacks.js';
import { evaluateLiveness, type LivenessEvalReport, type LivenessProgress } from '../face/liveness-eval.js';
import { drawSubjects, peopleIn } from '../face/liveness-subjects.js';
import { livenessEvalCommand } from './specs/face.js';

const pct = (r: ErrorRate): string =>
  `${(100 * r.rate).toFixed(1)} % (${r.k}/${r.n}, 95 % upper ${(100 * r.upper).toFixed(1)} %)`;

export function livenessText(r: LivenessEvalReport): string {
  const c = r.calibration;
  const lines = [
    `report: ${r.subjects} people (camera ${r.settings.width}×${r.settings.height} at ${r.settings.fps} fps, seed ${r.settings.seed})`,
    c.source === 'calibrated'
      ? `limits chosen on ${c.people.length} other people (calibration set, nobody in both): turn ${r.thresholds.yaw}, nod ${r.thresholds.pitch}, blink ${r.thresholds.closure} (on them: attacks accepted ${c.result!.attacksAccepted}/${c.result!.attacks}, bona fide rejected ${c.result!.bonaFideRejected}/${c.result!.bonaFide})`
      : `limits given, not chosen on these people: turn ${r.thresholds.yaw}, nod ${r.thresholds.pitch}, blink ${r.thresholds.closure}`,
    `BPCER                 ${pct(r.bpcer)}`,
    ...Object.entries(r.bpcerByCohort).map(([k, v]) => `  BPCER ${k.padEnd(13)} ${pct(v)}`),
    ...Object.entries(r.apcer).map(([k, v]) => `APCER ${k.padEnd(15)} ${pct(v)}`),
    `recorded-session replay vs fresh challenges: accepted ${pct(r.replayTries)}`,
  ];
  const why = new Map<string, number>();
  for (const t of r.trials.filter((x) => !x.accepted)) {
    const k = `${t.presentation}: ${t.reason?.replace(/ \(step \d\)/, '')}`;
    why.set(k, (why.get(k) ?? 0) + 1);
  }
  lines.push('rejections by reason:', ...[...why].sort().map(([k, n]) => `  ${k} × ${n}`));
  for (const s of [...c.skipped, ...r.skipped]) lines.push(`skipped ${s.file}: ${s.why}`);
  return lines.join('\n');
}

const clock = (ms: number): string => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export function progressLine(p: LivenessProgress): string {
  const eta = p.etaMs === undefined ? '' : `, ${clock(p.etaMs)} left`;
  return `[${p.done}/${p.total} ${p.phase}${eta}] ${p.line}`;
}

export async function faceLivenessEval(argv: string[]): Promise<number> {
  const { values } = parseCommand(livenessEvalCommand, argv);
  const int = (name: string, v: string, min = 0): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min)
      throw new ReaderError(ErrorCode.Usage, `--${name} is a whole number${min ? ` ≥ ${min}` : ''}`);
    return n;
  };
  const share = Number(values['east-asian-share']);
  if (!(share >= 0 && share <= 1))
    throw new ReaderError(ErrorCode.Usage, '--east-asian-share is between 0 and 1');
  const attacks = (values.attacks?.split(',') ?? ATTACK_TYPES) as AttackType[];
  for (const a of attacks)
    if (!(ATTACK_TYPES as readonly string[]).includes(a))
      throw new ReaderError(ErrorCode.Usage, `--attacks: ${a} is not one of ${ATTACK_TYPES.join(', ')}`);
  const dirs = values.images ?? ['../shared/fixtures/faces', '../shared/fixtures/faces-lfw'];
  const seed = int('seed', values.seed);
  const sets = drawSubjects(
    dirs.flatMap((d) => peopleIn(d)),
    {
      calibrate: int('calibrate', values.calibrate),
      report: int('subjects', values.subjects, 1),
      seed,
      eastAsianShare: share,
    },
  );
  // readerd's own detector and landmarks (its matcher's, without the embedding the challenge
  // does not use); the emulator builds its subjects on face-api's landmarks of the photo, as the
  // emulated appliance's scene camera does.
  const appliance = new FrOnnxMatcher();
  const emulator = new FaceApiMatcher({ descriptors: false });
  const eyes = new EyeStateModel();
  const passive = values.passive || values['min-passive'] ? new PassiveLivenessModel() : undefined;
  await Promise.all([appliance.load(), emulator.load(), eyes.load(), passive?.load()]);
  try {
    const report = await evaluateLiveness({
      ...sets,
      detect: (img) => appliance.locate(img, 'live'),
      photoLandmarks: async (img) => (await emulator.detect(img, 'reference'))[0]?.landmarks,
      eyes,
      passive,
      attacks,
      replayTries: int('replay-tries', values['replay-tries']),
      seed,
      fps: Number(values.fps),
      plan: { steps: int('steps', values.steps, 1), actions: CHALLENGE_ACTIONS },
      minPassive: values['min-passive'] === undefined ? undefined : Number(values['min-passive']),
      onProgress: (p) => process.stderr.write(`${progressLine(p)}\n`),
    });
    process.stdout.write(`${values.json ? JSON.stringify(report, null, 2) : livenessText(report)}\n`);
    return EXIT.ok;
  } finally {
    emulator.dispose();
    await Promise.all([appliance.dispose(), eyes.dispose(), passive?.dispose()]);
  }
}
