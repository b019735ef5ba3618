// Puts the PN532 emulator on the device side of a pty, behind a line-rate limit.
import { SerialPortTransport } from '../../device/serial/serialport-transport.js';
import { LineRateTransport } from '../serial/line-rate.js';
import { Pn532Emulator, type Pn532Faults } from './pn532-emulator.js';

export interface ServedPn532 {
  readonly emulator: Pn532Emulator;
  reattach(): Promise<void>;
  close(): Promise<void>;
}

export async function servePn532(
  path: string,
  opts: { baudRate?: number; faults?: Pn532Faults } = {},
): Promise<ServedPn532> {
  const open = async (): Promise<LineRateTransport> =>
    new LineRateTransport(
      await SerialPortTransport.open({ path, baudRate: 115200 }),
      opts.baudRate ?? 115200,
    );
  let transport = await open();
  const emulator = new Pn532Emulator(transport, opts.faults);
  return {
    emulator,
    reattach: async () => {
      await transport.close().catch(() => {});
      transport = await open();
      emulator.attach(transport);
    },
    close: () => transport.close(),
  };
}
