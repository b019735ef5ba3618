// What the reader says it is in its birth (SPEC 3.7): its model and board, and a serial read
// from the hardware — the SoC's (device tree), else the DMI product serial, else the machine
// id — so a certificate names the machine that was tested, never a number typed in by hand.
import { readFileSync } from 'node:fs';

export interface HardwareIdentity {
  /** The product and its board, e.g. "fareader rpi5-uvc-pn532 (Raspberry Pi 5 Model B Rev 1.0)". */
  readonly model: string;
  readonly serial: string;
  /** The hardware is emulated (sim/): only the emulated appliance's roots say so. */
  readonly emulated: boolean;
}

/** Where a Linux board keeps its model and serial, most specific first. */
const MODEL_FILES = ['/sys/firmware/devicetree/base/model', '/sys/class/dmi/id/product_name'];
const SERIAL_FILES: [path: string, prefix: string][] = [
  ['/sys/firmware/devicetree/base/serial-number', ''],
  ['/sys/class/dmi/id/product_serial', ''],
  ['/etc/machine-id', 'machine-id:'],
];

/** A file's text (device-tree strings end in NUL), or undefined when it cannot be read. */
export type ReadText = (path: string) => string | undefined;

const readText: ReadText = (path) => {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return undefined;
  }
};

function clean(s: string | undefined): string | undefined {
  // Printable ASCII only, bounded: a board file holding garbage must not reach the birth as is.
  const v = s
    ?.replace(/[^\x20-\x7e]/g, '')
    .trim()
    .slice(0, 128);
  return v ? v : undefined;
}

/** The identity of the machine readerd runs on; `board` is the configured board profile. */
export function readHardwareIdentity(board: string | undefined, read: ReadText = readText): HardwareIdentity {
  const machine = MODEL_FILES.map((f) => clean(read(f))).find((v) => v !== undefined);
  let serial: string | undefined;
  for (const [path, prefix] of SERIAL_FILES) {
    const v = clean(read(path));
    // DMI placeholders ("To be filled by O.E.M.", "Default string") are no serial.
    if (v && !/^(to be filled|default string|none$|0+$)/i.test(v)) {
      serial = `${prefix}${v}`;
      break;
    }
  }
  return {
    model: `fareader ${board ?? 'custom board'}${machine ? ` (${machine})` : ''}`,
    serial: serial ?? 'unknown (the board exposes no serial number)',
    emulated: false,
  };
}
