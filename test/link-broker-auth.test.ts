// A broker only the right parties can use (SPEC §13): readerd's embedded broker with its
// authority, and a real Mosquitto with hardware/mosquitto/fareader.conf and the files
// `readerctl broker mosquitto` generates. Intruders are refused; the link still works.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedBroker } from '../firmware-host/link/broker.js';
import type { DeviceLink } from '../firmware-host/link/device-link.js';
import { linkTestResult } from '../firmware-host/link-test.js';
import { loadTrustDir } from '../platform/keys/keystore.js';
import { fareader } from '../protocol/gen/fareader.js';
import { brokerPassword, brokerUsername } from '../protocol/link/broker-credentials.js';
import { generateKeyPair } from '../protocol/link/keys.js';
import { deviceTopics } from '../protocol/link/topics.js';
import { type LinkKeys, makeLinkKeys, until } from '../tools/rig/link-fixture.js';
import { makeDevice, makeTerminal } from '../tools/rig/link-pair.js';
import { freePort, waitForPort } from '../tools/rig/mosquitto.js';
import type { ReferenceTerminal } from '../tools/terminal/terminal.js';
import { startReaderd, writeReaderConfig } from './helpers/readerd-process.js';
import { missing } from './helpers/system.js';

const v1 = fareader.v1;
const ROOT = join(import.meta.dirname, '..');

interface Broker {
  url: string;
  close(): Promise<void>;
}

async function embedded(keys: LinkKeys): Promise<Broker> {
  return startEmbeddedBroker({
    authority: {
      deviceId: keys.deviceId,
      devicePublicKey: keys.deviceKey.publicKey,
      trustedTerminals: loadTrustDir(keys.trustTerminalsDir),
    },
  });
}

/** Mosquitto with the shipped configuration and the files readerctl generates from the keys. */
async function mosquitto(keys: LinkKeys): Promise<Broker> {
  execFileSync(process.execPath, [
    join(ROOT, 'bin', 'readerctl.mjs'),
    'broker',
    'mosquitto',
    '--out',
    keys.dir,
    '--device',
    `${keys.deviceId}=${keys.deviceKeyFile}`,
    '--terminal',
    `terminal-1=${keys.terminalKeyFile}`,
    '--aux',
    'terminal-1=raw',
  ]);
  const port = await freePort();
  const shipped = readFileSync(join(ROOT, 'hardware', 'mosquitto', 'fareader.conf'), 'utf8')
    .replaceAll('/etc/mosquitto/', `${keys.dir}/`)
    .replace('persistence true', 'persistence false');
  const conf = join(keys.dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      // The site's listener first: general settings before any listener make Mosquitto open 1883 too.
      `listener ${port} 127.0.0.1`,
      shipped,
      'log_dest none',
      // Started as root, mosquitto drops to its own user, which cannot read our 0600 files.
      ...(process.getuid?.() === 0 ? ['user root'] : []),
    ].join('\n'),
  );
  const proc = spawn('mosquitto', ['-c', conf], { stdio: 'ignore' });
  const url = `mqtt://127.0.0.1:${port}`;
  await waitForPort(port);
  return {
    url,
    close: async () => {
      proc.kill('SIGTERM');
      await once(proc, 'exit');
    },
  };
}

/** Resolves with the CONNACK refusal, or "connected". */
async function tryConnect(url: string, opts: mqtt.IClientOptions): Promise<string> {
  try {
    const c = await mqtt.connectAsync(url, { reconnectPeriod: 0, connectTimeout: 3000, ...opts });
    await c.endAsync();
    return 'connected';
  } catch (e) {
    return (e as Error).message;
  }
}

const brokers: [string, boolean, (k: LinkKeys) => Promise<Broker>][] = [
  ["readerd's embedded broker (aedes)", false, embedded],
  ['mosquitto with hardware/mosquitto/fareader.conf', missing('mosquitto_passwd', 'mosquitto'), mosquitto],
];

