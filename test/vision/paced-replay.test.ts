// Prompts paced by the patient's answers (patient-paced-plan.ts) against a replayed recording of
// a genuine session: the recording answers the challenge it was recorded with, at its own times,
// and a fresh plan's prompts now follow what the frames show. Seeded, on schematic heads that
// answer each prompt 300–700 ms after seeing it: genuine sessions pass in both modes, and
// replays are accepted no more often against paced prompts than against the drawn plan's.
import { describe, expect, it } from 'vitest';
import type { Frame } from '../../device/camera/frame-source.js';
import type { FaceBox, LocatedFace } from '../../firmware-host/vision/face-matcher.js';
import { runLivenessAttempt } from '../../firmware-host/vision/liveness-attempt.js';
import { CHALLENGE_ACTIONS, drawPlan } from '../../firmware-host/vision/liveness-challenge.js';
import { seededRandom } from '../../sim/camera/live-subject.js';
import { face } from '../helpers/schematic-face.js';

const IMG = { width: 320, height: 320, data: new Uint8Array(3) };
const TURNS: Record<string, [number, number]> = {
  'turn-left': [-0.3, 0],
  'turn-right': [0.3, 0],
  'look-up': [0, -0.3],
  'look-down': [0, 0.3],
};
/** The paced prompts' own waits (readerd: the CSPRNG), seeded: the same figures every run. */
const pace = seededRandom(99);
const timing = { baselineMs: 600, gapMs: [300, 1500], onsetMs: [250, 1800], holdMs: [1500, 2600] } as const;
/** A head that answers prompts it perceives after rnd reaction; state as a function of time. */
function head(rnd: () => number) {
  const acts: { at: number; action: string }[] = [];
  return {
    perceive(action: string, t: number) {
      acts.push({ at: t + 300 + rnd() * 400, action });
    },
    at(t: number) {
      let pose: [number, number] = [0, 0];
      let closed = 0;
      for (const a of acts) {
        if (t < a.at) continue;
        if (a.action.startsWith('blink')) {
          if (t < a.at + 250 || (a.action === 'blink-twice' && t >= a.at + 500 && t < a.at + 750)) closed = 1;
        } else pose = TURNS[a.action] ?? [0, 0];
      }
      return { yaw: pose[0], pitch: pose[1], closed };
    },
  };
}
async function attempt(
  plan: ReturnType<typeof drawPlan>,
  early: boolean,
  source: {
    perceive(a: string, t: number): void;
    at(t: number): { yaw: number; pitch: number; closed: number };
  },
) {
  let t = 0;
  let cur = source.at(0);
  const models = {
    locate: async (): Promise<LocatedFace[]> => [
      { box: { x: 90, y: 90, width: 140, height: 140 }, score: 1, landmarks: face(cur.yaw, cur.pitch) },
    ],
    landmarksIn: async (_i: unknown, box: FaceBox): Promise<LocatedFace> => ({
      box,
      score: 1,
      landmarks: face(cur.yaw, cur.pitch),
    }),
    embed: async () => new Float32Array(4),
  };
  return runLivenessAttempt({
    detect: async () => [],
    track: models,
    plan,
    timeoutMs: plan.endMs + 2000,
    early,
    random: pace,
    eyes: {
      load: async () => {},
      dispose: async () => {},
      closed: async () => [cur.closed, cur.closed] as [number, number],
    },
    camera: {
      nextFrame: async (): Promise<Frame> => {
        t += 100;
        cur = source.at(t);
        return { seq: t, ...IMG, timestampMs: t };
      },
    },
    onPrompt: (p) => source.perceive(p.action, p.atMs),
  });
}

async function rates(early: boolean, n: number): Promise<{ genuine: number; accepted: number }> {
  const rnd = seededRandom(1);
  let genuine = 0;
  let accepted = 0;
  for (let i = 0; i < n; i++) {
    const rec = head(rnd);
    const r1 = await attempt(drawPlan(rnd, { actions: CHALLENGE_ACTIONS, steps: 2, timing }), early, rec);
    if (r1.passed) genuine++;
    const replay = { perceive() {}, at: (t: number) => rec.at(t) };
    const r2 = await attempt(drawPlan(rnd, { actions: CHALLENGE_ACTIONS, steps: 2, timing }), early, replay);
    if (r2.passed) accepted++;
  }
  return { genuine, accepted };
}

describe('paced prompts against a replayed genuine session', () => {
  it('accept a replay no more often than the drawn plan (2-step challenges, 200 each)', async () => {
    const drawn = await rates(false, 200);
    const paced = await rates(true, 200);
    expect(drawn.genuine).toBe(200);
    expect(paced.genuine).toBe(200);
    expect(paced.accepted).toBeLessThanOrEqual(drawn.accepted);
    expect(paced.accepted).toBeLessThanOrEqual(10);
  }, 120_000);
});
