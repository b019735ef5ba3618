// Judges an eval's recorded presentations again under this checkout's judge and limits, without
// rendering anything: `readerctl face liveness-eval --tracks T` wrote each report trial's plan and
// landmarks, `--measure-calibration C` each calibration presentation. With calibration files the
// limits are chosen again on them by the fixed rule; without, readerd's defaults judge. A track the
// eval's early stop ended is only as long as the old limits let it run: where the new limits are
// looser than the old, a rejected track may be rejected too soon — say so beside the figures.
//   npx tsx tools/face/liveness-rejudge.ts [--json] [CAL.json …] TRACKS.jsonl …
import { readFileSync } from 'node:fs';
import { decideLiveness } from '../../firmware-host/vision/liveness-attempt.js';
import { DEFAULT_THRESHOLDS } from '../../firmware-host/vision/liveness-challenge.js';
import { calibrateThresholds, type MeasuredPresentation } from './liveness-calibrate.js';

const args = process.argv.slice(2);
if (args.includes('--help') || !args.some((a) => a.endsWith('.jsonl'))) {
  console.log('usage: npx tsx tools/face/liveness-rejudge.ts [--json] [CAL.json …] TRACKS.jsonl …');
  process.exit(args.includes('--help') ? 0 : 2);
}
const cal = args.filter((a) => a.endsWith('.json'));
const tracks = args.filter((a) => a.endsWith('.jsonl'));
let thresholds = DEFAULT_THRESHOLDS;
let calibration: ReturnType<typeof calibrateThresholds> | undefined;
if (cal.length) {
  const measured: MeasuredPresentation[] = cal.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')).measured);
  calibration = calibrateThresholds(measured, DEFAULT_THRESHOLDS);
  thresholds = calibration.thresholds;
}
const by: Record<string, { n: number; acceptedBefore: number; acceptedNow: number; changed: string[] }> = {};
for (const f of tracks)
  for (const line of readFileSync(f, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { trial, plan, track } = JSON.parse(line);
    const now = decideLiveness(plan, track, { thresholds });
    by[trial.presentation] ??= { n: 0, acceptedBefore: 0, acceptedNow: 0, changed: [] };
    const c = by[trial.presentation]!;
    c.n++;
    if (trial.accepted) c.acceptedBefore++;
    if (now?.passed) c.acceptedNow++;
    if (!!now?.passed !== !!trial.accepted)
      c.changed.push(
        `${trial.subject}: ${trial.accepted ? 'accepted' : 'rejected'} → ${now?.passed ? 'accepted' : now?.reason}`,
      );
  }
if (args.includes('--json'))
  console.log(JSON.stringify({ thresholds, calibration, presentations: by }, null, 2));
else {
  console.log(
    `limits ${cal.length ? 'chosen again on the calibration files' : "readerd's defaults"}: ${JSON.stringify(thresholds)}`,
  );
  for (const [type, c] of Object.entries(by)) {
    console.log(`${type}: ${c.n} judged, accepted ${c.acceptedBefore} in the run, ${c.acceptedNow} now`);
    for (const x of c.changed) console.log(`  ${x}`);
  }
}
