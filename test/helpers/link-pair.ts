// An in-process device link and reference terminal on one broker, for integration tests.
import { join } from 'node:path';
import { DeviceLink } from '../../firmware-host/link/device-link.js';
import { loadTrustDir } from '../../firmware-host/link/keystore.js';
import { Outbox } from '../../firmware-host/link/outbox.js';
import { createLogger, type Logger } from '../../firmware-host/log.js';
import { ReferenceTerminal } from '../../tools/terminal/terminal.js';
import type { LinkKeys } from './link-fixture.js';

export const quietLog: Logger = createLogger('test', { level: 'error', write: () => {} });

export function makeDevice(
  keys: LinkKeys,
  brokerUrl: string,
  over: { ackTimeoutMs?: number } = {},
): DeviceLink {
  return new DeviceLink({
    deviceId: keys.deviceId,
    broker: { url: brokerUrl },
    key: keys.deviceKey,
    trustedTerminals: loadTrustDir(keys.trustTerminalsDir),
    outbox: new Outbox(join(keys.dir, `outbox-${keys.deviceId}.sqlite`)),
    firmwareVersion: '0.0.0-test',
    capabilities: ['link-test'],
    log: quietLog,
    ackTimeoutMs: over.ackTimeoutMs ?? 2000,
  });
}

export function makeTerminal(keys: LinkKeys, brokerUrl: string): ReferenceTerminal {
  return new ReferenceTerminal({
    terminalId: 'terminal-1',
    broker: { url: brokerUrl },
    key: keys.terminalKey,
    trustedDevices: loadTrustDir(keys.trustDevicesDir),
    dataDir: join(keys.dir, 'terminal'),
    outDir: join(keys.dir, 'terminal', 'results'),
    log: quietLog,
  });
}
