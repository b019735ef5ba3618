// Several broker URLs (SPEC 1.6): a reader and its terminal configured with two Mosquitto
// instances; the first is killed under load, both go on to the second, and every result
// reaches the terminal exactly once.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { linkTestResult } from '../../firmware-host/link-test.js';
import { type LinkKeys, makeLinkKeys, until } from '../../tools/rig/link-fixture.js';
import { makeDevice, makeTerminal } from '../../tools/rig/link-pair.js';
import { Mosquitto } from '../../tools/rig/mosquitto.js';
import { missing } from '../helpers/system.js';

const noMosquitto = missing('mosquitto', 'mosquitto');
let keys: LinkKeys | undefined;
const brokers: Mosquitto[] = [];
afterEach(async () => {
  for (const b of brokers.splice(0)) await b.stop();
  keys?.cleanup();
});

async function mosquittoIn(dir: string): Promise<Mosquitto> {
  mkdirSync(dir, { recursive: true });
  const m = await Mosquitto.start(dir);
  brokers.push(m);
  return m;
}

describe.skipIf(noMosquitto)('failover between broker URLs', () => {
  it('moves reader and terminal to the second broker when the first dies, losing and doubling nothing', async () => {
    keys = makeLinkKeys();
    const a = await mosquittoIn(join(keys.dir, 'broker-a'));
    const b = await mosquittoIn(join(keys.dir, 'broker-b'));
    const urls = `${a.url},${b.url}`;
    const device = makeDevice(keys, urls, { ackTimeoutMs: 1000 });
    const terminal = makeTerminal(keys, urls);
    await terminal.start();
    await device.start();
    const total = 200;
    let reconnects = 0;
    device.on('connected', () => reconnects++);
    for (let i = 0; i < total; i++) {
      device.publishResult(linkTestResult(`s${i}`, new Uint8Array(), Date.now()));
      if (i === 60) await a.stop();
      await new Promise((r) => setTimeout(r, 5));
    }
    const outbox = device.outbox;
    await until(
      () => terminal.acceptedCount(keys!.deviceId) === total && outbox.pendingCount === 0,
      30_000,
      'every result on the second broker',
    );
    expect(reconnects).toBeGreaterThanOrEqual(1); // it did move
    expect(device.connected).toBe(true);
    const files = readdirSync(join(keys.dir, 'terminal', 'results', keys.deviceId)).filter((f) =>
      f.endsWith('.json'),
    );
    expect(files).toHaveLength(total);
    expect(terminal.accepted).toBe(total); // each accepted once; redeliveries were duplicates
    await device.stop(0);
    await terminal.stop();
    outbox.close();
  }, 60_000);

  it('takes the first reachable URL of the list when the first is down at start', async () => {
    keys = makeLinkKeys();
    const a = await mosquittoIn(join(keys.dir, 'broker-a'));
    const b = await mosquittoIn(join(keys.dir, 'broker-b'));
    await a.stop();
    const urls = `${a.url},${b.url}`;
    const terminal = makeTerminal(keys, urls);
    const device = makeDevice(keys, urls, { ackTimeoutMs: 1000 });
    await terminal.start();
    await device.start();
    device.publishResult(linkTestResult('only', new Uint8Array(), Date.now()));
    await until(() => terminal.acceptedCount(keys!.deviceId) === 1 && device.outbox.pendingCount === 0);
    await device.stop(0);
    await terminal.stop();
    device.outbox.close();
  }, 30_000);

  it('comes back round the list: after the second dies, the first (restarted) takes over again', async () => {
    keys = makeLinkKeys();
    const a = await mosquittoIn(join(keys.dir, 'broker-a'));
    const b = await mosquittoIn(join(keys.dir, 'broker-b'));
    const urls = `${a.url},${b.url}`;
    const terminal = makeTerminal(keys, urls);
    const device = makeDevice(keys, urls, { ackTimeoutMs: 1000 });
    await terminal.start();
    await device.start();
    const publish = (tag: string, n: number) => {
      for (let i = 0; i < n; i++)
        device.publishResult(linkTestResult(`${tag}${i}`, new Uint8Array(), Date.now()));
    };
    const settled = (n: number) => () =>
      terminal.acceptedCount(keys!.deviceId) === n && device.outbox.pendingCount === 0;
    publish('a', 10);
    await until(settled(10), 20_000, 'results on the first broker');
    await a.stop(); // to the second
    publish('b', 10);
    await until(settled(20), 20_000, 'results on the second broker');
    await a.restart();
    await b.stop(); // round to the first again
    publish('c', 10);
    await until(settled(30), 20_000, 'results on the first broker again');
    expect(terminal.accepted).toBe(30);
    await device.stop(0);
    await terminal.stop();
    device.outbox.close();
  }, 60_000);
});
