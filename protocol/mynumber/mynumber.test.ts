import { describe, expect, it } from 'vitest';
import { cardFaceKeyB, digestInfoSha256, fromEra, isDigestInfoSha256, pinBytes, toEra } from './mynumber.js';

describe('My Number helpers', () => {
  it('builds 照合番号B from the Japanese-era birth date, expiry year and security code', () => {
    // The reference's example: 平成7年2月17日 → 070217.
    expect(toEra(1995, 2, 17)).toEqual({ era: 'heisei', year: 7 });
    expect(cardFaceKeyB({ era: 'heisei', year: 7, month: 2, day: 17 }, 2030, '1234')).toBe('07021720301234');
    expect(toEra(2019, 5, 1)).toEqual({ era: 'reiwa', year: 1 });
    expect(toEra(2019, 4, 30)).toEqual({ era: 'heisei', year: 31 });
    expect(toEra(1989, 1, 7)).toEqual({ era: 'showa', year: 64 });
    expect(fromEra('showa', 50, 3, 3)).toEqual({ y: 1975, m: 3, d: 3 });
    expect(() => cardFaceKeyB({ era: 'heisei', year: 7, month: 2, day: 17 }, 2030, '12a4')).toThrow(
      /4 digits/,
    );
  });

  it('PIN and DigestInfo encodings', () => {
    expect(pinBytes('0042')).toEqual(Uint8Array.of(0x30, 0x30, 0x34, 0x32));
    expect(() => pinBytes('12345')).toThrow(/4 digits/);
    const di = digestInfoSha256(new Uint8Array(32));
    expect(di).toHaveLength(51);
    expect(isDigestInfoSha256(di)).toBe(true);
  });
});
