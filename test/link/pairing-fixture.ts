// The pairing tests' parts (SPEC 15.1–15.3, 15.8), in one process: a device link with its
// pairing window on the embedded broker (aedes, with the reader's authority) or on another
// broker, and the terminal's pairing client against it.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type mqtt from 'mqtt';
import { expect } from 'vitest';
import { type EmbeddedBroker, startEmbeddedBroker } from '../../firmware-host/link/broker.js';
import { DeviceLink } from '../../firmware-host/link/device-link.js';
import { Outbox } from '../../firmware-host/link/outbox.js';
import { PairingWindow, trustIntoFolder } from '../../firmware-host/link/pairing-window.js';
import { createKeyFile, type TrustedKey } from '../../platform/keys/keystore.js';
import { connectMqtt } from '../../platform/link/mqtt-client.js';
import type { Logger } from '../../platform/log.js';
import type { KeyPair } from '../../protocol/link/keys.js';
import { quietLog } from '../../tools/rig/link-pair.js';
import { pairWithDevice } from '../../tools/terminal/pairing-client.js';

export const DEVICE = 'reader-01';
export const TERMINAL = 'terminal-1';
export const random = (n: number): Uint8Array => new Uint8Array(randomBytes(n));

export interface Side {
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

/** What a test opened, closed after it (closeOpened, each file's afterEach), last first. */
export const open: { close(): Promise<void> }[] = [];

export async function closeOpened(): Promise<void> {
  for (const o of open.splice(0).reverse()) await o.close().catch(() => {});
}

/** A reader's link and pairing window, on its embedded broker unless `url` names another. */
export async function reader(
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

export function pairFromTerminal(
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
export function nextEvent<T>(c: mqtt.MqttClient, event: 'close' | 'error'): Promise<T> {
  return new Promise((resolve) => (c as unknown as NodeJS.EventEmitter).once(event, (x: T) => resolve(x)));
}

export const pemsIn = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pem')) : [];

export function nothingTrusted(s: Side): void {
  expect(s.deviceTrust.size).toBe(0);
  expect(pemsIn(s.deviceTrustDir)).toEqual([]);
  expect(pemsIn(s.terminalTrustDir)).toEqual([]);
}
