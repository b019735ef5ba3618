// A console session on a byte transport: renders what arrives (raw, hex, or decoded), sends
// what the person types, logs to a file, and reports disconnects and reconnects.
import { appendFileSync } from 'node:fs';
import type { ByteTransport } from '../../device/serial/transport.js';
import { type Direction, makeDecoder, type TrafficDecoder } from './decoders.js';

export interface ConsoleOptions {
  hex: boolean;
  timestamps: boolean;
  localEcho: boolean;
  decode?: string;
  logFile?: string;
}

export class ConsoleSession {
  private readonly decoder?: TrafficDecoder;
  private atLineStart = true;

  constructor(
    private readonly transport: ByteTransport,
    readonly opts: ConsoleOptions,
    private readonly write: (text: string) => void,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.decoder = opts.decode ? makeDecoder(opts.decode) : undefined;
    transport.on('data', (b) => this.show('rx', b));
    transport.on('close', (e) =>
      this.status(`port disconnected${e ? ` (${e.message})` : ''}; waiting for it to come back`),
    );
    transport.on('open', () => this.status('port reconnected'));
  }

  private stamp(): string {
    return this.opts.timestamps ? `[${this.now().toISOString().slice(11, 23)}] ` : '';
  }

  private emit(text: string): void {
    this.write(text);
    if (this.opts.logFile) appendFileSync(this.opts.logFile, text);
  }

  status(text: string): void {
    this.emit(`${this.atLineStart ? '' : '\r\n'}[console] ${text}\r\n`);
    this.atLineStart = true;
  }

  private show(dir: Direction, bytes: Uint8Array): void {
    if (this.decoder) {
      for (const line of this.decoder.push(dir, bytes)) this.emit(`${this.stamp()}${line}\r\n`);
      return;
    }
    if (this.opts.hex) {
      for (let o = 0; o < bytes.length; o += 16) {
        const row = bytes.subarray(o, o + 16);
        const hex = [...row].map((x) => x.toString(16).padStart(2, '0')).join(' ');
        const ascii = [...row].map((x) => (x >= 0x20 && x < 0x7f ? String.fromCharCode(x) : '.')).join('');
        this.emit(`${this.stamp()}${dir === 'tx' ? '>>' : '<<'} ${hex.padEnd(47)}  |${ascii}|\r\n`);
      }
      return;
    }
    if (dir === 'tx' && !this.opts.localEcho) return;
    // Raw text; a timestamp at the start of each line.
    let text = Buffer.from(bytes).toString('latin1');
    if (this.opts.timestamps) {
      text = text.replace(/(\n)(?=.)/g, `$1${this.stamp()}`);
      if (this.atLineStart && text.length) text = this.stamp() + text;
    }
    if (text.length) this.atLineStart = text.endsWith('\n');
    this.emit(text);
  }

  async send(bytes: Uint8Array): Promise<void> {
    try {
      await this.transport.write(bytes);
      this.show('tx', bytes);
    } catch (e) {
      this.status(`not sent: ${(e as Error).message}`);
    }
  }
}
