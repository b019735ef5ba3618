// What the MQTT handler targets share: an in-process embedded broker with the device link and
// the reference terminal on it (as test/link-*.test.ts build them), the handlers' own client
// to inject messages on (the 'message' event the broker's deliveries raise), and hostile
// payloads: garbage, envelopes by untrusted keys, and envelopes a trusted key signed over
// structured messages with fields anywhere in their range.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { MqttClient } from 'mqtt';
import { type EmbeddedBroker, startEmbeddedBroker } from '../../firmware-host/link/broker.js';
import type { DeviceLink } from '../../firmware-host/link/device-link.js';
import { LinkTestService } from '../../firmware-host/link-test.js';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { addTrusted } from '../../platform/keys/keystore.js';
import { connectMqtt, type MqttClientFactory } from '../../platform/link/mqtt-client.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { PayloadType, seal } from '../../protocol/link/envelope.js';
import type { KeyPair } from '../../protocol/link/keys.js';
import { keyPairFromSeed } from '../../protocol/link/keys.js';
import { toLong } from '../../protocol/link/u64.js';
import type { LinkKeys } from '../rig/link-fixture.js';
import { makeDevice, makeTerminal } from '../rig/link-pair.js';
import type { ReferenceTerminal } from '../terminal/terminal.js';
import { garbage, mutated, nastyString } from './arbitraries.js';
import { protobufWire } from './protobuf-wire.js';

const v1 = fareader.v1;

export interface LinkRig {
  readonly keys: LinkKeys;
  readonly broker: EmbeddedBroker;
  readonly device: DeviceLink;
  readonly terminal: ReferenceTerminal;
  close(): Promise<void>;
}

/** Fixed keys, so that a corpus file's signed envelopes replay as they were found. */
export const deviceKey: KeyPair = keyPairFromSeed(new Uint8Array(32).fill(0x11));
export const terminalKey: KeyPair = keyPairFromSeed(new Uint8Array(32).fill(0x22));

function fixedKeys(deviceId = 'reader-01'): LinkKeys {
  // On tmpfs when there is one: the outbox and the terminal store fsync each commit, and a
  // fuzz run commits thousands a second (the handlers, not the disk, are under test).
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'fareader-fuzz-'));
  const trustDevicesDir = join(dir, 'trust-devices');
  const trustTerminalsDir = join(dir, 'trust-terminals');
  addTrusted(trustDevicesDir, deviceId, deviceKey.publicKey);
  addTrusted(trustTerminalsDir, 'terminal-1', terminalKey.publicKey);
  return {
    dir,
    deviceId,
    deviceKey,
    deviceKeyFile: '',
    terminalKey,
    terminalKeyFile: '',
    trustDevicesDir,
    trustTerminalsDir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function startLinkRig(): Promise<LinkRig> {
  const keys = fixedKeys();
  const broker = await startEmbeddedBroker();
  const deviceClient = capturing();
  const device = makeDevice(keys, broker.url, { ackTimeoutMs: 600_000, connect: deviceClient.connect });
  clients.set(device, deviceClient);
  device.onCommand = new LinkTestService(device).onCommand;
  const terminalClient = capturing();
  const terminal = makeTerminal(keys, broker.url, terminalClient.connect);
  clients.set(terminal, terminalClient);
  await terminal.start();
  await device.start();
  return {
    keys,
    broker,
    device,
    terminal,
    async close() {
      await device.stop(0);
      await terminal.stop();
      await broker.close();
      device.outbox.close();
      keys.cleanup();
    },
  };
}

/** The real client factory, keeping the client it made (the link ends take the factory). */
function capturing(): { connect: MqttClientFactory; client?: MqttClient } {
  const held: { connect: MqttClientFactory; client?: MqttClient } = {
    connect: (url, options) => {
      held.client = connectMqtt(url, options);
      return held.client;
    },
  };
  return held;
}

const clients = new WeakMap<DeviceLink | ReferenceTerminal, { client?: MqttClient }>();

/** The MQTT client a link end created in start(): its 'message' event is what the broker raises. */
export function clientOf(end: DeviceLink | ReferenceTerminal): MqttClient {
  const c = clients.get(end)?.client;
  if (!c) throw new Error('the link end has no client: was it made by startLinkRig and started?');
  return c;
}

export const untrusted: KeyPair = keyPairFromSeed(new Uint8Array(32).fill(0x66));

const u64 = fc.oneof(
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  fc.constantFrom(0n, 1n, (1n << 63n) - 1n, 1n << 63n, (1n << 64n) - 1n, 8_640_000_000_000_001n),
);
/** Times near now (accepted), or anywhere. */
export const timeMs = (now: () => number): fc.Arbitrary<bigint> =>
  fc.oneof(
    fc.integer({ min: -40_000, max: 40_000 }).map((d) => BigInt(Math.max(0, now() + d))),
    u64,
  );
const id = (usual: string): fc.Arbitrary<string> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(usual) }, nastyString);

