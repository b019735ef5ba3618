import { describe, expect, it } from 'vitest';
import { fromHex } from '../../protocol/bytes.js';
import { decodeBulk, zcbor } from './zcbor-decode.js';
import { encodeZcbor } from './zcbor-encode.js';

const upload = { off: zcbor.uint32, data: zcbor.bstr, confirm: zcbor.bool, d: zcbor.tstr };

describe('zcbor-like request decoding', () => {
  it('takes plain values, definite or indefinite maps, and ignores bytes after the map', () => {
    expect(decodeBulk(fromHex('a2636f6666186464646174614201 02'.replace(' ', '')), upload)).toEqual({
      ok: true,
      values: { off: 100, data: Uint8Array.of(1, 2) },
      matched: 2,
    });
    expect(decodeBulk(fromHex('bf6164626869ff00'), upload)).toMatchObject({ ok: true, values: { d: 'hi' } });
  });

  it('refuses a tagged byte string (zcbor_bstr_decode: wrong type), as zcbor targets do', () => {
    const r = decodeBulk(fromHex('a16464617461d8404201 02'.replace(' ', '')), upload);
    expect(r).toEqual({ ok: false, why: '"data" is a value with CBOR tag 64, which its decoder refuses' });
  });

  it('skips unknown keys whatever their value, refuses duplicates, non-text keys and wrong types', () => {
    expect(decodeBulk(fromHex('a2617ad8409f01ff61646178'), upload)).toMatchObject({ ok: true, matched: 1 });
    expect(decodeBulk(fromHex('a2616461616164616262'), upload)).toMatchObject({ ok: false, why: /twice/ });
    expect(decodeBulk(fromHex('a10100'), upload)).toMatchObject({ ok: false, why: /key is a CBOR uint/ });
    expect(decodeBulk(fromHex('a1636f666620'), upload)).toMatchObject({ ok: false }); // off = -1
    expect(decodeBulk(fromHex('a1636f66661b0000000100000000'), upload)).toMatchObject({ ok: false }); // > 32 bits
    expect(decodeBulk(fromHex('a167636f6e6669726d01'), upload)).toMatchObject({ ok: false }); // 1 is no bool
    expect(decodeBulk(fromHex('a167636f6e6669726df5'), upload)).toMatchObject({
      ok: true,
      values: { confirm: true },
    });
    expect(decodeBulk(fromHex('80'), upload)).toMatchObject({ ok: false, why: /not a map/ });
    expect(decodeBulk(new Uint8Array(), upload)).toMatchObject({ ok: false, why: /not well-formed/ });
    expect(decodeBulk(fromHex('a1636f6666'), upload)).toMatchObject({ ok: false, why: /not well-formed/ });
  });

  it('survives garbage: random and deeply nested input never throws', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let i = 0; i < 5000; i++) {
      const b = new Uint8Array(rnd() % 40).map(() => rnd() & 0xff);
      if (b.length) b[0] = [0xa1, 0xa2, 0xbf, b[0]!][rnd() % 4]!;
      expect(() => decodeBulk(b, upload)).not.toThrow();
    }
    expect(decodeBulk(new Uint8Array(100_000).fill(0x81), upload)).toMatchObject({ ok: false });
    expect(decodeBulk(fromHex('bb ffffffffffffffff'.replace(' ', '')), upload)).toMatchObject({ ok: false });
  });
});

describe('zcbor-like response encoding', () => {
  it('writes indefinite-length maps and lists in key order, integers shortest, bytes untagged', () => {
    expect(encodeZcbor({ r: 'hi' })).toEqual(fromHex('bf6172626869ff'));
    expect(
      encodeZcbor({ images: [{ slot: 1, hash: Uint8Array.of(0xab), bootable: true }], splitStatus: 0 }),
    ).toEqual(
      fromHex(
        'bf66696d616765739fbf64736c6f74016468617368 41ab 68626f6f7461626c65f5 ff ff 6b73706c6974537461747573 00 ff'.replace(
          / /g,
          '',
        ),
      ),
    );
    expect(encodeZcbor({ off: 70_000, rc: -1 })).toEqual(
      fromHex('bf636f66661a000111706272632 0ff'.replace(/ /g, '')),
    );
  });
});
