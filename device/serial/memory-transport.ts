// Two connected ByteTransport ends in memory: a driver on one, an emulator on the other, with
// no pty and no socat. They keep the serial port's contract (bytes arrive later and in order,
// a write to an end that is not open is refused, closing one end is a lost line at the other,
// a replug reopens both, drain waits for the line) and add what a pty hides: a line rate, and
// reads cut at random boundaries from a seeded PRNG, so framers meet partial reads and a
// failing seed replays.
import { EventEmitter } from 'node:events';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { seededRandom } from '../../protocol/seeded-random.js';
import { LinePacer } from './line-pacer.js';
import type { ByteTransport, ByteTransportEvents } from './transport.js';

export interface MemoryLineOptions {
  /**
   * Bytes cross at baudRate/10 per second in each direction (8N1), as on a UART; without it
   * they cross as fast as the event loop turns.
   */
  readonly baudRate?: number;
  /** Cut every write into reads of 1..maxChunk bytes (default 16), each in its own turn. */
  readonly chunking?: { readonly seed: number; readonly maxChunk?: number };
}

export interface MemoryTransportPair {
  /** The end a driver opens (a pty's host side). */
  readonly host: MemoryTransport;
  /** The end an emulator listens on (a pty's device side). */
  readonly device: MemoryTransport;
  /** Pulls the cable: both open ends report a lost line, and bytes on the wire are gone. */
  unplug(): void;
  /** Plugs it back: every end that lost its line (not one its owner closed) opens again. */
  replug(): void;
}

export function createMemoryTransportPair(opts: MemoryLineOptions = {}): MemoryTransportPair {
  const random = opts.chunking ? seededRandom(opts.chunking.seed) : undefined;
  const cut = random
    ? (b: Uint8Array): Uint8Array[] => {
        const max = Math.max(1, opts.chunking?.maxChunk ?? 16);
        const out: Uint8Array[] = [];
        for (let o = 0; o < b.length; ) {
          const n = 1 + Math.floor(random() * max);
          out.push(b.subarray(o, o + n));
          o += n;
        }
        return out;
      }
    : (b: Uint8Array): Uint8Array[] => [b];
  const host = new MemoryTransport('host');
  const device = new MemoryTransport('device');
  const wires = [new Wire(device, opts.baudRate, cut), new Wire(host, opts.baudRate, cut)] as const;
  const setLineRate = (baud: number): void => {
    for (const w of wires) w.setBaudRate(baud);
  };
  host.connect(device, wires[0], setLineRate);
  device.connect(host, wires[1], setLineRate);
  return {
    host,
    device,
    unplug: () => {
      host.loseLine();
      device.loseLine();
    },
    replug: () => {
      host.lineBack();
      device.lineBack();
    },
  };
}

/** One direction of the line: paced when it has a rate, cut when asked, delivered one read a turn. */
class Wire {
  private readonly pacer?: LinePacer;
  private reads: Uint8Array[] = [];
  private scheduled = false;
  private inFlight = 0;
  private idle: (() => void)[] = [];

  constructor(
    private readonly to: MemoryTransport,
    baudRate: number | undefined,
    private readonly cut: (b: Uint8Array) => Uint8Array[],
  ) {
    if (baudRate) this.pacer = new LinePacer(baudRate / 10, (b) => this.queue(b));
  }

  send(b: Uint8Array): void {
    this.inFlight += b.length;
    if (this.pacer) this.pacer.push(b);
    else this.queue(b);
  }

  setBaudRate(baud: number): void {
    if (this.pacer) this.pacer.bytesPerSecond = baud / 10;
  }

  /** Resolves once every byte sent so far reached the other end (or the line dropped it). */
  whenDelivered(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** The cable went: what was on the wire is lost. */
  clear(): void {
    this.pacer?.clear();
    this.reads = [];
    this.inFlight = 0;
    for (const w of this.idle.splice(0)) w();
  }

  private queue(b: Uint8Array): void {
    this.reads.push(...this.cut(b));
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.reads.length === 0) return;
    this.scheduled = true;
    // Never inside write(): a serial port's bytes arrive in a later turn of the event loop.
    setImmediate(() => {
      this.scheduled = false;
      const read = this.reads.shift();
      if (read) {
        this.inFlight -= read.length;
        this.to.receive(read);
      }
      if (this.inFlight === 0) for (const w of this.idle.splice(0)) w();
      this.schedule();
    });
  }
}

type EndState = 'open' | 'lost' | 'closed';

export class MemoryTransport extends EventEmitter<ByteTransportEvents> implements ByteTransport {
  private state: EndState = 'open';
  private peer?: MemoryTransport;
  private out?: Wire;
  private setLineRate?: (baud: number) => void;

  constructor(readonly name: string) {
    super();
  }

  /** Wiring done once by createMemoryTransportPair. */
  connect(peer: MemoryTransport, out: Wire, setLineRate: (baud: number) => void): void {
    this.peer = peer;
    this.out = out;
    this.setLineRate = setLineRate;
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  write(data: Uint8Array): Promise<void> {
    if (this.state !== 'open') {
      return Promise.reject(
        new ReaderError(
          ErrorCode.Link_Disconnected,
          `the in-memory ${this.name} end is ${this.state === 'lost' ? 'unplugged' : 'closed'}`,
          { disconnected: true },
        ),
      );
    }
    this.out?.send(data.slice());
    return Promise.resolve();
  }

  drain(): Promise<void> {
    return this.out?.whenDelivered() ?? Promise.resolve();
  }

  /** Both directions of the line change rate, as when both UARTs switch (SetSerialBaudrate). */
  setBaudRate(baudRate: number): Promise<void> {
    this.setLineRate?.(baudRate);
    return Promise.resolve();
  }

  close(): Promise<void> {
    if (this.state === 'closed') return Promise.resolve();
    const wasOpen = this.state === 'open';
    this.state = 'closed';
    this.out?.clear();
    if (wasOpen) this.emit('close');
    this.peer?.loseLine();
    return Promise.resolve();
  }

  /** Bytes off the wire: an end that is not open hears nothing. */
  receive(read: Uint8Array): void {
    if (this.state === 'open') this.emit('data', read);
  }

  loseLine(): void {
    if (this.state !== 'open') return;
    this.state = 'lost';
    this.out?.clear();
    this.emit(
      'close',
      new ReaderError(ErrorCode.Link_Disconnected, `the in-memory line at the ${this.name} end went away`, {
        disconnected: true,
      }),
    );
  }

  lineBack(): void {
    if (this.state !== 'lost') return;
    this.state = 'open';
    this.emit('open');
  }
}
