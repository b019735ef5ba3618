// No secret reaches a log line, whatever its field is called (issue 13: redaction by type).
import { describe, expect, it } from 'vitest';
import { Secret } from '../protocol/secret.js';
import { createLogger } from './log.js';

const PIN = '4711';
const KEYB = '8001011234AB';
const PHOTO = 'ffd8ffe000104a464946';

describe.each(['json', 'pretty'] as const)('the %s log', (format) => {
  it('holds no secret from a Secret under any field name, at any depth', () => {
    const lines: string[] = [];
    const log = createLogger('t', { format, level: 'debug', write: (l) => lines.push(l) });
    const photo = new Secret(Buffer.from(PHOTO, 'hex'));
    for (const name of ['x', 'value', 'data', 'input', 'keyB', 'secret', 'card', 'what'])
      log.info('a line', { [name]: new Secret(PIN), nested: { [name]: new Secret(KEYB), list: [photo] } });
    log.debug('lazy', () => ({ session: { state: { k: new Secret(KEYB) } } }));
    log.warn('error', { error: Object.assign(new Error('failed'), { code: 7 }), in: { p: new Secret(PIN) } });
    const text = lines.join('\n');
    expect(lines.length).toBe(10);
    for (const s of [PIN, KEYB, PHOTO]) expect(text).not.toContain(s);
    expect(text).toContain('[redacted]');
  });

  it('also redacts plain values in fields named like secrets, nested too (keyB included)', () => {
    const lines: string[] = [];
    const log = createLogger('t', { format, write: (l) => lines.push(l) });
    log.info('plain', { keyB: KEYB, nested: { pin: PIN, deeper: [{ keyB: KEYB }] } });
    const text = lines.join('\n');
    for (const s of [PIN, KEYB]) expect(text).not.toContain(s);
  });

  it('never prints a face descriptor or landmarks, whatever the field is called', () => {
    const lines: string[] = [];
    const log = createLogger('t', { format, write: (l) => lines.push(l) });
    const descriptor = Float32Array.of(0.123456, -0.654321, 0.5);
    log.info('face', {
      descriptor,
      embedding: [0.987654],
      landmarks: [[12.3456, 7.891]],
      x: { v: descriptor },
    });
    const text = lines.join('\n');
    for (const s of ['0.123456', '654321', '0.987654', '12.3456']) expect(text).not.toContain(s);
    expect(text).toContain('[Float32Array 3]');
  });
});
