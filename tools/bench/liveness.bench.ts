// Liveness (issue 15): what the challenge costs per frame — the eye-state model (both eyes), the
// passive anti-spoofing model, the challenge's judgement over a growing track — measured on the
// emulator's live subject at the emulated readerd's face-camera size, beside readerd's own
// detection of the same frame (fr-onnx: detector, landmarks, embedding); and the face path from the
// card's tap to the terminal's verified result through readerd with liveness required (the
// random challenge the live subject answers) beside the same rig's match alone (--match-only),
// in the same run.
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeImage } from '../../device/image/decode.js';
import { FaceApiMatcher } from '../../firmware-host/vision/face-api-matcher.js';
import { REDETECT_EVERY } from '../../firmware-host/vision/face-tracker.js';
import { FrOnnxMatcher } from '../../firmware-host/vision/fr-onnx-matcher.js';
import { decideLiveness } from '../../firmware-host/vision/liveness-attempt.js';
import {
  CHALLENGE_ACTIONS,
  drawPlan,
  type LiveFrame,
} from '../../firmware-host/vision/liveness-challenge.js';
import { EyeStateModel, PassiveLivenessModel } from '../../firmware-host/vision/liveness-models.js';
import type { SubjectAnswer } from '../../sim/appliance/scene-face-camera.js';
import { LiveSubject, seededRandom } from '../../sim/camera/live-subject.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';
import { ApplianceRig } from '../demo/appliance-rig.js';
import type { Row } from './table.js';

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

async function perFrame(): Promise<Row[]> {
  // The emulator builds its subject on face-api's landmarks of the photo; readerd detects with fr-onnx.
  const emulator = new FaceApiMatcher({ descriptors: false });
  const detector = new FrOnnxMatcher();
  const eyes = new EyeStateModel();
  const passive = new PassiveLivenessModel();
  await Promise.all([emulator.load(), detector.load(), eyes.load(), passive.load()]);
  try {
    const photo = await decodeImage(new Uint8Array(readFileSync(join(FACES_DIR, 'img20.jpg'))));
    const ref = (await emulator.detect(photo, 'reference'))[0]!;
    const subject = new LiveSubject(photo, ref.landmarks, { seed: 3, width: 320, height: 240 });
    const plan = drawPlan(seededRandom(5), { actions: CHALLENGE_ACTIONS });
    const track: LiveFrame[] = [];
    const t = {
      detect: [] as number[],
      tracked: [] as number[],
      eyes: [] as number[],
      passive: [] as number[],
      judge: [] as number[],
    };
    for (let k = 0; k < 24; k++) {
      const img = subject.frameAt(k * 166);
      let t0 = performance.now();
      const face = (await detector.detect(img, 'live'))[0];
      t.detect.push(performance.now() - t0);
      if (!face) continue;
      t0 = performance.now();
      await detector.landmarksIn(img, face.box);
      t.tracked.push(performance.now() - t0);
      t0 = performance.now();
      const closed = await eyes.closed(img, face.landmarks);
      t.eyes.push(performance.now() - t0);
      t0 = performance.now();
      const p = await passive.score(img, face.box);
      t.passive.push(performance.now() - t0);
      track.push({ t: k * 166, landmarks: face.landmarks, eyesClosed: closed, passive: p });
      t0 = performance.now();
      decideLiveness(plan, track, { final: false });
      t.judge.push(performance.now() - t0);
    }
    const anchor = { name: "readerd's fr-onnx detect", value: median(t.detect) };
    return [
      {
        figure: "readerd's detection (fr-onnx: detector, landmarks, embedding), per frame",
        measured: median(t.detect),
        unit: 'ms',
      },
      {
        figure: `tracked frame (landmarks in the last box, no detector or embedder; full pass 1 in ${REDETECT_EVERY})`,
        measured: median(t.tracked),
        unit: 'ms',
        anchor,
      },
      {
        figure: 'eye-state model (fr_eye, both eyes), per frame',
        measured: median(t.eyes),
        unit: 'ms',
        anchor,
      },
      {
        figure: 'passive model (fr_liveness 128×128), per scored frame',
        measured: median(t.passive),
        unit: 'ms',
        anchor,
      },
      {
        figure: 'challenge judgement over the track so far, per frame',
        measured: median(t.judge),
        unit: 'ms',
        anchor,
      },
    ];
  } finally {
    emulator.dispose();
    await Promise.all([detector.dispose(), eyes.dispose(), passive.dispose()]);
  }
}

