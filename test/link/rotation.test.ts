// Key rotation (SPEC 15.6) on a real Mosquitto: a reader announces its next key in a birth
// signed by its current one and switches mid-stream; every result reaches the terminal once,
// those in the outbox signed by the old key and the new ones by the new key; a restarted
// terminal still trusts the new key; an announcement signed by an untrusted key changes nothing.
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
import { type LinkKeys, makeLinkKeys, until } from '../../tools/rig/link-fixture.js';
import { makeTerminal, quietLog } from '../../tools/rig/link-pair.js';
import { Mosquitto } from '../../tools/rig/mosquitto.js';
import { missing } from '../helpers/system.js';

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
});
