import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex } from '../bytes.js';
import {
  ACK,
  ERROR_FRAME,
  encodeFrame,
  NACK,
  type Pn532Event,
  Pn532Parser,
  pn532CommandName,
  TFI_HOST,
  TFI_PN532,
} from './frame.js';

// Golden frames from the PN532 user manual / libnfc traces.
const GET_FIRMWARE = fromHex('0000ff02fed4022a00');
const SAM_CONFIG = fromHex('0000ff03fdd414011700');
const FIRMWARE_RESP = fromHex('0000ff06fad50332010607e800');

const frames = (evs: Pn532Event[]) => evs.filter((e) => e.type !== 'discarded');

describe('PN532 frames', () => {
  it('encodes the golden command frames', () => {
    expect(toHex(encodeFrame(TFI_HOST, Uint8Array.of(0x02)))).toBe(toHex(GET_FIRMWARE));
    expect(toHex(encodeFrame(TFI_HOST, Uint8Array.of(0x14, 0x01)))).toBe(toHex(SAM_CONFIG));
    expect(toHex(encodeFrame(TFI_PN532, fromHex('0332010607')))).toBe(toHex(FIRMWARE_RESP));
  });

  it('switches to an extended frame above 255 bytes', () => {
    const data = new Uint8Array(260).map((_, i) => i & 0xff);
    const f = encodeFrame(TFI_PN532, data);
    // 00 00 FF FF FF LENm LENl LCS: LEN = 261 = 0x0105, LCS = 0x100 - 0x06 = 0xFA
    expect(toHex(f.subarray(0, 9))).toBe('0000ffffff0105fad5');
    expect(((f[5]! + f[6]! + f[7]!) & 0xff) === 0).toBe(true);
    const [ev] = new Pn532Parser().push(f);
    expect(ev).toEqual({ type: 'frame', tfi: TFI_PN532, data, extended: true });
  });

  it('parses ACK, NACK, the error frame and data frames back to back', () => {
    const evs = new Pn532Parser().push(concatBytes(ACK, FIRMWARE_RESP, NACK, ERROR_FRAME, GET_FIRMWARE));
    expect(evs.map((e) => e.type)).toEqual(['ack', 'frame', 'nack', 'error-frame', 'frame']);
    expect(evs[1]).toMatchObject({ tfi: 0xd5, data: fromHex('0332010607') });
  });

  it('yields the same events at every split point, with leading garbage and a bad checksum first', () => {
    const bad = FIRMWARE_RESP.slice();
    bad[10]! ^= 0xff;
    const wire = concatBytes(fromHex('55550000deadbeef'), bad, ACK, FIRMWARE_RESP);
    for (let cut = 0; cut <= wire.length; cut++) {
      const p = new Pn532Parser();
      const evs = [...p.push(wire.subarray(0, cut)), ...p.push(wire.subarray(cut))];
      expect(frames(evs).map((e) => e.type)).toEqual(['ack', 'frame']);
      expect(evs.some((e) => e.type === 'discarded' && /checksum/.test(e.reason))).toBe(true);
    }
  });

  it('never throws on random bytes and caps frame length', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    const p = new Pn532Parser(64);
    for (let i = 0; i < 500; i++) {
      const junk = new Uint8Array(rnd() % 80).map(() => [0x00, 0xff, 0xd5, rnd() & 0xff][rnd() % 4]!);
      expect(() => p.push(junk)).not.toThrow();
    }
    p.push(new Uint8Array(300)); // flush
    const big = encodeFrame(TFI_PN532, new Uint8Array(100));
    expect(p.push(big).some((e) => e.type === 'discarded' && /over the cap/.test(e.reason))).toBe(true);
    expect(frames(p.push(FIRMWARE_RESP))).toHaveLength(1);
  });

  it('LEN 00 / LCS 00 is no frame (LEN counts the TFI; libnfc wants LEN + LCS = 256): discarded, then resynchronised', () => {
    const evs = new Pn532Parser().push(fromHex('0000ff000000'));
    expect(frames(evs)).toEqual([]);
    expect(evs.some((e) => e.type === 'discarded' && /length checksum/.test(e.reason))).toBe(true);
    // A frame whose data ends 00 and DCS is FF leaves 00 FF 00 00 behind it; the next frame's
    // start code must not be eaten as the body of a LEN 00 frame.
    const tail = encodeFrame(TFI_PN532, fromHex('45ba2d00')); // …2d 00 ff 00
    const wire = concatBytes(fromHex('00ff0000'), tail, tail, tail);
    for (let cut = 0; cut <= wire.length; cut++) {
      const p = new Pn532Parser();
      const got = frames([...p.push(wire.subarray(0, cut)), ...p.push(wire.subarray(cut))]);
      const each = { type: 'frame', tfi: TFI_PN532, data: fromHex('45ba2d00'), extended: false };
      expect(got).toEqual([each, each, each]);
    }
  });

  it('names commands and responses', () => {
    expect(pn532CommandName(0x4a)).toBe('InListPassiveTarget');
    expect(pn532CommandName(0x41)).toBe('InDataExchange response');
  });
});

describe('PN532 stream parser cost', () => {
  /** Bytes copied by Uint8Array slice/set while `run` runs: the parser's work beyond one scan. */
  function copiedBy<T>(run: () => T): { result: T; copied: number } {
    const proto = Uint8Array.prototype;
    const { slice, set } = proto;
    let copied = 0;
    proto.slice = function (this: Uint8Array, start?: number, end?: number) {
      const r = slice.call(this, start, end);
      copied += r.length;
      return r;
    };
    proto.set = function (this: Uint8Array, src: ArrayLike<number>, offset?: number) {
      copied += src.length;
      return set.call(this, src, offset);
    } as typeof proto.set;
    try {
      return { result: run(), copied };
    } finally {
      proto.slice = slice;
      proto.set = set;
    }
  }

  it('parses 1 MiB of ACKs in one chunk with work linear in its size', () => {
    const n = Math.floor((1 << 20) / ACK.length);
    const chunk = new Uint8Array(n * ACK.length);
    for (let i = 0; i < n; i++) chunk.set(ACK, i * ACK.length);
    const { result, copied } = copiedBy(() => new Pn532Parser().push(chunk));
    expect(result.length).toBe(n);
    expect(result.every((e) => e.type === 'ack')).toBe(true);
    // Re-slicing the rest of the buffer per event copies ~n²/2 bytes (~9·10¹⁰ here).
    expect(copied).toBeLessThanOrEqual(2 * chunk.length);
  });

  it('1 MiB of false starts (00 FF with a bad length checksum) costs linear work too', () => {
    const chunk = new Uint8Array(1 << 20);
    for (let i = 0; i < chunk.length; i += 4) chunk.set([0x00, 0xff, 0x05, 0x05], i);
    const { result, copied } = copiedBy(() => new Pn532Parser().push(chunk));
    expect(result.every((e) => e.type === 'discarded')).toBe(true);
    expect(copied).toBeLessThanOrEqual(3 * chunk.length);
  });
});
