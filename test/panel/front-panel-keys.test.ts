// The keypad's presses reach the session however late readerd reads them: a press whose down
// and up come in together (the event loop busy for longer than the press, as under load) is
// still one key. johnny-five's Button dropped it (its 7 ms trailing debounce keeps only the up).
import { describe, expect, it } from 'vitest';
import { FrontPanel } from '../../device/panel/front-panel.js';
import VirtualGpioIo from '../../sim/panel/virtual-gpio-io.js';

const pins = { ledGreen: 3, ledRed: 5, buzzer: 7, keys: { '1': 8, '2': 9, '#': 10 } };

describe('front panel keys', () => {
  it('a press read together with its release is one key; unchanged port reports are none', async () => {
    const io = new VirtualGpioIo({ pinCount: 20 });
    const panel = await FrontPanel.open(io, pins, 5000);
    const keys: string[] = [];
    panel.on('key', (k) => keys.push(k));
    try {
      // Down and up back to back (0 ms hold): what a late read of a 60 ms press looks like.
      await io.press(8, 0);
      await io.press(9, 0);
      await io.press(10, 0);
      // An ordinary press (after the bounce time), and a report of an unchanged (released) key.
      await new Promise((r) => setTimeout(r, 30));
      await io.press(8, 40);
      io.digitalWrite(9, 1);
      await new Promise((r) => setTimeout(r, 30));
      expect(keys).toEqual(['1', '2', '#', '1']);
    } finally {
      await panel.close();
    }
  });
});
