// The reference terminal against signed device messages a real device never sends: what the
// trusted key signs but the terminal cannot take is rejected and counted by reason (SPEC 10.1),
// never counted as `internal`, and the terminal goes on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EmbeddedBroker, startEmbeddedBroker } from '../../firmware-host/link/broker.js';
import { connectMqtt } from '../../platform/link/mqtt-client.js';
import { createLogger } from '../../platform/log.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { PayloadType, seal } from '../../protocol/link/envelope.js';
import { generateKeyPair, type KeyPair, keyIdHex } from '../../protocol/link/keys.js';
import { deviceTopics } from '../../protocol/link/topics.js';
import { toLong } from '../../protocol/link/u64.js';
import { ReferenceTerminal } from './terminal.js';

const v1 = fareader.v1;
const DEVICE = 'reader-01';

let dir: string;
let broker: EmbeddedBroker;
let deviceKey: KeyPair;
let terminal: ReferenceTerminal;
let spy: MqttClient;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fareader-terminal-'));
  broker = await startEmbeddedBroker();
  deviceKey = generateKeyPair();
  const keyId = keyIdHex(deviceKey.publicKey);
  terminal = new ReferenceTerminal({
    terminalId: 'terminal-1',
    broker: { url: broker.url },
    key: generateKeyPair(),
    trustedDevices: new Map([[keyId, { name: DEVICE, keyId, publicKey: deviceKey.publicKey, file: '' }]]),
    dataDir: join(dir, 'data'),
    outDir: join(dir, 'results'),
    log: createLogger('test', { level: 'error', write: () => {} }),
    connect: connectMqtt,
  });
  await terminal.start();
  spy = await mqtt.connectAsync(broker.url, { clientId: 'spy-terminal-test' });
});

afterEach(async () => {
  await spy.endAsync();
  await terminal.stop();
  await broker.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves with the next rejection the terminal reports. */
function nextRejection(): Promise<{ kind: string; reason: string; detail: string }> {
  return new Promise((resolve) => terminal.once('rejected', resolve));
}

function birth(bdSeq: bigint, lastCounter = 0n): Buffer {
  const payload = v1.DeviceState.encode({
    deviceId: DEVICE,
    online: true,
    bdSeq: toLong(bdSeq),
    lastCounter: toLong(lastCounter),
    schema: 'fareader.v1',
  }).finish();
  return Buffer.from(seal(PayloadType.PAYLOAD_TYPE_DEVICE_STATE, payload, deviceKey));
}

describe('a birth whose bd_seq no store can hold', () => {
  it('bd_seq ≥ 2^63 is malformed (as a command sequence is, SPEC 8.9), counted; the next birth is heard', async () => {
    const topic = deviceTopics(DEVICE).state;
    const rejected = nextRejection();
    await spy.publishAsync(topic, birth(1n << 63n), { qos: 1 });
    expect(await rejected).toMatchObject({ kind: 'state', reason: 'Mqtt_Malformed' });
    // The largest bd_seq SQLite stores is still a birth, heard without a rejection.
    const heard = new Promise<fareader.v1.DeviceState>((r) => terminal.once('device-state', r));
    await spy.publishAsync(topic, birth((1n << 63n) - 1n), { qos: 1 });
    expect((await heard).bdSeq.toString()).toBe(((1n << 63n) - 1n).toString());
    expect(terminal.stats.toJSON()).toEqual({ 'state:Mqtt_Malformed': 1 });
  });
});

describe('a signed payload that does not decode', () => {
  // A length-delimited field longer than the payload: protobuf refuses it.
  const truncated = Uint8Array.of(0x0a, 0x05, 0x41);
  const cases = [
    ['state', PayloadType.PAYLOAD_TYPE_DEVICE_STATE],
    ['event', PayloadType.PAYLOAD_TYPE_SESSION_EVENT],
    ['response', PayloadType.PAYLOAD_TYPE_COMMAND_RESPONSE],
    ['result', PayloadType.PAYLOAD_TYPE_VERIFICATION_RESULT],
  ] as const;
  for (const [kind, type] of cases) {
    it(`on the ${kind} topic is counted as ${kind}:Mqtt_Malformed, not internal`, async () => {
      const rejected = nextRejection();
      await spy.publishAsync(deviceTopics(DEVICE)[kind], Buffer.from(seal(type, truncated, deviceKey)), {
        qos: 1,
      });
      expect(await rejected).toMatchObject({ kind, reason: 'Mqtt_Malformed' });
      expect(terminal.stats.toJSON()).toEqual({ [`${kind}:Mqtt_Malformed`]: 1 });
    });
  }
});
