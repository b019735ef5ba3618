// The demo's patients, one per path through the session: each returns the session id its
// result will carry. The patient acts through the emulated hardware and the kiosk's HTTP API;
// the receptionist acts through the reference terminal's signed commands.
import { join } from 'node:path';
import { fareader } from '../../protocol/gen/fareader.js';
import type { CardModuleKind } from '../../sim/appliance/emulated-hardware.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';
import type { ApplianceRig } from './appliance-rig.js';

const v1 = fareader.v1;
const face = (f: string): string => join(FACES_DIR, f);

export interface Patient {
  readonly name: string;
  /** The card module the demo plays this patient on (default pn532). */
  readonly module?: CardModuleKind;
  readonly expect: { readonly method: string; readonly outcome: string };
  play(rig: ApplianceRig, say: (s: string) => void): Promise<string>;
}

async function arrive(
  rig: ApplianceRig,
  id: string,
  profile: Parameters<ApplianceRig['card']>[1],
  photo: string,
  live?: string,
) {
  const card = await rig.card(id, profile, photo);
  await rig.patient.placeCard(card, live ? face(live) : undefined);
  return rig.patient.waitFor(
    ['choosing-method', 'capturing', 'reading-card-face', 'reading-photo', 'done'],
    30_000,
  );
}

/** The face match fails on every attempt (`live` is someone else); the patient turns to the PIN. */
function faceFailsThenPin(id: string, photo: string, live: string): Patient['play'] {
  return async (rig, say) => {
    const v = await arrive(rig, id, 'normal', photo, live);
    await rig.patient.choose('face');
    const after = await rig.patient.waitFor('choosing-method', FACE_WAIT_MS);
    // The kiosk's notice is the face path's outcome: `face-not-matched` (the match failed), not
    // `liveness-failed` (someone else's live face is no attack).
    say(`kiosk: ${after.notice}; offers ${after.offered?.join(', ')}`);
    await rig.patient.choose('pin');
    await rig.patient.enterPin('1234');
    say('patient: entered the PIN');
    await rig.patient.consent([true]);
    return v.sessionId!;
  };
}

/**
 * How long the face path may take on the emulator: liveness is required, and the live subject
 * answers the random challenge frame by frame on a shared machine.
 */
export const FACE_WAIT_MS = 150_000;

/** The face path's end: the consent questions, the result, or the choice offered again. */
async function afterFace(rig: ApplianceRig): Promise<void> {
  await rig.patient.waitFor(['consenting', 'publishing', 'done', 'choosing-method'], FACE_WAIT_MS);
}

export const PATIENTS: readonly Patient[] = [
  {
    name: 'face verified (session started at reception: its nonce is echoed)',
    expect: { method: 'FACE', outcome: 'VERIFIED' },
    async play(rig, say) {
      const { response } = await rig.terminal.startSession(rig.deviceId);
      say(`reception: StartSession → ${v1.ResponseStatus[response.status]}`);
      await rig.patient.waitFor('awaiting-card');
      const v = await arrive(rig, 'sato', 'normal', 'img20.jpg', 'img21.jpg');
      await rig.patient.choose('face');
      say('patient: chose face; looks at the camera and does what the kiosk asks');
      await afterFace(rig);
      await rig.patient.consent([true, true, false, true, true]);
      return v.sessionId!;
    },
  },
  {
    name: 'face fails, then PIN',
    expect: { method: 'PIN', outcome: 'VERIFIED' },
    // The live face is someone else's photo: the match fails on every attempt.
    play: faceFailsThenPin('suzuki', 'img16.jpg', 'img3.jpg'),
  },
  {
    name: 'PIN on the last try (the patient confirms the warning)',
    expect: { method: 'PIN', outcome: 'VERIFIED' },
    async play(rig, say) {
      const v = await arrive(rig, 'takahashi', 'pin-last-try', 'img22.jpg');
      await rig.patient.choose('pin');
      const w = await rig.patient.enterPin('1234');
      say(`kiosk: ${w.screen} — one try left, the card would lock on a wrong PIN`);
      await rig.patient.input({ type: 'confirm-last-try' });
      await rig.patient.consent([true]);
      return v.sessionId!;
    },
  },
  {
    name: 'PIN blocked, then visual check by staff (enabled by a signed command)',
    expect: { method: 'VISUAL_CHECK', outcome: 'VERIFIED' },
    async play(rig, say) {
      const mode = await rig.terminal.sendCommand(rig.deviceId, {
        setMode: { mode: v1.ReaderMode.READER_MODE_VISUAL_CHECK, staffId: 'staff-suzuki' },
      });
      say(`reception: SetMode(VISUAL_CHECK) → ${v1.ResponseStatus[mode.status]}`);
      const v = await arrive(rig, 'tanaka', 'pin-blocked', 'img12.jpg');
      // A blocked PIN is not offered: face or the staff's visual check.
      await rig.patient.choose('visual-check');
      await rig.patient.waitFor('awaiting-visual-check');
      say('kiosk: PIN blocked — visit the municipal office; staff will check the card face');
      const d = await rig.terminal.sendCommand(rig.deviceId, {
        visualCheckDecision: { sessionId: v.sessionId, confirmed: true, staffId: 'staff-suzuki' },
      });
      say(`reception: VisualCheckDecision(confirmed) → ${v1.ResponseStatus[d.status]}`);
      await rig.patient.consent([false]);
      return v.sessionId!;
    },
  },
  {
    name: 'a cancelled session',
    expect: { method: 'UNSPECIFIED', outcome: 'CANCELLED_BY_PATIENT' },
    async play(rig, say) {
      const v = await arrive(rig, 'ito', 'normal', 'img1.jpg');
      await rig.patient.cancel();
      say('patient: pressed 中止 (cancel)');
      await rig.patient.waitFor('done');
      return v.sessionId!;
    },
  },
  {
    name: 'a card without PIN (face is the only method)',
    expect: { method: 'FACE', outcome: 'VERIFIED' },
    async play(rig, say) {
      // Not img16/img17: the live subject the emulator makes from img17 fails the challenge with
      // "unprompted-turn" in every run (a bona fide rejection, left for the liveness evaluation).
      const v = await arrive(rig, 'watanabe', 'no-pin', 'img20.jpg', 'img21.jpg');
      say(`kiosk: ${v.screen} — no method to choose`);
      await afterFace(rig);
      await rig.patient.consent([true]);
      return v.sessionId!;
    },
  },
  {
    name: 'face fails, then PIN, at the USB card reader',
    module: 'ccid',
    expect: { method: 'PIN', outcome: 'VERIFIED' },
    play: faceFailsThenPin('yamada', 'img16.jpg', 'img3.jpg'),
  },
];
