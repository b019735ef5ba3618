// `readerctl face eval` for a person: the set, the threshold and how it was chosen, one table
// per cohort (held-out FAR/FRR with 95 % bounds), failures to acquire and the worst pairs.

import type { ErrorRate } from '../../protocol/vision/binomial.js';
import type { FaceEvalReport } from '../face/evaluate.js';
import type { FtaReport } from '../face/evaluate-fta.js';
import { percent } from '../face/evaluate-plot.js';

const bounds = (r: ErrorRate): string =>
  `${percent(r.rate).padStart(9)} ${`[${percent(r.lower)}, ${percent(r.upper)}]`.padEnd(22)} ${`${r.k}/${r.n}`.padStart(13)}`;

/** N × the per-attempt upper bound: what a session of N attempts lets an impostor through at most. */
function sessionLine(far: ErrorRate, attempts: number, goal: number): string {
  const session = Math.min(1, attempts * far.upper);
  return `  FAR per session of ${attempts} attempt${attempts === 1 ? '' : 's'} ≤ ${attempts} × ${percent(far.upper)} = ${percent(session)} (goal ≤ ${percent(goal)}): ${session <= goal ? 'met' : 'NOT MET'}`;
}

export function evalText(r: FaceEvalReport, plot?: string): string {
  const s = r.setup;
  const t = r.threshold;
  const out: string[] = [
    `matcher ${r.matcher} (configured threshold ${r.configuredThreshold.toFixed(4)})`,
    `${s.images} images of ${s.identities} people in ${s.dir}; ${s.pairs === 'all' ? 'every pair of the set' : 'the listed pairs'}`,
    `enrolled side: ${s.chipPhoto ? 'chip photo (greyscale JPEG 2000 144×180, decoded as the appliance does)' : 'photo, reference detector'}; probe side: ${s.live ? 'live camera path (640×480 frame, live detector, quality gates)' : 'reference path'}`,
    `${r.msPerFace.toFixed(0)} ms per face (detect + landmarks + descriptor)`,
    '',
  ];
  if (t.mode === 'fixed') out.push(`threshold ${t.chosen.toFixed(4)} (given): every pair judged at it`);
  else {
    const by = t.chosenBy
      .map(
        (c) =>
          `${c.cohort} ${c.threshold.toFixed(4)}${c.reachable ? '' : ' (target not reachable: too few pairs)'}`,
      )
      .join(', ');
    const margined = t.rule === 'nested-margin' && t.chosenMargin !== undefined;
    out.push(
      `target FAR ${percent(t.targetFar)} per attempt = ${percent(s.sessionFarGoal)} per session / ${s.attempts} attempts (${t.bound === 'upper' ? '95 % upper bound' : 'point value'}), met in every cohort`,
      `rule: ${t.rule === 'nested-margin' ? 'nested margin (the bound rule on the training people + the margin their left-out folds needed)' : 'bound (the lowest threshold meeting the target on the training pairs)'}`,
      `threshold to ship ${t.chosen.toFixed(4)}, chosen on all pairs${s.chipPhoto ? ' (chip photo enrolled)' : ''}: ${margined ? `${t.chosenBase!.toFixed(4)} (${by}) + margin ${t.chosenMargin!.toFixed(4)}` : `(${by})`}`,
    );
    if (t.mode === 'folds') {
      const vals = t.heldOut.map((b) => b.threshold);
      out.push(
        `held out: ${s.folds} folds by identity; each pair judged at a threshold chosen on the folds holding neither person (${vals.length} thresholds, ${Math.min(...vals).toFixed(4)} to ${Math.max(...vals).toFixed(4)})`,
      );
    } else out.push('NO FOLDS: the threshold was chosen on the pairs it is tested on (optimistic)');
  }
  out.push('');
  const sections: [string, FaceEvalReport['tables']][] = [['', r.tables]];
  if (r.photo)
    sections.push([
      "photo enrolled (the photo itself, reference detector), judged at the chip photo's thresholds: ",
      r.photo.tables,
    ]);
  for (const [title, tables] of sections)
    for (const c of tables) {
      out.push(
        `== ${title}${c.cohort}: ${c.images} images, ${c.identities} people; ${c.genuinePairs} genuine, ${c.impostorPairs} impostor pairs${c.lostPairs.genuine + c.lostPairs.impostor ? ` (${c.lostPairs.genuine} genuine, ${c.lostPairs.impostor} impostor not scored: no face)` : ''}`,
        `                     rate   95 % interval                errors/pairs`,
        `  FAR ${t.mode === 'folds' ? 'held out' : 'at thresh'} ${bounds(c.far)}`,
        `  FRR ${t.mode === 'folds' ? 'held out' : 'at thresh'} ${bounds(c.frr)}`,
        `  FRR + FTA    ${bounds(c.frrWithFta)}`,
        sessionLine(c.far, s.attempts, s.sessionFarGoal),
        `  at the configured ${c.atConfigured.threshold.toFixed(4)}: FAR ${percent(c.atConfigured.far.rate)} (≤ ${percent(c.atConfigured.far.upper)}), FRR ${percent(c.atConfigured.frr.rate)}`,
        `  DET (all pairs): EER ${percent(c.eer.eer)}; ${c.frrAtFar.map((p) => `FRR ${p.point ? percent(p.point.frr) : '—'} at FAR ${percent(p.far)}`).join(', ')}`,
      );
      if (c.worstGenuine.length)
        out.push(
          `  lowest genuine pairs (score, at the pair's ${t.mode === 'folds' ? 'held-out ' : ''}threshold, enrolled, probe):`,
          ...c.worstGenuine
            .slice(0, 5)
            .map(
              (p) =>
                `    ${p.score.toFixed(4)} ${p.accepted ? 'accepted' : 'REJECTED'} at ${p.threshold.toFixed(4)}  ${p.enrolled}  ${p.probe}`,
            ),
        );
      if (c.worstImpostor.length)
        out.push(
          `  highest impostor pairs (score, at the pair's ${t.mode === 'folds' ? 'held-out ' : ''}threshold, enrolled, probe):`,
          ...c.worstImpostor
            .slice(0, 5)
            .map(
              (p) =>
                `    ${p.score.toFixed(4)} ${p.accepted ? 'ACCEPTED' : 'rejected'} at ${p.threshold.toFixed(4)}  ${p.enrolled}  ${p.probe}`,
            ),
        );
      out.push('');
    }
  const fta = r.failuresToAcquire;
  if (fta.length) {
    const reasons = new Map<string, number>();
    for (const f of fta)
      reasons.set(`${f.side} ${f.reason}`, (reasons.get(`${f.side} ${f.reason}`) ?? 0) + 1);
    out.push(
      `failures to acquire: ${new Set(fta.map((f) => f.file)).size} of ${s.images} images (${percent(new Set(fta.map((f) => f.file)).size / s.images)}) without a usable face on a side (${[...reasons].map(([k, n]) => `${k}: ${n}`).join(', ')})`,
      ...fta.slice(0, 30).map((f) => `  ${f.side.padEnd(8)} ${f.reason.padEnd(15)} ${f.file}`),
      ...(fta.length > 30 ? [`  … ${fta.length - 30} more (--json lists them all)`] : []),
    );
  } else out.push(`failures to acquire: none of ${s.images} images`);
  if (r.photo) {
    const files = new Set(r.photo.failuresToAcquire.map((f) => f.file)).size;
    out.push(
      `failures to acquire with the photo enrolled: ${files} of ${s.images} images (${percent(files / s.images)})`,
    );
  }
  if (r.gateVariants?.length) {
    const rate = (e: ErrorRate): string => `${e.k}/${e.n} ${percent(e.rate)} (≤ ${percent(e.upper)})`;
    out.push(
      '',
      'quality limits judged again on the same embeddings (threshold re-chosen by the same rule):',
    );
    for (const v of r.gateVariants) {
      out.push(
        `  ${v.name}: failures to acquire ${v.failedImages} of ${s.images} images (${percent(v.failedImages / s.images)}; probe ${
          Object.entries(v.probeIssues)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ') || 'none'
        }), threshold ${Number.isFinite(v.threshold) ? v.threshold.toFixed(4) : '— (no impostor pairs)'}`,
      );
      for (const [label, tables] of [
        ['', v.tables],
        ['photo enrolled ', v.photo ?? []],
      ] as const)
        for (const t of tables)
          out.push(
            `    ${label}${t.cohort}: FAR ${rate(t.far)}, FRR ${percent(t.frr.rate)} (with FTA ${percent(t.frrWithFta.rate)})`,
          );
    }
  }
  if (plot) out.push(`DET plot: ${plot}`);
  return `${out.join('\n')}\n`;
}

