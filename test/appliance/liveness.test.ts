// Liveness through readerd, end to end: readerd's composition in the emulated appliance's root
// with liveness required and the random challenge (the reader's default), the emulator's live
// subject in front of the face camera answering what the kiosk asks; the reference terminal
// verifies every result. A live subject verifies with the challenge in the evidence; each
// attack instrument ends the face path with the PIN offered and the reason in the result's
// evidence; a masked subject is asked to take the mask off and then verifies; the challenge
// differs from one attempt to the next (seeded).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXTS, type TextKey } from '../../firmware-host/kiosk/texts/index.js';
import {
  CHALLENGE_ACTIONS,
  DEFAULT_TIMING,
  drawPlan,
  PLAN_MINIMUMS,
  planName,
} from '../../firmware-host/vision/liveness-challenge.js';
import { type FacePresentation, faceSceneOf } from '../../sim/appliance/emulated-hardware.js';
import { challengeRandomFor } from '../../sim/appliance/scene-face-camera.js';
import { ATTACK_TYPES, type AttackType } from '../../sim/camera/attacks.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';
import { ApplianceRig, RIG_CHALLENGE } from '../../tools/demo/appliance-rig.js';
import type { ResultRecord } from '../../tools/terminal/result-json.js';
import { missing } from '../helpers/system.js';

const face = (f: string): string => join(FACES_DIR, f);
type Liveness = {
  passed: boolean;
  challenge: string;
  checksPassed: string[];
  reason?: string;
  frames: number;
};
type FaceEvidence = { score: number; threshold: number; attempts: number; liveness?: Liveness };
const faceOf = (r: ResultRecord): FaceEvidence | undefined =>
  (r.evidence as { face?: FaceEvidence } | null)?.face;

const SEED = 7;
let rig: ApplianceRig;
beforeAll(async () => {
  rig = await ApplianceRig.start({
    dir: mkdtempSync(join(tmpdir(), 'fareader-liveness-')),
    liveness: 'required',
    challengeSeed: SEED,
    config: { session: { consents: [], doneScreenMs: 60_000, attemptTimeoutMs: 8000 } },
  });
}, 90_000);
afterAll(() => rig?.close());

async function leave(): Promise<void> {
  await rig.patient.leave();
  await rig.patient.waitReady();
}

/** Every session's challenge and who stood there (each session here is one attempt, one plan drawn). */
const challenges: { challenge: string; how: FacePresentation }[] = [];

/** A patient with a card for `photo` shows `how` to the camera and chooses face. */
async function faceSession(id: string, how: FacePresentation = {}): Promise<{ sessionId: string }> {
  await rig.patient.placeCard(await rig.card(id, 'normal', 'img20.jpg'), face('img20.jpg'), how);
  const v = await rig.patient.waitFor('choosing-method');
  await rig.patient.choose('face');
  return { sessionId: v.sessionId! };
}

describe.skipIf(missing('ffmpeg', 'ffmpeg'))('liveness through readerd', () => {
  it('the live subject answers the random challenge and verifies; the evidence names the challenge', async () => {
    const { sessionId } = await faceSession('live-ok');
    const r = await rig.result(sessionId, 180_000);
    await leave();
    const f = faceOf(r)!;
    challenges.push({ challenge: f.liveness!.challenge, how: {} });
    const log = rig.lines.filter((l) => l.includes(sessionId) && /stages|timed|timeout/.test(l));
    expect(r.outcome, `${JSON.stringify(f.liveness)} ${log.join('\n')}`).toBe('VERIFIED');
    expect(f.liveness).toMatchObject({ passed: true });
    expect(f.liveness!.reason).toBeFalsy();
    expect(f.liveness!.challenge.split(',')).toHaveLength(RIG_CHALLENGE.challengeSteps);
    expect(f.liveness!.checksPassed).toContain('non-rigid-motion');
    expect(f.score).toBeGreaterThanOrEqual(f.threshold);
  }, 240_000);

  it.each(ATTACK_TYPES)(
    'a %s ends the face path: the PIN is offered, the result says why',
    async (as: AttackType) => {
      const { sessionId } = await faceSession(`attack-${as}`, { as });
      const v = await rig.patient.until(
        (x) => x.screen === 'choosing-method' && x.notice !== undefined,
        180_000,
        'the PIN offered',
      );
      expect(v.offered).toEqual(['pin']);
      await rig.patient.cancel();
      const r = await rig.result(sessionId, 30_000);
      await leave();
      const f = faceOf(r)!;
      // The match found the holder (the attack is made from the holder's photo): liveness said no.
      expect(r.outcome).toBe('LIVENESS_FAILED');
      expect(f.liveness).toMatchObject({ passed: false });
      expect(f.liveness!.reason).toMatch(/step \d|rigid|passive|unprompted-turn|no-baseline/);
      challenges.push({ challenge: f.liveness!.challenge, how: { as } });
      expect(JSON.stringify(r)).not.toMatch(/data:image|"photo"|jpeg/i);
    },
    240_000,
  );

  it('a masked subject is asked to remove the mask, then verifies', async () => {
    const said: string[] = [];
    const { sessionId } = await faceSession('masked', { wearing: ['mask'] });
    const asked = await rig.patient.until(
      (x) => x.challenge?.kind === 'occlusion',
      120_000,
      'remove the mask',
    );
    const key = asked.challenge!.key as TextKey;
    said.push(TEXTS.ja[key], TEXTS.en[key]);
    const r = await rig.result(sessionId, 180_000);
    await leave();
    challenges.push({ challenge: faceOf(r)!.liveness!.challenge, how: { wearing: ['mask'] } });
    expect(said).toEqual(['マスクを外してカメラを見てください', 'Please remove your mask']);
    expect(r.outcome, JSON.stringify(faceOf(r)!.liveness)).toBe('VERIFIED');
  }, 240_000);

  it('the challenge differs from one attempt to the next, as the seed draws them', () => {
    // Each presentation draws from a stream of its own (the seed and who stands there): a
    // session's challenge does not depend on the sessions before it (review finding 7).
    const timing = {
      ...DEFAULT_TIMING,
      gapMs: [RIG_CHALLENGE.challengeTiming.gapMinMs, RIG_CHALLENGE.challengeTiming.gapMaxMs] as const,
    };
    const drawn = challenges.map(({ how }) =>
      planName(
        drawPlan(challengeRandomFor(SEED, faceSceneOf(face('img20.jpg'), how)), {
          actions: CHALLENGE_ACTIONS,
          ...PLAN_MINIMUMS,
          steps: RIG_CHALLENGE.challengeSteps,
          timing,
        }),
      ),
    );
    expect(challenges.map((c) => c.challenge)).toEqual(drawn);
    expect(new Set(drawn).size).toBeGreaterThan(1);
  });
});
