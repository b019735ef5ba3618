import { describe, expect, it } from 'vitest';
import { StartTrace } from './start-trace.js';

describe('StartTrace', () => {
  it('notes each step once, at its first end, in whole ms of its clock', async () => {
    let now = 10.4;
    const t = new StartTrace(() => now);
    t.mark('main', 3.6);
    t.mark('config');
    now = 25.7;
    t.mark('config');
    await t.step('broker', Promise.resolve('up'));
    now = 40;
    await expect(t.step('panel', Promise.reject(new Error('absent')))).rejects.toThrow('absent');
    expect(t.steps()).toEqual({ main: 4, config: 10, broker: 26, panel: 40 });
  });
});