/** `eval --fta-only`: failures to acquire per cohort, side and reason, then the images. */
export function ftaText(r: FtaReport): string {
  const reasons = (m: Readonly<Record<string, number>>): string =>
    Object.entries(m)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || 'none';
  const out = [
    `matcher ${r.matcher}`,
    `enrolled side: ${r.setup.chipPhoto ? 'chip photo (greyscale JPEG 2000 144×180)' : 'photo'}, reference detector; probe side: ${r.setup.live ? 'live camera path (640×480 frame, live detector, quality gates)' : 'reference path'}`,
    '',
  ];
  for (const t of r.tables)
    out.push(
      `${t.cohort}: ${t.failed} of ${t.images} images (${percent(t.images ? t.failed / t.images : 0)}) without a usable face on a side; enrolled: ${reasons(t.enrolled)}; probe: ${reasons(t.probe)}`,
    );
  for (const v of r.variants ?? []) {
    const t = v.tables[0]!;
    out.push(
      `  under ${v.name}: ${t.failed} of ${t.images} images (${percent(t.images ? t.failed / t.images : 0)}); probe: ${reasons(t.probe)}${v.tables
        .slice(1)
        .map((c) => `; ${c.cohort} ${c.failed} of ${c.images}`)
        .join('')}`,
    );
  }
  out.push('');
  for (const f of r.failures)
    out.push(
      `  ${(f.enrolled ? `enrolled ${f.enrolled}` : '').padEnd(17)} ${(f.probe ? `probe ${f.probe}` : '').padEnd(21)} ${f.file}`,
    );
  return `${out.join('\n')}\n`;
}
