// The reader's status as /healthz and the debug shell's `status` show it: rejection counts by
// reason and the duplicate-client-id warning are part of it (issue 13, defect 13).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectMqtt } from '../../platform/link/mqtt-client.js';
import { silentLogger } from '../../platform/log.js';
import { generateKeyPair } from '../../protocol/link/keys.js';
import { type ServiceParts, status } from '../appliance-services.js';
import { DeviceLink } from '../link/device-link.js';
import { Outbox } from '../link/outbox.js';
import { ReaderModes } from '../session/session-commands.js';
import type { SessionService } from '../session/session-service.js';
import { DebugShell } from './debug-shell.js';

const dir = mkdtempSync(join(tmpdir(), 'fareader-status-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function parts(): ServiceParts {
  const link = new DeviceLink({
    deviceId: 'reader-01',
    broker: { url: 'mqtt://127.0.0.1:1' },
    key: generateKeyPair(),
    trustedTerminals: new Map(),
    outbox: new Outbox(join(dir, 'outbox.sqlite')),
    firmwareVersion: '0',
    capabilities: [],
    log: silentLogger,
    connect: connectMqtt,
  });
  link.stats.count('command:RESPONSE_STATUS_BAD_SIGNATURE');
  link.stats.count('command:RESPONSE_STATUS_BAD_SIGNATURE');
  link.stats.count('ack:Mqtt_UnknownKey');
  const service = {
    state: { kind: 'idle' },
    visualCheckMode: undefined,
    trace: [],
  } as unknown as SessionService;
  return {
    service,
    link,
    modes: new ReaderModes(),
    module: { module: { name: 'emulated', cardPresent: false }, status: () => ({ state: 'ok' }) },
    cameras: { face: { status: () => ({ state: 'ok' }) }, cardFace: { status: () => ({ state: 'ok' }) } },
    lastFaceFrame: () => undefined,
    log: silentLogger,
    now: () => 1000,
  } as unknown as ServiceParts;
}

describe('reader status', () => {
  it('/healthz carries rejections by reason and whether another client holds our id', () => {
    const p = parts();
    const s = status(p, 0) as { ok: boolean; link: Record<string, unknown> };
    expect(s.link).toMatchObject({
      connected: false,
      duplicateClientId: false,
      recentKicks: 0,
      rejections: { 'command:RESPONSE_STATUS_BAD_SIGNATURE': 2, 'ack:Mqtt_UnknownKey': 1 },
    });
    p.link.outbox.close();
  });

  it("the debug shell's status shows the same counts", async () => {
    const p = parts();
    const written: string[] = [];
    const port = {
      on: () => {},
      write: async (b: Uint8Array) => void written.push(Buffer.from(b).toString()),
    };
    const shell = new DebugShell(port as never, {
      service: p.service,
      maintenance: () => false,
      status: () => status(p, 0),
      selfTest: async () => [],
      transmit: async () => new Uint8Array(),
      log: silentLogger,
    });
    const out = (await shell.run('status')).join('\n');
    expect(out).toMatch(
      /link: .*"rejections":\{"ack:Mqtt_UnknownKey":1,"command:RESPONSE_STATUS_BAD_SIGNATURE":2\}/,
    );
    expect(out).toContain('"duplicateClientId":false');
    p.link.outbox.close();
  });
});
