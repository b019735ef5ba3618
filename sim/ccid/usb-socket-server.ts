// The rig's end of the emulated USB cable: serves a USB bus (the CCID reader emulator's) on a
// Unix socket, so readerd's emulated composition in another process finds the reader there.
// A process that goes away closes what it opened, as the kernel does for a real device.
import { rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { UsbBusLike, UsbConnectionEvent, UsbDeviceLike } from '../../device/ccid/webusb.js';
import {
  DEVICE_OPS,
  type DeviceOp,
  fromBase64,
  lineReader,
  parseWireRequest,
  toBase64,
  type WireDevice,
  type WireDeviceState,
  type WireMessage,
  type WireRequest,
} from './usb-socket-wire.js';

export interface ServedUsbBus {
  readonly path: string;
  close(): Promise<void>;
}

function stateOf(d: UsbDeviceLike): WireDeviceState {
  const c = d.configuration;
  return {
    opened: d.opened,
    configuration: c
      ? {
          configurationValue: c.configurationValue,
          interfaces: c.interfaces.map((i) => ({
            interfaceNumber: i.interfaceNumber,
            alternate: {
              interfaceClass: i.alternate.interfaceClass,
              endpoints: i.alternate.endpoints.map((e) => ({ ...e })),
            },
          })),
        }
      : null,
  };
}

async function perform(d: UsbDeviceLike, op: DeviceOp, args: readonly unknown[]): Promise<unknown> {
  const n = (i: number): number => Number(args[i]);
  switch (op) {
    case 'open':
      return d.open();
    case 'close':
      return d.close();
    case 'selectConfiguration':
      return d.selectConfiguration(n(0));
    case 'claimInterface':
      return d.claimInterface(n(0));
    case 'releaseInterface':
      return d.releaseInterface(n(0));
    case 'transferOut': {
      const r = await d.transferOut(n(0), fromBase64(String(args[1])));
      return { status: r.status, bytesWritten: r.bytesWritten };
    }
    case 'transferIn': {
      const r = await d.transferIn(n(0), n(1));
      const data = r.data && new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength);
      return { status: r.status, data: data && toBase64(data) };
    }
    case 'controlTransferOut': {
      if (!d.controlTransferOut) return { status: 'stall' };
      const setup = args[0] as Parameters<NonNullable<UsbDeviceLike['controlTransferOut']>>[0];
      const data = typeof args[1] === 'string' ? fromBase64(args[1]) : undefined;
      const r = await d.controlTransferOut(setup, data);
      return { status: r.status };
    }
  }
}

export async function serveUsbBus(bus: UsbBusLike, path: string): Promise<ServedUsbBus> {
  const handles = new Map<UsbDeviceLike, number>();
  const devices = new Map<number, UsbDeviceLike>();
  const describe = (d: UsbDeviceLike): WireDevice => {
    let dev = handles.get(d);
    if (dev === undefined) {
      dev = handles.size + 1;
      handles.set(d, dev);
      devices.set(dev, d);
    }
    return {
      dev,
      vendorId: d.vendorId,
      productId: d.productId,
      productName: d.productName,
      serialNumber: d.serialNumber,
    };
  };
  const sockets = new Set<Socket>();

  const serve = (socket: Socket): void => {
    sockets.add(socket);
    const opened = new Set<UsbDeviceLike>();
    const send = (m: WireMessage): void => {
      if (!socket.destroyed) socket.write(`${JSON.stringify(m)}\n`);
    };
    const onConnect = (e: UsbConnectionEvent): void => send({ event: 'connect', device: describe(e.device) });
    const onDisconnect = (e: UsbConnectionEvent): void => {
      opened.delete(e.device);
      send({ event: 'disconnect', device: describe(e.device) });
    };
    bus.addEventListener('connect', onConnect);
    bus.addEventListener('disconnect', onDisconnect);
    const handle = async (req: WireRequest): Promise<void> => {
      try {
        if (req.op === 'getDevices') {
          send({ id: req.id, ok: true, value: (await bus.getDevices()).map(describe) });
          return;
        }
        const d = devices.get(req.dev);
        if (!d || !DEVICE_OPS.includes(req.op)) throw new Error('LIBUSB_ERROR_NO_DEVICE');
        const value = await perform(d, req.op, Array.isArray(req.args) ? req.args : []);
        if (req.op === 'open') opened.add(d);
        if (req.op === 'close') opened.delete(d);
        send({ id: req.id, ok: true, value, state: stateOf(d) });
      } catch (e) {
        send({ id: req.id, ok: false, error: (e as Error).message });
      }
    };
    socket.on(
      'data',
      lineReader((line) => {
        const req = parseWireRequest(line);
        // Not a request: skipped, as a framer skips noise.
        if (req) void handle(req);
      }),
    );
    socket.on('error', () => {});
    socket.on('close', () => {
      sockets.delete(socket);
      bus.removeEventListener('connect', onConnect);
      bus.removeEventListener('disconnect', onDisconnect);
      // The process at the other end is gone: its device handles close, its transfers end.
      for (const d of opened) void d.close().catch(() => {});
    });
  };

  rmSync(path, { force: true });
  const server: Server = createServer(serve);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  return {
    path,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
      rmSync(path, { force: true });
    },
  };
}
