// 照合番号B from generated card faces through the card-face camera emulator: exact-match rates
// on clean and degraded frames, and what happened to the misses (re-place, or wrong).
import { CardFaceReader } from '../../firmware-host/vision/card-face-reader.js';
import { cardFaceKeyB, toEra } from '../../protocol/mynumber/mynumber.js';
import { cardScene, type SceneOptions } from '../../sim/camera/card-scene.js';
import { renderCardFace } from '../../sim/card/card-face-render.js';
import { holderFor } from '../../sim/card/card-profiles.js';
import type { Row } from './table.js';

export async function ocrBench(n = 200): Promise<Row[]> {
  const reader = new CardFaceReader();
  await reader.init();
  const sets: [string, (i: number) => SceneOptions, string | undefined][] = [
    ['clean (rotation ±10°)', (i) => ({ rotateDeg: (i % 21) - 10 }), '100 %'],
    [
      'degraded (rotation, blur σ ≤ 1, glare 0.45, noise σ 6)',
      (i) => ({
        rotateDeg: (i % 17) - 8,
        blurSigma: 0.5 + (i % 6) * 0.1,
        glare: { x: 0.15 + (i % 9) * 0.09, y: 0.3 + (i % 5) * 0.1, r: 130, strength: 0.45 },
        noise: 6,
        seed: i,
      }),
      '≥ 98 %',
    ],
    [
      'harsh (blur σ ≤ 1.8, glare 0.7, noise σ 10)',
      (i) => ({
        rotateDeg: (i % 17) - 8,
        blurSigma: 1 + (i % 5) * 0.2,
        glare: { x: 0.15 + (i % 9) * 0.09, y: 0.5, r: 150, strength: 0.7 },
        noise: 10,
        seed: i,
      }),
      undefined,
    ],
  ];
  const rows: Row[] = [];
  let ms = 0;
  let reads = 0;
  for (const [name, opts, goal] of sets) {
    let exact = 0;
    let wrong = 0;
    for (let i = 0; i < n; i++) {
      const h = holderFor(`bench-ocr-${i}`);
      const e = toEra(h.birth.y, h.birth.m, h.birth.d);
      const expected = cardFaceKeyB(
        { era: e.era, year: e.year, month: h.birth.m, day: h.birth.d },
        h.expiryYear,
        h.securityCode,
      );
      const frame = await cardScene(await renderCardFace(h), opts(i));
      const t0 = performance.now();
      const r = await reader.read(frame);
      ms += performance.now() - t0;
      reads++;
      if (r.ok && r.keyB === expected) exact++;
      else if (r.ok) wrong++;
    }
    rows.push({
      figure: `照合番号B exact, ${name}, ${n} cards (wrong keys: ${wrong}, others re-place)`,
      measured: (exact / n) * 100,
      unit: '%',
      goal: goal
        ? { text: goal, met: (v) => v >= Number.parseFloat(goal.replace('≥ ', '')) && wrong === 0 }
        : undefined,
    });
  }
  rows.push({
    figure: 'card-face read time (locate, era, two digit reads)',
    measured: ms / reads,
    unit: 'ms',
  });
  await reader.close();
  return rows;
}
