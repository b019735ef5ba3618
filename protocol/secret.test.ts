import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isSecret, Secret } from './secret.js';

const PIN = '4711';
const KEYB = '8001011234AB'; // 照合番号B: birth date ‖ expiry year ‖ security code

describe('Secret<T>', () => {
  it('says [redacted] to JSON, strings, templates and util.inspect, however it is nested', () => {
    const holder = {
      a: new Secret(PIN),
      deep: { list: [new Secret(KEYB)], m: new Map([['k', new Secret(PIN)]]) },
    };
    const views = [
      JSON.stringify(holder),
      String(holder.a),
      `${holder.a}`,
      inspect(holder, { depth: 10, showHidden: true }),
      inspect(holder.a),
      holder.a + '',
      Object.keys(holder.a).join(','),
    ];
    for (const v of views) {
      expect(v).not.toContain(PIN);
      expect(v).not.toContain(KEYB);
    }
    expect(JSON.stringify(holder.a)).toBe('"[redacted]"');
    expect(inspect(holder.a)).toBe('[redacted]');
  });

  it('gives the value to the code that asks for it by name', () => {
    const s = new Secret(Uint8Array.of(1, 2, 3));
    expect(s.reveal()).toEqual(Uint8Array.of(1, 2, 3));
    expect(isSecret(s)).toBe(true);
    expect(isSecret('x')).toBe(false);
  });
});
