// Liveness (issue 15): what the challenge costs per frame — the eye-state model (both eyes), the
// passive anti-spoofing model, the challenge's judgement over a growing track — measured on the
// emulator's live subject at the emulated readerd's face-camera size; and the face path from the
// card's tap to the terminal's verified result through readerd with liveness required (the
// random challenge the live subject answers) beside the same rig's match alone (--match-only),
// in the same run.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeImage } from '../../device/image/decode.js';
import { FaceApiMatcher } from '../../firmware-host/vision/face-api-matcher.js';
import { decideLiveness } from '../../firmware-host/vision/liveness-attempt.js';
import { drawPlan, type LiveFrame } from '../../firmware-host/vision/liveness-challenge.js';
import { EyeStateModel, PassiveLivenessModel } from '../../firmware-host/vision/liveness-models.js';
import { LiveSubject, seededRandom } from '../../sim/camera/live-subject.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';
import { ApplianceRig } from '../demo/appliance-rig.js';
import type { Row } from './table.js';

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

async function perFrame(): Promise<Row[]> {
  const detector = new FaceApiMatcher({ descriptors: false });
  const eyes = new EyeStateModel();
  const passive = new PassiveLivenessModel();
  await Promise.all([detector.load(), eyes.load(), passive.load()]);
  try {
    const photo = await decodeImage(new Uint8Array(readFileSync(join(FACES_DIR, 'img20.jpg'))));
    const ref = (await detector.detect(photo, 'reference'))[0]!;
    const subject = new LiveSubject(photo, ref.landmarks, { seed: 3, width: 320, height: 240 });
    const plan = drawPlan(seededRandom(5));
    const track: LiveFrame[] = [];
    const t = {
      detect: [] as number[],
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
    return [
      {
        figure: 'eye-state model (fr_eye, both eyes), per frame',
        measured: median(t.eyes),
        unit: 'ms',
        anchor: { name: 'face-api detect', value: median(t.detect) },
      },
      {
        figure: 'passive model (fr_liveness 128×128), per scored frame',
        measured: median(t.passive),
        unit: 'ms',
        anchor: { name: 'face-api detect', value: median(t.detect) },
      },
      {
        figure: 'challenge judgement over the track so far, per frame',
        measured: median(t.judge),
        unit: 'ms',
      },
    ];
  } finally {
    detector.dispose();
    await Promise.all([eyes.dispose(), passive.dispose()]);
  }
}

/** Tap to verified result, ms, for each of `runs` face sessions (one warm-up first). */
async function facePath(matchOnly: boolean, runs: number): Promise<number[]> {
  const rig = await ApplianceRig.start({
    dir: mkdtempSync(join(tmpdir(), 'fareader-bench-liveness-')),
    liveness: matchOnly ? 'off' : 'required',
    config: { session: { consents: [] } },
  });
  try {
    const out: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      // A card without PIN starts face at once: no patient pauses in the figure.
      const card = await rig.card(`bench-liveness-${i}`, 'no-pin', 'img20.jpg');
      await rig.hw.showFace(join(FACES_DIR, 'img21.jpg'));
      const before = rig.received.length;
      const tap = performance.now();
      await rig.hw.placeCard(card);
      while (rig.received.length === before) await new Promise((r) => setTimeout(r, 5));
      const r = rig.received.at(-1)!;
      if (r.outcome !== 'VERIFIED') throw new Error(`bench face session ended ${r.outcome}: ${r.detail}`);
      if (i > 0) out.push(performance.now() - tap);
      await rig.patient.leave();
      await rig.patient.waitReady();
    }
    return out;
  } finally {
    await rig.close();
  }
}

export async function livenessBench(o: { runs?: number } = {}): Promise<Row[]> {
  const runs = o.runs ?? 2;
  const rows = await perFrame();
  const off = await facePath(true, runs);
  const on = await facePath(false, runs);
  rows.push(
    {
      figure: `face path tap → verified, liveness required (median of ${runs})`,
      measured: median(on),
      unit: 'ms',
      anchor: { name: 'match alone, same run', value: median(off) },
    },
    {
      figure: `face path tap → verified, match alone (median of ${runs})`,
      measured: median(off),
      unit: 'ms',
    },
  );
  return rows;
}
