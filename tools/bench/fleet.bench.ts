// Fleet figures (issue 18): many link-only readers in this process against one reference
// terminal in its own process (`readerctl terminal run`, so its CPU is its own), on Mosquitto
// and on a three-node NATS cluster, beside the raw QoS 1 rate of the same broker in this run.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import mqtt from 'mqtt';
import type { DeviceLink } from '../../firmware-host/link/device-link.js';
import { linkTestResult } from '../../firmware-host/link-test.js';
import { FleetRig } from '../rig/fleet-rig.js';
import { hasCommand } from '../rig/has-command.js';
import { until } from '../rig/link-fixture.js';
import { Mosquitto } from '../rig/mosquitto.js';
import { NATS_SERVER, NatsCluster } from '../rig/nats-cluster.js';
import type { Row } from './table.js';

const readerctl = join(import.meta.dirname, '..', '..', 'bin', 'readerctl.mjs');
/** Linux reports a process's CPU time in /proc in units of USER_HZ, which is 100. */
const USER_HZ = 100;

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
}

/** Plain QoS 1 publish → subscriber rate for result-size payloads: what the broker alone allows. */
async function rawQos1Rate(url: string, n: number, size: number): Promise<number> {
  const tag = randomBytes(3).toString('hex');
  // No retries: a broker that refuses the bench's clients fails the table instead of hanging it.
  const sub = await mqtt.connectAsync(url, { clientId: `bench-sub-${tag}`, connectTimeout: 30_000 }, false);
  const pub = await mqtt.connectAsync(url, { clientId: `bench-pub-${tag}`, connectTimeout: 30_000 }, false);
  await sub.subscribeAsync(`bench/raw/${tag}`, { qos: 1 });
  let got = 0;
  sub.on('message', () => got++);
  const payload = randomBytes(size);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) pub.publish(`bench/raw/${tag}`, payload, { qos: 1 });
  await until(() => got >= n, 180_000, 'raw messages');
  const rate = (n * 1000) / (performance.now() - t0);
  await pub.endAsync();
  await sub.endAsync();
  return rate;
}

interface TerminalProc {
  readonly proc: ChildProcess;
  accepted(): number;
  stop(): Promise<void>;
}

async function startTerminal(rig: FleetRig, url: string): Promise<TerminalProc> {
  const files = rig.writeTerminalFiles();
  const proc = spawn(process.execPath, [
    readerctl,
    'terminal',
    'run',
    ...['--broker', url, '--key', files.key, '--trust-dir', files.trustDir, '--json'],
    ...['--data', rig.terminalDataDir, '--out', join(rig.terminalDataDir, 'results')],
  ]);
  proc.stderr!.resume();
  let ready = false;
  let accepted = 0;
  createInterface({ input: proc.stdout! }).on('line', (l) => {
    if (l.includes('"type":"ready"')) ready = true;
    else if (l.includes('"type":"result"')) accepted++;
  });
  await until(() => ready, 60_000, 'the terminal ready');
  return {
    proc,
    accepted: () => accepted,
    stop: async () => {
      proc.kill('SIGTERM');
      await once(proc, 'exit');
    },
  };
}

async function startAll(devices: DeviceLink[]): Promise<void> {
  // In groups: a thousand CONNECTs at once is a thundering herd no clinic makes.
  for (let i = 0; i < devices.length; i += 50)
    await Promise.all(devices.slice(i, i + 50).map((d) => d.start(120_000)));
  await until(() => devices.every((d) => d.connected), 120_000, 'every reader connected');
}

function p99(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] ?? Number.NaN;
}

interface Broker {
  readonly name: string;
  readonly url: string;
  /** Each reader's broker setting (the cluster's list rotated, so readers spread over nodes). */
  urlFor(i: number): string;
  killNode?(): Promise<void>;
  restartNode?(): Promise<void>;
  close(): Promise<void>;
}

