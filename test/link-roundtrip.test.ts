// Device → broker → terminal → acknowledgement, on the embedded aedes and on a real Mosquitto.
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedBroker } from '../firmware-host/link/broker.js';
import type { DeviceLink } from '../firmware-host/link/device-link.js';
import type { LinkOutbox } from '../firmware-host/link/outbox.js';
import { LinkTestService, linkTestResult } from '../firmware-host/link-test.js';
import { fareader } from '../protocol/gen/fareader.js';
import { PayloadType, seal } from '../protocol/link/envelope.js';
import { generateKeyPair } from '../protocol/link/keys.js';
import { deviceTopics } from '../protocol/link/topics.js';
import { toLong } from '../protocol/link/u64.js';
import { type LinkKeys, makeLinkKeys, until } from '../tools/rig/link-fixture.js';
import { makeDevice, makeTerminal } from '../tools/rig/link-pair.js';
import { Mosquitto } from '../tools/rig/mosquitto.js';
import type { ReferenceTerminal } from '../tools/terminal/terminal.js';
import { missing } from './helpers/system.js';

const v1 = fareader.v1;
const S = v1.ResponseStatus;

interface Broker {
  url: string;
  close(): Promise<void>;
}

const brokers: [string, boolean, (dir: string) => Promise<Broker>][] = [
  ['aedes (embedded)', false, async () => startEmbeddedBroker()],
  [
    'mosquitto',
    missing('mosquitto', 'mosquitto'),
    async (dir) => {
      const m = await Mosquitto.start(dir);
      return { url: m.url, close: () => m.stop() };
    },
  ],
];

