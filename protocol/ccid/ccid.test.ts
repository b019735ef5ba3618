import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.js';
import {
  decodeCcid,
  encodeCcid,
  encodeSlotChange,
  parsePseudoAtr,
  parseSlotChange,
  pseudoAtr,
  replyStatus,
  typeBPseudoAtr,
} from './ccid.js';

describe('CCID', () => {
  it('encodes XfrBlock with the 10-byte little-endian header', () => {
    const b = encodeCcid({ type: 0x6f, slot: 0, seq: 5, b7: 0, b8: 0, b9: 0, data: fromHex('00a4040c') });
    expect(toHex(b)).toBe('6f04000000000500000000a4040c');
    expect(decodeCcid(b)).toMatchObject({ type: 0x6f, seq: 5, data: fromHex('00a4040c') });
  });

  it('reads reply status bits: absent and failed, time extension', () => {
    expect(replyStatus(decodeCcid(fromHex('80000000000007420000')))).toEqual({
      icc: 'absent',
      failed: true,
      timeExtension: false,
    });
    expect(replyStatus(decodeCcid(fromHex('80000000000007800100'))).timeExtension).toBe(true);
  });

  it('refuses short, lying or oversized messages', () => {
    expect(() => decodeCcid(fromHex('800100'))).toThrow(/shorter than its header/);
    expect(() => decodeCcid(fromHex('8005000000000000000001'))).toThrow(/dwLength 5/);
    expect(() => decodeCcid(fromHex('80ffffff7f0000000000'))).toThrow(/exceeds/);
  });

  it('NotifySlotChange bits', () => {
    expect(parseSlotChange(encodeSlotChange(true, true))[0]).toEqual({
      slot: 0,
      present: true,
      changed: true,
    });
    expect(parseSlotChange(fromHex('5002'))[0]).toEqual({ slot: 0, present: false, changed: true });
  });

  it('builds the Type B pseudo-ATR of the reference', () => {
    // ccid.md: 3B 88 80 01 00 00 00 00 00 00 00 00 09 (application data and protocol info zero, MBLI 0)
    expect(toHex(pseudoAtr(new Uint8Array(8)))).toBe('3b8880010000000000000000' + '09');
    const atqb = fromHex('50aabbccdd11223344808171');
    const atr = typeBPseudoAtr(atqb, 8);
    expect(toHex(parsePseudoAtr(atr).historical)).toBe('1122334480817180');
    expect(parsePseudoAtr(atr).tckOk).toBe(true);
    expect(() => parsePseudoAtr(fromHex('3be000ff'))).toThrow(/pseudo-ATR/);
  });
});
