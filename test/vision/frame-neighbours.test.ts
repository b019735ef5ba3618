// A frame's neighbours are found by time, so the liveness judge smooths over the same span at
// 6 fps (the rate its limits were chosen at), at 12 and at readerd's uneven real-time rate: at
// 6 fps exactly the adjacent frames, as before; at 12 a landmark jump lasting one 6-fps frame is
// still no turn.
import { describe, expect, it } from 'vitest';
import { NEIGHBOUR_MS, neighbourhood } from '../../firmware-host/vision/frame-neighbours.js';
import {
  type ChallengePlan,
  judgeChallenge,
  type LiveFrame,
} from '../../firmware-host/vision/liveness-challenge.js';
import { face } from './fixtures/schematic-face.js';

const at = (fps: number, n: number): number[] => Array.from({ length: n }, (_, k) => (k * 1000) / fps);

describe('frame neighbourhoods', () => {
  it('are the adjacent frames at 6 fps, two on each side at 12, and one side at the ends', () => {
    expect(NEIGHBOUR_MS).toBeLessThan(2 * (1000 / 6));
    expect(neighbourhood(at(6, 10), 5)).toEqual({ before: [4], after: [6] });
    expect(neighbourhood(at(12, 10), 5)).toEqual({ before: [4, 3], after: [6, 7] });
    expect(neighbourhood(at(12, 10), 0)).toEqual({ before: [], after: [1, 2] });
    expect(neighbourhood(at(12, 10), 9)).toEqual({ before: [8, 7], after: [] });
  });

  it('always hold the adjacent frames, however far: a hole where readerd ran its detector', () => {
    expect(neighbourhood([0, 67, 400, 467, 800], 2)).toEqual({ before: [1], after: [3] });
    expect(neighbourhood([0, 500, 1000], 1)).toEqual({ before: [0], after: [2] });
  });
});

describe('the judge at 12 fps', () => {
  const plan: ChallengePlan = {
    steps: [{ action: 'turn-left', promptMs: 1000, backMs: 3500 }],
    endMs: 5500,
  };
  const frames = (fps: number, yawAt: (t: number) => number): LiveFrame[] =>
    at(fps, Math.floor((plan.endMs * fps) / 1000) + 1).map((t) => ({ t, landmarks: face(yawAt(t)) }));

  it('sees no turn in a landmark jump lasting one 6-fps frame (two frames at 12 fps)', () => {
    const jump = (from: number) => (t: number) => (t >= from && t < from + 167 ? -0.2 : 0);
    const six = frames(6, jump(1660));
    expect(six.filter((f) => f.landmarks[30]![0] < 160)).toHaveLength(1);
    expect(judgeChallenge(plan, six)).toMatchObject({ passed: false, reason: 'not-seen' });
    const twelve = frames(12, jump(1660));
    expect(twelve.filter((f) => f.landmarks[30]![0] < 160)).toHaveLength(2);
    expect(judgeChallenge(plan, twelve)).toMatchObject({ passed: false, reason: 'not-seen' });
  });

  it('passes a held turn at either rate', () => {
    const turn = (t: number) => (t >= 1600 && t < 4100 ? -0.2 : 0);
    expect(judgeChallenge(plan, frames(6, turn))).toMatchObject({ passed: true });
    expect(judgeChallenge(plan, frames(12, turn))).toMatchObject({ passed: true });
  });
});