describe.each(brokers)('terminal link on %s', (_name, skip, startBroker) => {
  let keys: LinkKeys;
  let broker: Broker;
  let device: DeviceLink;
  let terminal: ReferenceTerminal;
  let outbox: LinkOutbox;

  beforeAll(async () => {
    if (skip) return;
    keys = makeLinkKeys();
    broker = await startBroker(keys.dir);
    device = makeDevice(keys, broker.url);
    outbox = device.outbox;
    device.onCommand = new LinkTestService(device).onCommand;
    terminal = makeTerminal(keys, broker.url);
    await terminal.start();
    await device.start();
  });

  afterAll(async () => {
    if (skip) return;
    await device.stop(0);
    await terminal.stop();
    await broker.close();
    outbox.close();
    keys.cleanup();
  });

  it.skipIf(skip)(
    'delivers signed results exactly once and empties the outbox on acknowledgement',
    async () => {
      const n = 50;
      for (let i = 0; i < n; i++) device.publishResult(linkTestResult(`s${i}`, new Uint8Array(), Date.now()));
      await until(() => terminal.accepted === n && outbox.pendingCount === 0, 15_000, 'all acknowledged');
      const files = readdirSync(join(keys.dir, 'terminal', 'results', keys.deviceId));
      expect(files).toHaveLength(n);
      expect(terminal.acceptedCount(keys.deviceId)).toBe(n);
    },
  );

  it.skipIf(skip)('starts a session by signed command and the result echoes the nonce', async () => {
    const results: fareader.v1.VerificationResult[] = [];
    terminal.on('result', (_rec, r: fareader.v1.VerificationResult) => results.push(r));
    const { nonce, response } = await terminal.startSession(keys.deviceId);
    expect(response.status).toBe(S.RESPONSE_STATUS_OK);
    await until(() => results.some((r) => r.sessionId === response.sessionId), 5000, 'the session result');
    expect(results.find((r) => r.sessionId === response.sessionId)!.terminalNonce).toEqual(
      new Uint8Array(nonce),
    );
  });

  it.skipIf(skip)(
    'refuses forged, stale, replayed and garbage commands with a signed error response',
    async () => {
      const forger = generateKeyPair();
      const cmd = (over: Partial<fareader.v1.ICommand>, key = keys.terminalKey) => {
        const commandId = randomBytes(16);
        const payload = v1.Command.encode({
          commandId,
          deviceId: keys.deviceId,
          issuedAtMs: toLong(Date.now()),
          cancelSession: {},
          ...over,
        }).finish();
        return { env: seal(PayloadType.PAYLOAD_TYPE_COMMAND, payload, key), id: commandId.toString('hex') };
      };
      // Nothing of an unverified payload is parsed, so refusals before verification echo no command id.
      const forged = cmd({}, forger);
      expect((await terminal.sendRaw(keys.deviceId, forged.env, '')).status).toBe(
        S.RESPONSE_STATUS_UNKNOWN_KEY,
      );
      const stale = cmd({ issuedAtMs: toLong(Date.now() - 3_600_000) });
      expect((await terminal.sendRaw(keys.deviceId, stale.env, stale.id)).status).toBe(
        S.RESPONSE_STATUS_STALE,
      );
      const fresh = cmd({});
      expect((await terminal.sendRaw(keys.deviceId, fresh.env, fresh.id)).status).toBe(
        S.RESPONSE_STATUS_NO_SESSION,
      );
      expect((await terminal.sendRaw(keys.deviceId, fresh.env, fresh.id)).status).toBe(
        S.RESPONSE_STATUS_REPLAYED,
      );
      // Garbage has no command id: the device answers with an empty one. Fixed bytes, not random
      // ones: random bytes sometimes decode as an envelope with no signature (answered UNSIGNED,
      // rightly). 40 × 0xff is a varint longer than 10 bytes, which no protobuf decoder accepts.
      expect((await terminal.sendRaw(keys.deviceId, Buffer.alloc(40, 0xff), '')).status).toBe(
        S.RESPONSE_STATUS_MALFORMED,
      );
      expect(device.stats.total).toBeGreaterThanOrEqual(4);
      expect(device.connected).toBe(true);
    },
  );

  it.skipIf(skip)(
    'the terminal rejects tampered, unsigned and foreign results, and re-acks replays without double counting',
    async () => {
      const rejected: string[] = [];
      terminal.on('rejected', (r: { reason: string }) => rejected.push(r.reason));
      const spy = await mqtt.connectAsync(broker.url, { clientId: `spy-${Date.now()}` });
      const topic = deviceTopics(keys.deviceId).result;
      const captured: Buffer[] = [];
      await spy.subscribeAsync(topic, { qos: 1 });
      spy.on('message', (_t, p) => captured.push(p));
      device.publishResult(linkTestResult('replay-me', new Uint8Array(), Date.now()));
      await until(() => captured.length > 0 && outbox.pendingCount === 0, 5000, 'a result on the wire');
      const accepted = terminal.accepted;
      const dups = terminal.duplicates;

      await spy.publishAsync(topic, captured[0]!, { qos: 1 }); // replay
      const env = v1.SignedEnvelope.decode(captured[0]!);
      env.payload[env.payload.length - 1]! ^= 0x01;
      await spy.publishAsync(topic, Buffer.from(v1.SignedEnvelope.encode(env).finish()), { qos: 1 });
      const payload = v1.VerificationResult.encode({
        deviceId: keys.deviceId,
        counter: toLong(999_999),
      }).finish();
      await spy.publishAsync(
        topic,
        Buffer.from(v1.SignedEnvelope.encode({ payloadType: 3, payload }).finish()),
        { qos: 1 },
      );
      await spy.publishAsync(topic, Buffer.from(seal(3, payload, generateKeyPair())), { qos: 1 });
      await spy.publishAsync(topic, Buffer.alloc(100, 0xff), { qos: 1 });
      await until(() => rejected.length >= 4 && terminal.duplicates === dups + 1, 5000, 'rejections');
      expect(terminal.accepted).toBe(accepted);
      expect(rejected).toEqual(
        expect.arrayContaining(['Mqtt_BadSignature', 'Mqtt_Unsigned', 'Mqtt_UnknownKey', 'Mqtt_Malformed']),
      );
      await spy.endAsync();
    },
  );

  it.skipIf(skip)('the device ignores forged and garbage acknowledgements and keeps the result', async () => {
    const spy = await mqtt.connectAsync(broker.url, { clientId: `spy2-${Date.now()}` });
    await terminal.stop();
    const counter = device.publishResult(linkTestResult('held', new Uint8Array(), Date.now()));
    const ack = v1.ResultAck.encode({ deviceId: keys.deviceId, counter: toLong(counter) }).finish();
    const before = device.stats.total;
    await spy.publishAsync(deviceTopics(keys.deviceId).ack, Buffer.from(seal(6, ack, generateKeyPair())), {
      qos: 1,
    });
    await spy.publishAsync(deviceTopics(keys.deviceId).ack, randomBytes(64), { qos: 1 });
    await until(() => device.stats.total >= before + 2, 5000, 'ack rejections');
    expect(outbox.has(counter)).toBe(true);
    terminal = makeTerminal(keys, broker.url);
    await terminal.start();
    await until(() => outbox.pendingCount === 0, 10_000, 'redelivery to the restarted terminal');
    await spy.endAsync();
  });
});
