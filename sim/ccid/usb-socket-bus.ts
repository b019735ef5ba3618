// readerd's end of the emulated USB cable: a USB bus, as the CCID driver sees WebUSB, whose
// devices are the ones the rig's process serves on a Unix socket (usb-socket-server.ts). The
// emulated appliance's composition root hands this to readerd's services in place of the
// `usb` package's WebUSB; nothing above the bus knows the difference.
import { createConnection, type Socket } from 'node:net';
import type {
  UsbBusLike,
  UsbConnectionEvent,
  UsbControlSetup,
  UsbDeviceLike,
  UsbTransferIn,
} from '../../device/ccid/webusb.js';
import type { Logger } from '../../platform/log.js';
import {
  type DeviceOp,
  fromBase64,
  lineReader,
  parseWireMessage,
  toBase64,
  type WireDevice,
  type WireDeviceState,
} from './usb-socket-wire.js';

/** Calls other than transferIn (which waits for the device, as on real USB) answer within this. */
const CALL_TIMEOUT_MS = 5000;
const CONNECT_TIMEOUT_MS = 3000;
/** A lost cable is dialled again after this, doubling up to REDIAL_MAX_MS while it stays out. */
const REDIAL_MIN_MS = 250;
const REDIAL_MAX_MS = 5000;

type Pending = {
  socket: Socket;
  resolve: (m: { value?: unknown; state?: WireDeviceState }) => void;
  reject: (e: Error) => void;
};

class SocketUsbDevice implements UsbDeviceLike {
  readonly vendorId: number;
  readonly productId: number;
  readonly productName?: string;
  readonly serialNumber?: string;
  opened = false;
  configuration: UsbDeviceLike['configuration'] = null;

  constructor(
    private readonly bus: SocketUsbBus,
    readonly dev: number,
    d: WireDevice,
  ) {
    this.vendorId = d.vendorId;
    this.productId = d.productId;
    this.productName = d.productName;
    this.serialNumber = d.serialNumber;
  }

  private async call(op: DeviceOp, ...args: unknown[]): Promise<unknown> {
    const r = await this.bus.request(
      { op, dev: this.dev, args },
      op === 'transferIn' ? undefined : CALL_TIMEOUT_MS,
    );
    if (r.state) {
      this.opened = r.state.opened;
      this.configuration = r.state.configuration;
    }
    return r.value;
  }

  async open(): Promise<void> {
    await this.call('open');
  }
  async close(): Promise<void> {
    await this.call('close');
  }
  async selectConfiguration(value: number): Promise<void> {
    await this.call('selectConfiguration', value);
  }
  async claimInterface(n: number): Promise<void> {
    await this.call('claimInterface', n);
  }
  async releaseInterface(n: number): Promise<void> {
    await this.call('releaseInterface', n);
  }
  async transferOut(endpoint: number, data: Uint8Array): Promise<{ status: string; bytesWritten: number }> {
    return (await this.call('transferOut', endpoint, toBase64(data))) as {
      status: string;
      bytesWritten: number;
    };
  }
  async transferIn(endpoint: number, length: number): Promise<UsbTransferIn> {
    const r = (await this.call('transferIn', endpoint, length)) as {
      status: UsbTransferIn['status'];
      data?: string;
    };
    if (r.data === undefined) return { status: r.status };
    const b = fromBase64(r.data);
    return { status: r.status, data: new DataView(b.buffer, b.byteOffset, b.byteLength) };
  }
  async controlTransferOut(setup: UsbControlSetup, data?: Uint8Array): Promise<{ status: string }> {
    return (await this.call('controlTransferOut', setup, data && toBase64(data))) as { status: string };
  }
}

export class SocketUsbBus implements UsbBusLike {
  private socket?: Socket;
  private closed = false;
  private connected?: Promise<Socket>;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly devices = new Map<number, SocketUsbDevice>();
  private readonly listeners = {
    connect: new Set<(e: UsbConnectionEvent) => void>(),
    disconnect: new Set<(e: UsbConnectionEvent) => void>(),
  };
  private redialTimer?: NodeJS.Timeout;
  private redialMs = REDIAL_MIN_MS;

  constructor(
    readonly path: string,
    private readonly log: Logger,
  ) {}

  private connect(): Promise<Socket> {
    // One connection at a time; once it is lost (or never came up) the next call dials again,
    // as a replugged cable enumerates again.
    if (this.closed) return Promise.reject(new Error('LIBUSB_ERROR_NO_DEVICE: the bus is closed'));
    this.connected ??= new Promise<Socket>((resolve, reject) => {
      const socket = createConnection(this.path);
      this.socket = socket;
      const failed = (e: Error): void => {
        clearTimeout(t);
        socket.destroy();
        this.forget(socket);
        reject(e);
      };
      const t = setTimeout(
        () => failed(new Error(`no emulated USB bus answers at ${this.path}`)),
        CONNECT_TIMEOUT_MS,
      );
      socket.once('connect', () => {
        clearTimeout(t);
        resolve(socket);
      });
      socket.on('error', failed);
      socket.on(
        'data',
        lineReader((line) => this.onLine(line)),
      );
      socket.on('close', () => this.lost(socket));
    });
    return this.connected;
  }

