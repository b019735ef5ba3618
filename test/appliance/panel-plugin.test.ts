// The front panel through an IO plugin (as a Linux GPIO board would be), chosen by the panel
// setting: the plugin module is loaded by name, johnny-five drives it, keys reach the session.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../firmware-host/config.js';
import { keepPanel } from '../../firmware-host/panel/kept-panel.js';
import type { PatientInput, SessionService } from '../../firmware-host/session/session-service.js';
import { NANO_PANEL_PINS } from '../../platform/boards/profiles.js';
import { createLogger } from '../../platform/log.js';
import VirtualGpioIo from '../../sim/panel/virtual-gpio-io.js';

describe('the front panel through an IO plugin', () => {
  it('loads the plugin named in the configuration; keys become patient input; LEDs follow', async () => {
    const config = parseConfig(
      {
        deviceId: 'r1',
        dataDir: 'data',
        keys: { deviceKey: 'k', trustedTerminalsDir: 't' },
        cardModule: { type: 'ccid' },
        cameras: { face: { kind: 'still', path: 'f.jpg' }, cardFace: { kind: 'still', path: 'c.jpg' } },
        panel: { io: 'plugin', module: './sim/panel/virtual-gpio-io.ts', options: { pinCount: 20 } },
      },
      join(import.meta.dirname, '..', '..'),
    );
    const setting = config.appliance!.panel!;
    expect(setting).toMatchObject({ io: 'plugin', options: { pinCount: 20 }, pins: NANO_PANEL_PINS });
    const inputs: PatientInput[] = [];
    const service = Object.assign(new EventEmitter(), {
      state: { kind: 'choosing-method' },
      patient: (i: PatientInput) => inputs.push(i) > 0,
    }) as unknown as SessionService;
    const before = VirtualGpioIo.instances.length;
    const panel = await keepPanel(setting, service, createLogger('t', { level: 'error', format: 'pretty' }));
    expect(panel.status().state).toBe('ok');
    const board = VirtualGpioIo.instances[before]!;
    expect(board.pins[NANO_PANEL_PINS.keys['2']!]!.report).toBe(1);
    await board.press(NANO_PANEL_PINS.keys['2']!); // 2 = PIN
    await board.press(NANO_PANEL_PINS.keys['*']!); // cancel
    expect(inputs).toEqual([{ type: 'choose', method: 'pin' }, { type: 'cancel' }]);
    // Attention (patient's turn): both LEDs blink; done/verified: green steady.
    service.emit('change', {
      kind: 'done',
      outcome: 'verified',
      sessionId: 's',
      detail: '',
      cardGone: false,
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(board.pins[NANO_PANEL_PINS.ledGreen]!.value).toBeGreaterThan(0);
    expect(board.pins[NANO_PANEL_PINS.ledRed]!.value).toBe(0);
    await panel.close();
  });
});
