import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BROKER_PACKET_BYTES, startEmbeddedBroker } from '../../firmware-host/link/broker.js';
import { brokerUsername, PAIRING_AUX, pairingPassword } from '../../protocol/link/broker-credentials.js';
import { generateKeyPair } from '../../protocol/link/keys.js';
import { encodePairingMessage } from '../../protocol/link/pairing-messages.js';
import { deviceTopics, pairingTopics } from '../../protocol/link/topics.js';
import { until } from '../../tools/rig/link-fixture.js';
import { closeOpened, DEVICE, nextEvent, open, random, reader } from './pairing-fixture.js';

afterEach(closeOpened);

describe('pairing over the broker: what the broker admits', () => {
  it('gives a pairing connection its pairing topics only, and only inside the window', async () => {
    const s = await reader();
    s.window.open();
    const username = brokerUsername('term', 'probe', PAIRING_AUX);
    const key = generateKeyPair();
    const c = await mqtt.connectAsync(s.url, {
      clientId: username,
      username,
      password: pairingPassword(username, key),
      clean: true,
      reconnectPeriod: 0,
    });
    // MQTT.js rejects a subscription the broker refused (SUBACK 0x80).
    const grant = (filter: string) =>
      c.subscribeAsync(filter, { qos: 1 }).then(
        (g) => g.map((x) => x.qos),
        () => 'refused',
      );
    expect(await grant(pairingTopics(DEVICE).toTerminal)).toEqual([1]);
    expect(await grant('fareader/v1/#')).toBe('refused');
    expect(await grant(deviceTopics(DEVICE).result)).toBe('refused');
    expect(await grant(pairingTopics(DEVICE).toDevice)).toBe('refused');
    // A publication outside the pairing topics makes aedes drop the connection.
    const closed = nextEvent<void>(c, 'close');
    c.publish(deviceTopics(DEVICE).command, Buffer.from('x'), { qos: 0 });
    await closed;
    await c.endAsync(true);
    // Once the window has closed the same login is refused.
    s.window.refuse();
    const late = mqtt.connect(s.url, {
      clientId: username,
      username,
      password: pairingPassword(username, key),
      reconnectPeriod: 0,
    });
    const err = await nextEvent<Error & { code?: number }>(late, 'error');
    expect(err.code).toBe(4);
    await late.endAsync(true);
    // A self-signed password for another key than the one it names is refused too.
    s.window.open();
    const forged = pairingPassword(username, key).replace(
      /^fa1p\.[^.]+/,
      `fa1p.${Buffer.from(generateKeyPair().publicKey).toString('base64url')}`,
    );
    const bad = mqtt.connect(s.url, { clientId: username, username, password: forged, reconnectPeriod: 0 });
    const err2 = await nextEvent<Error & { code?: number }>(bad, 'error');
    expect(err2.code).toBe(4);
    await bad.endAsync(true);
  });

  it('refuses retained and oversized pairing messages, and any packet over the broker limit', async () => {
    const s = await reader();
    s.window.open();
    const username = brokerUsername('term', 'probe', PAIRING_AUX);
    const key = generateKeyPair();
    const login = () =>
      mqtt.connectAsync(s.url, {
        clientId: username,
        username,
        password: pairingPassword(username, key),
        clean: true,
        reconnectPeriod: 0,
      });
    const hello = Buffer.from(
      encodePairingMessage({
        pairingId: random(16),
        step: { kind: 'hello', terminalId: 'probe', terminalKey: key.publicKey },
      }),
    );
    const refusedOn = async (payload: Buffer, retain: boolean): Promise<void> => {
      const c = await login();
      const closed = nextEvent<void>(c, 'close');
      c.publish(pairingTopics(DEVICE).toDevice, payload, { qos: 1, retain });
      await closed;
      await c.endAsync(true);
    };
    await refusedOn(hello, true); // retained
    await refusedOn(Buffer.concat([hello, Buffer.alloc(2000)]), false); // over 1,024 bytes
    await refusedOn(Buffer.alloc(20 * 1024 * 1024, 1), false); // over the broker's packet limit
    expect(s.window.status()).toMatchObject({ phase: 'waiting' });
    expect(s.window.status().terminalId).toBeUndefined();
    // The same hello, not retained, is heard: the refusals were for retain and size.
    const c = await login();
    await c.publishAsync(pairingTopics(DEVICE).toDevice, hello, { qos: 1 });
    await until(() => s.window.status().terminalId === 'probe', 5000, 'the hello');
    await c.endAsync(true);
  });

  it('closes a connection whose packet is announced over its packet limit, whoever sends it', async () => {
    const broker = await startEmbeddedBroker(); // open: no authorizer would see the packet
    open.push(broker);
    const c = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
    const heard: number[] = [];
    c.on('message', (_t, p) => heard.push(p.length));
    await c.subscribeAsync('big/#', { qos: 1 });
    await c.publishAsync('big/small', Buffer.alloc(1024), { qos: 1 });
    await until(() => heard.length === 1);
    const closed = nextEvent<void>(c, 'close');
    c.publish('big/large', Buffer.alloc(MAX_BROKER_PACKET_BYTES + 1), { qos: 1 });
    await closed;
    await c.endAsync(true);
    expect(heard).toEqual([1024]);
  });
});
