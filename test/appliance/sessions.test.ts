// Every session path end to end: readerd in its own process on the emulated hardware (PN532
// on a pty at 921600, the face camera showing the emulator's live subject, the still card-face
// camera, Firmata panel, debug-shell pty) with liveness required, the embedded broker, and the
// reference terminal verifying every result. The face and PIN paths run again
// on the emulated USB CCID reader: readerd's services composed by the emulated appliance's
// root (sim/appliance/emulated-readerd.ts) with the CCID emulator's bus.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fareader } from '../../protocol/gen/fareader.js';
import type { CardModuleKind } from '../../sim/appliance/emulated-hardware.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';
import { pinSignatureOk } from '../../tools/conformance/cases-session.js';
import { ApplianceRig } from '../../tools/demo/appliance-rig.js';
import { PATIENTS } from '../../tools/demo/patients.js';
import type { ResultRecord } from '../../tools/terminal/result-json.js';
import { RIG_TEST_SEED } from '../helpers/rig-seed.js';
import { missing } from '../helpers/system.js';

const v1 = fareader.v1;
const S = v1.ResponseStatus;
const face = (f: string): string => join(FACES_DIR, f);
type Evidence = {
  face?: {
    score: number;
    threshold: number;
    attempts: number;
    liveness?: { passed: boolean; challenge: string };
  };
  pin?: { cardSignature: string; signedDigest: string; triesLeftBefore: number; lastTryConfirmed: boolean };
  visualCheck?: { enablingCommandId: string; staffId: string; confirmed: boolean };
};
const evidence = (r: ResultRecord): Evidence => (r.evidence ?? {}) as Evidence;

/** A rig on one card module, started before the tests of a describe and closed after them. */
function applianceOn(module: CardModuleKind): {
  rig: () => ApplianceRig;
  play: (sessionId: Promise<string> | string) => Promise<ResultRecord>;
} {
  let rig: ApplianceRig;
  beforeAll(async () => {
    rig = await ApplianceRig.start({
      challengeSeed: RIG_TEST_SEED,
      dir: mkdtempSync(join(tmpdir(), `fareader-sessions-${module}-`)),
      cardModule: module,
      config: { session: { consents: ['medication', 'surgery'], doneScreenMs: 60_000 } },
    });
  }, 60_000);
  afterAll(() => rig?.close());
  return {
    rig: () => rig,
    play: async (sessionId) => {
      const r = await rig.result(await sessionId);
      await rig.patient.leave();
      await rig.patient.waitReady();
      return r;
    },
  };
}

