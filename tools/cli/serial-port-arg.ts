// --port PATH or --usb VID:PID[:SERIAL]: find the serial port an engineer means.
import { SerialPort } from 'serialport';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';

export async function resolvePort(port: string | undefined, usb: string | undefined): Promise<string> {
  if (port && usb) throw new ReaderError(ErrorCode.Usage, 'give --port or --usb, not both');
  if (port) return port;
  if (!usb) throw new ReaderError(ErrorCode.Usage, '--port PATH or --usb VID:PID is required');
  const m = /^([0-9a-f]{4}):([0-9a-f]{4})(?::(.+))?$/i.exec(usb);
  if (!m)
    throw new ReaderError(
      ErrorCode.Usage,
      `--usb wants VID:PID[:SERIAL] in hex, e.g. 1915:521f (got "${usb}")`,
    );
  // serialport lists ports through udevadm; a machine without udev cannot look ports up by id.
  const ports = await SerialPort.list().catch((e: unknown) => {
    throw new ReaderError(
      ErrorCode.Link_Disconnected,
      `cannot list serial ports to find --usb ${usb} (${(e as Error).message}): install udev (Debian package udev), or give --port PATH`,
      {},
      { cause: e },
    );
  });
  const hit = ports.filter(
    (p) =>
      p.vendorId?.toLowerCase() === m[1]!.toLowerCase() &&
      p.productId?.toLowerCase() === m[2]!.toLowerCase() &&
      (!m[3] || p.serialNumber === m[3]),
  );
  if (hit.length === 0) {
    const seen =
      ports.map((p) => `${p.path} (${p.vendorId ?? '????'}:${p.productId ?? '????'})`).join(', ') || 'none';
    throw new ReaderError(
      ErrorCode.Link_Disconnected,
      `no serial port with USB id ${usb}; ports present: ${seen}`,
    );
  }
  if (hit.length > 1) {
    throw new ReaderError(
      ErrorCode.Usage,
      `${hit.length} ports match ${usb}: ${hit.map((p) => p.path).join(', ')}; add :SERIAL`,
    );
  }
  return hit[0]!.path;
}
