// Opens the device side of a pty for an emulator, behind a line-rate limit when asked, and
// reopens it after the pty was recreated (a cable pull), keeping the emulator's state.
import { SerialPortTransport } from '../../device/serial/serialport-transport.js';
import type { ByteTransport } from '../../device/serial/transport.js';
import { LineRateTransport } from './line-rate.js';

export interface ServedPort {
  /** Reopen the path and hand the new transport to the emulator. */
  reattach(): Promise<void>;
  close(): Promise<void>;
}

export async function serveOnPty(
  path: string,
  baudRate: number | undefined,
  start: (t: ByteTransport) => { attach(t: ByteTransport): void },
): Promise<ServedPort> {
  const open = async (): Promise<ByteTransport> => {
    const raw = await SerialPortTransport.open({ path, baudRate: baudRate ?? 115200 });
    return baudRate ? new LineRateTransport(raw, baudRate) : raw;
  };
  let transport = await open();
  const emulator = start(transport);
  return {
    reattach: async () => {
      await transport.close().catch(() => {});
      transport = await open();
      emulator.attach(transport);
    },
    close: () => transport.close(),
  };
}
