// Puts the PN532 emulator on the device side of a pty, behind a line-rate limit.
import { type ServedPort, serveOnPty } from '../serial/serve-emulator.js';
import { type Pn532ChipOptions, Pn532Emulator, type Pn532Faults } from './pn532-emulator.js';

export interface ServedPn532 extends ServedPort {
  readonly emulator: Pn532Emulator;
}

export async function servePn532(
  path: string,
  opts: { baudRate?: number; faults?: Pn532Faults; chip?: Pn532ChipOptions } = {},
): Promise<ServedPn532> {
  let emulator!: Pn532Emulator;
  const port = await serveOnPty(
    path,
    opts.baudRate ?? 115200,
    (t) => (emulator = new Pn532Emulator(t, opts.faults, opts.chip)),
  );
  return { emulator, ...port };
}
