import { describe, expect, it } from 'vitest';
import { MqttFrameMeter } from './mqtt-frame-meter.js';

// A PUBLISH of `n` bytes after its fixed header, remaining length per MQTT 3.1.1 §2.2.3.
function frame(n: number): Uint8Array {
  const len: number[] = [];
  let x = n;
  do {
    let d = x % 128;
    x = Math.floor(x / 128);
    if (x > 0) d |= 0x80;
    len.push(d);
  } while (x > 0);
  return new Uint8Array([0x32, ...len, ...new Uint8Array(n)]);
}

describe('MqttFrameMeter', () => {
  it('passes packets within the limit, however the stream is split, and refuses one announced over it', () => {
    const m = new MqttFrameMeter(1000);
    const stream = new Uint8Array([...frame(10), ...frame(1000), 0xc0, 0x00, ...frame(200)]);
    for (let i = 0; i < stream.length; i += 7) expect(m.feed(stream.subarray(i, i + 7))).toBe('ok');
    // A 20 MiB publish is refused from its first bytes, before its body arrives.
    expect(m.feed(frame(20 * 1024 * 1024).subarray(0, 5))).toBe('too-large');
    expect(m.feed(frame(1))).toBe('too-large');
  });

  it('refuses a remaining length longer than 4 bytes', () => {
    expect(new MqttFrameMeter(1000).feed(Uint8Array.of(0x30, 0xff, 0xff, 0xff, 0xff, 0x01))).toBe(
      'malformed',
    );
  });
});
