// Pairing over the broker (SPEC 15.1–15.3, 15.8), in one process: a device link with its
// pairing window on the embedded broker (aedes, with the reader's authority), the terminal's
// pairing client, then the reference terminal on the keys the pairing wrote. Codes match, keys
// are trusted only after both confirmations, a result then flows, and a rotation keeps it
// flowing; a refusal, a timeout or a second terminal trust nothing; a relay on the broker that
// substitutes both keys gets different codes and is refused; the broker gives a pairing
// connection the pairing topics only, and only inside the window.

import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type EmbeddedBroker,
  MAX_BROKER_PACKET_BYTES,
  startEmbeddedBroker,
} from '../../firmware-host/link/broker.js';
import { DeviceLink } from '../../firmware-host/link/device-link.js';
import { Outbox } from '../../firmware-host/link/outbox.js';
import { PairingWindow, trustIntoFolder } from '../../firmware-host/link/pairing-window.js';
import { linkTestResult } from '../../firmware-host/link-test.js';
import { createKeyFile, loadTrustDir, type TrustedKey } from '../../platform/keys/keystore.js';
import { connectMqtt } from '../../platform/link/mqtt-client.js';
import { createLogger, type Logger } from '../../platform/log.js';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import { brokerUsername, PAIRING_AUX, pairingPassword } from '../../protocol/link/broker-credentials.js';
import { tweetnaclEd25519 } from '../../protocol/link/ed25519.js';
import { generateKeyPair, type KeyPair, keyIdHex } from '../../protocol/link/keys.js';
import {
  decodePairingMessage,
  encodePairingMessage,
  type PairingStep,
  signPairingStep,
} from '../../protocol/link/pairing-messages.js';
import { deviceTopics, pairingTopics } from '../../protocol/link/topics.js';
import { DevicePairing, TerminalPairing } from '../../protocol/pairing.js';
import { until } from '../../tools/rig/link-fixture.js';
import { quietLog } from '../../tools/rig/link-pair.js';
import { pairWithDevice } from '../../tools/terminal/pairing-client.js';
import { ReferenceTerminal } from '../../tools/terminal/terminal.js';

const DEVICE = 'reader-01';
const TERMINAL = 'terminal-1';
const random = (n: number): Uint8Array => new Uint8Array(randomBytes(n));

interface Side {
  dir: string;
  deviceKey: KeyPair;
  terminalKey: KeyPair;
  deviceTrust: Map<string, TrustedKey>;
  deviceTrustDir: string;
  terminalTrustDir: string;
  link: DeviceLink;
  window: PairingWindow;
  broker?: EmbeddedBroker;
  url: string;
}

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close().catch(() => {});
});

