// readerctl face liveness-eval: ISO/IEC 30107-3 APCER per attack type and BPCER of the
// appliance's liveness check, on the emulator's live subjects and attack instruments, with the
// challenge's limits chosen on calibration people and reported on others.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FaceApiMatcher } from '../../firmware-host/vision/face-api-matcher.js';
import { FrOnnxMatcher } from '../../firmware-host/vision/fr-onnx-matcher.js';
import {
  CHALLENGE_ACTIONS,
  DEFAULT_THRESHOLDS,
  PLAN_MINIMUMS,
} from '../../firmware-host/vision/liveness-challenge.js';
import { EyeStateModel, PassiveLivenessModel } from '../../firmware-host/vision/liveness-models.js';
import { EXIT } from '../../platform/cli.js';
import { parseCommand } from '../../platform/cli-spec.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import type { ErrorRate } from '../../protocol/vision/binomial.js';
import { ALL_ATTACK_TYPES, type AttackType } from '../../sim/camera/attacks.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';
import type { MeasuredPresentation } from '../face/liveness-calibrate.js';
import {
  evaluateLiveness,
  type LivenessEvalReport,
  type LivenessProgress,
  PHOTO_TURNED,
  summarize,
} from '../face/liveness-eval.js';
import { drawSubjects, peopleIn } from '../face/liveness-subjects.js';
import { livenessEvalCommand } from './specs/face.js';

const pct = (r: ErrorRate): string =>
  `${(100 * r.rate).toFixed(1)} % (${r.k}/${r.n}, 95 % upper ${(100 * r.upper).toFixed(1)} %)`;

/** Said when a breakdown holds fewer subjects than the BPCER (shards from before it, merged). */
function splitNote(r: LivenessEvalReport): string[] {
  const n = (x: Record<string, ErrorRate> | undefined): number =>
    Object.values(x ?? {}).reduce((s, v) => s + v.n, 0);
  const photo = n(r.bpcerByPhotoTurn);
  const rest = n(r.bpcerByRestTurn);
  return (photo && photo < r.bpcer.n) || (rest && rest < r.bpcer.n)
    ? [`  (the breakdowns below hold ${photo} and ${rest} of the ${r.bpcer.n}: older shards lack them)`]
    : [];
}

/** BPCER facing / turned (PHOTO_TURNED), one breakdown's lines. */
function turnLines(label: string, by: Record<string, ErrorRate> | undefined, whose: string): string[] {
  return Object.entries(by ?? {}).map(
    ([k, v]) =>
      `  BPCER ${label} ${k.padEnd(7)} ${pct(v)}${k === 'turned' ? ` (${whose} |yaw| ≥ ${PHOTO_TURNED})` : ''}`,
  );
}

export function livenessText(r: LivenessEvalReport): string {
  const c = r.calibration;
  const lines = [
    `report: ${r.subjects} people (camera ${r.settings.width}×${r.settings.height} at ${r.settings.fps} fps${r.settings.busyDrops ? `, ${r.settings.busyDrops} missed after each detector frame` : ''}, seed ${r.settings.seed})`,
    c.source === 'calibrated'
      ? `limits${c.from ? ` (from ${c.from})` : ''} chosen on ${c.people.length} other people (calibration set, nobody in both): turn ${r.thresholds.yaw}, nod ${r.thresholds.pitch}, blink ${r.thresholds.closure}, parallax ${r.thresholds.parallax ?? 'off'}, blink still ${r.thresholds.blinkStill ?? 'off'} (on them: attacks accepted ${c.result!.attacksAccepted}/${c.result!.attacks}, bona fide rejected ${c.result!.bonaFideRejected}/${c.result!.bonaFide})`
      : `limits given, not chosen on these people: turn ${r.thresholds.yaw}, nod ${r.thresholds.pitch}, blink ${r.thresholds.closure}, parallax ${r.thresholds.parallax ?? 'off'}, blink still ${r.thresholds.blinkStill ?? 'off'}`,
    `BPCER                 ${pct(r.bpcer)}`,
    ...Object.entries(r.bpcerByCohort).map(([k, v]) => `  BPCER ${k.padEnd(13)} ${pct(v)}`),
    ...splitNote(r),
    ...turnLines('photo', r.bpcerByPhotoTurn, "the photo's"),
    ...turnLines('at rest', r.bpcerByRestTurn, 'before the first prompt, as readerd read it, the'),
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

const readReport = (file: string): LivenessEvalReport => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LivenessEvalReport;
  } catch (e) {
    throw new ReaderError(ErrorCode.Usage, `${file} is not a liveness-eval --json report`, {}, { cause: e });
  }
};

