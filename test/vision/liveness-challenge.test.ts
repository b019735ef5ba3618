// The random challenge: plans differ between attempts and cannot be foreseen from a seed the
// attacker lacks; a response at a human delay after each prompt passes; a response before the
// prompt, in the wrong direction, not held, or a turn nobody asked for fails.
import { describe, expect, it } from 'vitest';
import {
  type ChallengePlan,
  DEFAULT_THRESHOLDS,
  drawPlan,
  eyeRise,
  judgeChallenge,
  type LiveFrame,
  PLAN_MINIMUMS,
  planName,
} from '../../firmware-host/vision/liveness-challenge.js';
import { seededRandom } from '../../sim/camera/live-subject.js';
import { type P, track } from './fixtures/schematic-face.js';

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

  it("readerd's minimums: every plan has a turn or nod and a blink, in any order", () => {
    const random = seededRandom(7);
    const plans = Array.from({ length: 500 }, () => drawPlan(random, { actions: ALL, ...PLAN_MINIMUMS }));
    const isBlink = (a: string): boolean => a.startsWith('blink');
    for (const p of plans) {
      expect(p.steps.some((s) => isBlink(s.action))).toBe(true);
      expect(p.steps.some((s) => !isBlink(s.action))).toBe(true);
    }
    // Each step can be either kind: the minimums do not fix where the blink comes.
    for (let i = 0; i < 3; i++) {
      const kinds = new Set(plans.map((p) => isBlink(p.steps[i]!.action)));
      expect(kinds.size).toBe(2);
    }
    // Without the eye model readerd asks no blink: the minimum is dropped, not a failure.
    const noEyes = drawPlan(random, { actions: ['turn-left', 'look-up'], ...PLAN_MINIMUMS });
    expect(noEyes.steps.every((s) => !isBlink(s.action))).toBe(true);
    // Too few steps for both is refused, never drawn without the blink (review finding 2).
    expect(() => drawPlan(random, { actions: ALL, ...PLAN_MINIMUMS, steps: 1 })).toThrow(
      /1-step challenge cannot hold 1 turn or nod and 1 blink: give it 2 steps or more/,
    );
    const two = Array.from({ length: 50 }, () =>
      drawPlan(random, { actions: ALL, ...PLAN_MINIMUMS, steps: 2 }),
    );
    for (const p of two)
      expect(new Set(p.steps.map((s) => isBlink(s.action)))).toEqual(new Set([true, false]));
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

  it('a turn begun in its window that reaches the limit only after it is seen; one begun later is not', () => {
    // The landmark model read a nodding face's pose late (faces-lfw Mariah_Carey__4): frames
    // part-way to the limit before the window's end (2800 ms), the crossing after it.
    const late = (begin: number) => (t: number) =>
      t >= begin && t < begin + 400 ? -0.05 : t >= begin + 400 && t < 4100 ? -0.2 : 0;
    const blinked = (t: number) => (t >= 6600 && t < 6850 ? 1 : 0);
    const seen = track(plan.endMs, late(2500), () => 0, blinked);
    expect(judgeChallenge(plan, seen)).toMatchObject({ passed: true });
    const tooLate = track(plan.endMs, late(2900), () => 0, blinked);
    expect(judgeChallenge(plan, tooLate)).toMatchObject({ passed: false, failedStep: 1, reason: 'not-seen' });
    // Frame by frame (readerd's early stop) the same: open while the begun move is on its way.
    const early = (frames: LiveFrame[]) => {
      for (let k = 1; k <= frames.length; k++) {
        const o = judgeChallenge(plan, frames.slice(0, k), { final: k === frames.length });
        if (o) return o;
      }
    };
    expect(early(seen)).toMatchObject({ passed: true });
    expect(early(tooLate)).toMatchObject({ passed: false, reason: 'not-seen' });
  });

  it('a turn that reaches the limit only after "look at the camera", or never comes back, fails', () => {
    // Half-way in the window (2500 ms), the full turn only once "look at the camera" (3500 ms)
    // could be answered: the wrong prompt answered, nothing held.
    const afterBack = (t: number) => (t >= 2500 && t < 3900 ? -0.04 : t >= 3900 && t < 4600 ? -0.2 : 0);
    const blinked = (t: number) => (t >= 6600 && t < 6850 ? 1 : 0);
    expect(
      judgeChallenge(
        plan,
        track(plan.endMs, afterBack, () => 0, blinked),
      ),
    ).toMatchObject({
      passed: false,
      failedStep: 1,
    });
    // Turned at 3850 and held through the whole return window: the half-way frames before the
    // turn are no return.
    const neverBack = (t: number) => (t >= 2500 && t < 3850 ? -0.04 : t >= 3850 && t < 5300 ? -0.2 : 0);
    expect(
      judgeChallenge(
        plan,
        track(plan.endMs, neverBack, () => 0, blinked),
      ),
    ).toMatchObject({
      passed: false,
      failedStep: 1,
    });
  });

  it('one frame of one confidently open eye at 0.5–2 % closed is no blink', () => {
    const turned = (t: number) => (t >= 1600 && t < 4100 ? -0.2 : 0);
    for (const spike of [0.005, 0.02, 0.05]) {
      const frames = track(plan.endMs, turned).map((f) => ({
        ...f,
        eyesClosed: [f.t === 6700 ? spike : 0.0001, 0.0001] as [number, number],
      }));
      expect(judgeChallenge(plan, frames), `spike ${spike}`).toMatchObject({
        passed: false,
        failedStep: 2,
        reason: 'not-seen',
      });
    }
  });

  it('a blink is seen on a face whose open eyes the eye model already reads as closed (0.92, 0.98)', () => {
    // faces-lfw Fujio_Cho__2 through the emulator: a rise in probability under 0.08, in log-odds
    // far above the open eye's jitter.
    const random = seededRandom(5);
    const turned = (t: number) => (t >= 1600 && t < 4100 ? -0.2 : 0);
    const frames = (blink: boolean): LiveFrame[] =>
      track(plan.endMs, turned).map((f) => {
        const shut = blink && f.t >= 6600 && f.t < 6850;
        const open = (p: number): number => Math.min(0.995, p + 0.06 * (random() - 0.5));
        return { ...f, eyesClosed: shut ? [0.99999, 0.99995] : [open(0.92), open(0.98)] };
      });
    // Under a blink limit of 0.3: its rise is 0.29–0.37 (readerd's chosen 0.45 is above it).
    const thresholds = { ...DEFAULT_THRESHOLDS, closure: 0.3 };
    expect(eyeRise(0.99999, 0.92)).toBeGreaterThan(0.3);
    expect(0.99999 - 0.92).toBeLessThan(0.1);
    expect(judgeChallenge(plan, frames(true), { thresholds })).toMatchObject({ passed: true });
    expect(judgeChallenge(plan, frames(false), { thresholds })).toMatchObject({
      passed: false,
      failedStep: 2,
      reason: 'not-seen',
    });
  });

  it('a blink is seen on a face whose open eyes the eye model reads beyond 0.9999 closed', () => {
    // faces-lfw Bob_Huggins__3 through the emulator: the open eye at +8.1 in log-odds, the
    // prompted blink +17.4 and +22.5; clipped at 0.9999 (+9.21) the rise was 0.06.
    const p = (logOdds: number): number => 1 / (1 + Math.exp(-logOdds));
    expect(eyeRise(p(22.5), p(8.1))).toBeGreaterThan(0.7);
    expect(eyeRise(p(17.4), p(8.1))).toBeGreaterThan(0.45);
    // The open eye's own jitter there (+6…+10) stays far under a blink limit.
    expect(eyeRise(p(10), p(8.1))).toBeLessThan(0.11);
    const turned = (t: number) => (t >= 1600 && t < 4100 ? -0.2 : 0);
    const frames = track(plan.endMs, turned).map((f) => {
      const shut = f.t >= 6600 && f.t < 6850;
      const open = 8.1 + (f.t % 300 === 0 ? 0.5 : -0.5);
      return { ...f, eyesClosed: [p(shut ? 22.5 : open), p(shut ? 17.4 : open)] as [number, number] };
    });
    expect(judgeChallenge(plan, frames)).toMatchObject({ passed: true });
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

describe('a printed photo turned, tilted or bent', () => {
  const plan: ChallengePlan = { steps: [{ action: 'turn-left', promptMs: 1000, backMs: 3500 }], endMs: 6000 };
  const turned = (t: number) => (t >= 1600 && t < 4100 ? -0.2 : 0);
  /** A print bent about a vertical axis: the nose moves against the eyes as a head's does, but
   * the top of the nose and the chin, at the same depth on the sheet, move with it. */
  const bentPrint = (): LiveFrame[] =>
    track(plan.endMs, turned).map((f) => {
      const l = f.landmarks.map((p) => [...p] as P);
      const dx = l[30]![0] - 160;
      l[27] = [160 + dx, 150];
      l[8] = [160 + dx, 260];
      return { ...f, landmarks: l };
    });

  it('a head turning moves its nose off its midline: it passes the parallax check', () => {
    expect(judgeChallenge(plan, track(plan.endMs, turned))).toMatchObject({ passed: true });
  });

  it('a turn that begins only after "look at the camera" is still judged on its own frames', () => {
    // The latest onset (1.8 s after the prompt) comes after "look at the camera" (1.5 s after it)
    // and its 250 ms: no frame is held between them, the onset frame alone is the turned pose.
    const late: ChallengePlan = {
      steps: [{ action: 'turn-left', promptMs: 1000, backMs: 2500 }],
      endMs: 6000,
    };
    const frames = track(late.endMs, (t) => (t >= 2800 && t < 3500 ? -0.2 : 0));
    expect(judgeChallenge(late, frames)).toMatchObject({ passed: true });
  });

  it('a bent print whose yaw reads as a turn fails as flat (its midline moves with the nose)', () => {
    const frames = bentPrint();
    // Without the check the print answers the turn.
    const { parallax: _, ...noCheck } = DEFAULT_THRESHOLDS;
    expect(judgeChallenge(plan, frames, { thresholds: noCheck })).toMatchObject({ passed: true });
    expect(judgeChallenge(plan, frames)).toMatchObject({ passed: false, failedStep: 1, reason: 'flat' });
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
  }, 120_000);
});

/**
 * A head in 3-D seen by the camera (orthographic, px): eyes 60 px apart on the face plane, the
 * nose tip 40 px below them and 17 px out of it, the mouth 75 px below and 3 px out, the chin
 * 120 px below; turned by
 * `yaw` and nodded by `pitch` radians (positive: right, down).
 */
function head(yaw: number, pitch: number): P[] {
  const l: P[] = Array.from({ length: 68 }, () => [160, 200]);
  const put = (i: number, x: number, y: number, z: number): void => {
    // Nod about the eye line, then turn about the vertical axis.
    const y1 = y * Math.cos(pitch) - z * Math.sin(pitch) * -1;
    const z1 = z * Math.cos(pitch) - y * Math.sin(pitch);
    l[i] = [160 + x * Math.cos(yaw) + z1 * Math.sin(yaw), 150 + y1];
  };
  for (let k = 0; k < 6; k++) {
    put(36 + k, -30 + (k - 2.5) * 4, 0, 0);
    put(42 + k, 30 + (k - 2.5) * 4, 0, 0);
  }
  put(30, 0, 40, 17);
  for (let k = 0; k < 12; k++) put(48 + k, (k - 5.5) * 3, 75, 3);
  // The face's midline: the top of the nose 4 px out between the eyes, the chin 120 px below.
  put(27, 0, 2, 4);
  put(8, 0, 120, 0);
  return l;
}

/** The frames the attempt has seen so far judged after each, as the appliance judges them. */
function judgeAsFramesCome(plan: ChallengePlan, frames: readonly LiveFrame[]) {
  for (let i = 1; i <= frames.length; i++) {
    const seen = frames.slice(0, i);
    const final = seen.at(-1)!.t >= plan.endMs;
    const out = judgeChallenge(plan, seen, { final });
    if (out) return out;
  }
  return judgeChallenge(plan, frames, { final: true });
}

describe('a real head, and a landmark model that jitters', () => {
  const nod: ChallengePlan = {
    steps: [
      { action: 'look-down', promptMs: 1500, backMs: 3600 },
      { action: 'look-up', promptMs: 6000, backMs: 8100 },
    ],
    endMs: 10_500,
  };
  const nodded = (t: number): number => (t >= 2100 && t < 4200 ? 0.45 : t >= 6600 && t < 8700 ? -0.42 : 0);

  it('a nod down is seen though the nod also shortens the face', () => {
    const frames: LiveFrame[] = [];
    for (let t = 0; t <= nod.endMs; t += 166) frames.push({ t, landmarks: head(0, nodded(t)) });
    expect(judgeAsFramesCome(nod, frames)).toMatchObject({ passed: true });
  });

  it('a frame or two whose landmarks jump is not a turn nobody asked for; a held one still is', () => {
    const random = seededRandom(17);
    // Each frame's nose tip off by up to ±0.02 eye distances, and now and then one frame off by
    // more than a turn (the fr_landmark nose tip on a small face does this).
    const jitter = (t: number, i: number): P[] => {
      const l = head(0, nodded(t));
      const spike = i % 7 === 3 ? (i % 2 ? [0.14, 0] : [0, 0.12]) : [0, 0];
      const n = l[30]!;
      l[30] = [
        n[0] + 60 * (spike[0]! + 0.04 * (random() - 0.5)),
        n[1] + 60 * (spike[1]! + 0.04 * (random() - 0.5)),
      ];
      return l;
    };
    const frames: LiveFrame[] = [];
    for (let t = 0, i = 0; t <= nod.endMs; t += 166, i++) frames.push({ t, landmarks: jitter(t, i) });
    expect(judgeAsFramesCome(nod, frames)).toMatchObject({ passed: true });
    // Two neighbouring frames past a turn at rest, outside every turn's window (faces-lfw
    // Rita_Grande__2 through the emulator): landmark jitter, not a head that turned.
    const burst = frames.map((f) => (f.t >= 5450 && f.t < 5700 ? { ...f, landmarks: head(0.45, 0) } : f));
    expect(burst.filter((f) => f.t >= 5450 && f.t < 5700)).toHaveLength(2);
    expect(judgeAsFramesCome(nod, burst)).toMatchObject({ passed: true });
    // The same head turning for half a second when nobody asked (after the nod's window).
    const strayed = frames.map((f) => (f.t >= 5400 && f.t < 5900 ? { ...f, landmarks: head(0.45, 0) } : f));
    expect(judgeAsFramesCome(nod, strayed)).toMatchObject({ passed: false, reason: 'unprompted-turn' });
  });

  it('one frame read back at rest during a held nod is not a nod let go, judged as frames come', () => {
    // Seed 19, Chok_Tong_Goh__1 through the emulator: a turn read at 6.7 limits, then one frame
    // at rest, on the frame the attempt stopped as not held.
    const frames: LiveFrame[] = [];
    for (let t = 0; t <= nod.endMs; t += 166) frames.push({ t, landmarks: head(0, nodded(t)) });
    const glitch = frames.findIndex((f) => f.t >= 3000);
    const jumped = frames.map((f, i) => (i === glitch ? { ...f, landmarks: head(0, 0) } : f));
    expect(judgeChallenge(nod, jumped)).toMatchObject({ passed: true });
    expect(judgeAsFramesCome(nod, jumped)).toMatchObject({ passed: true });
    // Two frames at rest are the head let go.
    const let2 = jumped.map((f, i) => (i === glitch + 1 ? { ...f, landmarks: head(0, 0) } : f));
    expect(judgeAsFramesCome(nod, let2)).toMatchObject({ passed: false, reason: 'not-held' });
  });

  it('a turn nobody asked for that begins as the plan ends is watched until it counts', () => {
    // A recording that answered by chance goes on to its own next turn just before the end: the
    // attempt does not end on a run still under way.
    const frames: LiveFrame[] = [];
    for (let t = 0; t <= nod.endMs + 600; t += 166)
      frames.push({ t, landmarks: head(t >= 10_200 ? 0.45 : 0, nodded(t)) });
    expect(judgeAsFramesCome(nod, frames)).toMatchObject({ passed: false, reason: 'unprompted-turn' });
    // The same head still: passed once the plan's end is seen.
    const still = frames.map((f) => ({ ...f, landmarks: head(0, nodded(f.t)) }));
    expect(judgeAsFramesCome(nod, still)).toMatchObject({ passed: true });
    // Two frames past the limit, then a head that only hovers past half of it (0.21 rad: ~0.6
    // of the turn limit) to the end: nothing counts, nothing is held up.
    const hover = frames.map((f) => ({
      ...f,
      landmarks: head(f.t >= 10_000 && f.t < 10_300 ? 0.45 : f.t >= 10_300 ? 0.21 : 0, nodded(f.t)),
    }));
    expect(hover.filter((f) => f.t >= 10_000 && f.t < 10_300)).toHaveLength(2);
    expect(judgeAsFramesCome(nod, hover)).toMatchObject({ passed: true });
    expect(judgeChallenge(nod, hover)).toMatchObject({ passed: true });
  });
});