  /** Drops the cached connection if it is still this socket's (a late close of an old one is not). */
  private forget(socket: Socket): void {
    if (this.socket !== socket) return;
    this.socket = undefined;
    this.connected = undefined;
  }

  private device(d: WireDevice): SocketUsbDevice {
    let dev = this.devices.get(d.dev);
    if (!dev) {
      dev = new SocketUsbDevice(this, d.dev, d);
      this.devices.set(d.dev, dev);
    }
    return dev;
  }

  /** Lines that were not a reply or a plug event: dropped, counted. */
  dropped = 0;

  private onLine(line: string): void {
    const m = parseWireMessage(line);
    if (!m) {
      this.dropped++;
      return;
    }
    if ('event' in m) {
      const dev = this.device(m.device);
      if (m.event === 'disconnect') this.devices.delete(m.device.dev);
      for (const l of this.listeners[m.event]) l({ device: dev });
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.ok) p.resolve({ value: m.value, state: m.state });
    else p.reject(new Error(m.error));
  }

  /**
   * The cable is out: every transfer over it fails and every device is gone, as on an unplugged
   * hub. A late close of a cable already replaced only ends the transfers that were on it.
   */
  private lost(socket: Socket): void {
    for (const [id, p] of this.pending) {
      if (p.socket !== socket) continue;
      this.pending.delete(id);
      p.reject(new Error('LIBUSB_ERROR_NO_DEVICE'));
    }
    if (this.socket !== undefined && this.socket !== socket) return;
    this.forget(socket);
    const gone = [...this.devices.values()];
    this.devices.clear();
    for (const device of gone) for (const l of this.listeners.disconnect) l({ device });
    this.redial();
  }

  /**
   * While someone listens for plug events, a lost (or never made) cable is dialled again, and
   * the devices found on it are announced as plugged in, as a hub that comes back enumerates:
   * without this a watcher never heard of the rig's bus returning.
   */
  private redial(): void {
    const listening = this.listeners.connect.size + this.listeners.disconnect.size > 0;
    if (this.closed || this.redialTimer || !listening) return;
    this.redialTimer = setTimeout(() => {
      this.redialTimer = undefined;
      if (this.closed || this.connected) return;
      this.connect().then(
        () => {
          this.redialMs = REDIAL_MIN_MS;
          void this.announce();
        },
        () => {
          this.redialMs = Math.min(REDIAL_MAX_MS, this.redialMs * 2);
        },
      );
    }, this.redialMs);
  }

  private async announce(): Promise<void> {
    let found: WireDevice[];
    try {
      found = (await this.request({ op: 'getDevices' }, CALL_TIMEOUT_MS)).value as WireDevice[];
    } catch {
      return; // lost again: the next redial announces
    }
    for (const d of found) {
      const device = this.device(d);
      for (const l of this.listeners.connect) l({ device });
    }
  }

  async request(
    req: { op: DeviceOp; dev: number; args: unknown[] } | { op: 'getDevices' },
    timeoutMs: number | undefined,
  ): Promise<{ value?: unknown; state?: WireDeviceState }> {
    const socket = await this.connect();
    if (socket.destroyed) throw new Error('LIBUSB_ERROR_NO_DEVICE');
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const t =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              this.pending.delete(id);
              reject(new Error(`LIBUSB_ERROR_TIMEOUT: ${req.op} not answered in ${timeoutMs} ms`));
            }, timeoutMs);
      this.pending.set(id, {
        socket,
        resolve: (v) => {
          clearTimeout(t);
          resolve(v);
        },
        reject: (e) => {
          clearTimeout(t);
          reject(e);
        },
      });
      socket.write(`${JSON.stringify({ id, ...req })}\n`);
    });
  }

  async getDevices(): Promise<UsbDeviceLike[]> {
    try {
      const r = await this.request({ op: 'getDevices' }, CALL_TIMEOUT_MS);
      return (r.value as WireDevice[]).map((d) => this.device(d));
    } catch (e) {
      // An empty bus, as WebUSB shows one with nothing plugged in; the module says what is missing.
      this.log.warn('emulated USB bus unavailable', { path: this.path, error: e as Error });
      return [];
    }
  }

  addEventListener(type: 'connect' | 'disconnect', l: (e: UsbConnectionEvent) => void): void {
    this.listeners[type].add(l);
    // Plug events are only heard over an open cable.
    void this.connect().catch(() => {});
  }

  removeEventListener(type: 'connect' | 'disconnect', l: (e: UsbConnectionEvent) => void): void {
    this.listeners[type].delete(l);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.redialTimer);
    this.socket?.destroy();
  }
}
