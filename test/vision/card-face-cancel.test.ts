// A card-face read canceled (the patient chose the PIN, the face path ended) stops in the OCR
// worker, not only in the caller: the worker counts it canceled, never answered; no listener is
// left on the signal; and the next read gets its own card's key.
import { getEventListeners } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function cardPicture(id: string): Promise<{ picture: Buffer; keyB: string }> {
  const card = await MyNumberCard.create({ stateDir: CARD_STATE, cardId: id, holder: holderFor(id) });
  return { picture: await cardScene(await renderCardFace(card.holder), {}), keyB: card.printedKeyB };
}

describe('a card-face read canceled in the OCR worker', () => {
  it('is stopped by the worker (counted canceled, not answered), leaks no listener, and the next read reads', async () => {
    const first = await cardPicture('ocr-cancel-1');
    const before = await reader.stats();
    const ac = new AbortController();
    const read = reader.read(first.picture, ac.signal).catch((e: unknown) => e);
    // Let the worker get the picture and start on it, then cancel.
    await new Promise((r) => setTimeout(r, 20));
    ac.abort();
    const e = await read;
    expect(isReaderError(e) && e.code).toBe(ErrorCode.Op_Canceled);
    // The worker stops at its next step; its stats are answered after it (one request at a time).
    const after = await reader.stats();
    expect(after.readsCanceled).toBe(before.readsCanceled + 1);
    expect(after.readsAnswered).toBe(before.readsAnswered);

    // A read that ends by itself leaves nothing on its signal (an aborted one would: `once`
    // listeners go when the abort fires, cleaned up or not).
    const second = await cardPicture('ocr-cancel-2');
    const keep = new AbortController();
    expect(await reader.read(second.picture, keep.signal)).toEqual({ ok: true, keyB: second.keyB });
    expect(getEventListeners(keep.signal, 'abort')).toHaveLength(0);
    expect((await reader.stats()).readsAnswered).toBe(before.readsAnswered + 1);
  }, 120_000);

  it('a read canceled while it waits behind another is never answered; the first still reads', async () => {
    const [a, b] = [await cardPicture('ocr-queued-1'), await cardPicture('ocr-queued-2')];
    const before = await reader.stats();
    const running = reader.read(a.picture);
    const ac = new AbortController();
    const queued = reader.read(b.picture, ac.signal).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 0));
    ac.abort();
    const e = await queued;
    expect(isReaderError(e) && e.code).toBe(ErrorCode.Op_Canceled);
    expect(await running).toEqual({ ok: true, keyB: a.keyB });
    // The second read waits behind the first in the worker (its start's round trip, or the read
    // itself): where the cancel catches it depends on timing, but the worker never answers it.
    const after = await reader.stats();
    expect(after.readsAnswered).toBe(before.readsAnswered + 1);
    expect(after.readsCanceled - before.readsCanceled).toBeLessThanOrEqual(1);
  }, 120_000);

  it('reads a raw RGB camera frame as it reads the encoded picture', async () => {
    const { default: sharp } = await import('sharp');
    const card = await cardPicture('ocr-cancel-raw');
    const { data, info } = await sharp(card.picture)
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(await reader.read({ width: info.width, height: info.height, data: new Uint8Array(data) })).toEqual(
      {
        ok: true,
        keyB: card.keyB,
      },
    );
  }, 120_000);
});
