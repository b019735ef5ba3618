// `readerctl face liveness-eval`'s two sets: people drawn with a seed into a calibration set and
// a report set that share nobody (whole people, East-Asian people to their share); the limits
// chosen on the calibration people's measured presentations alone; and, through the camera path
// with readerd's detector, a small run whose report holds only report people, judged under the
// limits the calibration chose.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaceApiMatcher } from '../../firmware-host/vision/face-api-matcher.js';
import { FrOnnxMatcher } from '../../firmware-host/vision/fr-onnx-matcher.js';
import {
  type ChallengePlan,
  DEFAULT_THRESHOLDS,
  type LiveFrame,
} from '../../firmware-host/vision/liveness-challenge.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';
import { busyReader } from '../../tools/face/busy-reader.js';
import { calibrateThresholds, type MeasuredPresentation } from '../../tools/face/liveness-calibrate.js';
import { evaluateLiveness, replayRecorded, summarize, type Trial } from '../../tools/face/liveness-eval.js';
import { drawSubjects, peopleIn } from '../../tools/face/liveness-subjects.js';
import { missing } from '../helpers/system.js';

const LFW = join(FACES_DIR, '..', 'faces-lfw');
const people = [...peopleIn(FACES_DIR), ...peopleIn(LFW)];

describe('the camera as a busy reader sees it', () => {
  it('misses the frames that come while a detection with a face and its embedding run', async () => {
    let n = 0;
    const camera = { nextFrame: async () => n++ };
    const face = { box: { x: 0, y: 0, width: 1, height: 1 }, score: 1, landmarks: [] };
    const track = {
      locate: async () => [face],
      landmarksIn: async () => face,
      embed: async () => new Float32Array(1),
    };
    const busy = busyReader(camera, track, 1);
    const got: number[] = [];
    for (let k = 0; k < 8; k++) {
      got.push(await busy.camera.nextFrame(100));
      // The tracker's pattern: a detection with a face on the 1st and 5th frames it takes.
      if (k % 4 === 0) await busy.track!.embed({ width: 1, height: 1, data: new Uint8Array(3) }, face);
    }
    expect(got).toEqual([0, 2, 3, 4, 5, 7, 8, 9]);
    n = 0;
    const idle = busyReader(camera, track, 0);
    await idle.track!.embed({ width: 1, height: 1, data: new Uint8Array(3) }, face);
    expect([await idle.camera.nextFrame(100), await idle.camera.nextFrame(100)]).toEqual([0, 1]);
  });
});

describe('the figures', () => {
  it('give BPCER for subjects made from photos facing the camera and from turned ones, apart', () => {
    const trial = (
      photoYaw: number,
      accepted: boolean,
      presentation: Trial['presentation'] = 'bona-fide',
    ): Trial => ({
      subject: 'x.jpg',
      person: 'x',
      cohort: 'other',
      presentation,
      accepted,
      challenge: 'blink,turn-left',
      frames: 10,
      checks: [],
      nonRigid: 0,
      photoYaw,
      restYaw: -photoYaw,
    });
    const r = summarize(
      [
        trial(0.02, true),
        trial(-0.1, false),
        trial(-0.3, false),
        trial(0.4, true),
        trial(0.5, true, 'print-still'),
      ],
      ['print-still'],
      { k: 0, n: 0 },
    );
    expect(r.bpcer).toMatchObject({ k: 2, n: 4 });
    expect(r.bpcerByPhotoTurn.facing).toMatchObject({ k: 1, n: 2 });
    expect(r.bpcerByPhotoTurn.turned).toMatchObject({ k: 1, n: 2 });
    expect(r.bpcerByRestTurn.turned).toMatchObject({ k: 1, n: 2 });
    expect(r.apcer['print-still']).toMatchObject({ k: 1, n: 1 });
  });
});

