// 照合番号B read from generated card faces as the card-face camera sees them: exact on clean
// frames, and on degraded ones either exact or "re-place the card", never a wrong key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardFaceReader } from '../../firmware-host/vision/card-face-reader.js';
import { cardScene } from '../../sim/camera/card-scene.js';
import { renderCardFace } from '../../sim/card/card-face-render.js';
import { holderFor } from '../../sim/card/card-profiles.js';
import { MyNumberCard } from '../../sim/card/mynumber-emulator.js';
import { CARD_STATE } from '../card/card-fixture.js';

const reader = new CardFaceReader();
beforeAll(() => reader.init(), 60_000);
afterAll(() => reader.close());

describe('card-face reading of 照合番号B', () => {
  it('reads the key the emulated card prints, exactly, from clean and rotated frames', async () => {
    for (const id of ['ocr-1', 'ocr-2', 'ocr-3']) {
      const card = await MyNumberCard.create({ stateDir: CARD_STATE, cardId: id, holder: holderFor(id) });
      const face = await renderCardFace(card.holder);
      for (const rotateDeg of [0, -7, 11]) {
        const r = await reader.read(await cardScene(face, { rotateDeg }));
        expect(r).toEqual({ ok: true, keyB: card.printedKeyB });
      }
    }
  }, 120_000);

  it('never returns a wrong key from blurred, glared, noisy frames', async () => {
    let exact = 0;
    for (let i = 0; i < 6; i++) {
      const h = holderFor(`ocr-degraded-${i}`);
      const face = await renderCardFace(h);
      const r = await reader.read(
        await cardScene(face, {
          rotateDeg: (i % 3) * 5 - 5,
          blurSigma: 0.8 + (i % 2) * 0.6,
          glare: { x: 0.3 + i * 0.08, y: 0.5, r: 140, strength: 0.6 },
          noise: 8,
          seed: i,
        }),
      );
      const card = await MyNumberCard.create({
        stateDir: CARD_STATE,
        cardId: `ocr-degraded-${i}`,
        holder: h,
      });
      if (r.ok) {
        expect(r.keyB).toBe(card.printedKeyB);
        exact++;
      } else expect(r.reason).toMatch(/./);
    }
    expect(exact).toBeGreaterThan(0);
  }, 120_000);

  it('asks to re-place the card when there is no card or a field is covered', async () => {
    const { default: sharp } = await import('sharp');
    const empty = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2b2f33' } })
      .jpeg()
      .toBuffer();
    expect(await reader.read(empty)).toMatchObject({ ok: false, reason: 'no card on the tray' });
    const face = await renderCardFace(holderFor('covered'));
    const covered = await sharp(face)
      .composite([
        {
          input: { create: { width: 120, height: 60, channels: 3, background: '#ffffff' } },
          left: 230,
          top: 445,
        },
      ])
      .png()
      .toBuffer();
    const r = await reader.read(await cardScene(covered));
    expect(r.ok).toBe(false);
  }, 60_000);
});
