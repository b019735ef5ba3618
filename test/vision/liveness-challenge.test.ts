// The random challenge: plans differ between attempts and cannot be foreseen from a seed the
// attacker lacks; a response at a human delay after each prompt passes; a response before the
// prompt, in the wrong direction, not held, or a turn nobody asked for fails.
import { describe, expect, it } from 'vitest';
import {
  type ChallengePlan,
  drawPlan,
  judgeChallenge,
  type LiveFrame,
  planName,
} from '../../firmware-host/vision/liveness-challenge.js';
import { seededRandom } from '../../sim/camera/live-subject.js';

type P = [number, number];
/** A schematic 68-point face whose nose sits `yaw`/`pitch` eye distances off centre. */
function face(yaw: number, pitch = 0): P[] {
  const l: P[] = Array.from({ length: 68 }, (_, i) => [100 + (i % 17) * 6, 100 + Math.floor(i / 17) * 20]);
  for (let k = 0; k < 6; k++) {
    l[36 + k] = [130 + (k - 2.5) * 4, 150];
    l[42 + k] = [190 + (k - 2.5) * 4, 150];
  }
  l[30] = [160 + 60 * yaw, 180 + 60 * pitch];
  return l;
}

/** Frames every 100 ms to `endMs` of a head following `yawAt`/`pitchAt`, eyes per `closedAt`. */
function track(
  endMs: number,
  yawAt: (t: number) => number,
  pitchAt: (t: number) => number = () => 0,
  closedAt: (t: number) => number = () => 0,
): LiveFrame[] {
  const out: LiveFrame[] = [];
  for (let t = 0; t <= endMs; t += 100)
    out.push({ t, landmarks: face(yawAt(t), pitchAt(t)), eyesClosed: [closedAt(t), closedAt(t)] });
  return out;
}

/** The head a person turns: `delay` after each prompt, back `delay` after "look at the camera". */
function respond(
  plan: ChallengePlan,
  delay: number,
): { yaw: (t: number) => number; pitch: (t: number) => number; closed: (t: number) => number } {
  const at = (axis: 'yaw' | 'pitch') => (t: number) => {
    for (const s of plan.steps) {
      if (s.backMs === undefined) continue;
      if (t >= s.promptMs + delay && t < s.backMs + delay) {
        const sign = s.action === 'turn-left' || s.action === 'look-up' ? -1 : 1;
        const isYaw = s.action === 'turn-left' || s.action === 'turn-right';
        if ((axis === 'yaw') === isYaw) return 0.2 * sign;
      }
    }
    return 0;
  };
  const closed = (t: number): number =>
    plan.steps.some(
      (s) =>
        (s.action === 'blink' || s.action === 'blink-twice') &&
        ((t >= s.promptMs + delay && t < s.promptMs + delay + 250) ||
          (s.action === 'blink-twice' && t >= s.promptMs + delay + 600 && t < s.promptMs + delay + 850)),
    )
      ? 1
      : 0;
  return { yaw: at('yaw'), pitch: at('pitch'), closed };
}

const ALL = ['blink', 'blink-twice', 'turn-left', 'turn-right', 'look-up', 'look-down'] as const;

describe('random challenge plans', () => {
  it('differ from attempt to attempt, with at least one turn and random prompt times', () => {
    const random = seededRandom(42);
    const plans = Array.from({ length: 20 }, () => drawPlan(random, { actions: ALL }));
    expect(new Set(plans.map(planName)).size).toBeGreaterThan(10);
    expect(new Set(plans.map((p) => Math.round(p.steps[0]!.promptMs))).size).toBe(20);
    for (const p of plans) {
      expect(p.steps).toHaveLength(3);
      expect(p.steps.some((s) => s.backMs !== undefined)).toBe(true);
      for (let i = 1; i < p.steps.length; i++) expect(p.steps[i]!.action).not.toBe(p.steps[i - 1]!.action);
    }
  });

  it('the same seed gives the same plans (tests), another seed others', () => {
    const a = drawPlan(seededRandom(1));
    expect(drawPlan(seededRandom(1))).toEqual(a);
    expect(drawPlan(seededRandom(2))).not.toEqual(a);
  });
});

