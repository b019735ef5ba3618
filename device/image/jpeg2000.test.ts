// The chip photo's declared size is read from its SIZ marker before OpenJPEG sees it: a forged
// header cannot make the decoder allocate without bound.
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../protocol/errors.js';
import { decodeJ2k, encodeJ2kGrey, j2kSize } from './jpeg2000.js';

describe('JPEG 2000 size guard', () => {
  it('reads the size a real encoder wrote, and decodes it', async () => {
    const j2k = await encodeJ2kGrey(new Uint8Array(160 * 200).fill(128), 160, 200);
    expect(j2kSize(j2k)).toEqual({ width: 160, height: 200 });
    const img = await decodeJ2k(j2k);
    expect([img.width, img.height]).toEqual([160, 200]);
  });

  it('refuses a header that declares more pixels than any card photo, before decoding', async () => {
    const j2k = await encodeJ2kGrey(new Uint8Array(160 * 200).fill(128), 160, 200);
    const forged = j2k.slice();
    const at = forged.findIndex((b, i) => b === 0xff && forged[i + 1] === 0x51);
    new DataView(forged.buffer).setUint32(at + 2 + 4, 60_000); // Xsiz
    new DataView(forged.buffer).setUint32(at + 2 + 8, 60_000); // Ysiz
    expect(j2kSize(forged)).toEqual({ width: 60_000, height: 60_000 });
    await expect(decodeJ2k(forged)).rejects.toMatchObject({ code: ErrorCode.Card_NotAuthentic });
  });

  it('refuses bytes without a size marker (garbage)', async () => {
    await expect(decodeJ2k(new Uint8Array([0xff, 0x4f, 0, 1, 2, 3]))).rejects.toMatchObject({
      code: ErrorCode.Card_NotAuthentic,
    });
  });
});
