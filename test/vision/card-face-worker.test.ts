// The card-face reader in its worker thread: the same key as the reader in this thread, a
// picture that is no card answered "re-place", and the worker gone after close.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerCardFaceReader } from '../../firmware-host/vision/worker-card-face-reader.js';
import { cardScene } from '../../sim/camera/card-scene.js';
import { renderCardFace } from '../../sim/card/card-face-render.js';
import { holderFor } from '../../sim/card/card-profiles.js';
import { MyNumberCard } from '../../sim/card/mynumber-emulator.js';
import { CARD_STATE } from '../card/card-fixture.js';

const reader = new WorkerCardFaceReader();
beforeAll(() => reader.init(), 120_000);
afterAll(() => reader.close());

describe('the card-face reader in a worker thread', () => {
  it('reads the key the emulated card prints, exactly', async () => {
    const card = await MyNumberCard.create({
      stateDir: CARD_STATE,
      cardId: 'ocr-worker-1',
      holder: holderFor('ocr-worker-1'),
    });
    const face = await renderCardFace(card.holder);
    for (const rotateDeg of [0, -7]) {
      expect(await reader.read(await cardScene(face, { rotateDeg }))).toEqual({
        ok: true,
        keyB: card.printedKeyB,
      });
    }
  }, 120_000);

  it('answers a picture without a card, and bytes that are no picture, with "re-place", not a throw', async () => {
    const { default: sharp } = await import('sharp');
    const grey = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#777' } })
      .jpeg()
      .toBuffer();
    const r = await reader.read(grey);
    expect(r.ok).toBe(false);
    const garbage = await reader.read(Buffer.from('not an image at all'));
    expect(garbage.ok).toBe(false);
  }, 60_000);
});