/** A reader's link and pairing window, on its embedded broker unless `url` names another. */
async function reader(
  url?: string,
  timeoutMs?: number,
  windowLog: Logger = quietLog,
  trust?: (terminalId: string, key: Uint8Array) => void,
): Promise<Side> {
  const dir = mkdtempSync(join(tmpdir(), 'fareader-pairing-'));
  const deviceKey = createKeyFile(join(dir, 'device.key'));
  const terminalKey = createKeyFile(join(dir, 'terminal.key'));
  const deviceTrustDir = join(dir, 'trusted-terminals');
  const terminalTrustDir = join(dir, 'trusted-devices');
  const deviceTrust = new Map<string, TrustedKey>();
  let window: PairingWindow | undefined;
  const broker = url
    ? undefined
    : await startEmbeddedBroker({
        authority: {
          deviceId: DEVICE,
          devicePublicKey: deviceKey.publicKey,
          trustedTerminals: deviceTrust,
          pairingOpen: () => window?.isOpen === true,
        },
      });
  const link = new DeviceLink({
    deviceId: DEVICE,
    broker: { url: url ?? broker!.url },
    key: deviceKey,
    trustedTerminals: deviceTrust,
    outbox: new Outbox(join(dir, 'outbox.sqlite')),
    firmwareVersion: '0.0.0-test',
    capabilities: ['link-test'],
    log: quietLog,
    ackTimeoutMs: 1000,
    connect: connectMqtt,
  });
  window = new PairingWindow({
    deviceId: DEVICE,
    key: deviceKey,
    listen: (on) => link.listenPairing(on),
    send: (b) => link.publishPairing(b),
    trust: trust ?? trustIntoFolder(deviceTrustDir, deviceTrust),
    random,
    log: windowLog,
    timeoutMs,
  });
  // As readerd does: the pairing connections closed a moment after the window, so the last
  // message reaches them.
  let drop: NodeJS.Timeout | undefined;
  window.on('change', () => {
    clearTimeout(drop);
    if (!window!.isOpen) drop = setTimeout(() => broker?.dropPairingClients(), 300);
  });
  await link.start();
  open.push({
    close: async () => {
      window!.close();
      await link.stop(0);
      link.outbox.close();
      await broker?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
  return {
    dir,
    deviceKey,
    terminalKey,
    deviceTrust,
    deviceTrustDir,
    terminalTrustDir,
    link,
    window,
    broker,
    url: url ?? broker!.url,
  };
}

function pairFromTerminal(
  s: Side,
  confirm: (code: string) => Promise<boolean>,
  o: { terminalId?: string; key?: KeyPair; timeoutMs?: number } = {},
) {
  return pairWithDevice({
    terminalId: o.terminalId ?? TERMINAL,
    key: o.key ?? s.terminalKey,
    deviceId: DEVICE,
    broker: { url: s.url },
    connect: connectMqtt,
    trustDir: s.terminalTrustDir,
    confirm: (code) => confirm(code),
    random,
    log: quietLog,
    timeoutMs: o.timeoutMs ?? 20_000,
  });
}

/** The first `event` of an MQTT.js client (its emitter type is not Node's). */
function nextEvent<T>(c: mqtt.MqttClient, event: 'close' | 'error'): Promise<T> {
  return new Promise((resolve) => (c as unknown as NodeJS.EventEmitter).once(event, (x: T) => resolve(x)));
}

const pemsIn = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pem')) : [];

function nothingTrusted(s: Side): void {
  expect(s.deviceTrust.size).toBe(0);
  expect(pemsIn(s.deviceTrustDir)).toEqual([]);
  expect(pemsIn(s.terminalTrustDir)).toEqual([]);
}

describe('pairing over the broker', () => {
  it('codes match, keys are trusted only after both confirm, then results flow, across a rotation', async () => {
    const s = await reader();
    // Outside a window the broker admits no pairing connection.
    const early = await pairFromTerminal(s, async () => true).catch((e) => e);
    expect(isReaderError(early, ErrorCode.Mqtt_NotConnected)).toBe(true);

    s.window.open();
    let terminalCode = '';
    const paired = pairFromTerminal(s, async (code) => {
      terminalCode = code;
      // The staff compare: the reader shows the same code, and nothing is trusted yet.
      const shown = s.window.status();
      expect(shown).toMatchObject({ phase: 'comparing', code, terminalId: TERMINAL });
      expect(shown.terminalKeyId).toBe(keyIdHex(s.terminalKey.publicKey));
      nothingTrusted(s);
      // The reader's staff confirm first: still nothing trusted until the terminal confirms.
      s.window.confirm();
      expect(s.deviceTrust.size).toBe(0);
      return true;
    });
    const done = await paired;
    expect(done.code).toMatch(/^\d{6}$/);
    expect(done.code).toBe(terminalCode);
    expect(done.keyId).toBe(keyIdHex(s.deviceKey.publicKey));
    await until(() => s.window.status().phase === 'paired', 5000, 'the reader to trust the terminal');
    expect(pemsIn(s.deviceTrustDir)).toEqual([`${TERMINAL}.pem`]);
    expect(pemsIn(s.terminalTrustDir)).toEqual([`${DEVICE}.pem`]);
    expect([...s.deviceTrust.values()].map((t) => t.keyId)).toEqual([keyIdHex(s.terminalKey.publicKey)]);

    // Each side now talks signed as before pairing: the broker admits the terminal's own login.
    const terminal = new ReferenceTerminal({
      terminalId: TERMINAL,
      broker: { url: s.url },
      key: s.terminalKey,
      trustedDevices: loadTrustDir(s.terminalTrustDir),
      dataDir: join(s.dir, 'terminal'),
      outDir: join(s.dir, 'terminal', 'results'),
      log: quietLog,
      connect: connectMqtt,
    });
    open.push({ close: () => terminal.stop() });
    await terminal.start();
    s.link.publishResult(linkTestResult('after-pairing', new Uint8Array(), Date.now()));
    await until(() => terminal.acceptedCount(DEVICE) === 1 && s.link.outbox.pendingCount === 0);
    // A rotation after pairing: the terminal follows the announced key, results keep flowing.
    const next = generateKeyPair();
    s.link.rotateKey(next);
    for (let i = 0; i < 3; i++)
      s.link.publishResult(linkTestResult(`rotated-${i}`, new Uint8Array(), Date.now()));
    await until(() => terminal.acceptedCount(DEVICE) === 4 && s.link.outbox.pendingCount === 0);
    expect(terminal.trustedKeyIds(DEVICE)).toContain(keyIdHex(next.publicKey));
  });

  it('a refusal on either side, or the timeout, trusts nothing', async () => {
    const s = await reader(undefined, 1500);
    // Refused on the terminal: the reader hears the abort.
    s.window.open();
    const refusedHere = await pairFromTerminal(s, async () => false).catch((e) => e);
    expect(isReaderError(refusedHere, ErrorCode.Mqtt_PairingEnded)).toBe(true);
    await until(() => s.window.status().phase === 'ended');
    expect(s.window.status().reason).toMatch(/refused on the terminal/);
    nothingTrusted(s);

    // Refused on the reader while the terminal's staff already said yes.
    s.window.open();
    const refusedThere = await pairFromTerminal(s, async () => {
      s.window.refuse();
      return true;
    }).catch((e) => e);
    expect(isReaderError(refusedThere, ErrorCode.Mqtt_PairingEnded)).toBe(true);
    expect((refusedThere as Error).message).toMatch(/refused on the reader/);
    nothingTrusted(s);

    // Nobody confirms on the reader: its window times out, and the terminal is told.
    s.window.open();
    const timedOut = await pairFromTerminal(s, async () => true).catch((e) => e);
    expect(isReaderError(timedOut, ErrorCode.Mqtt_PairingEnded)).toBe(true);
    expect((timedOut as Error).message).toMatch(/timed out/);
    expect(s.window.status()).toMatchObject({ phase: 'ended', reason: 'timed out' });
    nothingTrusted(s);
  });

  it('a second terminal in the window ends it with nothing trusted', async () => {
    const s = await reader();
    s.window.open();
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    // The first terminal reaches the codes and waits for its staff.
    const first = pairFromTerminal(s, async () => {
      await held;
      return true;
    }).catch((e) => e);
    await until(() => s.window.status().phase === 'comparing');
    const second = await pairFromTerminal(s, async () => true, {
      terminalId: 'intruder',
      key: generateKeyPair(),
      timeoutMs: 5000,
    }).catch((e) => e);
    release();
    expect(s.window.status().phase).toBe('ended');
    expect(s.window.status().reason).toMatch(/second terminal/);
    expect(isReaderError(await first, ErrorCode.Mqtt_PairingEnded)).toBe(true);
    expect(isReaderError(second)).toBe(true);
    nothingTrusted(s);
  });

  it('gives a pairing connection its pairing topics only, and only inside the window', async () => {
    const s = await reader();
    s.window.open();
    const username = brokerUsername('term', 'probe', PAIRING_AUX);
    const key = generateKeyPair();
    const c = await mqtt.connectAsync(s.url, {
      clientId: username,
      username,
      password: pairingPassword(username, key),
      clean: true,
      reconnectPeriod: 0,
    });
    // MQTT.js rejects a subscription the broker refused (SUBACK 0x80).
    const grant = (filter: string) =>
      c.subscribeAsync(filter, { qos: 1 }).then(
        (g) => g.map((x) => x.qos),
        () => 'refused',
      );
    expect(await grant(pairingTopics(DEVICE).toTerminal)).toEqual([1]);
    expect(await grant('fareader/v1/#')).toBe('refused');
    expect(await grant(deviceTopics(DEVICE).result)).toBe('refused');
    expect(await grant(pairingTopics(DEVICE).toDevice)).toBe('refused');
    // A publication outside the pairing topics makes aedes drop the connection.
    const closed = nextEvent<void>(c, 'close');
    c.publish(deviceTopics(DEVICE).command, Buffer.from('x'), { qos: 0 });
    await closed;
    await c.endAsync(true);
    // Once the window has closed the same login is refused.
    s.window.refuse();
    const late = mqtt.connect(s.url, {
      clientId: username,
      username,
      password: pairingPassword(username, key),
      reconnectPeriod: 0,
    });
    const err = await nextEvent<Error & { code?: number }>(late, 'error');
    expect(err.code).toBe(4);
    await late.endAsync(true);
    // A self-signed password for another key than the one it names is refused too.
    s.window.open();
    const forged = pairingPassword(username, key).replace(
      /^fa1p\.[^.]+/,
      `fa1p.${Buffer.from(generateKeyPair().publicKey).toString('base64url')}`,
    );
    const bad = mqtt.connect(s.url, { clientId: username, username, password: forged, reconnectPeriod: 0 });
    const err2 = await nextEvent<Error & { code?: number }>(bad, 'error');
    expect(err2.code).toBe(4);
    await bad.endAsync(true);
  });

  it('refuses retained and oversized pairing messages, and any packet over the broker limit', async () => {
    const s = await reader();
    s.window.open();
    const username = brokerUsername('term', 'probe', PAIRING_AUX);
    const key = generateKeyPair();
    const login = () =>
      mqtt.connectAsync(s.url, {
        clientId: username,
        username,
        password: pairingPassword(username, key),
        clean: true,
        reconnectPeriod: 0,
      });
    const hello = Buffer.from(
      encodePairingMessage({
        pairingId: random(16),
        step: { kind: 'hello', terminalId: 'probe', terminalKey: key.publicKey },
      }),
    );
    const refusedOn = async (payload: Buffer, retain: boolean): Promise<void> => {
      const c = await login();
      const closed = nextEvent<void>(c, 'close');
      c.publish(pairingTopics(DEVICE).toDevice, payload, { qos: 1, retain });
      await closed;
      await c.endAsync(true);
    };
    await refusedOn(hello, true); // retained
    await refusedOn(Buffer.concat([hello, Buffer.alloc(2000)]), false); // over 1,024 bytes
    await refusedOn(Buffer.alloc(20 * 1024 * 1024, 1), false); // over the broker's packet limit
    expect(s.window.status()).toMatchObject({ phase: 'waiting' });
    expect(s.window.status().terminalId).toBeUndefined();
    // The same hello, not retained, is heard: the refusals were for retain and size.
    const c = await login();
    await c.publishAsync(pairingTopics(DEVICE).toDevice, hello, { qos: 1 });
    await until(() => s.window.status().terminalId === 'probe', 5000, 'the hello');
    await c.endAsync(true);
  });

  it("sends the reader's confirm only once the terminal's key is stored: a failed store ends it, the terminal trusts nothing", async () => {
    const s = await reader(undefined, undefined, quietLog, () => {
      throw new Error('disk full');
    });
    s.window.open();
    const outcome = await pairFromTerminal(s, async () => {
      s.window.confirm(); // the reader's staff first: its confirm must wait for the store
      return true;
    }).catch((e) => e);
    expect(isReaderError(outcome, ErrorCode.Mqtt_PairingEnded)).toBe(true);
    expect((outcome as Error).message).toMatch(/could not be stored: disk full/);
    expect(s.window.status().phase).toBe('ended');
    nothingTrusted(s);
  });

  it('with no broker fails as not connected after the connect timeout, and a CONNACK 5 as an unknown key', async () => {
    // A port nobody listens on.
    const gone = createServer().listen(0, '127.0.0.1');
    await once(gone, 'listening');
    const port = (gone.address() as { port: number }).port;
    await new Promise<void>((r) => gone.close(() => r()));
    const s = { url: `mqtt://127.0.0.1:${port}`, terminalKey: generateKeyPair() } as Side;
    const none = await pairFromTerminal(s, async () => true, { timeoutMs: 60_000 }).catch((e) => e);
    expect(isReaderError(none, ErrorCode.Mqtt_NotConnected)).toBe(true);
    expect((none as Error).message).toMatch(/no broker answered/);
    // A broker that answers CONNACK 5 (not authorised), as a site broker with no pairing account.
    const aedes = await Aedes.createBroker({
      authenticate: (_c, _u, _p, done) => {
        const e = Object.assign(new Error('not authorised'), { returnCode: 5 as const });
        done(e, false);
      },
    });
    const server = createServer((sock) => aedes.handle(sock)).listen(0, '127.0.0.1');
    await once(server, 'listening');
    open.push({
      close: async () => {
        await new Promise<void>((r) => aedes.close(() => r()));
        server.close();
      },
    });
    s.url = `mqtt://127.0.0.1:${(server.address() as { port: number }).port}`;
    const refused = await pairFromTerminal(s, async () => true, { timeoutMs: 60_000 }).catch((e) => e);
    expect(isReaderError(refused, ErrorCode.Mqtt_UnknownKey)).toBe(true);
  });

  it('closes a connection whose packet is announced over its packet limit, whoever sends it', async () => {
    const broker = await startEmbeddedBroker(); // open: no authorizer would see the packet
    open.push(broker);
    const c = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
    const heard: number[] = [];
    c.on('message', (_t, p) => heard.push(p.length));
    await c.subscribeAsync('big/#', { qos: 1 });
    await c.publishAsync('big/small', Buffer.alloc(1024), { qos: 1 });
    await until(() => heard.length === 1);
    const closed = nextEvent<void>(c, 'close');
    c.publish('big/large', Buffer.alloc(MAX_BROKER_PACKET_BYTES + 1), { qos: 1 });
    await closed;
    await c.endAsync(true);
    expect(heard).toEqual([1024]);
  });
});

/**
 * A broker that relays every pairing message through a party in the middle (the test's own
 * aedes, rewriting publications as they pass): toward the device it is a terminal with its own
 * key, toward the terminal a device with its own key, each side running the protocol honestly.
 */
async function relayBroker(): Promise<{
  url: string;
  codes: { device?: string; terminal?: string };
  close(): Promise<void>;
}> {
  const m1 = generateKeyPair(); // what the device is told the terminal's key is
  const m2 = generateKeyPair(); // what the terminal is told the device's key is
  let asTerminal: TerminalPairing | undefined; // the relay's pairing with the device
  let asDevice: DevicePairing | undefined; // the relay's pairing with the terminal
  let hello: { terminalId: string; terminalKey: Uint8Array } | undefined;
  let nonceToDevice: Uint8Array | undefined;
  let nonceToTerminal: Uint8Array | undefined;
  const codes: { device?: string; terminal?: string } = {};
  const t = pairingTopics(DEVICE);
  // Toward the device the relay is a terminal with key m1: it signs the terminal's later steps
  // with m1, as an honest terminal signs with its own (SPEC 15.10).
  const resign = (pairingId: Uint8Array, step: PairingStep): Uint8Array | undefined =>
    step.kind === 'terminal-nonce' || step.kind === 'abort'
      ? signPairingStep(tweetnaclEd25519, m1.secretKey, pairingId, step)
      : step.kind === 'confirm'
        ? signPairingStep(tweetnaclEd25519, m1.secretKey, pairingId, step, codes.device)
        : undefined;
  const rewrite = (step: PairingStep): PairingStep => {
    switch (step.kind) {
      case 'hello':
        hello = { terminalId: step.terminalId, terminalKey: step.terminalKey };
        asTerminal = new TerminalPairing(step.terminalId, m1.publicKey, random(16));
        asDevice = new DevicePairing(DEVICE, m2.publicKey, random(16));
        return { ...step, terminalKey: m1.publicKey };
      case 'commit': {
        nonceToDevice = asTerminal!.committed(step.deviceId, step.deviceKey, step.commitment);
        const c = asDevice!.hello(hello!.terminalId, hello!.terminalKey);
        return { kind: 'commit', deviceId: DEVICE, deviceKey: m2.publicKey, commitment: c.commitment };
      }
      case 'terminal-nonce':
        nonceToTerminal = asDevice!.reveal(step.nonce);
        codes.terminal = asDevice!.code();
        return { kind: 'terminal-nonce', nonce: nonceToDevice! };
      case 'device-nonce':
        asTerminal!.revealed(step.nonce);
        codes.device = asTerminal!.code();
        return { kind: 'device-nonce', nonce: nonceToTerminal! };
      default:
        return step;
    }
  };
  const aedes = await Aedes.createBroker({
    authorizePublish: (_client, packet, done) => {
      if (packet.topic === t.toDevice || packet.topic === t.toTerminal) {
        try {
          const m = decodePairingMessage(new Uint8Array(packet.payload as Buffer));
          const step = rewrite(m.step);
          const signature = packet.topic === t.toDevice ? resign(m.pairingId, step) : undefined;
          packet.payload = Buffer.from(encodePairingMessage({ pairingId: m.pairingId, step, signature }));
        } catch {
          // Not a step the relay follows: passed on as it is.
        }
      }
      done(null);
    },
  });
  const server: Server = createServer((sock) => aedes.handle(sock));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  return {
    url: `mqtt://127.0.0.1:${port}`,
    codes,
    close: async () => {
      await new Promise<void>((r) => aedes.close(() => r()));
      server.close();
    },
  };
}

/** Eve: a third party with a self-made key and a pairing login of her own (SPEC 15.10). */
async function eveOn(url: string) {
  const username = brokerUsername('term', 'eve', PAIRING_AUX);
  const eve = await mqtt.connectAsync(url, {
    clientId: username,
    username,
    password: pairingPassword(username, generateKeyPair()),
    clean: true,
    reconnectPeriod: 0,
  });
  // She reads the device's answers, so she learns the pairing id of the terminal's attempt.
  const ids: Uint8Array[] = [];
  eve.on('message', (_t, payload) => {
    try {
      ids.push(decodePairingMessage(new Uint8Array(payload)).pairingId);
    } catch {}
  });
  await eve.subscribeAsync(pairingTopics(DEVICE).toTerminal, { qos: 1 });
  return { eve, ids };
}

describe('a third party with a pairing login of its own', () => {
  const forge = (pairingId: Uint8Array) =>
    Buffer.from(encodePairingMessage({ pairingId, step: { kind: 'confirm' } }));

  it("cannot confirm for the terminal on a broker that relays it (Mosquitto's case): the device checks the signature", async () => {
    // An open broker, as a site broker whose ACL lets every pairing login write to-device.
    const aedes = await Aedes.createBroker();
    const server = createServer((sock) => aedes.handle(sock)).listen(0, '127.0.0.1');
    await once(server, 'listening');
    open.push({
      close: async () => {
        await new Promise<void>((r) => aedes.close(() => r()));
        server.close();
      },
    });
    const url = `mqtt://127.0.0.1:${(server.address() as { port: number }).port}`;
    const warnings: string[] = [];
    const log = createLogger('test', { level: 'warn', format: 'json', write: (l) => warnings.push(l) });
    const s = await reader(url, undefined, log);
    s.window.open();
    const { eve, ids } = await eveOn(url);
    open.push({ close: () => eve.endAsync(true) });
    const outcome = await pairFromTerminal(s, async () => {
      // The reader's staff confirm; then Eve forges the terminal's confirm (and an abort)...
      s.window.confirm();
      const id = ids.at(-1)!;
      await eve.publishAsync(pairingTopics(DEVICE).toDevice, forge(id), { qos: 1 });
      await until(() => warnings.some((w) => w.includes('pairing step refused')), 5000, 'the forged confirm');
      // ...which the reader did not count: the terminal has not confirmed.
      expect(s.window.status()).toMatchObject({ phase: 'comparing', confirmedThere: false });
      // The terminal's staff then refuse.
      return false;
    }).catch((e) => e);
    expect(isReaderError(outcome, ErrorCode.Mqtt_PairingEnded)).toBe(true);
    await until(() => s.window.status().phase === 'ended');
    expect(s.window.status().reason).toMatch(/refused on the terminal/);
    nothingTrusted(s);
  });

  it("is refused by the embedded broker: no step of another client's pairing id, no hello with a key it did not prove", async () => {
    const s = await reader();
    s.window.open();
    const { eve, ids } = await eveOn(s.url);
    const outcome = await pairFromTerminal(s, async () => {
      s.window.confirm();
      // The broker refuses Eve's step for the terminal's pairing id (aedes drops her connection).
      const closed = nextEvent<void>(eve, 'close');
      eve.publish(pairingTopics(DEVICE).toDevice, forge(ids.at(-1)!), { qos: 1 });
      await closed;
      expect(s.window.status()).toMatchObject({ phase: 'comparing', confirmedThere: false });
      return false;
    }).catch((e) => e);
    await eve.endAsync(true);
    expect(isReaderError(outcome, ErrorCode.Mqtt_PairingEnded)).toBe(true);
    await until(() => s.window.status().phase === 'ended');
    nothingTrusted(s);

    // A hello claiming another id, or another key than the one its login proved, is refused.
    s.window.open();
    for (const step of [
      { kind: 'hello' as const, terminalId: 'terminal-1', terminalKey: s.terminalKey.publicKey },
      { kind: 'hello' as const, terminalId: 'eve', terminalKey: s.terminalKey.publicKey },
    ]) {
      const again = await eveOn(s.url);
      const closed = nextEvent<void>(again.eve, 'close');
      again.eve.publish(
        pairingTopics(DEVICE).toDevice,
        Buffer.from(encodePairingMessage({ pairingId: random(16), step })),
        { qos: 1 },
      );
      await closed;
      await again.eve.endAsync(true);
    }
    expect(s.window.status()).toMatchObject({ phase: 'waiting' });
    expect(s.window.status().terminalId).toBeUndefined();
  });
});

describe('a relay on the broker', () => {
  it('substituting both keys gets different codes on the two sides, and is refused', async () => {
    const relay = await relayBroker();
    open.push(relay);
    const s = await reader(relay.url);
    s.window.open();
    let terminalCode = '';
    const outcome = await pairFromTerminal(s, async (code) => {
      terminalCode = code;
      const shown = s.window.status();
      // What the staff see: each side a code, and another key than the real one.
      expect(shown.phase).toBe('comparing');
      expect(shown.terminalKeyId).not.toBe(keyIdHex(s.terminalKey.publicKey));
      expect(shown.code).not.toBe(code);
      // They differ: the staff refuse on the reader, and the terminal's staff say no.
      s.window.refuse();
      return false;
    }).catch((e) => e);
    expect(isReaderError(outcome, ErrorCode.Mqtt_PairingEnded)).toBe(true);
    // The relay computed the codes it made each side show: different.
    expect(relay.codes.terminal).toBe(terminalCode);
    expect(relay.codes.device).toBe(s.window.status().code);
    expect(relay.codes.device).not.toBe(relay.codes.terminal);
    nothingTrusted(s);
  });

  it('a relay that only rewrites a key in flight is refused by the commitment', async () => {
    // The simplest substitution: the hello's key rewritten toward the device, nothing else.
    const s0 = await reader();
    const m = generateKeyPair();
    const t = pairingTopics(DEVICE);
    const aedes = await Aedes.createBroker({
      authorizePublish: (_c, packet, done) => {
        if (packet.topic === t.toDevice) {
          const msg = decodePairingMessage(new Uint8Array(packet.payload as Buffer));
          if (msg.step.kind === 'hello')
            packet.payload = Buffer.from(
              encodePairingMessage({
                pairingId: msg.pairingId,
                step: { ...msg.step, terminalKey: m.publicKey },
              }),
            );
          // It signs the terminal's later steps with m as well, so the device acts on them (15.10).
          else if (msg.step.kind === 'terminal-nonce' || msg.step.kind === 'abort')
            packet.payload = Buffer.from(
              encodePairingMessage({
                ...msg,
                signature: signPairingStep(tweetnaclEd25519, m.secretKey, msg.pairingId, msg.step),
              }),
            );
        }
        done(null);
      },
    });
    const server = createServer((sock) => aedes.handle(sock)).listen(0, '127.0.0.1');
    await once(server, 'listening');
    open.push({
      close: async () => {
        await new Promise<void>((r) => aedes.close(() => r()));
        server.close();
      },
    });
    await s0.link.stop(0);
    const s = await reader(`mqtt://127.0.0.1:${(server.address() as { port: number }).port}`);
    s.window.open();
    let asked = false;
    const outcome = await pairFromTerminal(s, async () => {
      asked = true;
      return true;
    }).catch((e) => e);
    expect(isReaderError(outcome, ErrorCode.Mqtt_PairingEnded)).toBe(true);
    expect((outcome as Error).message).toMatch(/does not open its commitment/);
    expect(asked).toBe(false); // no code was shown for a pairing that cannot be right
    await until(() => s.window.status().phase === 'ended');
    nothingTrusted(s);
  });
});
