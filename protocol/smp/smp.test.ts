import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, utf8 } from '../bytes.js';
import { crc16xmodem } from './crc16.js';
import { framedSize, frameSmp, LINE_MAX, SmpSerialDecoder, type SmpSerialEvent } from './serial-framing.js';
import { decodeSmp, encodeCbor, encodeSmp, rcName, responseError, SmpOp } from './smp-packet.js';

// Golden values computed independently (Python binascii.crc_hqx and base64).
const ECHO_BODY = fromHex('0200000900000000a161646568656c6c6f');
const ECHO_LINE = '\x06\x09ABMCAAAJAAAAAKFhZGVoZWxsbyVv\n';

describe('SMP packet', () => {
  it('encodes an echo request as mcumgr does', () => {
    const pkt = encodeSmp({ op: SmpOp.write, version: 0, flags: 0, group: 0, seq: 0, id: 0 }, { d: 'hello' });
    expect(pkt).toEqual(ECHO_BODY);
    const back = decodeSmp(pkt);
    expect(back.header).toMatchObject({ op: 2, group: 0, seq: 0, id: 0, length: 9 });
    expect(back.payload).toEqual({ d: 'hello' });
  });

  it('reads v1 and v2 errors, and names v2 codes by their group', () => {
    expect(responseError({ rc: 3 })).toEqual({ rc: 3, reason: undefined });
    expect(responseError({ err: { group: 1, rc: 5 } })).toEqual({ rc: 5, group: 1 });
    expect(responseError({ rc: 0, off: 5 })).toBeUndefined();
    expect(rcName(3)).toBe('invalid value');
    // img_mgmt.h / os_mgmt.h numbering, not MGMT_ERR_*: 24 is IMG_MGMT_ERR_INVALID_HASH.
    expect(rcName(24, 1)).toBe('invalid hash');
    expect(rcName(8, 1)).toBe('hash not found');
    expect(rcName(2, 0)).toBe('invalid format');
    expect(rcName(99, 1)).toBe('group 1 error 99');
  });

  // Golden bytes by hand from RFC 8949: a plain major-type-2 byte string (0x42), never
  // tag 64 (0xd8 0x40), whatever kind of Uint8Array the caller holds.
  it('writes byte strings untagged, from a Uint8Array, a Buffer or a subarray', () => {
    const plain = fromHex('a163736861420102');
    expect(encodeCbor({ sha: Uint8Array.of(1, 2) })).toEqual(plain);
    expect(encodeCbor({ sha: Buffer.from([1, 2]) })).toEqual(plain);
    expect(encodeCbor({ sha: Uint8Array.of(9, 1, 2, 9).subarray(1, 3) })).toEqual(plain);
    const chunk = encodeSmp(
      { op: SmpOp.write, version: 0, flags: 0, group: 1, seq: 0, id: 1 },
      { off: 0, data: new Uint8Array(3) },
    );
    expect(Buffer.from(chunk).toString('hex')).toBe(
      '0200000f00010001a2636f6666006464617461 43000000'.replace(' ', ''),
    );
  });

  it('writes only what zcbor reads: integers (64-bit beyond 32), no floats, no null, no undefined', () => {
    expect(encodeCbor({ len: 2 ** 40 })).toEqual(fromHex('a1636c656e1b0000010000000000'));
    expect(encodeCbor({ off: 70000, skip: undefined })).toEqual(fromHex('a1636f66661a00011170'));
    expect(() => encodeCbor({ off: 1.5 })).toThrow(/not an integer/);
    expect(() => encodeCbor({ hash: null })).toThrow(/no CBOR form/);
    expect(() => encodeCbor({ m: new Map() })).toThrow(/no CBOR form/);
    expect(encodeCbor(JSON.parse('{"__proto__": 1}'))).toEqual(fromHex('a1695f5f70726f746f5f5f01'));
  });

  it('refuses short, length-mismatched and non-map packets with a frame error', () => {
    expect(() => decodeSmp(new Uint8Array(3))).toThrow(/shorter than its header/);
    expect(() => decodeSmp(fromHex('0300000500000000a0'))).toThrow(/says 5 payload bytes/);
    expect(() => decodeSmp(fromHex('030000010000000001'))).toThrow(/not a CBOR map/);
  });
});