/** The face and PIN paths: the same tests on either card module. */
function faceAndPinPaths(module: CardModuleKind, a: ReturnType<typeof applianceOn>): void {
  it(`the demo script on the ${module} module: every patient ends with the expected method and outcome`, async () => {
    const rig = a.rig();
    // readerd itself says which module it drives (what /healthz reports).
    const health = (await (await fetch(new URL('/healthz', rig.kioskUrl))).json()) as {
      cardModule: { name: string };
    };
    expect(health.cardModule.name).toMatch(module === 'ccid' ? /^Sony RC-S300/ : /^pn532$/);
    const results: ResultRecord[] = [];
    // Every patient on this rig's module, whichever module the demo plays it on.
    for (const p of PATIENTS) {
      const said: string[] = [];
      const r = await a.play(p.play(rig, (s) => said.push(s)));
      expect({ method: r.method, outcome: r.outcome }, p.name).toEqual(p.expect);
      // Someone else's live face fails the match, not the liveness check.
      if (p.name.startsWith('face fails'))
        expect(said, p.name).toContainEqual(expect.stringMatching(/^kiosk: face-not-matched;/));
      results.push(r);
    }
    const [faceOk, faceThenPin, lastTry, visual, cancelled, noPin] = results as [
      ResultRecord,
      ...ResultRecord[],
    ];
    // Face: evidence with a score above the threshold; the terminal's nonce echoed.
    expect(evidence(faceOk).face!.score).toBeGreaterThanOrEqual(evidence(faceOk).face!.threshold);
    // Liveness required: the live subject answered the reader's challenge.
    expect(evidence(faceOk).face!.liveness).toMatchObject({ passed: true });
    expect(evidence(noPin!).face!.liveness).toMatchObject({ passed: true });
    expect(faceOk.terminalNonce).toMatch(/^[0-9a-f]{64}$/);
    expect(faceOk.consents).toHaveLength(2);
    // PIN: the card's own signature proves the VERIFY; no face evidence rides along.
    expect(pinSignatureOk(faceThenPin!)).toBe(true);
    expect(evidence(faceThenPin!).face).toBeUndefined();
    expect(evidence(lastTry!).pin).toMatchObject({ triesLeftBefore: 1, lastTryConfirmed: true });
    expect(pinSignatureOk(lastTry!)).toBe(true);
    expect(evidence(visual!).visualCheck).toMatchObject({ staffId: 'staff-suzuki', confirmed: true });
    expect(evidence(visual!).visualCheck!.enablingCommandId).not.toBe('');
    expect(cancelled!.evidence).toBeNull();
    expect(evidence(noPin!).face).toBeDefined();
    // Counters strictly increase; results never carry the PIN or 照合番号B.
    const counters = results.map((r) => BigInt(r.counter));
    expect(counters.every((c, i) => i === 0 || c > counters[i - 1]!)).toBe(true);
    // Numbers and binary fields (base64, hex and UUIDs: the envelope, the certificate,
    // signatures, nonces, ids) are left out: durations and random bytes spell "1234" now and
    // then, and the PIN can only hide in the text fields.
    const text = (r: ResultRecord): string =>
      JSON.stringify(r, (_k, v: unknown) =>
        typeof v === 'number'
          ? 0 // a duration of 1234 ms is no PIN
          : typeof v === 'string' &&
              /^(?:[A-Za-z0-9+/]{40,}={0,2}|[0-9a-f]{32,}|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})$/.test(
                v,
              )
            ? '<binary>'
            : v,
      );
    for (const r of results) expect(text(r)).not.toContain('1234');
  }, 900_000);

  it(`a wrong PIN on the ${module} module: one VERIFY only, tries left shown, PIN_WRONG when the patient stops`, async () => {
    const rig = a.rig();
    const card = await rig.card('wrong-pin', 'normal', 'img1.jpg');
    await rig.patient.placeCard(card);
    const v = await rig.patient.waitFor('choosing-method');
    await rig.patient.choose('pin');
    const after = await rig.patient.enterPin('9999');
    expect(after).toMatchObject({ screen: 'entering-pin', triesLeft: 2 });
    await new Promise((r) => setTimeout(r, 300));
    expect(card.stats.pinVerifies).toBe(1);
    await rig.patient.cancel();
    const r = await a.play(v.sessionId!);
    expect(r.outcome).toBe('PIN_WRONG');
    expect(card.stats.pinVerifies).toBe(1);
  });

  it(`on the last try (${module} module) nothing is sent to the card unless the patient confirms`, async () => {
    const rig = a.rig();
    const card = await rig.card('last-try-no', 'pin-last-try', 'img1.jpg');
    await rig.patient.placeCard(card);
    const v = await rig.patient.waitFor('choosing-method');
    await rig.patient.choose('pin');
    expect((await rig.patient.enterPin('1234')).screen).toBe('confirming-last-try');
    await rig.patient.cancel();
    const r = await a.play(v.sessionId!);
    expect(r.outcome).toBe('CANCELLED_BY_PATIENT');
    expect(card.stats.pinVerifies).toBe(0);
  });
}

