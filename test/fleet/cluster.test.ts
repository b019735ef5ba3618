// The fleet on a clustered broker: a three-node NATS cluster (JetStream, MQTT listener) from
// Debian, readers spread over its nodes producing results at a clinic's rate with bursts, the
// reference terminal (`readerctl terminal run`, a real process) verifying and acknowledging.
// One node is killed mid-run and brought back; then the whole cluster is restarted; then the
// terminal is killed with SIGKILL and started again. At the end: every result accepted once,
// none processed twice, every outbox empty.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceLink } from '../../firmware-host/link/device-link.js';
import { linkTestResult } from '../../firmware-host/link-test.js';
import { FleetRig } from '../../tools/rig/fleet-rig.js';
import { until } from '../../tools/rig/link-fixture.js';
import { NATS_SERVER, NatsCluster } from '../../tools/rig/nats-cluster.js';
import { readerctlBin } from '../helpers/readerctl.js';
import { missing } from '../helpers/system.js';

const noNats = !existsSync(NATS_SERVER) && missing('nats-server', 'nats-server');
const READERS = 12;

let rig: FleetRig | undefined;
let cluster: NatsCluster | undefined;
let devices: DeviceLink[] = [];
let term: ChildProcess | undefined;

afterEach(async () => {
  if (term && term.exitCode === null && term.signalCode === null) {
    term.kill('SIGKILL');
    await once(term, 'exit');
  }
  await Promise.all(devices.map((d) => d.stop(0)));
  for (const d of devices) d.outbox.close();
  devices = [];
  await cluster?.stop();
  rig?.cleanup();
});

/** Each node's list starts at a different node, so the readers spread over the cluster. */
function rotated(urls: string[], by: number): string {
  return [...urls.slice(by % urls.length), ...urls.slice(0, by % urls.length)].join(',');
}

describe.skipIf(noNats)('the fleet on a three-node NATS cluster', () => {
  it('loses and doubles nothing across a node kill, a cluster restart and a terminal kill', async () => {
    rig = new FleetRig(READERS, { ackTimeoutMs: 2000 });
    const files = rig.writeTerminalFiles();
    cluster = await NatsCluster.start(join(rig.dir, 'nats'));
    const seen = new Map<string, number>(); // "device#counter" -> times the terminal accepted it
    const startTerminal = async (): Promise<ChildProcess> => {
      const p = spawn(process.execPath, [
        readerctlBin,
        'terminal',
        'run',
        ...['--broker', cluster!.url, '--key', files.key, '--trust-dir', files.trustDir],
        ...['--data', rig!.terminalDataDir, '--out', join(rig!.terminalDataDir, 'results'), '--json'],
      ]);
      p.stderr!.resume();
      const lines = createInterface({ input: p.stdout! });
      let ready = false;
      lines.on('line', (l) => {
        const m = JSON.parse(l) as { type: string; deviceId?: string; counter?: string };
        if (m.type === 'ready') ready = true;
        if (m.type === 'result') {
          const k = `${m.deviceId}#${m.counter}`;
          seen.set(k, (seen.get(k) ?? 0) + 1);
        }
      });
      await until(() => ready, 30_000, 'the terminal ready');
      return p;
    };
    term = await startTerminal();
    devices = rig.ids.map((_, i) => rig!.device(i, rotated(cluster!.urls, i)));
    await Promise.all(devices.map((d) => d.start(30_000)));

    // A clinic's rate with bursts: each reader finishes a session every so often, and now and
    // then a few at once (a queue at the counter); out of step with each other.
    let producing = true;
    const producers = devices.map(async (d, i) => {
      let n = 0;
      while (producing) {
        const burst = (n + i) % 7 === 0 ? 4 : 1;
        for (let k = 0; k < burst; k++)
          d.publishResult(linkTestResult(`s${n++}`, new Uint8Array(), Date.now()));
        await new Promise((r) => setTimeout(r, 150 + ((i * 37 + n * 11) % 200)));
      }
    });
    const run = (ms: number) => new Promise((r) => setTimeout(r, ms));

    await run(3000);
    await cluster.kill(0); // a third of the readers and the terminal were on it
    await run(3000);
    await cluster.restartNode(0);
    await run(2000);
    await cluster.restart(); // the whole cluster
    await run(3000);
    term.kill('SIGKILL'); // the terminal, mid-stream
    await once(term, 'exit');
    await run(1500);
    term = await startTerminal();
    await run(2000);
    producing = false;
    await Promise.all(producers);

    const produced = devices.reduce((s, d) => s + Number(d.outbox.lastCounter), 0);
    await until(() => devices.every((d) => d.outbox.pendingCount === 0), 120_000, 'every outbox empty');
    // Everything acknowledged was stored before its ack; every result is a file, once.
    let filesWritten = 0;
    for (const id of rig.ids)
      filesWritten += readdirSync(join(rig.terminalDataDir, 'results', id)).filter((f) =>
        f.endsWith('.json'),
      ).length;
    expect(filesWritten).toBe(produced);
    expect([...seen.values()].filter((n) => n > 1)).toEqual([]); // none processed twice
    expect(seen.size).toBeLessThanOrEqual(produced);
    expect(produced).toBeGreaterThan(READERS * 20);
  }, 280_000);
});
