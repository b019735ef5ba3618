// Issue 13 on the device end of the link: defects 1, 11, 12 and 13, on the embedded broker
// (open, so the test can play the intruder; the authenticated one is in link-broker-auth).
import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EmbeddedBroker, startEmbeddedBroker } from '../firmware-host/link/broker.js';
import type { DeviceLink } from '../firmware-host/link/device-link.js';
import { LinkTestService, linkTestResult } from '../firmware-host/link-test.js';
import { createLogger } from '../platform/log.js';
import { fareader } from '../protocol/gen/fareader.js';
import { PayloadType, seal } from '../protocol/link/envelope.js';
import { deviceTopics, terminalStateTopic } from '../protocol/link/topics.js';
import { toLong } from '../protocol/link/u64.js';
import { type LinkKeys, makeLinkKeys, until } from '../tools/rig/link-fixture.js';
import { makeDevice, makeTerminal } from '../tools/rig/link-pair.js';
import type { ReferenceTerminal } from '../tools/terminal/terminal.js';

const v1 = fareader.v1;
const S = v1.ResponseStatus;

let keys: LinkKeys;
let broker: EmbeddedBroker;
let device: DeviceLink;
let terminal: ReferenceTerminal;
let spy: MqttClient;
const lines: string[] = [];
let terminalBirthSeen = false;

beforeEach(async () => {
  keys = makeLinkKeys();
  broker = await startEmbeddedBroker();
  lines.length = 0;
  const log = createLogger('test', { level: 'info', write: (l) => lines.push(l) });
  device = makeDevice(keys, broker.url, { ackTimeoutMs: 600_000, log });
  device.onCommand = new LinkTestService(device).onCommand;
  terminalBirthSeen = false;
  device.on('terminal-state', () => {
    terminalBirthSeen = true;
  });
  terminal = makeTerminal(keys, broker.url);
  await terminal.start();
  await device.start();
  spy = await mqtt.connectAsync(broker.url, { clientId: `spy-${randomBytes(3).toString('hex')}` });
});

afterEach(async () => {
  await spy.endAsync();
  await device.stop(0);
  await terminal.stop();
  await broker.close();
  device.outbox.close();
  keys.cleanup();
});

const birthOf = (terminalId: string, timeMs: number, online = true): Buffer =>
  Buffer.from(
    seal(
      PayloadType.PAYLOAD_TYPE_TERMINAL_STATE,
      v1.TerminalState.encode({ terminalId, online, timeMs: toLong(timeMs) }).finish(),
      keys.terminalKey,
    ),
  );