/** Payload bytes of the message types a device receives, fields anywhere in their range. */
export function deviceBound(deviceId: string, now: () => number): fc.Arbitrary<[PayloadType, Uint8Array]> {
  const command = fc
    .record({
      commandId: fc.oneof(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.uint8Array({ maxLength: 40 })),
      deviceId: id(deviceId),
      issuedAtMs: timeMs(now),
      terminalId: id('terminal-1'),
      sequence: u64,
      body: fc.oneof(
        fc.record({ startSession: fc.record({ nonce: fc.uint8Array({ maxLength: 40 }) }) }),
        fc.record({ cancelSession: fc.record({ sessionId: nastyString }) }),
        fc.record({ setMode: fc.record({ mode: fc.integer({ min: -1, max: 6 }), staffId: nastyString }) }),
        fc.record({
          visualCheckDecision: fc.record({
            sessionId: nastyString,
            confirmed: fc.boolean(),
            staffId: nastyString,
          }),
        }),
        fc.constant({ rebirth: {} }),
        fc.constant({}),
      ),
    })
    .map(({ body, issuedAtMs, sequence, ...c }) =>
      v1.Command.encode({
        ...c,
        ...body,
        issuedAtMs: toLong(issuedAtMs),
        sequence: toLong(sequence),
      }).finish(),
    );
  const ack = fc
    .record({
      deviceId: id(deviceId),
      counter: fc.oneof(fc.bigInt({ min: 0n, max: 5n }), u64),
      sessionId: nastyString,
      duplicate: fc.boolean(),
      timeMs: timeMs(now),
      terminalId: id('terminal-1'),
    })
    .map(({ counter, timeMs: t, ...a }) =>
      v1.ResultAck.encode({ ...a, counter: toLong(counter), timeMs: toLong(t) }).finish(),
    );
  const state = fc
    .record({ terminalId: id('terminal-1'), online: fc.boolean(), timeMs: timeMs(now) })
    .map(({ timeMs: t, ...s }) => v1.TerminalState.encode({ ...s, timeMs: toLong(t) }).finish());
  return fc.oneof(
    command.map((b): [PayloadType, Uint8Array] => [PayloadType.PAYLOAD_TYPE_COMMAND, b]),
    ack.map((b): [PayloadType, Uint8Array] => [PayloadType.PAYLOAD_TYPE_RESULT_ACK, b]),
    state.map((b): [PayloadType, Uint8Array] => [PayloadType.PAYLOAD_TYPE_TERMINAL_STATE, b]),
    fc.tuple(fc.integer({ min: 0, max: 9 }), protobufWire) as fc.Arbitrary<[PayloadType, Uint8Array]>,
  );
}

/** Payload bytes of the message types a terminal receives. */
export function terminalBound(deviceId: string, now: () => number): fc.Arbitrary<[PayloadType, Uint8Array]> {
  const result = fc
    .record({
      sessionId: nastyString,
      deviceId: id(deviceId),
      counter: fc.oneof(fc.bigInt({ min: 1n, max: 1_000_000n }), u64),
      terminalNonce: fc.oneof(fc.constant(new Uint8Array()), fc.uint8Array({ maxLength: 32 })),
      method: fc.integer({ min: -1, max: 5 }),
      outcome: fc.integer({ min: -1, max: 8 }),
      startedAtMs: timeMs(now),
      finishedAtMs: timeMs(now),
      detail: nastyString,
      linkTest: fc.boolean(),
    })
    .map(({ counter, startedAtMs, finishedAtMs, ...r }) =>
      v1.VerificationResult.encode({
        ...r,
        counter: toLong(counter),
        startedAtMs: toLong(startedAtMs),
        finishedAtMs: toLong(finishedAtMs),
      }).finish(),
    );
  const state = fc
    .record({
      deviceId: id(deviceId),
      online: fc.boolean(),
      bdSeq: u64,
      timeMs: timeMs(now),
      lastCounter: u64,
    })
    .map(({ bdSeq, timeMs: t, lastCounter, ...s }) =>
      v1.DeviceState.encode({
        ...s,
        bdSeq: toLong(bdSeq),
        timeMs: toLong(t),
        lastCounter: toLong(lastCounter),
      }).finish(),
    );
  const response = fc
    .record({
      commandId: fc.uint8Array({ maxLength: 20 }),
      deviceId: id(deviceId),
      status: fc.integer({ min: -1, max: 16 }),
      detail: nastyString,
      timeMs: timeMs(now),
    })
    .map(({ timeMs: t, ...r }) => v1.CommandResponse.encode({ ...r, timeMs: toLong(t) }).finish());
  return fc.oneof(
    result.map((b): [PayloadType, Uint8Array] => [PayloadType.PAYLOAD_TYPE_VERIFICATION_RESULT, b]),
    state.map((b): [PayloadType, Uint8Array] => [PayloadType.PAYLOAD_TYPE_DEVICE_STATE, b]),
    response.map((b): [PayloadType, Uint8Array] => [PayloadType.PAYLOAD_TYPE_COMMAND_RESPONSE, b]),
    fc.tuple(fc.integer({ min: 0, max: 9 }), protobufWire) as fc.Arbitrary<[PayloadType, Uint8Array]>,
  );
}

/** Envelopes over those payloads: by the trusted key (mostly), an untrusted one, mutated, or garbage. */
export function envelopes(
  payloads: fc.Arbitrary<[PayloadType, Uint8Array]>,
  trustedKey: () => KeyPair,
): fc.Arbitrary<Uint8Array> {
  const signed = fc
    .tuple(payloads, fc.nat({ max: 9 }))
    .map(([[type, payload], k]) => seal(type, payload, k === 0 ? untrusted : trustedKey(), opensslEd25519));
  return fc.oneof(
    { weight: 6, arbitrary: signed },
    { weight: 2, arbitrary: mutated(signed) },
    { weight: 2, arbitrary: garbage(300) },
  );
}
