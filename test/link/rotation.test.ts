// Key rotation (SPEC 15.6) on a real Mosquitto: a reader announces its next key in a birth
// signed by its current one and switches mid-stream; every result reaches the terminal once,
// those in the outbox signed by the old key and the new ones by the new key; a restarted
// terminal still trusts the new key; an announcement signed by an untrusted key changes nothing.
// The overlap ends by itself once the new key's first result and every old-key result are in;
// a key that was already replaced cannot announce another; untrusting by hand lasts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceLink } from '../../firmware-host/link/device-link.js';
import { Outbox } from '../../firmware-host/link/outbox.js';
import { linkTestResult } from '../../firmware-host/link-test.js';
import { loadTrustDir } from '../../platform/keys/keystore.js';
import { connectMqtt } from '../../platform/link/mqtt-client.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { tweetnaclEd25519 } from '../../protocol/link/ed25519.js';
import { seal } from '../../protocol/link/envelope.js';
import { generateKeyPair, type KeyPair, keyIdHex } from '../../protocol/link/keys.js';
import { deviceTopics } from '../../protocol/link/topics.js';
import { terminal as readerctlTerminal } from '../../tools/cli/terminal.js';
import { type LinkKeys, makeLinkKeys, until } from '../../tools/rig/link-fixture.js';
import { makeTerminal, quietLog } from '../../tools/rig/link-pair.js';
import { Mosquitto } from '../../tools/rig/mosquitto.js';
import { missing } from '../helpers/system.js';

async function captureStdout(f: () => Promise<number>): Promise<{ code: number; text: string }> {
  const write = process.stdout.write.bind(process.stdout);
  let text = '';
  process.stdout.write = ((chunk: string) => {
    text += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    return { code: await f(), text };
  } finally {
    process.stdout.write = write;
  }
}

const noMosquitto = missing('mosquitto', 'mosquitto');
let keys: LinkKeys | undefined;
let broker: Mosquitto | undefined;
afterEach(async () => {
  await broker?.stop();
  keys?.cleanup();
});

function device(k: LinkKeys, url: string, key: KeyPair): DeviceLink {
  return new DeviceLink({
    deviceId: k.deviceId,
    broker: { url },
    key,
    trustedTerminals: loadTrustDir(k.trustTerminalsDir),
    outbox: new Outbox(join(k.dir, 'outbox.sqlite')),
    firmwareVersion: '0.0.0-test',
    capabilities: ['link-test'],
    log: quietLog,
    ackTimeoutMs: 1000,
    connect: connectMqtt,
  });
}

function signersByCounter(k: LinkKeys): Map<number, string> {
  const dir = join(k.dir, 'terminal', 'results', k.deviceId);
  const out = new Map<number, string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const rec = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { counter: string; keyId: string };
    out.set(Number(rec.counter), rec.keyId);
  }
  return out;
}

