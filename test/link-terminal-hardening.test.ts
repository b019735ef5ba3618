// Issue 13 at the terminal and on disk: poison results (defect 8) and file modes (defect 14).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EmbeddedBroker, startEmbeddedBroker } from '../firmware-host/link/broker.js';
import { Outbox } from '../firmware-host/link/outbox.js';
import { linkTestResult } from '../firmware-host/link-test.js';
import { ensurePrivateDir } from '../platform/private-files.js';
import { fareader } from '../protocol/gen/fareader.js';
import { PayloadType, seal } from '../protocol/link/envelope.js';
import { deviceTopics } from '../protocol/link/topics.js';
import { toLong } from '../protocol/link/u64.js';
import { type LinkKeys, makeLinkKeys, until } from '../tools/rig/link-fixture.js';
import { makeTerminal } from '../tools/rig/link-pair.js';
import type { ReferenceTerminal } from '../tools/terminal/terminal.js';

const v1 = fareader.v1;
const mode = (p: string): number => statSync(p).mode & 0o777;

let keys: LinkKeys;
let broker: EmbeddedBroker;
let terminal: ReferenceTerminal;
let spy: MqttClient;

beforeEach(async () => {
  keys = makeLinkKeys();
  broker = await startEmbeddedBroker();
  terminal = makeTerminal(keys, broker.url);
  await terminal.start();
  spy = await mqtt.connectAsync(broker.url, { clientId: `spy-${randomBytes(3).toString('hex')}` });
});

afterEach(async () => {
  await spy.endAsync();
  await terminal.stop();
  await broker.close();
  keys.cleanup();
});

/** A result signed by the trusted device key, with fields no real device would send. */
function poison(counter: bigint, startedAtMs: number): Buffer {
  const payload = v1.VerificationResult.encode({
    ...linkTestResult(`poison-${counter}`, new Uint8Array(), 1_700_000_000_000),
    startedAtMs: toLong(startedAtMs),
    deviceId: keys.deviceId,
    counter: toLong(counter),
  }).finish();
  return Buffer.from(seal(PayloadType.PAYLOAD_TYPE_VERIFICATION_RESULT, payload, keys.deviceKey));
}

describe('defect 8: a poison result is quarantined and acknowledged, not republished forever', () => {
  it('a time beyond the Date range and a counter ≥ 2^63 are stored as received, acknowledged and counted', async () => {
    const topics = deviceTopics(keys.deviceId);
    const acks: fareader.v1.ResultAck[] = [];
    await spy.subscribeAsync(topics.ack, { qos: 1 });
    spy.on('message', (_t, p) => acks.push(v1.ResultAck.decode(v1.SignedEnvelope.decode(p).payload)));
    await spy.publishAsync(topics.result, poison(7n, 9e15), { qos: 1 });
    await spy.publishAsync(topics.result, poison(1n << 63n, 1_700_000_000_000), { qos: 1 });
    await until(() => acks.length === 2, 5000, 'both acknowledged');
    expect(acks.map((a) => BigInt(a.counter.toString())).sort()).toEqual([7n, 1n << 63n]);
    const stats = terminal.stats.toJSON();
    expect(stats['result:quarantined:time-out-of-range']).toBe(1);
    expect(stats['result:quarantined:counter-out-of-range']).toBe(1);
    expect(Object.keys(stats).some((k) => k.includes('internal'))).toBe(false);
    expect(terminal.quarantinedCount()).toBe(2);
    // Sent again (the device did not get the ack): acknowledged again, stored once.
    await spy.publishAsync(topics.result, poison(7n, 9e15), { qos: 1 });
    await until(() => acks.length === 3, 5000, 'acknowledged again');
    expect(acks[2]!.duplicate).toBe(true);
    expect(terminal.quarantinedCount()).toBe(2);
    // No result file: a quarantined result is not an identity check for the receipt computer.
    expect(terminal.accepted).toBe(0);
  });
});

describe('defect 14: results and journals are private to the service user', () => {
  it('terminal.sqlite and result files are 0600 in 0700 folders', async () => {
    const topics = deviceTopics(keys.deviceId);
    const payload = v1.VerificationResult.encode({
      ...linkTestResult('ok', new Uint8Array(), Date.now()),
      deviceId: keys.deviceId,
      counter: toLong(1),
    }).finish();
    await spy.publishAsync(
      topics.result,
      Buffer.from(seal(PayloadType.PAYLOAD_TYPE_VERIFICATION_RESULT, payload, keys.deviceKey)),
      { qos: 1 },
    );
    await until(() => terminal.accepted === 1, 5000, 'the result accepted');
    const data = join(keys.dir, 'terminal');
    const out = join(data, 'results');
    expect(mode(data)).toBe(0o700);
    expect(mode(out)).toBe(0o700);
    expect(mode(join(out, keys.deviceId))).toBe(0o700);
    for (const f of readdirSync(data).filter((n) => n.startsWith('terminal.sqlite')))
      expect(mode(join(data, f)), f).toBe(0o600);
    for (const f of readdirSync(join(out, keys.deviceId)))
      expect(mode(join(out, keys.deviceId, f)), f).toBe(0o600);
  });

  it('outbox.sqlite (and its WAL) is 0600, in a 0700 data folder, also when they existed before', () => {
    const dir = join(keys.dir, 'readerd-data');
    mkdirSync(dir, { mode: 0o755 });
    ensurePrivateDir(dir);
    expect(mode(dir)).toBe(0o700);
    const ob = new Outbox(join(dir, 'outbox.sqlite'));
    ob.openSession('s', '', Date.now());
    for (const f of readdirSync(dir)) expect(mode(join(dir, f)), f).toBe(0o600);
    ob.close();
  });
});
