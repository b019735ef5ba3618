// Terminal link throughput: signatures, publish → verify → acknowledge, and outbox replay.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { startEmbeddedBroker } from '../../firmware-host/link/broker.js';
import { Outbox } from '../../firmware-host/link/outbox.js';
import { linkTestResult } from '../../firmware-host/link-test.js';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { type Ed25519, tweetnaclEd25519 } from '../../protocol/link/ed25519.js';
import { generateKeyPair } from '../../protocol/link/keys.js';
import { hasCommand } from '../rig/has-command.js';
import { makeLinkKeys, until } from '../rig/link-fixture.js';
import { makeDevice, makeTerminal } from '../rig/link-pair.js';
import { Mosquitto } from '../rig/mosquitto.js';
import type { Row } from './table.js';

function opsPerSecond(ed: Ed25519, op: 'sign' | 'verify', ms = 600): number {
  const kp = generateKeyPair();
  const msg = randomBytes(400);
  const sig = ed.sign(msg, kp.secretKey);
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    if (op === 'sign') ed.sign(msg, kp.secretKey);
    else ed.verify(msg, sig, kp.publicKey);
    n++;
  }
  return (n * 1000) / (performance.now() - t0);
}

/** Plain QoS 1 publish → subscriber rate for same-size payloads: what the broker alone allows. */
async function rawQos1Rate(url: string, n: number, size: number): Promise<number> {
  const sub = await mqtt.connectAsync(url, { clientId: `bench-sub-${Date.now()}` });
  const pub = await mqtt.connectAsync(url, { clientId: `bench-pub-${Date.now()}` });
  await sub.subscribeAsync('bench/raw', { qos: 1 });
  let got = 0;
  sub.on('message', () => got++);
  const payload = randomBytes(size);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) pub.publish('bench/raw', payload, { qos: 1 });
  await until(() => got >= n, 60_000, 'raw messages');
  const rate = (n * 1000) / (performance.now() - t0);
  await pub.endAsync();
  await sub.endAsync();
  return rate;
}

async function endToEnd(url: string, n: number): Promise<{ live: number; replay: number; size: number }> {
  const keys = makeLinkKeys();
  try {
    const terminal = makeTerminal(keys, url);
    await terminal.start();
    let device = makeDevice(keys, url, { ackTimeoutMs: 10_000 });
    await device.start();
    // Live: results signed, stored, published, verified, stored at the terminal, acknowledged.
    let t0 = performance.now();
    for (let i = 0; i < n; i++) device.publishResult(linkTestResult(`s${i}`, new Uint8Array(), Date.now()));
    await until(() => device.outbox.pendingCount === 0, 120_000, 'live results acknowledged');
    const live = (n * 1000) / (performance.now() - t0);
    const size = device.outbox.pendingAfter(0n, 1).length;
    await device.stop(0);
    device.outbox.close();
    // Replay: results piled up while the link was down, then the reader reconnects.
    const offline = new Outbox(join(keys.dir, `outbox-${keys.deviceId}.sqlite`));
    const key = keys.deviceKey;
    const { seal } = await import('../../protocol/link/envelope.js');
    const { fareader } = await import('../../protocol/gen/fareader.js');
    const { toLong } = await import('../../protocol/link/u64.js');
    for (let i = 0; i < n; i++) {
      offline.enqueue(
        `r${i}`,
        (c) =>
          seal(
            3,
            fareader.v1.VerificationResult.encode({
              ...linkTestResult(`r${i}`, new Uint8Array(), Date.now()),
              deviceId: keys.deviceId,
              counter: toLong(c),
            }).finish(),
            key,
            opensslEd25519,
          ),
        Date.now(),
      );
    }
    offline.close();
    device = makeDevice(keys, url, { ackTimeoutMs: 10_000 });
    t0 = performance.now();
    await device.start();
    await until(() => device.outbox.pendingCount === 0, 120_000, 'replayed results acknowledged');
    const replay = (n * 1000) / (performance.now() - t0);
    await device.stop(0);
    device.outbox.close();
    await terminal.stop();
    return { live, replay, size };
  } finally {
    keys.cleanup();
  }
}

export async function linkBench(): Promise<Row[]> {
  const rows: Row[] = [];
  const naclSign = opsPerSecond(tweetnaclEd25519, 'sign');
  const naclVerify = opsPerSecond(tweetnaclEd25519, 'verify');
  rows.push({
    figure: 'Ed25519 sign, OpenSSL (used)',
    measured: opsPerSecond(opensslEd25519, 'sign'),
    unit: 'ops/s',
    anchor: { name: 'tweetnacl', value: naclSign },
  });
  rows.push({
    figure: 'Ed25519 verify, OpenSSL (used)',
    measured: opsPerSecond(opensslEd25519, 'verify'),
    unit: 'ops/s',
    anchor: { name: 'tweetnacl', value: naclVerify },
  });
  const n = 3000;
  const brokers: [string, () => Promise<{ url: string; close: () => Promise<void> }>][] = [
    ['aedes', async () => startEmbeddedBroker()],
  ];
  if (hasCommand('mosquitto')) {
    brokers.push([
      'mosquitto',
      async () => {
        const keys = makeLinkKeys('bench');
        const m = await Mosquitto.start(keys.dir);
        return {
          url: m.url,
          close: async () => {
            await m.stop();
            keys.cleanup();
          },
        };
      },
    ]);
  } else process.stdout.write('mosquitto not installed (Debian package mosquitto): its rows are left out\n');
  for (const [name, start] of brokers) {
    const b = await start();
    const raw = await rawQos1Rate(b.url, n, 420);
    const { live, replay } = await endToEnd(b.url, n);
    rows.push({
      figure: `signed results, live publish→verify→ack, ${name}`,
      measured: live,
      unit: 'results/s',
      anchor: { name: 'raw QoS 1 one-way', value: raw },
    });
    rows.push({
      figure: `outbox replay after outage, ${name}`,
      measured: replay,
      unit: 'results/s',
      goal: { text: '≥ 1000', met: (v) => v >= 1000 },
      anchor: { name: 'raw QoS 1 one-way', value: raw },
    });
    await b.close();
  }
  return rows;
}