describe.skipIf(noMosquitto)('key rotation', () => {
  it('keeps results flowing across a rotation, and the terminal keeps trusting the new key', async () => {
    keys = makeLinkKeys();
    broker = await Mosquitto.start(keys.dir);
    let terminal = makeTerminal(keys, broker.url);
    const rotated: unknown[] = [];
    terminal.on('key-rotated', (r) => rotated.push(r));
    const untrusted: unknown[] = [];
    terminal.on('key-untrusted', (r) => untrusted.push(r));
    await terminal.start();
    const old = keys.deviceKey;
    const next = generateKeyPair();
    let link = device(keys, broker.url, old);
    await link.start();
    // Results published just before the rotation are still in flight, signed by the old key,
    // when the new ones signed by the new key follow.
    for (let i = 0; i < 60; i++) {
      if (i === 30) link.rotateKey(next);
      link.publishResult(linkTestResult(`s${i}`, new Uint8Array(), Date.now()));
      await new Promise((r) => setTimeout(r, 5));
    }
    await until(() => terminal.acceptedCount(keys!.deviceId) === 60 && link.outbox.pendingCount === 0);
    expect(terminal.accepted).toBe(60);
    expect(rotated).toEqual([{ deviceId: keys.deviceId, keyId: keyIdHex(next.publicKey) }]);
    const signers = signersByCounter(keys);
    expect(signers.get(1)).toBe(keyIdHex(old.publicKey));
    expect(signers.get(30)).toBe(keyIdHex(old.publicKey));
    expect(signers.get(31)).toBe(keyIdHex(next.publicKey));
    expect(signers.get(60)).toBe(keyIdHex(next.publicKey));
    expect(link.stats.toJSON()['state:foreign']).toBeUndefined(); // the announcement is ours
    // Every old-key result is in and the new key signed one: the old key is trusted no more.
    expect(untrusted).toEqual([{ deviceId: keys.deviceId, keyId: keyIdHex(old.publicKey) }]);
    expect(terminal.trustedKeyIds(keys.deviceId)).toEqual([keyIdHex(next.publicKey)]);
    await link.stop(0);
    link.outbox.close();

    // Restarted, with only the old key in its trust folder, the terminal still trusts the new one.
    await terminal.stop();
    terminal = makeTerminal(keys, broker.url);
    await terminal.start();
    link = device(keys, broker.url, next);
    await link.start();
    link.publishResult(linkTestResult('after-restart', new Uint8Array(), Date.now()));
    await until(() => terminal.acceptedCount(keys!.deviceId) === 61 && link.outbox.pendingCount === 0);
    // The old key's overlap ended before the restart and stays ended, its file notwithstanding.
    expect(terminal.trustedKeyIds(keys.deviceId)).toEqual([keyIdHex(next.publicKey)]);

    // Someone else announcing a key for this device: refused before it is read.
    const stranger = generateKeyPair();
    const forged = fareader.v1.DeviceState.encode({
      deviceId: keys.deviceId,
      online: true,
      bdSeq: 99,
      nextPublicKey: stranger.publicKey,
    }).finish();
    const spy = await mqtt.connectAsync(broker.url, { clientId: 'rotation-spy' });
    await spy.publishAsync(
      deviceTopics(keys.deviceId).state,
      Buffer.from(
        seal(fareader.v1.PayloadType.PAYLOAD_TYPE_DEVICE_STATE, forged, stranger, tweetnaclEd25519),
      ),
      { qos: 1 },
    );
    await until(() => (terminal.stats.toJSON()['state:Mqtt_UnknownKey'] ?? 0) > 0);
    await spy.endAsync();
    expect(rotated).toHaveLength(1);
    await link.stop(0);
    link.outbox.close();
    await terminal.stop();
  }, 60_000);

  it('refuses a second announcement by a replaced key; untrusting by hand lasts across restarts', async () => {
    keys = makeLinkKeys();
    broker = await Mosquitto.start(keys.dir);
    let terminal = makeTerminal(keys, broker.url);
    const rotated: { keyId: string }[] = [];
    terminal.on('key-rotated', (r) => rotated.push(r));
    await terminal.start();
    const spy = await mqtt.connectAsync(broker.url, { clientId: 'rotation-announcer' });
    let bdSeq = 1;
    const announce = (signer: KeyPair, nextKey: KeyPair) =>
      spy.publishAsync(
        deviceTopics(keys!.deviceId).state,
        Buffer.from(
          seal(
            fareader.v1.PayloadType.PAYLOAD_TYPE_DEVICE_STATE,
            fareader.v1.DeviceState.encode({
              deviceId: keys!.deviceId,
              online: true,
              bdSeq: bdSeq++,
              nextPublicKey: nextKey.publicKey,
            }).finish(),
            signer,
            tweetnaclEd25519,
          ),
        ),
        { qos: 1 },
      );
    const refused = () => terminal.stats.toJSON()['state:Mqtt_UnknownKey'] ?? 0;
    const k0 = keys.deviceKey;
    const k1 = generateKeyPair();
    const k2 = generateKeyPair();
    const fork = generateKeyPair();
    await announce(k0, k1);
    await until(() => rotated.length === 1);
    // k0 is still trusted (overlap), but it already named its successor: a fork is refused.
    await announce(k0, fork);
    await until(() => refused() === 1);
    expect(rotated.map((r) => r.keyId)).toEqual([keyIdHex(k1.publicKey)]);
    await announce(k1, k2); // a second rotation
    await until(() => rotated.length === 2);
    expect(terminal.trustedKeyIds(keys.deviceId).sort()).toEqual(
      [k0, k1, k2].map((k) => keyIdHex(k.publicKey)).sort(),
    );
    // Ending the overlap by hand: k0 through the API, the intermediate k1 with
    // `readerctl terminal untrust` beside the running terminal, which refuses it at once.
    terminal.untrustKey(keys.deviceId, keyIdHex(k0.publicKey));
    expect(() => terminal.untrustKey(keys!.deviceId, keyIdHex(k0.publicKey))).toThrow(/not trusted/);
    const out = await captureStdout(() =>
      readerctlTerminal([
        'untrust',
        '--data',
        join(keys!.dir, 'terminal'),
        '--device',
        keys!.deviceId,
        '--key-id',
        keyIdHex(k1.publicKey),
      ]),
    );
    expect(out).toEqual({
      code: 0,
      text: `${keys.deviceId}: key ${keyIdHex(k1.publicKey)} no longer trusted\n`,
    });
    expect(terminal.trustedKeyIds(keys.deviceId)).toEqual([keyIdHex(k2.publicKey)]);
    await announce(k1, fork);
    await until(() => refused() === 2);
    await terminal.stop();

    // Restarted: only k2 is trusted, although k0's file is still in the trust folder and k1
    // lives only in the store; what k1 signs now is refused.
    terminal = makeTerminal(keys, broker.url);
    await terminal.start();
    expect(terminal.trustedKeyIds(keys.deviceId)).toEqual([keyIdHex(k2.publicKey)]);
    await announce(k1, fork);
    await until(() => refused() === 1);
    await spy.endAsync();
    await terminal.stop();
  }, 60_000);
});
