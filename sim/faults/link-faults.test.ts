// The link fault decorators do what the faults they replace did, and nothing else.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IClientOptions, MqttClient } from 'mqtt';
import { afterAll, describe, expect, it } from 'vitest';
import { Outbox } from '../../firmware-host/link/outbox.js';
import { keySealer } from '../../platform/keys/envelope-sealer.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { tweetnaclEd25519 } from '../../protocol/link/ed25519.js';
import { open } from '../../protocol/link/envelope.js';
import { generateKeyPair, keyIdHex } from '../../protocol/link/keys.js';
import { counterResetOnOpen, unsignedResults, willless } from './link-faults.js';

const T = fareader.v1.PayloadType;
const dir = mkdtempSync(join(tmpdir(), 'fareader-link-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('unsignedResults', () => {
  const key = generateKeyPair();
  const sealer = unsignedResults(keySealer(key, tweetnaclEd25519));
  const payload = Uint8Array.of(8, 1, 18, 2, 104, 105);

  it('emits a result as an envelope with only its type and payload (the bytes the old fault sent)', () => {
    const bytes = sealer.seal(T.PAYLOAD_TYPE_VERIFICATION_RESULT, payload);
    const old = fareader.v1.SignedEnvelope.encode({
      payloadType: T.PAYLOAD_TYPE_VERIFICATION_RESULT,
      payload,
    }).finish();
    expect(bytes).toEqual(old);
    expect(() => open(bytes, () => key.publicKey)).toThrow(/no signature/);
  });

  it('signs everything else', () => {
    const bytes = sealer.seal(T.PAYLOAD_TYPE_DEVICE_STATE, payload);
    const trust = (id: string) => (id === keyIdHex(key.publicKey) ? key.publicKey : undefined);
    expect(new Uint8Array(open(bytes, trust, T.PAYLOAD_TYPE_DEVICE_STATE).payload)).toEqual(payload);
  });
});

describe('willless', () => {
  it('connects with the options it was given, minus the Will', () => {
    const seen: IClientOptions[] = [];
    const connect = willless((_url, options) => {
      seen.push(options);
      return {} as MqttClient;
    });
    connect('mqtt://x', {
      clientId: 'dev-a',
      will: { topic: 't', payload: Buffer.of(1), qos: 1, retain: true },
    });
    expect(seen).toEqual([{ clientId: 'dev-a', will: undefined }]);
  });
});

describe('counterResetOnOpen', () => {
  it('counts again from 1 over a stored counter, and acknowledges the rows it stored', () => {
    const path = join(dir, 'outbox.sqlite');
    const before = new Outbox(path);
    for (let i = 0; i < 3; i++) before.enqueue(`s${i}`, () => Uint8Array.of(i), 0);
    before.ack([1n, 2n, 3n]);
    before.close();

    const inner = new Outbox(path);
    const outbox = counterResetOnOpen(inner);
    expect(outbox.lastCounter).toBe(0n);
    const built: bigint[] = [];
    const row = outbox.enqueue(
      's3',
      (c) => {
        built.push(c);
        return Uint8Array.of(9);
      },
      0,
    );
    expect(row.counter).toBe(1n);
    expect(built).toEqual([1n]);
    expect(outbox.pendingAfter(0n, 10).map((r) => r.counter)).toEqual([1n]);
    expect(inner.lastCounter).toBe(4n); // what is stored is not lost
    expect(outbox.ack([1n])).toBe(1);
    expect(outbox.pendingCount).toBe(0);
    outbox.close();
  });
});
