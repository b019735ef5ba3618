// What a pty lacks: a line rate. Bytes between the emulator and its pty are released at
// baud/10 bytes per second (8N1: ten bit times per byte) in both directions, so throughput
// measured through an emulator is bounded as on a real UART.
import { EventEmitter } from 'node:events';
import { LinePacer } from '../../device/serial/line-pacer.js';
import type { ByteTransport, ByteTransportEvents } from '../../device/serial/transport.js';

export class LineRateTransport extends EventEmitter<ByteTransportEvents> implements ByteTransport {
  private readonly tx: LinePacer;
  private readonly rx: LinePacer;

  constructor(
    private readonly inner: ByteTransport,
    public baudRate: number,
  ) {
    super();
    const bps = baudRate / 10;
    this.tx = new LinePacer(bps, (b) => void inner.write(b).catch(() => {}));
    this.rx = new LinePacer(bps, (b) => this.emit('data', b));
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
  setBaudRate(baud: number): Promise<void> {
    this.baudRate = baud;
    this.tx.bytesPerSecond = baud / 10;
    this.rx.bytesPerSecond = baud / 10;
    return Promise.resolve();
  }

  async drain(): Promise<void> {
    await this.tx.whenIdle();
    await this.inner.drain();
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
