// The paced prompts' own timing (patient-paced-plan.ts): a step's prompt waits for a settled face
// (review finding 5: a blink prompt right after a turn's return was answered by a blink during the
// return), and each prompt waits a random time of its own that a recording cannot know.
import { describe, expect, it } from 'vitest';
import type { Frame } from '../../device/camera/frame-source.js';
import type { FaceBox, LocatedFace } from '../../firmware-host/vision/face-matcher.js';
import { type ChallengePrompt, runLivenessAttempt } from '../../firmware-host/vision/liveness-attempt.js';
import type { ChallengePlan } from '../../firmware-host/vision/liveness-challenge.js';
import { SETTLE_MS } from '../../firmware-host/vision/patient-paced-plan.js';
import { face } from '../helpers/schematic-face.js';

const IMG = { width: 320, height: 320, data: new Uint8Array(3) };
const timing = { baselineMs: 600, gapMs: [0, 0], onsetMs: [250, 1800], holdMs: [1500, 2600] } as const;
/** Turn left, then blink: the blink's prompt as soon as the plan allows (no gap). */
const plan: ChallengePlan = {
  steps: [
    { action: 'turn-left', promptMs: 1000, backMs: 3000 },
    { action: 'blink', promptMs: 5200 },
  ],
  endMs: 7600,
  timing,
};

/**
 * A head that turns 400 ms after each turn prompt, comes back 400 ms after "look at the camera",
 * and blinks once `blinkAfterReturnMs` after it is back; it answers no blink prompt.
 */
function head(blinkAfterReturnMs: number) {
  let turnAt = Number.POSITIVE_INFINITY;
  let backAt = Number.POSITIVE_INFINITY;
  return {
    backAt: () => backAt,
    perceive(p: ChallengePrompt): void {
      if (p.action === 'turn-left') turnAt = p.atMs + 400;
      if (p.action === 'look') backAt = p.atMs + 400;
    },
    at(t: number): { yaw: number; closed: number } {
      const yaw = t >= turnAt && t < backAt ? -0.3 : 0;
      const blink = backAt + blinkAfterReturnMs;
      return { yaw, closed: t >= blink && t < blink + 250 ? 1 : 0 };
    },
  };
}

async function attempt(who: ReturnType<typeof head>, random: () => number) {
  let t = 0;
  let cur = who.at(0);
  const prompts: ChallengePrompt[] = [];
  const models = {
    locate: async (): Promise<LocatedFace[]> => [
      { box: { x: 90, y: 90, width: 140, height: 140 }, score: 1, landmarks: face(cur.yaw) },
    ],
    landmarksIn: async (_i: unknown, box: FaceBox): Promise<LocatedFace> => ({
      box,
      score: 1,
      landmarks: face(cur.yaw),
    }),
    embed: async () => new Float32Array(4),
  };
  const r = await runLivenessAttempt({
    detect: async () => [],
    track: models,
    plan,
    timeoutMs: plan.endMs + 2000,
    early: true,
    random,
    eyes: {
      load: async () => {},
      dispose: async () => {},
      closed: async () => [cur.closed, cur.closed] as [number, number],
    },
    camera: {
      nextFrame: async (): Promise<Frame> => {
        t += 100;
        cur = who.at(t);
        return { seq: t, ...IMG, timestampMs: t };
      },
    },
    onPrompt: (p) => {
      prompts.push(p);
      who.perceive(p);
    },
  });
  return { r, prompts };
}

describe('paced prompts wait for a settled face', () => {
  it("a blink prompt comes no sooner than SETTLE_MS after the turn's return", async () => {
    const who = head(Number.POSITIVE_INFINITY);
    const { prompts } = await attempt(who, () => 0);
    const blink = prompts.find((p) => p.action === 'blink')!;
    expect(blink).toBeDefined();
    expect(blink.atMs - who.backAt()).toBeGreaterThanOrEqual(SETTLE_MS);
  });

  it("a blink during the return's settling does not answer the blink prompt", async () => {
    // Before: the prompt came on the frame after the return, and this blink 400 ms later passed.
    const who = head(400);
    const { r, prompts } = await attempt(who, () => 0);
    const blink = prompts.find((p) => p.action === 'blink')!;
    expect(blink.atMs).toBeGreaterThan(who.backAt() + 400 + 250);
    expect(r).toMatchObject({ passed: false, reason: 'not-seen (step 2)' });
  });

  it('each prompt waits a random time of its own, drawn by the reader', async () => {
    const early = await attempt(head(Number.POSITIVE_INFINITY), () => 0);
    const late = await attempt(head(Number.POSITIVE_INFINITY), () => 0.999);
    const at = (ps: ChallengePrompt[], a: string): number => ps.find((p) => p.action === a)!.atMs;
    // "Look at the camera": a longer hold; the blink: the hold and its own wait.
    expect(at(late.prompts, 'look') - at(early.prompts, 'look')).toBeGreaterThanOrEqual(400);
    expect(at(late.prompts, 'blink') - at(early.prompts, 'blink')).toBeGreaterThanOrEqual(1000);
  });
});