describe('judging the response', () => {
  const plans = Array.from({ length: 12 }, (_, i) => drawPlan(seededRandom(100 + i), { actions: ALL }));

  it.each(plans.map((p) => [planName(p), p] as const))('a person who answers %s passes', (_n, plan) => {
    const r = respond(plan, 600);
    const out = judgeChallenge(plan, track(plan.endMs, r.yaw, r.pitch, r.closed));
    expect(out).toMatchObject({ passed: true });
    expect(out!.steps.every((s) => s.verdict === 'seen')).toBe(true);
  });

  const plan: ChallengePlan = {
    steps: [
      { action: 'turn-left', promptMs: 1000, backMs: 3500 },
      { action: 'blink', promptMs: 6000 },
    ],
    endMs: 8500,
  };

  it('a turn before its prompt (a recording running ahead) fails as too early or unprompted', () => {
    const out = judgeChallenge(
      plan,
      track(plan.endMs, (t) => (t >= 700 && t < 3200 ? -0.2 : 0)),
    );
    expect(out?.passed).toBe(false);
    expect(['too-early', 'unprompted-turn']).toContain(out?.reason);
  });

  it('a turn the wrong way fails', () => {
    const out = judgeChallenge(
      plan,
      track(plan.endMs, (t) => (t >= 1600 && t < 4100 ? 0.2 : 0)),
    );
    expect(out).toMatchObject({ passed: false, failedStep: 1, reason: 'wrong-direction' });
  });

  it('a head that comes back before "look at the camera" fails (not held)', () => {
    const out = judgeChallenge(
      plan,
      track(plan.endMs, (t) => (t >= 1600 && t < 2500 ? -0.2 : 0)),
    );
    expect(out).toMatchObject({ passed: false, failedStep: 1, reason: 'not-held' });
  });

  it('no blink when asked fails; a still photo fails the first step', () => {
    const turned = (t: number) => (t >= 1600 && t < 4100 ? -0.2 : 0);
    expect(judgeChallenge(plan, track(plan.endMs, turned))).toMatchObject({
      passed: false,
      failedStep: 2,
      reason: 'not-seen',
    });
    expect(
      judgeChallenge(
        plan,
        track(plan.endMs, () => 0),
      ),
    ).toMatchObject({ passed: false, failedStep: 1 });
  });

  it('a turn nobody asked for fails, even when every step was answered', () => {
    const r = respond(plan, 600);
    const out = judgeChallenge(
      plan,
      track(plan.endMs, (t) => (t >= 7800 && t < 8300 ? 0.25 : r.yaw(t)), r.pitch, r.closed),
    );
    expect(out).toMatchObject({ passed: false, reason: 'unprompted-turn' });
  });

  it('stops early once a step has certainly failed, and waits while it is open', () => {
    const still = track(3000, () => 0);
    expect(judgeChallenge(plan, still.slice(0, 15), { final: false })).toBeUndefined();
    expect(judgeChallenge(plan, still, { final: false })).toMatchObject({ passed: false, failedStep: 1 });
  });
});

describe('a recorded genuine session replayed', () => {
  it('passes the challenge it answered, and almost never a fresh one (seeded: 2000 tries)', () => {
    const random = seededRandom(77);
    let accepted = 0;
    let tries = 0;
    for (let rec = 0; rec < 20; rec++) {
      const recorded = drawPlan(random, { actions: ALL });
      const r = respond(recorded, 900);
      // Spontaneous blinks every 3.3 s besides the prompted ones.
      const closed = (t: number) => (t % 3300 < 200 ? 1 : r.closed(t));
      const frames = track(recorded.endMs + 3000, r.yaw, r.pitch, closed);
      expect(judgeChallenge(recorded, frames)?.passed).toBe(true);
      for (let k = 0; k < 100; k++, tries++)
        if (judgeChallenge(drawPlan(random, { actions: ALL }), frames)?.passed) accepted++;
    }
    // Three steps, each a random action at a random moment: about 1 in 1000 by chance.
    expect(accepted / tries).toBeLessThan(0.004);
  });
});