describe.each(brokers)('%s', (name, skip, start) => {
  let keys: LinkKeys;
  let broker: Broker;
  let device: DeviceLink;
  let terminal: ReferenceTerminal;

  beforeAll(async () => {
    if (skip) return;
    keys = makeLinkKeys();
    broker = await start(keys);
    device = makeDevice(keys, broker.url);
    terminal = makeTerminal(keys, broker.url);
    await terminal.start();
    await device.start();
  });

  afterAll(async () => {
    if (skip) return;
    await device.stop(0);
    await terminal.stop();
    await broker.close();
    device.outbox.close();
    keys.cleanup();
  });

  it.skipIf(skip)('the reader and its terminal connect with their key-bound credentials', async () => {
    expect(device.connected).toBe(true);
    device.publishResult(linkTestResult('auth', new Uint8Array(), Date.now()));
    await until(
      () => terminal.accepted === 1 && device.outbox.pendingCount === 0,
      10_000,
      'the result acked',
    );
  });

  it.skipIf(skip)("an intruder using the reader's or the terminal's client id is refused", async () => {
    const dev = brokerUsername('dev', keys.deviceId);
    const term = brokerUsername('term', 'terminal-1');
    const stranger = generateKeyPair();
    const refusals = [
      await tryConnect(broker.url, { clientId: dev }),
      await tryConnect(broker.url, { clientId: dev, username: dev, password: 'guess' }),
      await tryConnect(broker.url, {
        clientId: term,
        username: term,
        password: brokerPassword(term, stranger),
      }),
      // The device's password is bound to the device's username, not to the terminal's.
      await tryConnect(broker.url, {
        clientId: term,
        username: term,
        password: brokerPassword(dev, keys.deviceKey),
      }),
      await tryConnect(broker.url, { clientId: 'anybody' }),
    ];
    for (const r of refusals) expect(r).toMatch(/Bad username or password|Not authorized/);
    if (name.startsWith('readerd')) {
      // A trusted terminal's credentials do not lend it the reader's client id either.
      const r = await tryConnect(broker.url, {
        clientId: dev,
        username: term,
        password: brokerPassword(term, keys.terminalKey),
      });
      expect(r).toMatch(/Bad username or password/);
    }
    expect(device.connected).toBe(true);
    expect(device.health()).toMatchObject({ recentKicks: 0, duplicateClientId: false });
  });

  it.skipIf(skip)("a terminal cannot write the reader's state; it can command the reader", async () => {
    const raw = brokerUsername('term', 'terminal-1', 'raw');
    const c = await mqtt.connectAsync(broker.url, {
      clientId: raw,
      username: raw,
      password: brokerPassword(raw, keys.terminalKey),
      reconnectPeriod: 0,
    });
    c.on('error', () => {});
    const topics = deviceTopics(keys.deviceId);
    const responses: Buffer[] = [];
    await c.subscribeAsync(topics.response, { qos: 1 });
    c.on('message', (t, p) => {
      if (t === topics.response) responses.push(p);
    });
    // Refused (aedes closes the connection; Mosquitto drops it): the retained birth stays.
    c.publish(topics.state, Buffer.from('garbage'), { qos: 1, retain: true });
    c.publish(topics.command, Buffer.from('not an envelope'), { qos: 1 });
    if (name.startsWith('mosquitto'))
      await until(() => responses.length === 1, 5000, 'the MALFORMED response');
    await c.endAsync(true);
    const seen = await new Promise<Buffer>((resolve) => {
      const term = brokerUsername('term', 'terminal-1', 'raw');
      const w = mqtt.connect(broker.url, {
        clientId: term,
        username: term,
        password: brokerPassword(term, keys.terminalKey),
      });
      w.on('message', (_t, p) => {
        resolve(p);
        void w.endAsync();
      });
      w.subscribe(topics.state, { qos: 1 });
    });
    const env = v1.SignedEnvelope.decode(seen);
    expect(v1.DeviceState.decode(env.payload).online).toBe(true);
    expect(device.stats.toJSON()['state:foreign']).toBeUndefined();
  });
});

describe('readerd with its embedded broker', () => {
  it('its terminal gets the results; an intruder with its client id is refused and counted', async () => {
    const keys = makeLinkKeys();
    const port = await freePort();
    const config = writeReaderConfig(keys, 'embedded', { broker: { url: 'embedded', embeddedPort: port } });
    const readerd = startReaderd(['--config', config, '--link-test-results', '2']);
    try {
      await readerd.waitFor(/"msg":"ready"/);
      const url = `mqtt://127.0.0.1:${port}`;
      const terminal = makeTerminal(keys, url);
      await terminal.start();
      await until(() => terminal.accepted === 2, 10_000, 'both results at the terminal');
      const dev = brokerUsername('dev', keys.deviceId);
      expect(await tryConnect(url, { clientId: dev })).toMatch(/Bad username or password/);
      await readerd.waitFor(/"msg":"rejected broker".*"reason":"refused-connect"/);
      await terminal.stop();
    } finally {
      readerd.proc.kill('SIGTERM');
      await readerd.exit();
      keys.cleanup();
    }
  });
});
