import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex } from '../bytes.js';
import { decodeVpcdMessage, encodeVpcdFrame, VpcdFramer } from './vpcd.js';

describe('vpcd protocol', () => {
  it('frames with a 2-byte big-endian length', () => {
    expect(encodeVpcdFrame(fromHex('9000'))).toEqual(fromHex('00029000'));
    expect(encodeVpcdFrame(new Uint8Array(300)).subarray(0, 2)).toEqual(fromHex('012c'));
    expect(() => encodeVpcdFrame(new Uint8Array(0x10000))).toThrow(/65535/);
  });

  it('reassembles frames at every split point, back to back', () => {
    const stream = concatBytes(
      encodeVpcdFrame(Uint8Array.of(0x04)),
      encodeVpcdFrame(fromHex('00a4040c0ad392f000260100000001')),
      encodeVpcdFrame(Uint8Array.of(0x01)),
    );
    for (let cut = 0; cut <= stream.length; cut++) {
      const f = new VpcdFramer();
      const got = [...f.push(stream.subarray(0, cut)), ...f.push(stream.subarray(cut))];
      expect(got.map((p) => decodeVpcdMessage(p).kind)).toEqual(['get-atr', 'apdu', 'power-on']);
      expect(f.pending).toBe(0);
    }
    const bytewise = new VpcdFramer();
    const got = [...stream].flatMap((b) => bytewise.push(Uint8Array.of(b)));
    expect(got).toHaveLength(3);
  });

  it('names every control code and leaves unknown ones for the card to ignore', () => {
    expect(decodeVpcdMessage(Uint8Array.of(0)).kind).toBe('power-off');
    expect(decodeVpcdMessage(Uint8Array.of(2)).kind).toBe('reset');
    expect(decodeVpcdMessage(Uint8Array.of(9)).kind).toBe('unknown');
    expect(decodeVpcdMessage(new Uint8Array()).kind).toBe('unknown');
  });
});
