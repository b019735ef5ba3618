// An in-process device link and reference terminal on one broker, for integration tests.
import { join } from 'node:path';
import { DeviceLink } from '../../firmware-host/link/device-link.js';
import { Outbox } from '../../firmware-host/link/outbox.js';
import { loadTrustDir } from '../../platform/keys/keystore.js';
import { connectMqtt, type MqttClientFactory } from '../../platform/link/mqtt-client.js';
import type { BrokerSettings } from '../../platform/link/mqtt-options.js';
import { createLogger, type Logger } from '../../platform/log.js';
import { ReferenceTerminal } from '../terminal/terminal.js';
import type { LinkKeys } from './link-fixture.js';

export const quietLog: Logger = createLogger('test', { level: 'error', write: () => {} });

const settings = (b: string | BrokerSettings): BrokerSettings => (typeof b === 'string' ? { url: b } : b);

export function makeDevice(
  keys: LinkKeys,
  broker: string | BrokerSettings,
  over: {
    ackTimeoutMs?: number;
    deviceId?: string;
    trustTerminals?: boolean;
    log?: Logger;
    connect?: MqttClientFactory;
  } = {},
): DeviceLink {
  const deviceId = over.deviceId ?? keys.deviceId;
  return new DeviceLink({
    deviceId,
    broker: settings(broker),
    key: keys.deviceKey,
    trustedTerminals: over.trustTerminals === false ? new Map() : loadTrustDir(keys.trustTerminalsDir),
    outbox: new Outbox(join(keys.dir, `outbox-${deviceId}.sqlite`)),
    firmwareVersion: '0.0.0-test',
    capabilities: ['link-test'],
    log: over.log ?? quietLog,
    ackTimeoutMs: over.ackTimeoutMs ?? 2000,
    connect: over.connect ?? connectMqtt,
  });
}

export function makeTerminal(
  keys: LinkKeys,
  broker: string | BrokerSettings,
  connect: MqttClientFactory = connectMqtt,
): ReferenceTerminal {
  return new ReferenceTerminal({
    terminalId: 'terminal-1',
    broker: settings(broker),
    key: keys.terminalKey,
    trustedDevices: loadTrustDir(keys.trustDevicesDir),
    dataDir: join(keys.dir, 'terminal'),
    outDir: join(keys.dir, 'terminal', 'results'),
    log: quietLog,
    connect,
  });
}