/** Shards of one run put together: same limits, same calibration people, nobody twice. */
function merged(files: readonly string[]): LivenessEvalReport {
  const parts = files.map(readReport);
  const first = parts[0]!;
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  for (const [i, p] of parts.entries()) {
    if (!same(p.thresholds, first.thresholds) || !same(p.calibration.people, first.calibration.people))
      throw new ReaderError(
        ErrorCode.Usage,
        `${files[i]}: other limits or calibration people than ${files[0]}`,
      );
    if (!same(p.settings, first.settings))
      throw new ReaderError(
        ErrorCode.Usage,
        `${files[i]}: another camera or seed than ${files[0]} (${JSON.stringify(p.settings)}): merge shards of one run`,
      );
  }
  const people = parts.flatMap((p) => p.people);
  if (new Set(people).size !== people.length)
    throw new ReaderError(ErrorCode.Usage, '--merge: a person is in two of the reports');
  const attacks = [...new Set(parts.flatMap((p) => Object.keys(p.apcer)))] as AttackType[];
  return {
    ...first,
    ...summarize(
      parts.flatMap((p) => p.trials),
      attacks,
      {
        k: parts.reduce((s, p) => s + p.replayTries.k, 0),
        n: parts.reduce((s, p) => s + p.replayTries.n, 0),
      },
    ),
    people,
    skipped: parts.flatMap((p) => p.skipped),
  };
}

