// The front panel kept open: absent at boot or unplugged later, the reader runs without it and
// takes it up again when it answers (issue 16, item 1). Each time it comes up, a PanelService
// follows the session on it.
import type { PanelSetting } from '../../platform/boards/panel-setting.js';
import type { Logger } from '../../platform/log.js';
import { DeviceKeeper, type DeviceState } from '../device-keeper.js';
import { type OpenedPanel, openPanel } from '../open-devices.js';
import type { SessionService } from '../session/session-service.js';
import { PanelService } from './panel-service.js';

export interface KeptPanel {
  status(): DeviceState;
  /** LED brightness in percent: applied now and each time the panel comes up again. */
  setBrightness(percent: number): void;
  selfTest(): Promise<string>;
  close(): Promise<void>;
}

export async function keepPanel(s: PanelSetting, service: SessionService, log: Logger): Promise<KeptPanel> {
  const where = s.io === 'firmata' ? s.path : s.module;
  let svc: PanelService | undefined;
  let brightness = 100;
  const keeper = new DeviceKeeper<OpenedPanel>({
    name: 'front panel',
    where,
    open: (lost) => openPanel(s, lost),
    onUp: (p) => {
      svc = new PanelService(p.panel, service);
      if (brightness < 100) p.panel.setBrightness(brightness);
      log.info('front panel ready', { io: s.io, where });
    },
    close: async (p) => {
      const was = svc;
      svc = undefined;
      await was?.close();
      await p.close();
    },
    // The Firmata handshake itself has a 5 s bound; this covers the port's open too.
    openTimeoutMs: 8000,
    minMs: 1000,
    maxMs: 30_000,
    log,
  });
  await keeper.start();
  return {
    status: () => keeper.status(),
    setBrightness: (percent) => {
      brightness = percent;
      keeper.current?.panel.setBrightness(percent);
    },
    selfTest: async () => {
      const p = keeper.current;
      if (!p) return `panel: MISSING (${keeper.status().detail})`;
      p.panel.show('attention');
      await p.panel.beep('attention');
      p.panel.show('ready');
      return 'panel: LEDs blinked, buzzer beeped (look and listen)';
    },
    close: () => keeper.close(),
  };
}
