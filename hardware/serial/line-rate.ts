// What a pty lacks: a line rate. Bytes between the emulator and its pty are released at
// baud/10 bytes per second (8N1: ten bit times per byte) in both directions, so throughput
// measured through an emulator is bounded as on a real UART.
import { EventEmitter } from 'node:events';
import type { ByteTransport, ByteTransportEvents } from '../../device/serial/transport.js';

class Pacer {
  private queue: Uint8Array[] = [];
  /** When the line has sent every byte released so far (the UART's clock, not the event loop's). */
  private lineFreeAt = 0;
  private timer?: NodeJS.Timeout;
  private spinning = false;

  constructor(
    public bytesPerSecond: number,
    private readonly deliver: (b: Uint8Array) => void,
  ) {}

  push(b: Uint8Array): void {
    if (this.queue.length === 0) this.lineFreeAt = Math.max(this.lineFreeAt, performance.now());
    this.queue.push(b);
    this.schedule();
  }

  /** Bytes not yet released. */
  get pending(): number {
    return this.queue.reduce((n, b) => n + b.length, 0);
  }

  /** Delivers every byte whose last bit is on the wire by now, late ones all at once. */
  private releaseDue(): void {
    const now = performance.now();
    let due = Math.floor(((now - this.lineFreeAt) * this.bytesPerSecond) / 1000);
    const out: Uint8Array[] = [];
    while (due > 0 && this.queue.length > 0) {
      const head = this.queue[0]!;
      const n = Math.min(due, head.length);
      out.push(head.subarray(0, n));
      if (n === head.length) this.queue.shift();
      else this.queue[0] = head.subarray(n);
      due -= n;
      this.lineFreeAt += (n * 1000) / this.bytesPerSecond;
    }
    for (const b of out) this.deliver(b);
  }

  private schedule(): void {
    if (this.timer || this.spinning || this.queue.length === 0) return;
    const slice = Math.max(1, Math.floor(this.bytesPerSecond / 2000));
    const queued = this.pending;
    const next = Math.min(slice, queued);
    const dueAt = this.lineFreeAt + (next * 1000) / this.bytesPerSecond;
    const wait = dueAt - performance.now();
    const step = (): void => {
      this.releaseDue();
      this.schedule();
    };
    // Timers are only good to a millisecond: sleep while more than a slice is queued (lateness
    // is caught up), and spin (setImmediate) only for a burst's last bytes, so a short frame's
    // end is not held a whole ms.
    if (wait > 1.5 || queued > slice) {
      this.timer = setTimeout(
        () => {
          this.timer = undefined;
          step();
        },
        Math.max(1, wait - 1),
      );
    } else {
      this.spinning = true;
      const spin = (): void => {
        if (performance.now() < dueAt) {
          setImmediate(spin);
          return;
        }
        this.spinning = false;
        step();
      };
      setImmediate(spin);
    }
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