export async function faceLivenessEval(argv: string[]): Promise<number> {
  const { values } = parseCommand(livenessEvalCommand, argv);
  if (values.merge?.length) {
    const r = merged(values.merge);
    process.stdout.write(`${values.json ? JSON.stringify(r, null, 2) : livenessText(r)}\n`);
    return EXIT.ok;
  }
  const int = (name: string, v: string, min = 0): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min)
      throw new ReaderError(ErrorCode.Usage, `--${name} is a whole number${min ? ` ≥ ${min}` : ''}`);
    return n;
  };
  const share = Number(values['east-asian-share']);
  if (!(share >= 0 && share <= 1))
    throw new ReaderError(ErrorCode.Usage, '--east-asian-share is between 0 and 1');
  const attacks = (values.attacks?.split(',') ?? ALL_ATTACK_TYPES) as AttackType[];
  for (const a of attacks)
    if (!(ALL_ATTACK_TYPES as readonly string[]).includes(a))
      throw new ReaderError(ErrorCode.Usage, `--attacks: ${a} is not one of ${ALL_ATTACK_TYPES.join(', ')}`);
  // The fixtures beside the project, wherever readerctl is run from.
  const dirs = values.images ?? [FACES_DIR, join(FACES_DIR, '..', 'faces-lfw')];
  for (const d of dirs)
    if (!existsSync(d))
      throw new ReaderError(
        ErrorCode.Usage,
        `--images: no folder ${d} (give --images DIR with the face photos)`,
      );
  const seed = int('seed', values.seed);
  // readerd's own floor (it refuses fewer: PLAN_MINIMUMS), said before any model loads or any
  // person is rendered, not when the first plan is drawn.
  const steps = int('steps', values.steps, PLAN_MINIMUMS.minTurns + PLAN_MINIMUMS.minBlinks);
  const sets = drawSubjects(
    dirs.flatMap((d) => peopleIn(d)),
    {
      calibrate: int('calibrate', values.calibrate),
      report: int('subjects', values.subjects, 1),
      seed,
      eastAsianShare: share,
    },
  );
  let calibrated: Parameters<typeof evaluateLiveness>[0]['calibrated'];
  if (values['limits-from']) {
    const prev = readReport(values['limits-from']);
    const same =
      JSON.stringify(prev.calibration.people) === JSON.stringify(sets.calibration.map((s) => s.person));
    if (!prev.calibration.result || !same)
      throw new ReaderError(
        ErrorCode.Usage,
        `--limits-from ${values['limits-from']}: its limits were not chosen on this run's calibration people (same --seed, --calibrate, --images?)`,
      );
    // A knob the judge gained since that report was written takes readerd's default (strayMs).
    const r = prev.calibration.result;
    calibrated = {
      result: { ...r, thresholds: { ...DEFAULT_THRESHOLDS, ...r.thresholds } },
      from: values['limits-from'],
    };
  }
  let shard: ((i: number) => boolean) | undefined;
  if (values.shard) {
    const m = /^(\d+)\/(\d+)$/.exec(values.shard);
    const [i, n] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
    if (!m || i < 1 || i > n) throw new ReaderError(ErrorCode.Usage, '--shard I/N, 1 ≤ I ≤ N');
    shard = (k) => k % n === i - 1;
  }
  const calPeople = JSON.stringify(sets.calibration.map((s) => s.person));
  let measuredCalibration: MeasuredPresentation[] | undefined;
  if (values['calibrate-from']?.length) {
    measuredCalibration = [];
    for (const file of values['calibrate-from']) {
      let part: { people: string[]; measured: MeasuredPresentation[] };
      try {
        part = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new ReaderError(
          ErrorCode.Usage,
          `${file} is not a --measure-calibration file`,
          {},
          { cause: e },
        );
      }
      if (JSON.stringify(part.people) !== calPeople)
        throw new ReaderError(
          ErrorCode.Usage,
          `--calibrate-from ${file}: measured for other calibration people (same --seed, --calibrate, --images?)`,
        );
      measuredCalibration.push(...part.measured);
    }
  }
  const measureTo = values['measure-calibration'];
  let measuredCount = 0;
  if (measureTo && !shard) throw new ReaderError(ErrorCode.Usage, '--measure-calibration needs --shard I/N');
  const attackSubjects = values['attack-subjects'];
  const attackPeople =
    attackSubjects === undefined
      ? undefined
      : new Set(sets.report.slice(0, int('attack-subjects', attackSubjects)).map((s) => s.person));
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
      calibrated,
      measuredCalibration,
      calibrationOnly: measureTo !== undefined,
      calibrationShard: measureTo ? shard : undefined,
      onMeasured: (m) => {
        measuredCount = m.measured.length;
        if (measureTo) writeFileSync(measureTo, `${JSON.stringify(m)}\n`);
      },
      shard: measureTo ? undefined : shard,
      attackPeople,
      detect: (img) => appliance.locate(img, 'live'),
      // readerd follows the face through the challenge; the challenge needs no descriptor.
      track: {
        locate: (img) => appliance.locate(img, 'live'),
        landmarksIn: (img, box) => appliance.landmarksIn(img, box),
        embed: async () => new Float32Array(0),
      },
      photoLandmarks: async (img) => (await emulator.detect(img, 'reference'))[0]?.landmarks,
      eyes,
      passive,
      attacks,
      replayTries: int('replay-tries', values['replay-tries']),
      seed,
      fps: Number(values.fps),
      busyDrops: int('busy-drops', values['busy-drops']),
      ...frameSize(values.size),
      plan: { steps, actions: CHALLENGE_ACTIONS, ...PLAN_MINIMUMS },
      minPassive: values['min-passive'] === undefined ? undefined : Number(values['min-passive']),
      onProgress: (p) => process.stderr.write(`${progressLine(p)}\n`),
      onTrack: values.tracks ? (t) => appendFileSync(values.tracks!, `${JSON.stringify(t)}\n`) : undefined,
      onPartial: (r) => {
        if (values.partial) writeFileSync(values.partial, `${JSON.stringify(r)}\n`);
      },
      onCalibrated: (c) => {
        const out = values['calibration-out'];
        if (out)
          writeFileSync(
            out,
            `${JSON.stringify({ calibration: c, thresholds: c.result.thresholds }, null, 2)}\n`,
          );
      },
    });
    if (measureTo) {
      process.stdout.write(
        `calibration shard ${values.shard}: ${measuredCount} presentations measured, written to ${measureTo} (limits chosen by --calibrate-from)\n`,
      );
      return EXIT.ok;
    }
    process.stdout.write(`${values.json ? JSON.stringify(report, null, 2) : livenessText(report)}\n`);
    return EXIT.ok;
  } finally {
    emulator.dispose();
    await Promise.all([appliance.dispose(), eyes.dispose(), passive?.dispose()]);
  }
}

/** `--size WxH`, e.g. 640x360. */
function frameSize(v: string | undefined): { width: number; height: number } {
  const m = /^(\d{2,4})x(\d{2,4})$/.exec(v ?? '320x240');
  if (!m || Number(m[1]) < 64 || Number(m[2]) < 64)
    throw new ReaderError(
      ErrorCode.Usage,
      `--size wants WxH in pixels, each at least 64, e.g. 640x360 (got "${v}")`,
    );
  return { width: Number(m[1]), height: Number(m[2]) };
}
