// readerctl face liveness-eval: ISO/IEC 30107-3 APCER per attack type and BPCER of the
// appliance's liveness check, on the emulator's live subjects and attack instruments.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FaceApiMatcher } from '../../firmware-host/vision/face-api-matcher.js';
import { EyeStateModel, PassiveLivenessModel } from '../../firmware-host/vision/liveness-models.js';
import { EXIT } from '../../platform/cli.js';
import { parseCommand } from '../../platform/cli-spec.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import type { ErrorRate } from '../../protocol/vision/binomial.js';
import { ATTACK_TYPES, type AttackType } from '../../sim/camera/attacks.js';
import { evaluateLiveness, type LivenessEvalReport } from '../face/liveness-eval.js';
import { livenessEvalCommand } from './specs/face.js';

const pct = (r: ErrorRate): string =>
  `${(100 * r.rate).toFixed(1)} % (${r.k}/${r.n}, 95 % upper ${(100 * r.upper).toFixed(1)} %)`;

export function livenessText(r: LivenessEvalReport): string {
  const lines = [
    `subjects: ${r.subjects} (camera ${r.settings.width}×${r.settings.height} at ${r.settings.fps} fps, seed ${r.settings.seed})`,
    `BPCER                 ${pct(r.bpcer)}`,
    ...Object.entries(r.apcer).map(([k, v]) => `APCER ${k.padEnd(15)} ${pct(v)}`),
    `recorded-session replay vs fresh challenges: accepted ${pct(r.replayTries)}`,
  ];
  const why = new Map<string, number>();
  for (const t of r.trials.filter((x) => !x.accepted)) {
    const k = `${t.presentation}: ${t.reason?.replace(/ \(step \d\)/, '')}`;
    why.set(k, (why.get(k) ?? 0) + 1);
  }
  lines.push('rejections by reason:', ...[...why].sort().map(([k, n]) => `  ${k} × ${n}`));
  for (const s of r.skipped) lines.push(`skipped ${s.file}: ${s.why}`);
  return lines.join('\n');
}

export async function faceLivenessEval(argv: string[]): Promise<number> {
  const { values } = parseCommand(livenessEvalCommand, argv);
  const int = (name: string, v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new ReaderError(ErrorCode.Usage, `--${name} is a whole number`);
    return n;
  };
  const attacks = (values.attacks?.split(',') ?? ATTACK_TYPES) as AttackType[];
  for (const a of attacks)
    if (!(ATTACK_TYPES as readonly string[]).includes(a))
      throw new ReaderError(ErrorCode.Usage, `--attacks: ${a} is not one of ${ATTACK_TYPES.join(', ')}`);
  const dirs = values.images ?? ['../shared/fixtures/faces', '../shared/fixtures/faces-lfw'];
  // Interleaved, so a small run holds people of both sets.
  const lists = dirs.map((d) =>
    readdirSync(d)
      .filter((f) => /\.(jpe?g|png)$/i.test(f))
      .sort()
      .map((f) => resolve(join(d, f))),
  );
  const photos: string[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++)
    for (const l of lists) if (i < l.length) photos.push(l[i]!);
  const skip = int('skip', values.skip);
  const chosen = photos.slice(skip, skip + int('subjects', values.subjects));
  const detector = new FaceApiMatcher({ descriptors: false });
  const eyes = new EyeStateModel();
  const passive = values.passive || values['min-passive'] ? new PassiveLivenessModel() : undefined;
  await Promise.all([detector.load(), eyes.load(), passive?.load()]);
  try {
    const report = await evaluateLiveness({
      photos: chosen,
      detect: (img, purpose) => detector.detect(img, purpose),
      eyes,
      passive,
      attacks,
      replayTries: int('replay-tries', values['replay-tries']),
      seed: int('seed', values.seed),
      fps: Number(values.fps),
      minPassive: values['min-passive'] === undefined ? undefined : Number(values['min-passive']),
      onProgress: (l) => process.stderr.write(`${l}\n`),
    });
    process.stdout.write(`${values.json ? JSON.stringify(report, null, 2) : livenessText(report)}\n`);
    return EXIT.ok;
  } finally {
    detector.dispose();
    await eyes.dispose();
    await passive?.dispose();
  }
}