describe('the calibration and report sets', () => {
  it('share nobody, hold whole people, East-Asian people to their share, and repeat with the seed', () => {
    const o = { calibrate: 20, report: 100, seed: 3, eastAsianShare: 0.3 };
    const sets = drawSubjects(people, o);
    expect(sets.calibration).toHaveLength(20);
    expect(sets.report).toHaveLength(100);
    const cal = new Set(sets.calibration.map((s) => s.person));
    expect(sets.report.filter((s) => cal.has(s.person))).toEqual([]);
    expect(new Set(sets.report.map((s) => s.person)).size).toBe(100);
    // A person's photo is one of that person's: img16 and img17 (one man) are one person.
    const byId = new Map(people.map((p) => [p.id, p]));
    for (const s of [...sets.calibration, ...sets.report])
      expect(byId.get(s.person)!.photos).toContain(s.photo);
    const pair = people.find((p) => p.photos.some((f) => f.endsWith('/img17.jpg')))!;
    expect(pair.photos.some((f) => f.endsWith('/img16.jpg'))).toBe(true);
    expect(sets.calibration.filter((s) => s.cohort === 'east-asian')).toHaveLength(6);
    expect(sets.report.filter((s) => s.cohort === 'east-asian')).toHaveLength(30);
    expect(drawSubjects(people, o)).toEqual(sets);
    expect(drawSubjects(people, { ...o, seed: 4 })).not.toEqual(sets);
  });
});

type P = [number, number];
/** A schematic face whose nose sits `pitch` along the eyes-to-mouth line off its rest. */
function face(pitch: number): P[] {
  const l: P[] = Array.from({ length: 68 }, () => [160, 200]);
  for (let k = 0; k < 6; k++) {
    l[36 + k] = [130 + (k - 2.5) * 4, 150];
    l[42 + k] = [190 + (k - 2.5) * 4, 150];
  }
  for (let k = 0; k < 12; k++) l[48 + k] = [160 + (k - 5.5) * 3, 220];
  // The face's midline (top of the nose, chin): the nose tip moves off it as a head nods.
  l[27] = [160, 150];
  l[8] = [160, 260];
  l[30] = [160, 185 + 70 * pitch];
  return l;
}

describe('the limits chosen on the calibration people', () => {
  const plan: ChallengePlan = { steps: [{ action: 'look-down', promptMs: 1500, backMs: 3600 }], endMs: 6000 };
  const track = (nod: number, jitter: number): LiveFrame[] => {
    const out: LiveFrame[] = [];
    for (let t = 0, i = 0; t <= plan.endMs; t += 166, i++) {
      const down = t >= 2100 && t < 4200 ? nod : 0;
      out.push({ t, landmarks: face(down + (i % 2 ? jitter : -jitter)) });
    }
    return out;
  };

  it('lie between what their heads did at rest and when asked: nods of 0.05 need a limit under 0.05', () => {
    // People who nod only 0.05 and jitter by ±0.01: the shipped 0.065 rejects all of them.
    const set: MeasuredPresentation[] = [
      ...[0.05, 0.055, 0.06].map((nod) => ({ bonaFide: true, plan, track: track(nod, 0.01) })),
      { bonaFide: false, plan, track: track(0, 0) },
    ];
    const chosen = calibrateThresholds(set, DEFAULT_THRESHOLDS);
    expect(chosen.thresholds.pitch).toBeGreaterThan(0.02);
    expect(chosen.thresholds.pitch).toBeLessThan(0.05);
    expect(chosen).toMatchObject({ attacksAccepted: 0, attacks: 1, bonaFideRejected: 0, bonaFide: 3 });
  });
});

describe('a recorded session replayed against a fresh plan', () => {
  // A recording that blinks once, 600 ms after its own prompt at 1500 ms.
  const recording: LiveFrame[] = [];
  for (let t = 0; t <= 5000; t += 166) {
    const shut = t >= 2100 && t < 2400 ? 0.99 : 0.01;
    recording.push({ t, landmarks: face(0), eyesClosed: [shut, shut] });
  }
  const blinkAt = (promptMs: number): ChallengePlan => ({
    steps: [{ action: 'blink', promptMs }],
    endMs: promptMs + 2400,
  });

  it('answers the challenge it was recorded with, at its own times, and not one asked later', async () => {
    expect((await replayRecorded(blinkAt(1500), recording, DEFAULT_THRESHOLDS)).passed).toBe(true);
    const later = await replayRecorded(blinkAt(2500), recording, DEFAULT_THRESHOLDS);
    expect(later).toMatchObject({ passed: false, reason: 'not-seen (step 1)' });
  });

  it('is looped as an attacker loops a video: its blink answers a prompt in the second pass', async () => {
    // The recording lasts 5,166 ms a pass; its blink comes again at 5,166 + 2,100 ms.
    const looped = await replayRecorded(blinkAt(6800), recording, DEFAULT_THRESHOLDS, { random: () => 0 });
    expect(looped).toMatchObject({ passed: true });
    expect(looped.track.at(-1)!.t).toBeGreaterThan(5166 + 2100);
  });

  it('is judged with the passive check the live attempts have (minPassive, its own scores)', async () => {
    // A screen replay's scores: the recording scored every third frame, as the live attempt scores.
    const screen = recording.map((f, i) => (i % 3 === 0 ? { ...f, passive: 0.2 } : f));
    expect((await replayRecorded(blinkAt(1500), screen, DEFAULT_THRESHOLDS)).passed).toBe(true);
    const judged = await replayRecorded(blinkAt(1500), screen, DEFAULT_THRESHOLDS, { minPassive: 0.7 });
    expect(judged).toMatchObject({ passed: false, reason: 'passive' });
  });
});

