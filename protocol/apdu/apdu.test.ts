import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.js';
import { type CommandApdu, decodeApdu, decodeResponse, encodeApdu, swMeaning } from './apdu.js';
import { encodedLength, encodeTlv, find, parseTlvs } from './ber-tlv.js';

describe('APDU', () => {
  it.each<[string, CommandApdu, string]>([
    ['case 1', { cla: 0, ins: 0x20, p1: 0, p2: 0x80 }, '00200080'],
    ['case 2 short, Le 256', { cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 256 }, '00b0000000'],
    [
      'case 3 short (SELECT JPKI)',
      { cla: 0, ins: 0xa4, p1: 4, p2: 0x0c, data: fromHex('d392f000260100000001') },
      '00a4040c0ad392f000260100000001',
    ],
    [
      'case 4 short',
      { cla: 0x80, ins: 0x2a, p1: 0, p2: 0x80, data: fromHex('0102'), le: 256 },
      '802a0080020102' + '00',
    ],
    ['case 2 extended', { cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 1000 }, '00b000000003e8'],
    [
      'case 4 extended',
      { cla: 0, ins: 0x2a, p1: 0, p2: 0, data: new Uint8Array(300), le: 65536 },
      `002a000000012c${'00'.repeat(300)}0000`,
    ],
  ])('%s encodes and decodes back', (_n, c, hex) => {
    const b = encodeApdu(c);
    expect(toHex(b)).toBe(hex);
    const d = decodeApdu(b);
    expect(d).toMatchObject({ cla: c.cla, ins: c.ins, p1: c.p1, p2: c.p2, le: c.le ?? 0 });
    expect(d.data ?? new Uint8Array()).toEqual(c.data ?? new Uint8Array());
  });

  it('rejects malformed commands with a frame error', () => {
    expect(() => decodeApdu(fromHex('00a4'))).toThrow(/shorter than the 4-byte header/);
    expect(() => decodeApdu(fromHex('00a4040c05aabb'))).toThrow(/Lc 5 does not match/);
    expect(() => decodeResponse(fromHex('90'))).toThrow(/no status word/);
  });

  it('names status words', () => {
    expect(swMeaning(0x63c2)).toBe('verification failed, 2 tries left');
    expect(swMeaning(0x6984)).toMatch(/blocked/);
    expect(swMeaning(0x6c10)).toMatch(/16 bytes available/);
    expect(swMeaning(0x6100)).toMatch(/256 more bytes/);
    expect(decodeResponse(fromHex('01029000'))).toEqual({ data: fromHex('0102'), sw: 0x9000 });
  });
});

describe('BER-TLV', () => {
  it('parses two-byte private tags, long lengths and nesting (the card-face record shape)', () => {
    const photo = new Uint8Array(300).fill(7);
    const rec = encodeTlv(
      0xff20,
      Uint8Array.from([...encodeTlv(0xdf22, fromHex('3139393530323137')), ...encodeTlv(0xdf27, photo)]),
    );
    expect(toHex(rec.subarray(0, 4))).toBe('ff208201');
    const [outer] = parseTlvs(rec);
    expect(outer).toMatchObject({ tag: 0xff20, constructed: true });
    const inner = parseTlvs(outer!.value);
    expect(find(inner, 0xdf27)?.value).toEqual(photo);
    expect(encodedLength(rec.subarray(0, 8))).toBe(rec.length);
  });

  it('skips 00 padding and reads a certificate header (30 82 xx xx)', () => {
    expect(encodedLength(fromHex('308203450201'))).toBe(0x345 + 4);
    expect(parseTlvs(fromHex('00000401aa')).map((t) => t.tag)).toEqual([0x04]);
  });

  it('refuses garbage with a frame error, never an out-of-range read', () => {
    expect(() => parseTlvs(fromHex('df'))).toThrow(/tag runs past the end/);
    expect(() => parseTlvs(fromHex('0485'))).toThrow(/unsupported length/);
    expect(() => parseTlvs(fromHex('040501'))).toThrow(/runs past the end/);
    let seed = 3;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let i = 0; i < 2000; i++) {
      const b = new Uint8Array(rnd() % 40).map(() => rnd() & 0xff);
      try {
        for (const t of parseTlvs(b)) expect(t.offset + t.length).toBeLessThanOrEqual(b.length);
      } catch (e) {
        expect((e as Error).message).toMatch(/^BER-TLV/);
      }
    }
  });
});
