// Recorded genuine sessions replayed again offline against fresh challenges, under this checkout's
// judge and pacing or under other pacing ranges: what a change to the prompts' random waits buys
// against a replay, measured on the same recordings, without rendering anything. The recordings
// are the bona fide trials an eval wrote with `--tracks` (what the camera saw of each session).
// What the same change costs live patients needs a new eval run: their answers follow the prompts.
// Judged with readerd's limits and 3-step plans (readerd's session.challengeSteps default).
//   npx tsx tools/face/liveness-replays.ts [--tries N] [--seed S] [--hold LO,HI] [--jitter LO,HI]
//     [--release LO,HI] [--tail LO,HI] [--plan-hold LO,HI] [--json] TRACKS.jsonl …
import { readFileSync } from 'node:fs';
import {
  CHALLENGE_ACTIONS,
  DEFAULT_THRESHOLDS,
  DEFAULT_TIMING,
  drawPlan,
  type LiveFrame,
  PLAN_MINIMUMS,
} from '../../firmware-host/vision/liveness-challenge.js';
import { DEFAULT_PACING, type Pacing } from '../../firmware-host/vision/patient-paced-plan.js';
import { errorRate } from '../../protocol/vision/binomial.js';
import { seededRandom } from '../../sim/camera/live-subject.js';
import { replayRecorded } from './liveness-eval.js';

const USAGE =
  'usage: npx tsx tools/face/liveness-replays.ts [--tries N] [--seed S] [--hold LO,HI] [--jitter LO,HI] [--release LO,HI] [--tail LO,HI] [--plan-hold LO,HI] [--json] TRACKS.jsonl …';
const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const value = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const range = (flag: string, dflt: readonly [number, number]): readonly [number, number] => {
  const v = value(flag);
  if (v === undefined) return dflt;
  const [lo, hi] = v.split(',').map(Number);
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo! < 0 || hi! < lo!) {
    console.error(`${flag} wants LO,HI in ms with 0 ≤ LO ≤ HI (got "${v}")`);
    process.exit(2);
  }
  return [lo!, hi!];
};
const files = args.filter((a) => a.endsWith('.jsonl'));
if (!files.length) {
  console.error(USAGE);
  process.exit(2);
}
const tries = Number(value('--tries') ?? 50);
const seed = Number(value('--seed') ?? 1);
if (!Number.isInteger(tries) || tries < 1 || !Number.isInteger(seed)) {
  console.error('--tries wants a whole number ≥ 1 and --seed a whole number');
  process.exit(2);
}
const pacing: Pacing = {
  earlyHoldMs: range('--hold', DEFAULT_PACING.earlyHoldMs),
  promptJitterMs: range('--jitter', DEFAULT_PACING.promptJitterMs),
  releaseJitterMs: range('--release', DEFAULT_PACING.releaseJitterMs),
  tailMs: range('--tail', DEFAULT_PACING.tailMs),
};

// The drawn plan's hold caps the paced one ("look at the camera" never later than the plan's).
const planHold = range('--plan-hold', DEFAULT_TIMING.holdMs);
const timing = { ...DEFAULT_TIMING, holdMs: planHold };

const recordings: { subject: string; track: LiveFrame[] }[] = [];
for (const f of files)
  for (const line of readFileSync(f, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { trial, track } = JSON.parse(line);
    if (trial.presentation === 'bona-fide' && track.length)
      recordings.push({ subject: trial.subject, track });
  }

const random = seededRandom(seed);
let accepted = 0;
let n = 0;
const passed: string[] = [];
const started = performance.now();
for (const [i, r] of recordings.entries()) {
  for (let k = 0; k < tries; k++) {
    const plan = drawPlan(random, { steps: 3, actions: CHALLENGE_ACTIONS, ...PLAN_MINIMUMS, timing });
    const out = await replayRecorded(plan, r.track, DEFAULT_THRESHOLDS, { random, pacing });
    n++;
    if (out.passed) {
      accepted++;
      passed.push(`${r.subject}: ${out.challenge}`);
    }
  }
  const per = (performance.now() - started) / (i + 1);
  process.stderr.write(
    `\r[${i + 1}/${recordings.length} recordings, ${Math.round((per * (recordings.length - i - 1)) / 1000)} s left] accepted ${accepted}/${n}   `,
  );
}
process.stderr.write('\n');
const rate = errorRate(accepted, n);
if (args.includes('--json'))
  console.log(JSON.stringify({ pacing, planHold, tries, seed, replays: rate, passed }, null, 2));
else {
  console.log(`pacing ${JSON.stringify(pacing)}, plan hold ${planHold.join('–')} ms`);
  console.log(
    `replays accepted ${accepted}/${n} = ${(rate.rate * 100).toFixed(2)} % (95 % upper ${(rate.upper * 100).toFixed(2)} %) on ${recordings.length} recordings`,
  );
  for (const p of passed) console.log(`  ${p}`);
}
