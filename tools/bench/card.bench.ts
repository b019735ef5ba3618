// Card reading through the PN532 emulator on a pty at the line rate, beside the bound the
// bytes on the wire impose; and APDU round trips through the CCID emulator.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CardChannel } from '../../device/card/card-channel.js';
import { CcidReader } from '../../device/ccid/ccid-reader.js';
import { MyNumberCardApi } from '../../device/mynumber/mynumber-card.js';
import { Pn532 } from '../../device/pn532/pn532.js';
import { SerialPortTransport } from '../../device/serial/serialport-transport.js';
import { CCID_READERS } from '../../platform/devices/ccid-readers.js';
import { encodeApdu } from '../../protocol/apdu/apdu.js';
import { toHex } from '../../protocol/bytes.js';
import { apdu } from '../../protocol/mynumber/mynumber.js';
import { ACK } from '../../protocol/pn532/frame.js';
import { MyNumberCard } from '../../sim/card/mynumber-emulator.js';
import { EmulatedCcidDevice } from '../../sim/ccid/ccid-emulator.js';
import { hasCommand } from '../rig/has-command.js';
import type { FloorStep } from './pty-floor-peer.js';
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

/** One read's exchanges as the host saw them: each host write and the device's writes after it. */
type Script = FloorStep[];

/** The device's bytes after one host write, cut where the emulator cut them: ACK, then the answer. */
function deviceWrites(rx: Uint8Array[]): string[] {
  const all = Buffer.concat(rx);
  const ack = all.length >= ACK.length && ACK.every((b, i) => all[i] === b);
  const parts = ack ? [all.subarray(0, ACK.length), all.subarray(ACK.length)] : [all];
  return parts.filter((p) => p.length > 0).map((p) => toHex(p));
}

/** Times, p50 of n, and the pick's other figures. */
function p50<T extends { ms: number }>(runs: T[]): T {
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
}

interface ReadFigures {
  /** p50 of the reads. */
  readonly ms: number;
  /** Bytes on the wire of that read / line rate. */
  readonly bound: number;
  readonly exchanges: number;
  /** p50 of the same exchanges replayed to a minimal peer over the same kind of pty. */
  readonly floor: number;
}

/**
 * The reads through the driver and the emulator, each followed by its floor: the same frames
 * (the same bytes, the same round trips, ACK and answer as separate writes) between a bare host
 * and a peer process with no PN532 or card logic, over a socat pty pair behind the same line-rate
 * limit. What the pty hops, serialport's threads and the pacing cost is in both; only the
 * driver's and the emulator's own work is not in the floor.
 */
async function pn532Read(baud: number): Promise<{ cert: ReadFigures; face: ReadFigures }> {
  const sim = await startSim(baud);
  const host = await SerialPortTransport.open({ path: sim.path, baudRate: baud });
  let wire = 0;
  let step: { tx: number; rx: Uint8Array[] } | undefined;
  const steps: { tx: number; rx: Uint8Array[] }[] = [];
  host.on('data', (b) => {
    wire += b.length;
    step?.rx.push(b.slice());
  });
  const write = host.write.bind(host);
  host.write = (b: Uint8Array) => {
    wire += b.length;
    step = { tx: b.length, rx: [] };
    steps.push(step);
    return write(b);
  };
  const recorded = (): Script => steps.splice(0).map((s) => ({ tx: s.tx, rx: deviceWrites(s.rx) }));
  let floor: Awaited<ReturnType<typeof startFloor>> | undefined;
  try {
    const pn532 = new Pn532(host);
    await pn532.init();
    const card = await MyNumberCard.create({ stateDir: STATE, cardId: 'sim-normal' });
    await pn532.pollOnce();
    // A new API per read, as readerd builds one per operation: a reused one would skip the
    // SELECT of the application already selected (its select cache) on all but the first.
    const api = (): MyNumberCardApi => new MyNumberCardApi(new CardChannel(pn532));
    const reads = {
      cert: () => api().readUserAuthCertificate(),
      face: () => api().readCardFace(card.printedKeyB),
    };
    // Warm-up (both processes' code paths compiled), and the exchanges each read makes.
    steps.length = 0;
    await reads.cert();
    const certScript = recorded();
    await reads.face();
    const faceScript = recorded();
    floor = await startFloor(baud, [
      ...Array.from({ length: READS }, () => certScript),
      ...Array.from({ length: READS }, () => faceScript),
    ]);
    const bytesPerMs = baud / 10 / 1000;
    /**
     * Each read, then its floor right after, so both meet the same moment's load; one read of
     * ~15 ms is at the mercy of a single late wake-up on a shared machine, so p50s of `READS`.
     */
    const measure = async (f: () => Promise<unknown>, s: Script): Promise<ReadFigures> => {
      const runs: { ms: number; bound: number; exchanges: number }[] = [];
      const floors: { ms: number }[] = [];
      for (let i = 0; i < READS; i++) {
        wire = 0;
        const t0 = performance.now();
        await f();
        runs.push({ ms: performance.now() - t0, bound: wire / bytesPerMs, exchanges: steps.length });
        steps.length = 0;
        floors.push({ ms: await floor!.replay(s) });
      }
      return { ...p50(runs), floor: p50(floors).ms };
    };
    const cert = await measure(reads.cert, certScript);
    const face = await measure(reads.face, faceScript);
    return { cert, face };
  } finally {
    await host.close();
    sim.proc.kill('SIGTERM');
    await once(sim.proc, 'exit');
    await floor?.close();
  }
}

