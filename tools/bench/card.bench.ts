// Card reading through the PN532 emulator on a pty at the line rate, beside the bound the
// bytes on the wire impose; and APDU round trips through the CCID emulator.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CardChannel } from '../../device/card/card-channel.js';
import { CcidReader } from '../../device/ccid/ccid-reader.js';
import { MyNumberCardApi } from '../../device/mynumber/mynumber-card.js';
import { Pn532 } from '../../device/pn532/pn532.js';
import { SerialPortTransport } from '../../device/serial/serialport-transport.js';
import { CCID_READERS } from '../../platform/devices/ccid-readers.js';
import { encodeApdu } from '../../protocol/apdu/apdu.js';
import { apdu } from '../../protocol/mynumber/mynumber.js';
import { MyNumberCard } from '../../sim/card/mynumber-emulator.js';
import { EmulatedCcidDevice } from '../../sim/ccid/ccid-emulator.js';
import { hasCommand } from '../rig/has-command.js';
import type { Row } from './table.js';

const STATE = mkdtempSync(join(tmpdir(), 'fareader-bench-cards-'));
/** Reads of each file per line rate; the rows give their median. */
const READS = 7;

/** The emulator runs in its own process, as a module is its own device. */
async function startSim(baud: number): Promise<{ path: string; proc: ChildProcess }> {
  const proc = spawn(
    process.execPath,
    [
      join(import.meta.dirname, '..', '..', 'bin', 'readerctl.mjs'),
      'sim',
      'pn532',
      '--baud',
      String(baud),
      '--state',
      STATE,
    ],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const [line] = (await once(proc.stdout!, 'data')) as [Buffer];
  return { path: line.toString().trim(), proc };
}

async function pn532Read(
  baud: number,
): Promise<{ cert: [number, number, number]; face: [number, number, number] }> {
  const sim = await startSim(baud);
  const host = await SerialPortTransport.open({ path: sim.path, baudRate: baud });
  let wire = 0;
  let exchanges = 0;
  host.on('data', (b) => (wire += b.length));
  const write = host.write.bind(host);
  host.write = (b: Uint8Array) => {
    wire += b.length;
    exchanges++;
    return write(b);
  };
  try {
    const pn532 = new Pn532(host);
    await pn532.init();
    const card = await MyNumberCard.create({ stateDir: STATE, cardId: 'sim-normal' });
    await pn532.pollOnce();
    // A new API per read, as readerd builds one per operation: a reused one would skip the
    // SELECT of the application already selected (its select cache) on all but the first.
    const api = (): MyNumberCardApi => new MyNumberCardApi(new CardChannel(pn532));
    const bytesPerMs = baud / 10 / 1000;
    /**
     * The median of `n` reads, each beside its own wire bound: one read of ~15 ms is at the
     * mercy of a single late wake-up on a shared machine; the p50 is the figure the floor's is.
     */
    const measure = async (n: number, f: () => Promise<unknown>): Promise<[number, number, number]> => {
      const runs: [number, number, number][] = [];
      for (let i = 0; i < n; i++) {
        wire = 0;
        exchanges = 0;
        const t0 = performance.now();
        await f();
        runs.push([performance.now() - t0, wire / bytesPerMs, exchanges]);
      }
      return runs.sort((a, b) => a[0] - b[0])[Math.floor(n / 2)]!;
    };
    await api().readUserAuthCertificate(); // warm-up: both processes' code paths compiled
    await api().readCardFace(card.printedKeyB);
    const cert = await measure(READS, () => api().readUserAuthCertificate());
    const face = await measure(READS, () => api().readCardFace(card.printedKeyB));
    return { cert, face };
  } finally {
    await host.close();
    sim.proc.kill('SIGTERM');
    await once(sim.proc, 'exit');
  }
}

async function ccidRoundTrip(n: number): Promise<{ p50: number; p95: number }> {
  const dev = new EmulatedCcidDevice(CCID_READERS[0]!);
  const reader = new CcidReader(dev, 'bench');
  await reader.open();
  dev.placeCard(await MyNumberCard.create({ stateDir: STATE, cardId: 'bench-ccid' }));
  await new Promise((r) => reader.once('card', r));
  const select = encodeApdu(
    apdu.selectAid(new Uint8Array([0xd3, 0x92, 0xf0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01])),
  );
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await reader.transmit(select);
    times.push(performance.now() - t0);
  }
  await reader.close();
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(n / 2)]!, p95: times[Math.floor(n * 0.95)]! };
}

/** The floor a pty adds to every exchange: a bare 20-byte echo through it, no line rate. */
async function ptyRoundTrip(): Promise<number> {
  const { PtyPair } = await import('../../sim/pty/pty-pair.js');
  const pty = await PtyPair.create('bench-rtt');
  const a = await SerialPortTransport.open({ path: pty.hostPath, baudRate: 921600 });
  const b = await SerialPortTransport.open({ path: pty.devicePath, baudRate: 921600 });
  b.on('data', (d) => void b.write(d));
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t0 = performance.now();
    await new Promise<void>((r) => {
      a.once('data', () => r());
      void a.write(new Uint8Array(20));
    });
    times.push(performance.now() - t0);
  }
  await a.close();
  await b.close();
  await pty.close();
  return times.sort((x, y) => x - y)[150]!;
}

export async function cardBench(): Promise<Row[]> {
  const rows: Row[] = [];
  if (hasCommand('socat')) {
    const rtt = await ptyRoundTrip();
    rows.push({
      figure: 'pty round trip, 20-byte echo, no line rate, p50 (the floor every exchange pays here)',
      measured: rtt,
      unit: 'ms',
    });
    for (const baud of [115200, 921600]) {
      const r = await pn532Read(baud);
      for (const [what, [ms, bound, n]] of [
        ['user-auth certificate', r.cert],
        ['card-face record (photo, signature, internal auth)', r.face],
      ] as const) {
        rows.push({
          figure: `read ${what}, PN532 at ${baud}, p50 of ${READS}`,
          measured: ms,
          unit: 'ms',
          goal: { text: '≤ 1.25× wire bound', met: (v) => v <= 1.25 * bound },
          anchor: { name: 'bytes on the wire / line rate', value: bound },
        });
        rows.push({
          figure: `  same, against the wire bound plus ${n} exchanges × pty round trip`,
          measured: ms,
          unit: 'ms',
          goal: { text: '≤ 1.10× wire + pty floor', met: (v) => v <= 1.1 * (bound + n * rtt) },
          anchor: { name: 'wire + pty floor', value: bound + n * rtt },
        });
      }
    }
  } else process.stdout.write('socat not installed (Debian package socat): PN532 rows are left out\n');
  const rt = await ccidRoundTrip(500);
  rows.push({ figure: 'APDU round trip (SELECT), CCID emulator, p50', measured: rt.p50, unit: 'ms' });
  rows.push({ figure: 'APDU round trip (SELECT), CCID emulator, p95', measured: rt.p95, unit: 'ms' });
  return rows;
}
