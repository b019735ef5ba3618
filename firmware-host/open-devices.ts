// Opens the appliance's devices from the configuration: the IC-card module and the cameras.
// Part of readerd's composition: serial ports are opened here; the USB bus the CCID reader is
// found on is handed in by the composition root (the real one, or an emulated bus).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { SerialPort } from 'serialport';
import { FfmpegFrameSource } from '../device/camera/frame-source.js';
import { StillImageCamera } from '../device/camera/still-image-camera.js';
import type { CardModule } from '../device/card/card-module.js';
import { HotplugCcidModule } from '../device/ccid/ccid-hotplug.js';
import type { UsbBusLike } from '../device/ccid/webusb.js';
import { FrontPanel } from '../device/panel/front-panel.js';
import { Pn532 } from '../device/pn532/pn532.js';
import { SerialPortTransport } from '../device/serial/serialport-transport.js';
import type { PanelSetting } from '../platform/boards/panel-setting.js';
import { CCID_READERS } from '../platform/devices/ccid-readers.js';
import type { Logger } from '../platform/log.js';
import type { CameraSetting, CardModuleSetting } from './config-appliance.js';
import { PanelService } from './panel/panel-service.js';
import type { SessionService } from './session/session-service.js';
import type { FrameFeed } from './vision/face-verifier.js';

const require = createRequire(import.meta.url);

export interface OpenedCardModule {
  readonly module: CardModule;
  /** Starts watching for cards (PN532 polling; CCID slot interrupts are always on). */
  startWatching(): void;
  close(): Promise<void>;
}

/**
 * The PN532 powers up at 115200 and keeps a faster rate until it is reset (a restarted
 * readerd finds it there): greet it at 115200, else at the target rate, then switch.
 */
async function openPn532(path: string, baudRate: number, log: Logger): Promise<OpenedCardModule> {
  const transport = await SerialPortTransport.open({ path, baudRate: 115200, reopenEveryMs: 500 });
  // Face matching holds the event loop for ~100 ms: an ACK read that late is not lost.
  const pn532 = new Pn532(transport, { ackTimeoutMs: 300 });
  try {
    await pn532.init();
  } catch (e) {
    if (baudRate === 115200) throw e;
    log.info('PN532 silent at 115200: trying the configured rate', { baudRate });
    await transport.setBaudRate(baudRate);
    await pn532.init();
  }
  if (baudRate !== 115200) {
    await pn532.setBaudRate(baudRate);
    await pn532.init();
  }
  return {
    module: pn532,
    startWatching: () => pn532.startPolling(),
    close: async () => {
      await pn532.close();
      await transport.close();
    },
  };
}

/** A CCID reader followed on the bus: unplugged and plugged back, it is used again (defect 5). */
async function openCcid(usb: UsbBusLike, log: Logger): Promise<OpenedCardModule> {
  const module = new HotplugCcidModule(usb, CCID_READERS);
  module.on('error', (e) => log.warn('CCID reader', { error: e }));
  try {
    await module.start();
  } catch (e) {
    await module.close();
    throw e;
  }
  log.info('CCID reader', { name: module.name });
  return { module, startWatching: () => {}, close: () => module.close() };
}

export function openCardModule(
  s: CardModuleSetting,
  usbBus: () => UsbBusLike,
  log: Logger,
): Promise<OpenedCardModule> {
  return s.type === 'pn532' ? openPn532(s.path, s.baudRate, log) : openCcid(usbBus(), log);
}

export interface OpenedCamera extends FrameFeed {
  close(): Promise<void>;
}

export function openCamera(s: CameraSetting): OpenedCamera {
  if (s.kind === 'still') {
    const cam = new StillImageCamera(s);
    return { nextFrame: (ms) => cam.nextFrame(ms), close: async () => {} };
  }
  const src = new FfmpegFrameSource({
    input: { kind: 'v4l2', device: s.device, format: s.format, size: s.size, fps: s.fps },
    width: s.width,
    height: s.height,
    rotate: s.rotate,
    restartMs: 1000,
  });
  src.start();
  return { nextFrame: (ms) => src.nextFrame(ms), close: () => src.stop() };
}

export interface OpenedPanel {
  selfTest(): Promise<string>;
  close(): Promise<void>;
}

/** The johnny-five IO of the panel: StandardFirmata on a serial port, or an IO plugin. */
async function panelIo(
  s: PanelSetting,
): Promise<{ io: unknown; ready?: Promise<never>; close(): Promise<void> }> {
  if (s.io === 'plugin') {
    const mod = (await import(s.module.startsWith('/') ? pathToFileURL(s.module).href : s.module)) as {
      default?: unknown;
    };
    const IO = (mod.default ?? mod) as new (options: object) => { close?(): void };
    const io = new IO(s.options);
    return { io, close: async () => io.close?.() };
  }
  // Firmata must see the port open (johnny-five waits for its "connect"): build it first.
  const port = new SerialPort({ path: s.path, baudRate: s.baudRate });
  const failed = new Promise<never>((_, reject) => port.once('error', reject));
  const Firmata = require('firmata-io')(SerialPort);
  // Boards that do not reset on open never announce themselves: ask for the version soon.
  const io = new Firmata(port, { reportVersionTimeout: 300 });
  return {
    io,
    ready: failed,
    close: () => new Promise((r) => (port.isOpen ? port.close(() => r()) : r())),
  };
}

/** The front panel (board profile or configuration). A panel that fails is logged, not fatal. */
export async function openPanel(
  s: PanelSetting,
  service: SessionService,
  log: Logger,
): Promise<OpenedPanel | undefined> {
  const where = s.io === 'firmata' ? s.path : s.module;
  let io: Awaited<ReturnType<typeof panelIo>> | undefined;
  try {
    io = await panelIo(s);
    const open = FrontPanel.open(io.io, s.pins, 5000);
    const panel = await (io.ready ? Promise.race([open, io.ready]) : open);
    log.info('front panel ready', { io: s.io, where });
    const svc = new PanelService(panel, service);
    const closeIo = io.close;
    return {
      selfTest: async () => {
        panel.show('attention');
        await panel.beep('attention');
        panel.show('ready');
        return 'panel: LEDs blinked, buzzer beeped (look and listen)';
      },
      close: async () => {
        await svc.close();
        await closeIo();
      },
    };
  } catch (e) {
    log.warn('front panel unavailable: running without LEDs, buzzer and keypad', {
      where,
      error: e as Error,
    });
    await io?.close().catch(() => {});
    return undefined;
  }
}
