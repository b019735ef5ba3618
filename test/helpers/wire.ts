// The wire between a driver under test and its emulator. Driver suites run on the in-memory
// pair by default (paced like the UART, reads cut at seeded random boundaries), so they need
// no system tool; FAREADER_TEST_WIRE=pty runs the same suites over socat ptys, with the
// serialport transport on both ends. The emulator is bound the same way on both: it is given
// a transport.
import { createMemoryTransportPair } from '../../device/serial/memory-transport.js';
import { SerialPortTransport } from '../../device/serial/serialport-transport.js';
import type { ByteTransport } from '../../device/serial/transport.js';
import { PtyPair } from '../../sim/pty/pty-pair.js';
import { serveOnPty } from '../../sim/serial/serve-emulator.js';
import { missing } from './system.js';

export type WireKind = 'memory' | 'pty';

/** What the driver suites run on (FAREADER_TEST_WIRE=pty|memory, memory by default). */
export const DRIVER_WIRE: WireKind = process.env.FAREADER_TEST_WIRE === 'pty' ? 'pty' : 'memory';

/** For describe.skipIf: a pty wire needs socat (and says so when it is missing). */
export function wireMissing(kind: WireKind = DRIVER_WIRE): boolean {
  return kind === 'pty' && missing('socat', 'socat');
}

/**
 * The in-memory pair's cut pattern: each wire takes the next seed, so a run meets many
 * patterns and a file replays the same ones; FAREADER_WIRE_SEED moves the start.
 */
let nextSeed = Number(process.env.FAREADER_WIRE_SEED ?? 1);

export interface Wired<E> {
  readonly kind: WireKind;
  /** The end the driver uses. */
  readonly host: ByteTransport;
  readonly emulator: E;
  /** The seed that cut this wire's reads (memory only). */
  readonly seed?: number;
  /** Pulls the cable: both ends lose the line. */
  unplug(): Promise<void>;
  /** Plugs it back: the host end reopens and the emulator hears the line again. */
  replug(): Promise<void>;
  close(): Promise<void>;
}

export interface WireOptions {
  readonly kind?: WireKind;
  /** The UART's line rate; none = as fast as the wire goes. */
  readonly baudRate?: number;
}

/** A driver's end and an emulator started on the other end of a wire of this kind. */
export async function wire<E extends { attach(t: ByteTransport): void }>(
  start: (device: ByteTransport) => E,
  opts: WireOptions = {},
): Promise<Wired<E>> {
  const kind = opts.kind ?? DRIVER_WIRE;
  if (kind === 'memory') {
    const seed = nextSeed++;
    const pair = createMemoryTransportPair({ baudRate: opts.baudRate, chunking: { seed } });
    const emulator = start(pair.device);
    return {
      kind,
      host: pair.host,
      emulator,
      seed,
      unplug: async () => pair.unplug(),
      replug: async () => {
        pair.replug();
        emulator.attach(pair.device); // as serveOnPty hands it the reopened port
      },
      close: async () => {
        await pair.host.close();
        await pair.device.close();
      },
    };
  }
  const pty = await PtyPair.create('wire');
  let emulator!: E;
  const served = await serveOnPty(pty.devicePath, opts.baudRate, (t) => (emulator = start(t)));
  const host = await SerialPortTransport.open({
    path: pty.hostPath,
    baudRate: opts.baudRate ?? 115200,
    reopenEveryMs: 50,
  });
  return {
    kind,
    host,
    emulator,
    unplug: () => pty.unplug(),
    replug: async () => {
      await pty.replug();
      await served.reattach();
    },
    close: async () => {
      await host.close();
      await served.close();
      await pty.close();
    },
  };
}