const skip = missing('ffmpeg', 'ffmpeg');
describe.skipIf(skip)('a small run through the camera path and readerd’s detector', () => {
  const appliance = new FrOnnxMatcher();
  const emulator = new FaceApiMatcher({ descriptors: false });
  beforeAll(() => Promise.all([appliance.load(), emulator.load()]), 120_000);
  afterAll(async () => {
    emulator.dispose();
    await appliance.dispose();
  });

  it('reports only report people, under the limits their calibration chose', async () => {
    const sets = drawSubjects(people, { calibrate: 1, report: 1, seed: 5, eastAsianShare: 0.5 });
    const progress: string[] = [];
    const r = await evaluateLiveness({
      ...sets,
      detect: (img) => appliance.locate(img, 'live'),
      photoLandmarks: async (img) => (await emulator.detect(img, 'reference'))[0]?.landmarks,
      attacks: ['print-still'],
      replayTries: 3,
      plan: { steps: 1, actions: ['turn-left', 'turn-right'] },
      onProgress: (p) => progress.push(`${p.done}/${p.total} ${p.phase}`),
    });
    expect(r.calibration.source).toBe('calibrated');
    expect(r.calibration.people).toEqual([sets.calibration[0]!.person]);
    expect(r.people).toEqual([sets.report[0]!.person]);
    expect(r.thresholds).toEqual(r.calibration.result!.thresholds);
    expect(new Set(r.trials.map((t) => t.person))).toEqual(new Set([sets.report[0]!.person]));
    expect(r.trials.map((t) => t.presentation)).toEqual(['bona-fide', 'print-still']);
    expect(r.apcer['print-still']).toMatchObject({ k: 0, n: 1 });
    // The genuine session, as a recording of it shows it, against 3 fresh challenges.
    expect(r.replayTries.n).toBe(3);
    expect(progress).toContain('1/2 calibration');
    expect(progress.at(-1)).toBe('2/2 report');
  }, 900_000);

  it('calibration people measured in two shards choose the limits one process chooses', async () => {
    const sets = drawSubjects(people, { calibrate: 2, report: 1, seed: 6, eastAsianShare: 0.5 });
    const common = {
      ...sets,
      detect: (img: Parameters<typeof appliance.locate>[0]) => appliance.locate(img, 'live'),
      photoLandmarks: async (img: Parameters<typeof emulator.detect>[0]) =>
        (await emulator.detect(img, 'reference'))[0]?.landmarks,
      attacks: ['print-still'] as const,
      replayTries: 3,
      plan: { steps: 1, actions: ['turn-left', 'turn-right'] as const },
    };
    const whole = await evaluateLiveness(common);
    const measured: MeasuredPresentation[] = [];
    for (const k of [0, 1])
      await evaluateLiveness({
        ...common,
        calibrationOnly: true,
        calibrationShard: (i) => i % 2 === k,
        onMeasured: (m) => measured.push(...m.measured),
      });
    expect(measured).toHaveLength(4);
    const sharded = await evaluateLiveness({ ...common, measuredCalibration: measured });
    expect(sharded.thresholds).toEqual(whole.thresholds);
    expect(sharded.calibration.result).toEqual(whole.calibration.result);
    expect(sharded.trials).toEqual(whole.trials);
  }, 1_800_000);
});