/** The floor's pty pair, its peer process (tools/bench/pty-floor-peer.ts) and a bare host. */
async function startFloor(baud: number, scripts: Script[]) {
  const { PtyPair } = await import('../../sim/pty/pty-pair.js');
  const pty = await PtyPair.create('bench-floor');
  const file = join(mkdtempSync(join(tmpdir(), 'fareader-bench-floor-')), 'script.json');
  writeFileSync(file, JSON.stringify(scripts.flat()));
  const peer = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'pty-floor-peer.ts'), pty.devicePath, String(baud), file],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await once(peer.stdout!, 'data');
  const host = await SerialPortTransport.open({ path: pty.hostPath, baudRate: baud });
  let heard = 0;
  let wake: (() => void) | undefined;
  host.on('data', (b) => {
    heard += b.length;
    wake?.();
  });
  /** Bytes to expect, within 5 s (a peer that died must not hang the bench). */
  const until = (n: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the floor peer stopped answering')), 5000);
      const check = (): void => {
        if (heard < n) return;
        clearTimeout(timer);
        wake = undefined;
        heard -= n;
        resolve();
      };
      wake = check;
      check();
    });
  return {
    /** One read's exchanges: write what the driver wrote, wait for what the device sent. */
    replay: async (s: Script): Promise<number> => {
      const t0 = performance.now();
      for (const st of s) {
        const expect = st.rx.reduce((n, w) => n + w.length / 2, 0);
        await host.write(new Uint8Array(st.tx));
        await until(expect);
      }
      return performance.now() - t0;
    },
    close: async () => {
      await host.close();
      peer.kill('SIGTERM');
      await once(peer, 'exit');
      await pty.close();
    },
  };
}

/**
 * Card detection as readerd polls (its ACK timeout, the chip's 15-attempt search window per
 * poll): a card placed at a random moment relative to the polling, to the driver's card event,
 * over a socat pty at 921600 with the emulator behind its line-rate limit (in this process, so
 * the bench can place the card).
 */
async function detection(n: number): Promise<{ p50: number; worst: number }> {
  const { PtyPair } = await import('../../sim/pty/pty-pair.js');
  const { servePn532 } = await import('../../sim/pn532/serve.js');
  const pty = await PtyPair.create('bench-detect');
  const served = await servePn532(pty.devicePath, { baudRate: 921600 });
  const host = await SerialPortTransport.open({ path: pty.hostPath, baudRate: 921600 });
  const pn532 = new Pn532(host, { ackTimeoutMs: 300 });
  const card = await MyNumberCard.create({ stateDir: STATE, cardId: 'bench-detect' });
  const times: number[] = [];
  try {
    await pn532.init();
    pn532.on('error', () => {});
    pn532.startPolling();
    const next = (event: 'card' | 'removed'): Promise<void> =>
      new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no ${event} event within 5 s`)), 5000);
        pn532.once(event, () => {
          clearTimeout(t);
          resolve();
        });
      });
    for (let i = 0; i < n; i++) {
      await new Promise((r) => setTimeout(r, Math.random() * 300));
      const found = next('card');
      const t0 = performance.now();
      served.emulator.placeCard(card);
      await found;
      times.push(performance.now() - t0);
      const gone = next('removed');
      served.emulator.removeCard();
      await gone;
    }
  } finally {
    await pn532.close();
    await host.close();
    await served.close();
    await pty.close();
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(n / 2)]!, worst: times[n - 1]! };
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
      for (const [what, x] of [
        ['user-auth certificate', r.cert],
        ['card-face record (photo, signature, internal auth)', r.face],
      ] as const) {
        rows.push({
          figure: `read ${what}, PN532 at ${baud}, p50 of ${READS}`,
          measured: x.ms,
          unit: 'ms',
          goal: { text: '≤ 1.25× wire bound', met: (v) => v <= 1.25 * x.bound },
          anchor: { name: 'bytes on the wire / line rate', value: x.bound },
        });
        rows.push({
          figure: `  same, against its ${x.exchanges} exchanges replayed over a socat pty to a bare peer (wire + pty floor)`,
          measured: x.ms,
          unit: 'ms',
          goal: { text: '≤ 1.10× wire + pty floor', met: (v) => v <= 1.1 * x.floor },
          anchor: { name: 'wire + pty floor', value: x.floor },
        });
      }
    }
    const d = await detection(20);
    rows.push({
      figure: 'card detection, placed at a random moment to the card event (PN532 search windows), p50 of 20',
      measured: d.p50,
      unit: 'ms',
    });
    rows.push({ figure: '  same, worst of 20', measured: d.worst, unit: 'ms' });
  } else process.stdout.write('socat not installed (Debian package socat): PN532 rows are left out\n');
  const rt = await ccidRoundTrip(500);
  rows.push({ figure: 'APDU round trip (SELECT), CCID emulator, p50', measured: rt.p50, unit: 'ms' });
  rows.push({ figure: 'APDU round trip (SELECT), CCID emulator, p95', measured: rt.p95, unit: 'ms' });
  return rows;
}
