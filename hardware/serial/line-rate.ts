// What a pty lacks: a line rate. Bytes between the emulator and its pty are released at
// baud/10 bytes per second (8N1: ten bit times per byte) in both directions, so throughput
// measured through an emulator is bounded as on a real UART.
import { EventEmitter } from 'node:events';
import type { ByteTransport, ByteTransportEvents } from '../../device/serial/transport.js';

class Pacer {
  private queue: Uint8Array[] = [];
  private busyUntil = 0;
  private timer?: NodeJS.Timeout;
  private spinning = false;

  constructor(
    public bytesPerSecond: number,
    private readonly deliver: (b: Uint8Array) => void,
  ) {}

  push(b: Uint8Array): void {
    this.queue.push(b);
    this.schedule();
  }

  /** Bytes not yet released. */
  get pending(): number {
    return this.queue.reduce((n, b) => n + b.length, 0);
  }

  private schedule(): void {
    if (this.timer || this.spinning || this.queue.length === 0) return;
    const now = performance.now();
    const start = Math.max(now, this.busyUntil);
    // Release in slices of ~0.5 ms of line time, like a UART FIFO filling, not byte by byte.
    const slice = Math.max(1, Math.floor(this.bytesPerSecond / 2000));
    const head = this.queue[0]!;
    const out = head.subarray(0, slice);
    const done = start + (out.length * 1000) / this.bytesPerSecond;
    const release = (): void => {
      this.spinning = false;
      if (out.length === head.length) this.queue.shift();
      else this.queue[0] = head.subarray(out.length);
      this.busyUntil = done;
      this.deliver(out);
      this.schedule();
    };
    // Timers are only good to a millisecond: sleep the long part, then yield to I/O
    // (setImmediate) until the bytes' due time, so a short frame is not held a whole ms.
    const spin = (): void => {
      if (performance.now() >= done) return release();
      setImmediate(spin);
    };
    const wait = done - now;
    this.spinning = true;
    if (wait > 1.5) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        spin();
      }, wait - 1);
    } else setImmediate(spin);
  }

  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.queue = [];
  }
}

export class LineRateTransport extends EventEmitter<ByteTransportEvents> implements ByteTransport {
  private readonly tx: Pacer;
  private readonly rx: Pacer;

  constructor(
    private readonly inner: ByteTransport,
    public baudRate: number,
  ) {
    super();
    const bps = baudRate / 10;
    this.tx = new Pacer(bps, (b) => void inner.write(b).catch(() => {}));
    this.rx = new Pacer(bps, (b) => this.emit('data', b));
    inner.on('data', (b) => this.rx.push(b));
    inner.on('close', (e) => {
      this.tx.clear();
      this.rx.clear();
      this.emit('close', e);
    });
    inner.on('open', () => this.emit('open'));
  }

  get isOpen(): boolean {
    return this.inner.isOpen;
  }

  /** A UART switching rate (e.g. after SetSerialBaudrate): applies to bytes not yet sent. */
  setBaudRate(baud: number): void {
    this.baudRate = baud;
    this.tx.bytesPerSecond = baud / 10;
    this.rx.bytesPerSecond = baud / 10;
  }

  write(data: Uint8Array): Promise<void> {
    this.tx.push(data.slice());
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.tx.clear();
    this.rx.clear();
    return this.inner.close();
  }
}