describe('SMP serial framing', () => {
  it('CRC-16/XMODEM check value', () => {
    expect(crc16xmodem(utf8('123456789'))).toBe(0x31c3);
  });

  it('frames the echo request byte for byte', () => {
    const lines = frameSmp(ECHO_BODY);
    expect(lines).toHaveLength(1);
    expect(Buffer.from(lines[0]!).toString('latin1')).toBe(ECHO_LINE);
  });

  it('cuts long packets into lines of at most 127 bytes, each decodable alone', () => {
    const body = new Uint8Array(512).map((_, i) => i & 0xff);
    const lines = frameSmp(body);
    expect(lines.every((l) => l.length <= LINE_MAX && l.at(-1) === 0x0a)).toBe(true);
    expect(lines[0]!.subarray(0, 2)).toEqual(Uint8Array.of(6, 9));
    expect(lines.slice(1).every((l) => l[0] === 4 && l[1] === 0x14)).toBe(true);
    for (const l of lines)
      expect(() => atob(Buffer.from(l.subarray(2, -1)).toString('latin1'))).not.toThrow();
    expect(lines.reduce((n, l) => n + l.length, 0)).toBe(framedSize(body.length));
    // 688 base64 characters in all (Python: base64 of the framed packet).
    expect(lines.reduce((n, l) => n + l.length - 3, 0)).toBe(688);
  });

  const packets = (evs: SmpSerialEvent[]) => evs.filter((e) => e.type === 'packet');

  it('decodes at every split point, with console text around and between lines', () => {
    const body = new Uint8Array(300).map((_, i) => (i * 7) & 0xff);
    const lines = frameSmp(body);
    const wire = concatBytes(
      utf8('uart:~$ boot\r\n'),
      lines[0]!,
      utf8('[00:00:01] <inf> app: tick\n'),
      ...lines.slice(1),
      utf8('tail'),
    );
    for (let cut = 0; cut <= wire.length; cut++) {
      const d = new SmpSerialDecoder();
      const evs = [...d.push(wire.subarray(0, cut)), ...d.push(wire.subarray(cut))];
      expect(packets(evs)).toEqual([{ type: 'packet', body }]);
      expect(evs.filter((e) => e.type === 'console').map((e) => (e as { text: string }).text)).toEqual([
        'uart:~$ boot',
        '[00:00:01] <inf> app: tick',
      ]);
    }
  });

  it('drops a packet with a bad CRC and decodes the good one after it', () => {
    const bad = frameSmp(ECHO_BODY)[0]!.slice();
    bad[bad.length - 3] = bad[bad.length - 3] === 0x41 ? 0x42 : 0x41;
    const d = new SmpSerialDecoder();
    const evs = d.push(concatBytes(bad, ...frameSmp(ECHO_BODY)));
    expect(evs[0]).toMatchObject({ type: 'discarded', reason: 'CRC mismatch' });
    expect(packets(evs)).toHaveLength(1);
  });

  it('survives garbage: random bytes never throw, and a good packet still gets through', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    const d = new SmpSerialDecoder(1024);
    for (let i = 0; i < 200; i++) {
      const junk = new Uint8Array(rnd() % 300).map(() =>
        rnd() % 5 === 0 ? [6, 9, 4, 0x14, 10][rnd() % 5]! : rnd() & 0xff,
      );
      expect(() => d.push(junk)).not.toThrow();
    }
    const evs = d.push(concatBytes(utf8('\n'), ...frameSmp(ECHO_BODY)));
    expect(packets(evs)).toHaveLength(1);
  });

  it('refuses a length field beyond the maximum packet', () => {
    const d = new SmpSerialDecoder(64);
    const evs = d.push(frameSmp(new Uint8Array(200))[0]!);
    expect(evs[0]).toMatchObject({ type: 'discarded', reason: expect.stringMatching(/out of range/) });
  });
});
