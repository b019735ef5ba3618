// Puts an SMP target on the device side of a pty pair (or any serial path), optionally
// behind a line-rate limit: what tests, benchmarks and `readerctl sim smp-target` run.
import { SerialPortTransport } from '../../device/serial/serialport-transport.js';
import type { ByteTransport } from '../../device/serial/transport.js';
import { LineRateTransport } from '../serial/line-rate.js';
import { SmpTarget, type SmpTargetOptions } from './smp-target.js';

export interface ServedTarget {
  readonly target: SmpTarget;
  /** Reattach after the pty was recreated (cable pull); the flash is kept. */
  reattach(): Promise<void>;
  close(): Promise<void>;
}

export async function serveSmpTarget(
  path: string,
  opts: SmpTargetOptions & { baudRate?: number },
): Promise<ServedTarget> {
  const open = async (): Promise<ByteTransport> => {
    const raw = await SerialPortTransport.open({ path, baudRate: opts.baudRate ?? 115200 });
    return opts.baudRate ? new LineRateTransport(raw, opts.baudRate) : raw;
  };
  let transport = await open();
  const target = new SmpTarget(transport, opts);
  return {
    target,
    reattach: async () => {
      await transport.close().catch(() => {});
      transport = await open();
      target.attach(transport);
    },
    close: () => transport.close(),
  };
}