describe('defect 1: a failing command admission does not end the process', () => {
  it('a storage error while remembering the command id is answered INTERNAL_ERROR and counted', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown): void => {
      unhandled.push(e);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      device.outbox.rememberCommand = () => {
        throw new TypeError('SQLITE_IOERR: disk I/O error (a non-ReaderError)');
      };
      const r = await terminal.sendCommand(keys.deviceId, { cancelSession: {} });
      expect(r.status).toBe(S.RESPONSE_STATUS_INTERNAL_ERROR);
      expect(device.stats.toJSON()['command:RESPONSE_STATUS_INTERNAL_ERROR']).toBe(1);
      await new Promise((r) => setImmediate(r));
      expect(unhandled).toEqual([]);
      expect(device.connected).toBe(true);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('an acknowledgement the outbox fails to store', () => {
  it('puts the result back in flight: it is published again, acknowledged again, and the outbox empties', async () => {
    await device.stop(0);
    device.outbox.close();
    device = makeDevice(keys, broker.url, { ackTimeoutMs: 300 });
    await device.start();
    const outbox = device.outbox;
    const ack = outbox.ack.bind(outbox);
    let failures = 0;
    outbox.ack = (batch) => {
      if (failures++ === 0) throw new TypeError('SQLITE_IOERR: disk I/O error');
      return ack(batch);
    };
    const before = terminal.duplicates;
    device.publishResult(linkTestResult('ack-lost', new Uint8Array(), Date.now()));
    await until(() => failures >= 2 && outbox.pendingCount === 0, 15_000, 'the result acknowledged again');
    expect(terminal.duplicates).toBeGreaterThan(before);
  });
});

describe('defect 11: terminal births are checked for freshness and identity', () => {
  it('a replayed terminal birth republishes nothing; a new birth republishes once', async () => {
    const resultTopic = deviceTopics(keys.deviceId).result;
    let published = 0;
    await spy.subscribeAsync(resultTopic, { qos: 1 });
    spy.on('message', (t) => {
      if (t === resultTopic) published++;
    });
    terminal.acknowledging = false;
    // The terminal's birth (retained) has reached the device and made its one pass.
    await until(() => terminalBirthSeen, 5000, 'the terminal birth at the device');
    for (let i = 0; i < 5; i++) device.publishResult(linkTestResult(`p${i}`, new Uint8Array(), Date.now()));
    await until(() => published === 5, 5000, 'five results on the wire');
    // The terminal's own birth, as anyone can read it (retained), replayed 300 times.
    const captured = await new Promise<Buffer>((resolve) => {
      const c = mqtt.connect(broker.url, { clientId: `cap-${randomBytes(3).toString('hex')}` });
      c.on('message', (_t, p) => {
        resolve(p);
        void c.endAsync();
      });
      c.subscribe(terminalStateTopic('terminal-1'));
    });
    const rejectedBefore = device.stats.total;
    for (let i = 0; i < 300; i++) spy.publish(terminalStateTopic('terminal-1'), captured, { qos: 1 });
    // A birth naming another terminal than its topic, and a stale one.
    spy.publish(terminalStateTopic('terminal-1'), birthOf('terminal-9', Date.now()), { qos: 1 });
    spy.publish(terminalStateTopic('terminal-1'), birthOf('terminal-1', Date.now() - 3_600_000), { qos: 1 });
    await until(() => device.stats.total >= rejectedBefore + 302, 10_000, 'every replay rejected');
    const stats = device.stats.toJSON();
    expect(stats['terminal-state:replayed']).toBe(300);
    expect(stats['terminal-state:wrong-terminal']).toBe(1);
    expect(stats['terminal-state:stale']).toBe(1);
    expect(published).toBe(5);
    // A genuinely new birth still brings the pending results again, once.
    spy.publish(terminalStateTopic('terminal-1'), birthOf('terminal-1', Date.now() + 1), { qos: 1 });
    await until(() => published === 10, 5000, 'one republish of the five');
    // Fresh births in a burst: redelivery is rate-limited (one pass now, at most one deferred).
    for (let i = 2; i < 50; i++)
      spy.publish(terminalStateTopic('terminal-1'), birthOf('terminal-1', Date.now() + i), { qos: 1 });
    await until(() => published >= 15, 10_000, 'the deferred pass');
    await new Promise((r) => setTimeout(r, 300));
    expect(published).toBeLessThanOrEqual(20);
  });
});

describe("defect 12: the device's birth cannot be replaced on its state topic", () => {
  it('retained garbage on the state topic is replaced by the birth again', async () => {
    const stateTopic = deviceTopics(keys.deviceId).state;
    await spy.publishAsync(stateTopic, Buffer.alloc(50, 0xff), { qos: 1, retain: true });
    await until(() => device.stats.toJSON()['state:foreign'] === 1, 5000, 'the foreign state noticed');
    let retained: Buffer = Buffer.alloc(0);
    const watcher = await mqtt.connectAsync(broker.url, {
      clientId: `cap2-${randomBytes(3).toString('hex')}`,
    });
    watcher.on('message', (_t, p) => {
      retained = p;
    });
    await watcher.subscribeAsync(stateTopic, { qos: 1 });
    await until(() => retained.length > 0 && retained[0] === 0x08, 5000, 'a signed state retained again');
    await watcher.endAsync();
    const env = v1.SignedEnvelope.decode(retained);
    expect(env.payloadType).toBe(PayloadType.PAYLOAD_TYPE_DEVICE_STATE);
    expect(v1.DeviceState.decode(env.payload).online).toBe(true);
  });
});

describe('defect 13: rejections are counted by reason and their logging is throttled', () => {
  it('2,000 garbage commands cost a handful of log lines and one summary', async () => {
    const cmd = deviceTopics(keys.deviceId).command;
    for (let i = 0; i < 2000; i++) spy.publish(cmd, randomBytes(30), { qos: 0 });
    await until(
      () => (device.stats.toJSON()['command:RESPONSE_STATUS_MALFORMED'] ?? 0) >= 1900,
      20_000,
      'rejections',
    );
    const warned = lines.filter((l) => l.includes('rejected command')).length;
    const reasons = Object.keys(device.stats.toJSON()).filter((r) => r.startsWith('command:'));
    expect(warned).toBeLessThanOrEqual(5 * reasons.length);
    device.logRejectionSummary();
    const summary = lines.filter((l) => l.includes('rejections since the last summary'));
    expect(summary).toHaveLength(1);
    expect(JSON.parse(summary[0]!).byReason['command:RESPONSE_STATUS_MALFORMED']).toBeGreaterThan(1000);
    expect(device.health().rejections['command:RESPONSE_STATUS_MALFORMED']).toBeGreaterThan(1000);
  });
});

describe('defect 10: a duplicate client id is noticed', () => {
  it('being kicked off repeatedly by a client with our id shows on health and in the log', async () => {
    // The open broker lets the intruder in (the authenticated one refuses it: link-broker-auth).
    const intruder = mqtt.connect(broker.url, {
      clientId: `fareader-dev-${keys.deviceId}`,
      reconnectPeriod: 300,
    });
    intruder.on('error', () => {});
    try {
      await until(() => device.health().duplicateClientId, 20_000, 'the duplicate client id noticed');
      expect(lines.some((l) => l.includes('another client is using our client id'))).toBe(true);
    } finally {
      await intruder.endAsync(true);
    }
  });
});
