// Composition for `readerctl card`: a real PN532 on a serial port, the first CCID reader on
// USB, or an emulated module (PN532 on a pty, or CCID on an emulated bus) with an emulated card.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebUSB } from 'usb';
import type { CardModule } from '../../device/card/card-module.js';
import { CcidReader, findCcidReaders } from '../../device/ccid/ccid-reader.js';
import type { UsbBusLike } from '../../device/ccid/webusb.js';
import { Pn532 } from '../../device/pn532/pn532.js';
import { SerialPortTransport } from '../../device/serial/serialport-transport.js';
import { CCID_READERS } from '../../platform/devices/ccid-readers.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import type { ProfileName } from '../../sim/card/card-profiles.js';
import { MyNumberCard } from '../../sim/card/mynumber-emulator.js';
import { EmulatedCcidDevice, EmulatedUsbBus } from '../../sim/ccid/ccid-emulator.js';
import { servePn532 } from '../../sim/pn532/serve.js';
import { PtyPair } from '../../sim/pty/pty-pair.js';

export interface OpenedModule {
  readonly module: CardModule;
  /** The emulated card, when emulated (to show what its face prints). */
  readonly card?: MyNumberCard;
  close(): Promise<void>;
}

export interface ModuleChoice {
  readonly pn532?: string;
  readonly baud?: number;
  readonly ccid?: boolean;
  readonly emulated?: 'pn532' | 'ccid';
  readonly profile?: ProfileName;
  readonly stateDir?: string;
}

export function realUsb(): UsbBusLike {
  return new WebUSB({ allowAllDevices: true }) as unknown as UsbBusLike;
}

export async function openModule(c: ModuleChoice): Promise<OpenedModule> {
  if (c.emulated) {
    const card = await MyNumberCard.create({
      stateDir: c.stateDir ?? join(tmpdir(), 'fareader-emulated-cards'),
      cardId: `cli-${c.profile ?? 'normal'}`,
      profile: c.profile ?? 'normal',
    });
    if (c.emulated === 'ccid') {
      const bus = new EmulatedUsbBus();
      const dev = new EmulatedCcidDevice(CCID_READERS[0]!);
      bus.plug(dev);
      const reader = new CcidReader(dev, `${CCID_READERS[0]!.name} (emulated)`);
      await reader.open();
      dev.placeCard(card);
      return { module: reader, card, close: () => reader.close() };
    }
    const pty = await PtyPair.create('card-cli');
    const served = await servePn532(pty.devicePath, { baudRate: c.baud ?? 115200 });
    const host = await SerialPortTransport.open({ path: pty.hostPath, baudRate: c.baud ?? 115200 });
    const pn532 = new Pn532(host);
    await pn532.init();
    served.emulator.placeCard(card);
    return {
      module: pn532,
      card,
      close: async () => {
        await pn532.close();
        await host.close();
        await served.close();
        await pty.close();
      },
    };
  }
  if (c.pn532) {
    const host = await SerialPortTransport.open({
      path: c.pn532,
      baudRate: c.baud ?? 115200,
      reopenEveryMs: 500,
    });
    const pn532 = new Pn532(host);
    await pn532.init();
    return {
      module: pn532,
      close: async () => {
        await pn532.close();
        await host.close();
      },
    };
  }
  if (c.ccid) {
    // libusb fails outright where there is no USB bus (a container without /sys/bus/usb).
    const [found] = await findCcidReaders(realUsb(), CCID_READERS).catch((e: unknown) => {
      throw new ReaderError(
        ErrorCode.Card_Module,
        `cannot look for a CCID reader: no USB bus here (${(e as Error).message}); try --pn532 PATH or --emulated ccid`,
        {},
        { cause: e },
      );
    });
    if (!found)
      throw new ReaderError(
        ErrorCode.Card_Module,
        `no CCID reader found (known: ${CCID_READERS.map((r) => r.name).join(', ')})`,
      );
    const reader = new CcidReader(found.device, found.id.name);
    await reader.open();
    return { module: reader, close: () => reader.close() };
  }
  throw new ReaderError(ErrorCode.Usage, 'choose a module: --pn532 PATH, --ccid, or --emulated pn532|ccid');
}

/** Waits for a card in the field (polling a PN532, or the CCID slot's state). */
export async function waitForCard(m: CardModule, timeoutMs: number): Promise<void> {
  if (m.cardPresent) return;
  if (m instanceof Pn532) {
    const deadline = Date.now() + timeoutMs;
    while (!(await m.pollOnce())) {
      if (Date.now() > deadline)
        throw new ReaderError(ErrorCode.Op_Timeout, `no card within ${timeoutMs} ms`);
    }
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(
      () => reject(new ReaderError(ErrorCode.Op_Timeout, `no card within ${timeoutMs} ms`)),
      timeoutMs,
    );
    m.once('card', () => {
      clearTimeout(t);
      resolve();
    });
  });
}
