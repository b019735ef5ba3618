// An absent panel is retried forever (the device keeper): each failed open must not leave its
// johnny-five Board in johnny-five's module-wide board list, or readerd grows without bound.
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type * as J5 from 'johnny-five';
import { describe, expect, it } from 'vitest';
import { FrontPanel } from '../../device/panel/front-panel.js';

const require = createRequire(import.meta.url);
const five = require('johnny-five') as typeof J5 & { Board: { cache: unknown[] } };

/** An IO that never becomes ready: a panel that is not there. */
function silentIo(): EventEmitter {
  return Object.assign(new EventEmitter(), { isReady: false, name: 'absent', pins: [], analogPins: [] });
}

const pins = { ledGreen: 3, ledRed: 5, buzzer: 7, keys: {} };

describe('front panel opens that fail', () => {
  it('leave no Board behind in johnny-five', async () => {
    const before = five.Board.cache.length;
    for (let i = 0; i < 5; i++)
      await expect(FrontPanel.open(silentIo(), pins, 5)).rejects.toMatchObject({
        message: expect.stringMatching(/did not answer/),
      });
    expect(five.Board.cache.length).toBe(before);
  });
});
