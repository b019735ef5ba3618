// Opens the appliance's devices from the configuration: the IC-card module and the cameras.
// Part of readerd's composition: serial ports are opened here; the USB bus the CCID reader is
// found on is handed in by the composition root (the real one, or an emulated bus).
import type { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
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
import { ErrorCode, ReaderError } from '../protocol/errors.js';
import { CardModuleSlot } from './card-module-slot.js';
import type { CameraSetting, CardModuleSetting } from './config-appliance.js';
import { DeviceKeeper, type DeviceState, oneLine } from './device-keeper.js';
import type { FrameFeed } from './vision/face-verifier.js';

const require = createRequire(import.meta.url);

export interface OpenedCardModule {
  /** The one module the session holds from boot (the real one is plugged in when it opens). */
  readonly module: CardModule;
  /**
   * Settles after the first try to open it, up or not (later tries run on their own): the
   * appliance builds its session on `module` meanwhile and is ready only after.
   */
  readonly tried: Promise<void>;
  /** Starts watching for cards (PN532 polling; CCID slot interrupts are always on). */
  startWatching(): void;
  status(): DeviceState;
  close(): Promise<void>;
}

interface Pn532Up {
  readonly pn532: Pn532;
  readonly transport: SerialPortTransport;
}

/**
 * The PN532 powers up at 115200 and keeps a faster rate until it is reset (a restarted
 * readerd finds it there): greet it at 115200, else at the target rate, then switch.
 */
async function openPn532(path: string, baudRate: number, log: Logger): Promise<Pn532Up> {
  const transport = await SerialPortTransport.open({ path, baudRate: 115200, reopenEveryMs: 500 });
  // Face matching holds the event loop for ~100 ms: an ACK read that late is not lost.
  const pn532 = new Pn532(transport, { ackTimeoutMs: 300 });
  try {
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
  } catch (e) {
    await pn532.close().catch(() => {});
    await transport.close().catch(() => {});
    throw e;
  }
  return { pn532, transport };
}

/**
 * A PN532 kept open: absent or silent at boot, it is tried again with backoff. Once up, its
 * serial line reopens itself after a replug and the driver re-initialises (issue 14), so the
 * status only reports the line as missing meanwhile.
 */
function keepPn532(path: string, baudRate: number, log: Logger): OpenedCardModule {
  const slot = new CardModuleSlot('PN532');
  let watching = false;
  const keeper = new DeviceKeeper<Pn532Up>({
    name: 'card module (PN532)',
    where: path,
    open: () => openPn532(path, baudRate, log),
    onUp: (m) => {
      slot.attach(m.pn532);
      if (watching) m.pn532.startPolling();
      log.info('PN532 ready', { path });
    },
    close: async (m) => {
      await m.pn532.close();
      await m.transport.close();
    },
    openTimeoutMs: 15_000,
    minMs: 1000,
    maxMs: 30_000,
    log,
  });
  return {
    module: slot,
    tried: keeper.start(),
    startWatching: () => {
      watching = true;
      keeper.current?.pn532.startPolling();
    },
    status: () => {
      const up = keeper.current;
      if (up && !up.transport.isOpen)
        return { state: 'missing', where: path, detail: 'the serial line went away: reopening' };
      return keeper.status();
    },
    close: async () => {
      await keeper.close();
      await slot.close();
    },
  };
}

/**
 * A CCID reader followed on the bus: absent at boot, unplugged and plugged back, it is used
 * when it is there (issue 13 defect 5; issue 16 item 1).
 */
function openCcid(usb: UsbBusLike, log: Logger): OpenedCardModule {
  const module = new HotplugCcidModule(usb, CCID_READERS);
  module.on('error', (e) => log.warn('CCID reader', { error: e }));
  const tried = module.start().then(
    () => log.info('CCID reader', { name: module.name }),
    (e: Error) =>
      log.warn('card module (CCID) missing: running without it, watching the bus', { detail: oneLine(e) }),
  );
  return {
    module,
    tried,
    startWatching: () => {},
    status: () =>
      module.readerPlugged
        ? { state: 'ok', where: 'usb' }
        : {
            state: 'missing',
            where: 'usb',
            detail: `no known CCID reader on USB (${CCID_READERS.map((r) => r.name).join(', ')})`,
          },
    close: () => module.close(),
  };
}

/** The configured card module, its first try to open started (`tried` settles after it). */
export function openCardModule(
  s: CardModuleSetting,
  usbBus: () => UsbBusLike,
  log: Logger,
): OpenedCardModule {
  return s.type === 'pn532' ? keepPn532(s.path, s.baudRate, log) : openCcid(usbBus(), log);
}

export interface OpenedCamera extends FrameFeed {
  status(): DeviceState;
  /** Resolves when the camera can deliver (readerd is ready only after). */
  ready?(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A camera, absent or not: a still image that is not there yet, a V4L2 device that is not
 * plugged in (ffmpeg is started again with backoff until it gives frames). Its failures are
 * its status, never a process-ending 'error' event.
 */
export function openCamera(s: CameraSetting, log: Logger): OpenedCamera {
  if (s.kind === 'still') {
    const cam = new StillImageCamera(s);
    return {
      nextFrame: (ms) => cam.nextFrame(ms),
      status: () =>
        existsSync(s.path)
          ? { state: 'ok', where: s.path }
          : { state: 'missing', where: s.path, detail: 'no picture at this path' },
      close: async () => {},
    };
  }
  const src = new FfmpegFrameSource({
    input: { kind: 'v4l2', device: s.device, format: s.format, size: s.size, fps: s.fps },
    width: s.width,
    height: s.height,
    rotate: s.rotate,
    restartMs: 1000,
    restartMaxMs: 30_000,
  });
  let failure: string | undefined;
  src.on('frame', () => {
    if (failure) log.info('camera is back', { device: s.device });
    failure = undefined;
  });
  src.on('error', (e) => {
    const line = oneLine(e);
    if (line !== failure) log.warn('camera missing: retrying', { device: s.device, detail: line });
    failure = line;
  });
  src.start();
  return {
    nextFrame: (ms) => src.nextFrame(ms),
    status: () => {
      if (!existsSync(s.device)) return { state: 'missing', where: s.device, detail: 'no such device' };
      return failure
        ? { state: 'missing', where: s.device, detail: failure }
        : { state: 'ok', where: s.device };
    },
    close: () => src.stop(),
  };
}

/** The front panel, up: the driver and how to close it with its IO. */
export interface OpenedPanel {
  readonly panel: FrontPanel;
  close(): Promise<void>;
}

/** The johnny-five IO of the panel: StandardFirmata on a serial port, or an IO plugin. */
async function panelIo(
  s: PanelSetting,
  lost: (why: Error) => void,
): Promise<{ io: unknown; ready?: Promise<never>; up?(): void; close(): Promise<void> }> {
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
  let failedOpen!: (e: Error) => void;
  const failed = new Promise<never>((_, reject) => {
    failedOpen = reject;
  });
  failed.catch(() => {});
  let up = false;
  const gone = (e: Error): void => {
    const err = new ReaderError(ErrorCode.Link_Disconnected, e.message, { path: s.path });
    if (up) lost(err);
    else failedOpen(err);
  };
  // An absent port errors on the port and again on Firmata: both are heard (an unheard
  // 'error' event ends the process), before and after the panel is up.
  port.on('error', gone);
  port.on('close', () => gone(new Error('the port closed')));
  const Firmata = require('firmata-io')(SerialPort);
  // Boards that do not reset on open never announce themselves: ask for the version soon.
  const io = new Firmata(port, { reportVersionTimeout: 300 }) as EventEmitter;
  io.on('error', gone);
  return {
    io,
    ready: failed,
    up: () => {
      up = true;
    },
    close: () =>
      new Promise((r) => {
        up = false;
        port.removeAllListeners('close');
        return port.isOpen ? port.close(() => r()) : r();
      }),
  };
}

/** Opens the front panel (board profile or configuration); rejects if it does not answer. */
export async function openPanel(s: PanelSetting, lost: (why: Error) => void): Promise<OpenedPanel> {
  let io: Awaited<ReturnType<typeof panelIo>> | undefined;
  try {
    io = await panelIo(s, lost);
    const open = FrontPanel.open(io.io, s.pins, 5000);
    const panel = await (io.ready ? Promise.race([open, io.ready]) : open);
    io.up?.();
    panel.on('lost', lost);
    const closeIo = io.close;
    return {
      panel,
      close: async () => {
        await panel.close();
        await closeIo();
      },
    };
  } catch (e) {
    await io?.close().catch(() => {});
    throw e;
  }
}