/** Results end to end through `readers` readers, `each` results each, all at once. */
async function fleetRun(
  broker: Broker,
  readers: number,
  each: number,
): Promise<{ rate: number; p99ms: number; cpuMsPer1000: number; failoverMs?: number }> {
  const rig = new FleetRig(readers, { ackTimeoutMs: 30_000 });
  const devices: DeviceLink[] = [];
  let term: TerminalProc | undefined;
  try {
    term = await startTerminal(rig, broker.url);
    for (let i = 0; i < readers; i++) devices.push(rig.device(i, broker.urlFor(i)));
    await startAll(devices);
    const sent = new Map<string, number>();
    const latencies: number[] = [];
    for (const [i, d] of devices.entries())
      d.on('acked', (counters: bigint[]) => {
        const t = performance.now();
        for (const c of counters) {
          const s = sent.get(`${i}#${c}`);
          if (s !== undefined) latencies.push(t - s);
        }
      });
    const cpu0 = cpuSeconds(term.proc.pid!);
    const acc0 = term.accepted();
    const t0 = performance.now();
    for (let k = 0; k < each; k++)
      devices.forEach((d, i) => {
        const c = d.publishResult(linkTestResult(`b${k}`, new Uint8Array(), Date.now()));
        sent.set(`${i}#${c}`, performance.now());
      });
    const total = readers * each;
    await until(() => latencies.length >= total, 600_000, 'every result acknowledged');
    const rate = (total * 1000) / (performance.now() - t0);
    await until(() => term!.accepted() - acc0 >= total, 60_000, 'the terminal’s output');
    const cpuMsPer1000 = ((cpuSeconds(term.proc.pid!) - cpu0) * 1000 * 1000) / total;
    let failoverMs: number | undefined;
    if (broker.killNode) {
      // Node 0 carries the terminal and a third of the readers; time until a result published
      // after the kill by a reader that was on it is acknowledged.
      await broker.killNode();
      const killedAt = performance.now();
      let back = 0;
      const probe = devices[0]!;
      probe.once('acked', () => (back = performance.now()));
      probe.publishResult(linkTestResult('after-kill', new Uint8Array(), Date.now()));
      await until(() => back > 0, 300_000, 'a result through the surviving nodes');
      failoverMs = back - killedAt;
      await broker.restartNode!();
    }
    return { rate, p99ms: p99(latencies), cpuMsPer1000, failoverMs };
  } finally {
    await Promise.all(devices.map((d) => d.stop(0)));
    for (const d of devices) d.outbox.close();
    await term?.stop();
    rig.cleanup();
  }
}

async function mosquitto(dir: string): Promise<Broker> {
  mkdirSync(dir, { recursive: true });
  const m = await Mosquitto.start(dir);
  return { name: 'Mosquitto', url: m.url, urlFor: () => m.url, close: () => m.stop() };
}

async function nats(dir: string): Promise<Broker> {
  // Consumers at R1 (sessions, messages and retained messages stay at R3): at R3 every
  // persistent subscription is a raft group of its own, and 1,000 readers' 4,000 of them lost
  // quorum over and over on two cores (JetStream "temporarily unavailable" at every CONNECT):
  // the run never finished. At R1 the 1,000 readers connect in ~40 s (SCALING.md).
  const c = await NatsCluster.start(dir, 3, Number(process.env.FLEET_NATS_CONSUMER_REPLICAS ?? 1));
  const rotated = (by: number): string => {
    const u = c.urls;
    return [...u.slice(by % u.length), ...u.slice(0, by % u.length)].join(',');
  };
  return {
    name: `NATS ×3 (consumers R${process.env.FLEET_NATS_CONSUMER_REPLICAS ?? 1})`,
    url: c.url,
    urlFor: rotated,
    killNode: () => c.kill(0),
    restartNode: () => c.restartNode(0),
    close: () => c.stop(),
  };
}

/** FLEET_SIZES=100,1000 and FLEET_BROKERS=mosquitto,nats by default; fewer for a quick look. */
const SIZES = (process.env.FLEET_SIZES ?? '100,1000').split(',').map(Number);
const BROKERS = (process.env.FLEET_BROKERS ?? 'mosquitto,nats').split(',');

export async function fleetBench(): Promise<Row[]> {
  const rows: Row[] = [];
  const brokers: [string, (dir: string) => Promise<Broker>][] = [];
  if (hasCommand('mosquitto')) brokers.push(['mosquitto', mosquitto]);
  else process.stdout.write('mosquitto not installed (Debian package mosquitto): its rows are left out\n');
  if (existsSync(NATS_SERVER) || hasCommand('nats-server')) brokers.push(['nats', nats]);
  else
    process.stdout.write('nats-server not installed (Debian package nats-server): its rows are left out\n');
  const scratch = new FleetRig(0);
  try {
    for (const [key, start] of brokers.filter(([k]) => BROKERS.includes(k))) {
      const broker = await start(join(scratch.dir, key));
      try {
        const raw = await rawQos1Rate(broker.url.split(',')[0]!, 3000, 420);
        for (const readers of SIZES) {
          const each = Math.max(2, Math.ceil(2000 / readers));
          const r = await fleetRun(broker, readers, each);
          const anchor = { name: `raw QoS 1, ${broker.name}`, value: raw };
          rows.push({
            figure: `${readers} readers × ${each}, ${broker.name}: end to end`,
            measured: r.rate,
            unit: 'results/s',
            anchor,
          });
          rows.push({
            figure: `${readers} readers, ${broker.name}: publish → ack p99`,
            measured: r.p99ms,
            unit: 'ms',
          });
          rows.push({
            figure: `${readers} readers, ${broker.name}: terminal CPU per 1,000 results`,
            measured: r.cpuMsPer1000,
            unit: 'CPU ms',
          });
          if (r.failoverMs !== undefined)
            rows.push({
              figure: `${readers} readers, ${broker.name}: node killed → results flowing again`,
              measured: r.failoverMs,
              unit: 'ms',
            });
        }
      } finally {
        await broker.close();
      }
    }
  } finally {
    scratch.cleanup();
  }
  return rows;
}