/** The live subject's answers recorded by the emulated camera (sim/appliance/scene-face-camera.ts). */
function answers(rig: ApplianceRig): SubjectAnswer[] {
  try {
    return readFileSync(`${rig.hw.faceScene}.subject.jsonl`, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as SubjectAnswer);
  } catch {
    return [];
  }
}

/**
 * Tap to verified result, ms, for each of `runs` face sessions (one warm-up first), how many
 * sessions ended otherwise (a bona fide rejection of the live subject: PIN offered), and per
 * verified session the human floor: the live subject's own reaction and motion time over the
 * prompts it answered (no code makes a patient answer sooner). The live camera runs on the wall
 * clock (--face-realtime), as a real one does: frames the reader has no time for are dropped.
 */
async function facePath(
  matchOnly: boolean,
  runs: number,
): Promise<{ ms: number[]; notVerified: number; floor: number[] }> {
  const rig = await ApplianceRig.start({
    dir: mkdtempSync(join(tmpdir(), 'fareader-bench-liveness-')),
    liveness: matchOnly ? 'off' : 'required',
    challengeSeed: 11,
    faceRealtime: true,
    config: { session: { consents: [] } },
  });
  try {
    const out: number[] = [];
    const floor: number[] = [];
    let notVerified = 0;
    for (let i = 0; i < runs + 1; i++) {
      // A card without PIN starts face at once: no patient pauses in the figure.
      const card = await rig.card(`bench-liveness-${i}`, 'no-pin', 'img20.jpg');
      // A seed per session: each meets its own challenge (a seeded rig draws per presentation).
      await rig.hw.showFace(join(FACES_DIR, 'img21.jpg'), { seed: i + 1 });
      const before = rig.received.length;
      const answered = answers(rig).length;
      const tap = performance.now();
      await rig.hw.placeCard(card);
      while (rig.received.length === before) await new Promise((r) => setTimeout(r, 5));
      const r = rig.received.at(-1)!;
      if (i > 0 && r.outcome === 'VERIFIED') {
        out.push(performance.now() - tap);
        floor.push(
          answers(rig)
            .slice(answered)
            .reduce((s, a) => s + a.reactionMs + a.motionMs, 0),
        );
      } else if (i > 0) notVerified++;
      await rig.patient.leave();
      await rig.patient.waitReady();
    }
    return { ms: out, notVerified, floor };
  } finally {
    await rig.close();
  }
}

export async function livenessBench(o: { runs?: number } = {}): Promise<Row[]> {
  const runs = o.runs ?? 2;
  const rows = await perFrame();
  const load0 = loadavg()[0]!;
  const off = await facePath(true, runs);
  const load1 = loadavg()[0]!;
  const on = await facePath(false, runs);
  const load2 = loadavg()[0]!;
  const bound = median(off.ms) + median(on.floor);
  rows.push(
    {
      figure: `face path tap → verified, liveness required (median of ${on.ms.length})`,
      measured: median(on.ms),
      unit: 'ms',
      anchor: { name: 'match alone + human floor, same run', value: bound },
    },
    {
      figure: "human floor: the live subject's reactions + motions over its prompts (median)",
      measured: median(on.floor),
      unit: 'ms',
    },
    {
      figure: 'liveness required vs the match alone, same run',
      measured: median(on.ms),
      unit: 'ms',
      anchor: { name: 'match alone', value: median(off.ms) },
    },
    {
      figure: `face path tap → verified, match alone (median of ${off.ms.length})`,
      measured: median(off.ms),
      unit: 'ms',
    },
    { figure: `liveness required: sessions of ${runs} not verified`, measured: on.notVerified, unit: '' },
    { figure: `match alone: sessions of ${runs} not verified`, measured: off.notVerified, unit: '' },
    // The machine is shared: the load beside each run says what the two figures were measured under.
    { figure: 'load average (1 min) before the match-alone runs', measured: load0, unit: '' },
    { figure: 'load average (1 min) after them, before liveness required', measured: load1, unit: '' },
    { figure: 'load average (1 min) after the liveness-required runs', measured: load2, unit: '' },
  );
  return rows;
}
