// ByteTransport over node-serialport, with optional reopen when the port comes back
// (a USB-serial adapter unplugged and replugged, or an emulator's pty recreated).
import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import type { ByteTransport, ByteTransportEvents } from './transport.js';

export interface SerialOptions {
  readonly path: string;
  readonly baudRate: number;
  readonly dataBits?: 5 | 6 | 7 | 8;
  readonly parity?: 'none' | 'even' | 'odd';
  readonly stopBits?: 1 | 2;
  readonly rtscts?: boolean;
  /** Try to reopen after the port disappears, every this many ms (0 = never). */
  readonly reopenEveryMs?: number;
}

export class SerialPortTransport extends EventEmitter<ByteTransportEvents> implements ByteTransport {
  private port?: SerialPort;
  private closedByUser = false;
  private reopenTimer?: NodeJS.Timeout;

  private constructor(private readonly opts: SerialOptions) {
    super();
  }

  static async open(opts: SerialOptions): Promise<SerialPortTransport> {
    const t = new SerialPortTransport(opts);
    await t.openPort();
    return t;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  get path(): string {
    return this.opts.path;
  }

  private openPort(): Promise<void> {
    return new Promise((resolve, reject) => {
      const port = new SerialPort(
        {
          path: this.opts.path,
          baudRate: this.opts.baudRate,
          dataBits: this.opts.dataBits ?? 8,
          parity: this.opts.parity ?? 'none',
          stopBits: this.opts.stopBits ?? 1,
          rtscts: this.opts.rtscts ?? false,
          hupcl: false,
        },
        (err) => {
          if (err) {
            reject(
              new ReaderError(ErrorCode.Link_Disconnected, `cannot open ${this.opts.path}: ${err.message}`, {
                path: this.opts.path,
              }),
            );
            return;
          }
          this.port = port;
          port.on('data', (d: Buffer) => this.emit('data', new Uint8Array(d.buffer, d.byteOffset, d.length)));
          // One loss can close a port twice (the stream destroyed by a failed write, then
          // serialport's own close with its DisconnectedError): only the first counts, or two
          // reopen loops would open the path twice and every byte would arrive twice.
          port.on('close', (e?: Error) => {
            if (this.port !== port) return;
            this.port = undefined;
            this.onPortClose(e);
          });
          port.on('error', () => {}); // surfaced through close
          resolve();
        },
      );
    });
  }

  private onPortClose(e?: Error): void {
    // A lost line is the project's error with the transport fact as a flag, as on every
    // transport; serialport's own DisconnectedError stays as the cause.
    this.emit(
      'close',
      this.closedByUser
        ? undefined
        : new ReaderError(
            ErrorCode.Link_Disconnected,
            `${this.opts.path} went away${e ? ` (${e.message})` : ''}`,
            { disconnected: true, path: this.opts.path },
            { cause: e },
          ),
    );
    if (this.closedByUser || !this.opts.reopenEveryMs) return;
    const retry = (): void => {
      this.reopenTimer = setTimeout(() => {
        if (this.closedByUser) return;
        this.openPort().then(
          () => this.emit('open'),
          () => retry(),
        );
      }, this.opts.reopenEveryMs);
    };
    retry();
  }

  write(data: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) {
      return Promise.reject(
        new ReaderError(ErrorCode.Link_Disconnected, `serial port ${this.opts.path} is not open`),
      );
    }
    return new Promise((resolve, reject) =>
      port.write(Buffer.from(data), (err) =>
        err
          ? reject(
              new ReaderError(
                ErrorCode.Link_Disconnected,
                `write to ${this.opts.path} failed: ${err.message}`,
              ),
            )
          : resolve(),
      ),
    );
  }

  drain(): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return Promise.resolve(); // nothing of ours is left to send
    return new Promise((resolve, reject) =>
      port.drain((err) =>
        err
          ? reject(
              new ReaderError(
                ErrorCode.Link_Disconnected,
                `drain of ${this.opts.path} failed: ${err.message}`,
                { disconnected: true },
                { cause: err },
              ),
            )
          : resolve(),
      ),
    );
  }

  /** Changes the line rate without closing the port. */
  setBaudRate(baudRate: number): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return Promise.reject(new ReaderError(ErrorCode.Link_Disconnected, 'port not open'));
    return new Promise((resolve, reject) =>
      port.update({ baudRate }, (err) => (err ? reject(err) : resolve())),
    );
  }

  close(): Promise<void> {
    this.closedByUser = true;
    clearTimeout(this.reopenTimer);
    const port = this.port;
    if (!port?.isOpen) return Promise.resolve();
    return new Promise((resolve) => port.close(() => resolve()));
  }
}