describe.skipIf(missing('socat', 'socat'))(
  'readerd sessions on the emulated appliance (PN532 module)',
  () => {
    const a = applianceOn('pn532');
    const { play } = a;
    let rig: ApplianceRig;
    beforeAll(() => {
      rig = a.rig();
    });

    faceAndPinPaths('pn532', a);

    it('the card removed at each stage ends the session with CARD_REMOVED', async () => {
      const stages: [string, (id: string) => Promise<void>, string?, (() => Promise<void>)?][] = [
        ['choosing-method', async () => {}],
        [
          'confirming-last-try',
          async () => {
            await rig.patient.choose('pin');
            await rig.patient.enterPin('1234');
          },
          'pin-last-try',
        ],
        [
          'awaiting-visual-check',
          async () => void (await rig.patient.choose('visual-check')),
          'pin-blocked',
          // The mode is for the next session: a blocked PIN is then offered visual check.
          async () =>
            void (await rig.terminal.sendCommand(rig.deviceId, { setMode: { mode: 2, staffId: 'st' } })),
        ],
        ['entering-pin', async () => void (await rig.patient.choose('pin'))],
        [
          'consenting',
          async () => {
            await rig.patient.choose('pin');
            await rig.patient.enterPin('1234');
          },
        ],
        // An empty counter: the face camera sees nobody, so the capture keeps trying.
        ['capturing', async () => void (await rig.patient.choose('face'))],
      ];
      for (const [stage, reach, profile, before] of stages) {
        await before?.();
        const card = await rig.card(`removed-${stage}`, (profile ?? 'normal') as 'normal', 'img1.jpg');
        await rig.patient.placeCard(card);
        const v = await rig.patient.waitFor('choosing-method');
        await reach(v.sessionId!);
        await rig.patient.waitFor(stage);
        await rig.hw.removeCard();
        const r = await play(v.sessionId!);
        expect(r.outcome, stage).toBe('CARD_REMOVED');
        expect(r.detail, stage).toContain(stage);
      }
      // The card leaves the field in the middle of an APDU while the certificate is read.
      const card = await rig.card('removed-mid-command', 'removed-mid-command', 'img1.jpg');
      await rig.patient.placeCard(card);
      const done = await rig.patient.waitFor('done');
      const r = await play(done.sessionId!);
      expect(['CARD_REMOVED', 'MODULE_ERROR', 'CARD_ERROR']).toContain(r.outcome);
    }, 90_000);

    it('an expired card and a card whose printed 照合番号B is wrong', async () => {
      await rig.patient.placeCard(await rig.card('expired', 'expired-cert', 'img1.jpg'));
      const e = await rig.patient.waitFor('done');
      expect((await play(e.sessionId!)).outcome).toBe('CARD_EXPIRED');
      await rig.patient.placeCard(await rig.card('wrongkeyb', 'wrong-key-b', 'img20.jpg'), face('img21.jpg'));
      await rig.patient.waitFor('choosing-method');
      await rig.patient.choose('face');
      // The chip refuses the key read from the face: face is impossible, PIN is offered.
      const v = await rig.patient.until(
        (x) => x.screen === 'choosing-method' && x.notice !== undefined,
        30_000,
      );
      expect(v).toMatchObject({ offered: ['pin'], notice: 'card-face-unreadable' });
      await rig.patient.cancel();
      expect((await play(v.sessionId!)).outcome).toBe('CARD_FACE_UNREADABLE');
    });

    it('a dead face camera ends with CAMERA_ERROR; a silent card module with MODULE_ERROR', async () => {
      await rig.patient.placeCard(await rig.card('camera-dies', 'normal', 'img20.jpg'), face('img21.jpg'));
      const v = await rig.patient.waitFor('choosing-method');
      await rig.hw.killFaceCamera(); // no frames at all
      await rig.patient.choose('face');
      const r = await play(v.sessionId!);
      expect(r.outcome).toBe('CAMERA_ERROR');

      await rig.patient.placeCard(await rig.card('module-dies', 'normal', 'img20.jpg'));
      const w = await rig.patient.waitFor('choosing-method');
      rig.hw.pn532Emulator.faults.mute = true; // the module stops answering
      try {
        await rig.patient.choose('pin');
        // The PIN screen opens on the tries the card read reported: the module is next asked
        // when the PIN is entered (the tries are read again before VERIFY).
        await rig.patient.enterPin('1234');
        const m = await rig.result(w.sessionId!, 30_000);
        expect(m.outcome).toBe('MODULE_ERROR');
      } finally {
        rig.hw.pn532Emulator.faults.mute = false;
      }
      await rig.patient.leave();
      await rig.patient.waitReady();
    });

    it('terminal commands: busy, cancel, no session, visual check only when enabled', async () => {
      const t = rig.terminal;
      const noSession = await t.sendCommand(rig.deviceId, { cancelSession: {} });
      expect(noSession.status).toBe(S.RESPONSE_STATUS_NO_SESSION);
      const early = await t.sendCommand(rig.deviceId, {
        visualCheckDecision: { sessionId: '', confirmed: true, staffId: 'x' },
      });
      expect(early.status).toBe(S.RESPONSE_STATUS_UNSUPPORTED);
      await rig.patient.placeCard(await rig.card('cancel-me', 'normal', 'img1.jpg'));
      const v = await rig.patient.waitFor('choosing-method');
      const busy = await t.startSession(rig.deviceId);
      expect(busy.response.status).toBe(S.RESPONSE_STATUS_BUSY);
      const c = await t.sendCommand(rig.deviceId, { cancelSession: { sessionId: v.sessionId } });
      expect(c.status).toBe(S.RESPONSE_STATUS_OK);
      expect((await play(v.sessionId!)).outcome).toBe('CANCELLED_BY_TERMINAL');
      // Visual check is never offered without the signed mode command.
      await rig.patient.placeCard(await rig.card('no-visual', 'no-pin', 'img1.jpg'), undefined);
      const nv = await rig.patient.waitFor(['reading-card-face', 'capturing', 'choosing-method']);
      expect(nv.offered ?? []).not.toContain('visual-check');
      await rig.patient.cancel();
      await play(nv.sessionId!);
    });

    it('the health endpoint reports the reader; the kiosk refuses bad input', async () => {
      const h = await fetch(new URL('/healthz', rig.kioskUrl));
      expect(h.status).toBe(200);
      expect(await h.json()).toMatchObject({
        ok: true,
        state: 'idle',
        // Issue 13: rejections by reason and the duplicate-client-id warning are on /healthz.
        link: { connected: true, duplicateClientId: false, recentKicks: 0, rejections: expect.any(Object) },
        missing: [],
        devices: { panel: { state: 'ok' }, cardModule: { state: 'ok' }, faceCamera: { state: 'ok' } },
      });
      const bad = await fetch(new URL('/api/input', rig.kioskUrl), {
        method: 'POST',
        body: '{"type":"pin","pin":"12"}',
      });
      expect(bad.status).toBe(400);
      const garbage = await fetch(new URL('/api/input', rig.kioskUrl), { method: 'POST', body: '\u0000{{' });
      expect(garbage.status).toBe(400);
      const notNow = await rig.patient.input({ type: 'confirm-last-try' });
      expect(notNow).toBe(false);
    });
  },
);

describe.skipIf(missing('socat', 'socat'))('readerd sessions on the emulated USB CCID reader', () => {
  faceAndPinPaths('ccid', applianceOn('ccid'));
});
