// The card-face reader in its worker thread: the same key as the reader in this thread, a
// picture that is no card answered "re-place", and the worker gone after close.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../device/image/decode.js';
import { encodeJ2kGrey } from '../../device/image/jpeg2000.js';
import { WorkerCardFaceReader } from '../../firmware-host/vision/worker-card-face-reader.js';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
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

  it('a read aborted is rejected at once; the worker’s late answer is dropped, the next read gets its own', async () => {
    const card = await MyNumberCard.create({
      stateDir: CARD_STATE,
      cardId: 'ocr-worker-2',
      holder: holderFor('ocr-worker-2'),
    });
    const picture = await cardScene(await renderCardFace(card.holder), {});
    const ac = new AbortController();
    let settled = false;
    const first = reader.read(picture, ac.signal).then(
      (r) => r,
      (e: unknown) => e,
    );
    void first.then(() => (settled = true));
    // The worker got the picture and is reading it: the abort answers the caller now.
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    ac.abort();
    const e = await first;
    expect(isReaderError(e) && e.code).toBe(ErrorCode.Op_Canceled);
    // Already aborted: refused without asking the worker.
    const again = await reader.read(picture, ac.signal).catch((x: unknown) => x);
    expect(isReaderError(again) && again.code).toBe(ErrorCode.Op_Canceled);
    // The aborted read's answer arrives while this one waits and is not taken for it.
    const grey = Buffer.from('not an image at all');
    expect((await reader.read(grey)).ok).toBe(false);
    expect(await reader.read(picture)).toEqual({ ok: true, keyB: card.printedKeyB });
  }, 120_000);

  it('ends its worker after the idle time without a read, and the next read starts a fresh one', async () => {
    const idle = new WorkerCardFaceReader({ idleCloseMs: 300 });
    try {
      await idle.init();
      expect(idle.running).toBe(true);
      for (let i = 0; i < 600 && idle.running; i++) await new Promise((r) => setTimeout(r, 50));
      expect(idle.running).toBe(false);
      expect((await idle.read(Buffer.from('not an image at all'))).ok).toBe(false);
      expect(idle.running).toBe(true);
    } finally {
      await idle.close();
    }
  }, 120_000);

  it('decodes a JPEG 2000 chip photo in the worker to the pixels the decoder gives here', async () => {
    const grey = new Uint8Array(144 * 180).map((_, i) => (i * 7) % 251);
    const j2k = await encodeJ2kGrey(grey, 144, 180);
    const there = await reader.decode(j2k);
    const here = await decodeImage(j2k);
    expect([there.width, there.height]).toEqual([144, 180]);
    expect(Buffer.from(there.data).equals(Buffer.from(here.data))).toBe(true);
    expect(isReaderError(await reader.decode(new Uint8Array([1, 2, 3])).catch((e: unknown) => e))).toBe(true);
  }, 60_000);

  it('decodes the chip photo when the OCR does not load: the failed load ends the thread, the decode starts one without OCR', async () => {
    // No OCR loads in 1 ms (its traineddata alone takes far longer): the read's OCR load fails.
    const noOcr = new WorkerCardFaceReader({ initTimeoutMs: 1 });
    try {
      const e = await noOcr.read(Buffer.from('not an image at all')).catch((x: unknown) => x);
      expect(isReaderError(e) && e.code).toBe(ErrorCode.Op_Timeout);
      expect(noOcr.running).toBe(false);
      const grey = new Uint8Array(144 * 180).map((_, i) => (i * 5) % 251);
      const photo = await noOcr.decode(await encodeJ2kGrey(grey, 144, 180));
      expect([photo.width, photo.height]).toEqual([144, 180]);
      expect(noOcr.running).toBe(true);
    } finally {
      await noOcr.close();
    }
  }, 120_000);
});
