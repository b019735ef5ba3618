import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/log.js';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import { brokerUsername, PAIRING_AUX, pairingPassword } from '../../protocol/link/broker-credentials.js';
import { tweetnaclEd25519 } from '../../protocol/link/ed25519.js';
import { generateKeyPair, keyIdHex } from '../../protocol/link/keys.js';
import {
  decodePairingMessage,
  encodePairingMessage,
  type PairingStep,
  signPairingStep,
} from '../../protocol/link/pairing-messages.js';
import { pairingTopics } from '../../protocol/link/topics.js';
import { DevicePairing, TerminalPairing } from '../../protocol/pairing.js';
import { until } from '../../tools/rig/link-fixture.js';
import {
  closeOpened,
  DEVICE,
  nextEvent,
  nothingTrusted,
  open,
  pairFromTerminal,
  random,
  reader,
} from './pairing-fixture.js';

afterEach(closeOpened);

/**
 * A broker that relays every pairing message through a party in the middle (the test's own
 * aedes, rewriting publications as they pass): toward the device it is a terminal with its own
 * key, toward the terminal a device with its own key, each side running the protocol honestly.
 */
async function relayBroker(): Promise<{
  url: string;
  codes: { device?: string; terminal?: string };
  close(): Promise<void>;
}> {
  const m1 = generateKeyPair(); // what the device is told the terminal's key is
  const m2 = generateKeyPair(); // what the terminal is told the device's key is
  let asTerminal: TerminalPairing | undefined; // the relay's pairing with the device
  let asDevice: DevicePairing | undefined; // the relay's pairing with the terminal
  let hello: { terminalId: string; terminalKey: Uint8Array } | undefined;
  let nonceToDevice: Uint8Array | undefined;
  let nonceToTerminal: Uint8Array | undefined;
  const codes: { device?: string; terminal?: string } = {};
  const t = pairingTopics(DEVICE);
  // Toward the device the relay is a terminal with key m1: it signs the terminal's later steps
  // with m1, as an honest terminal signs with its own (SPEC 15.10).
  const resign = (pairingId: Uint8Array, step: PairingStep): Uint8Array | undefined =>
    step.kind === 'terminal-nonce' || step.kind === 'abort'
      ? signPairingStep(tweetnaclEd25519, m1.secretKey, pairingId, step)
      : step.kind === 'confirm'
        ? signPairingStep(tweetnaclEd25519, m1.secretKey, pairingId, step, codes.device)
        : undefined;
  const rewrite = (step: PairingStep): PairingStep => {
    switch (step.kind) {
      case 'hello':
        hello = { terminalId: step.terminalId, terminalKey: step.terminalKey };
        asTerminal = new TerminalPairing(step.terminalId, m1.publicKey, random(16));
        asDevice = new DevicePairing(DEVICE, m2.publicKey, random(16));
        return { ...step, terminalKey: m1.publicKey };
      case 'commit': {
        nonceToDevice = asTerminal!.committed(step.deviceId, step.deviceKey, step.commitment);
        const c = asDevice!.hello(hello!.terminalId, hello!.terminalKey);
        return { kind: 'commit', deviceId: DEVICE, deviceKey: m2.publicKey, commitment: c.commitment };
      }
      case 'terminal-nonce':
        nonceToTerminal = asDevice!.reveal(step.nonce);
        codes.terminal = asDevice!.code();
        return { kind: 'terminal-nonce', nonce: nonceToDevice! };
      case 'device-nonce':
        asTerminal!.revealed(step.nonce);
        codes.device = asTerminal!.code();
        return { kind: 'device-nonce', nonce: nonceToTerminal! };
      default:
        return step;
    }
  };
  const aedes = await Aedes.createBroker({
    authorizePublish: (_client, packet, done) => {
      if (packet.topic === t.toDevice || packet.topic === t.toTerminal) {
        try {
          const m = decodePairingMessage(new Uint8Array(packet.payload as Buffer));
          const step = rewrite(m.step);
          const signature = packet.topic === t.toDevice ? resign(m.pairingId, step) : undefined;
          packet.payload = Buffer.from(encodePairingMessage({ pairingId: m.pairingId, step, signature }));
        } catch {
          // Not a step the relay follows: passed on as it is.
        }
      }
      done(null);
    },
  });
  const server: Server = createServer((sock) => aedes.handle(sock));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  return {
    url: `mqtt://127.0.0.1:${port}`,
    codes,
    close: async () => {
      await new Promise<void>((r) => aedes.close(() => r()));
      server.close();
    },
  };
}

/** Eve: a third party with a self-made key and a pairing login of her own (SPEC 15.10). */
async function eveOn(url: string) {
  const username = brokerUsername('term', 'eve', PAIRING_AUX);
  const eve = await mqtt.connectAsync(url, {
    clientId: username,
    username,
    password: pairingPassword(username, generateKeyPair()),
    clean: true,
    reconnectPeriod: 0,
  });
  // She reads the device's answers, so she learns the pairing id of the terminal's attempt.
  const ids: Uint8Array[] = [];
  eve.on('message', (_t, payload) => {
    try {
      ids.push(decodePairingMessage(new Uint8Array(payload)).pairingId);
    } catch {}
  });
  await eve.subscribeAsync(pairingTopics(DEVICE).toTerminal, { qos: 1 });
  return { eve, ids };
}

describe('a third party with a pairing login of its own', () => {
  const forge = (pairingId: Uint8Array) =>
    Buffer.from(encodePairingMessage({ pairingId, step: { kind: 'confirm' } }));

  it("cannot confirm for the terminal on a broker that relays it (Mosquitto's case): the device checks the signature", async () => {
    // An open broker, as a site broker whose ACL lets every pairing login write to-device.
    const aedes = await Aedes.createBroker();
    const server = createServer((sock) => aedes.handle(sock)).listen(0, '127.0.0.1');
    await once(server, 'listening');
    open.push({
      close: async () => {
        await new Promise<void>((r) => aedes.close(() => r()));
        server.close();
      },
    });
    const url = `mqtt://127.0.0.1:${(server.address() as { port: number }).port}`;
    const warnings: string[] = [];
    const log = createLogger('test', { level: 'warn', format: 'json', write: (l) => warnings.push(l) });
    const s = await reader(url, undefined, log);
    s.window.open();
    const { eve, ids } = await eveOn(url);
    open.push({ close: () => eve.endAsync(true) });
    const outcome = await pairFromTerminal(s, async () => {
      // The reader's staff confirm; then Eve forges the terminal's confirm (and an abort)...
      s.window.confirm();
      const id = ids.at(-1)!;
      await eve.publishAsync(pairingTopics(DEVICE).toDevice, forge(id), { qos: 1 });
      await until(() => warnings.some((w) => w.includes('pairing step refused')), 5000, 'the forged confirm');
      // ...which the reader did not count: the terminal has not confirmed.
      expect(s.window.status()).toMatchObject({ phase: 'comparing', confirmedThere: false });
      // The terminal's staff then refuse.
      return false;
    }).catch((e) => e);
    expect(isReaderError(outcome, ErrorCode.Mqtt_PairingEnded)).toBe(true);
    await until(() => s.window.status().phase === 'ended');
    expect(s.window.status().reason).toMatch(/refused on the terminal/);
    nothingTrusted(s);
  });

  it("is refused by the embedded broker: no step of another client's pairing id, no hello with a key it did not prove", async () => {
    const s = await reader();
    s.window.open();
    const { eve, ids } = await eveOn(s.url);
    const outcome = await pairFromTerminal(s, async () => {
      s.window.confirm();
      // The broker refuses Eve's step for the terminal's pairing id (aedes drops her connection).
      const closed = nextEvent<void>(eve, 'close');
      eve.publish(pairingTopics(DEVICE).toDevice, forge(ids.at(-1)!), { qos: 1 });
      await closed;
      expect(s.window.status()).toMatchObject({ phase: 'comparing', confirmedThere: false });
      return false;
    }).catch((e) => e);
    await eve.endAsync(true);
    expect(isReaderError(outcome, ErrorCode.Mqtt_PairingEnded)).toBe(true);
    await until(() => s.window.status().phase === 'ended');
    nothingTrusted(s);

    // A hello claiming another id, or another key than the one its login proved, is refused.
    s.window.open();
    for (const step of [
      { kind: 'hello' as const, terminalId: 'terminal-1', terminalKey: s.terminalKey.publicKey },
      { kind: 'hello' as const, terminalId: 'eve', terminalKey: s.terminalKey.publicKey },
    ]) {
      const again = await eveOn(s.url);
      const closed = nextEvent<void>(again.eve, 'close');
      again.eve.publish(
        pairingTopics(DEVICE).toDevice,
        Buffer.from(encodePairingMessage({ pairingId: random(16), step })),
        { qos: 1 },
      );
      await closed;
      await again.eve.endAsync(true);
    }
    expect(s.window.status()).toMatchObject({ phase: 'waiting' });
    expect(s.window.status().terminalId).toBeUndefined();
  });
});

describe('a relay on the broker', () => {
  it('substituting both keys gets different codes on the two sides, and is refused', async () => {
    const relay = await relayBroker();
    open.push(relay);
    const s = await reader(relay.url);
    s.window.open();
    let terminalCode = '';
    const outcome = await pairFromTerminal(s, async (code) => {
      terminalCode = code;
      const shown = s.window.status();
      // What the staff see: each side a code, and another key than the real one.
      expect(shown.phase).toBe('comparing');
      expect(shown.terminalKeyId).not.toBe(keyIdHex(s.terminalKey.publicKey));
      expect(shown.code).not.toBe(code);
      // They differ: the staff refuse on the reader, and the terminal's staff say no.
      s.window.refuse();
      return false;
    }).catch((e) => e);
    expect(isReaderError(outcome, ErrorCode.Mqtt_PairingEnded)).toBe(true);
    // The relay computed the codes it made each side show: different.
    expect(relay.codes.terminal).toBe(terminalCode);
    expect(relay.codes.device).toBe(s.window.status().code);
    expect(relay.codes.device).not.toBe(relay.codes.terminal);
    nothingTrusted(s);
  });

  it('a relay that only rewrites a key in flight is refused by the commitment', async () => {
    // The simplest substitution: the hello's key rewritten toward the device, nothing else.
    const s0 = await reader();
    const m = generateKeyPair();
    const t = pairingTopics(DEVICE);
    const aedes = await Aedes.createBroker({
      authorizePublish: (_c, packet, done) => {
        if (packet.topic === t.toDevice) {
          const msg = decodePairingMessage(new Uint8Array(packet.payload as Buffer));
          if (msg.step.kind === 'hello')
            packet.payload = Buffer.from(
              encodePairingMessage({
                pairingId: msg.pairingId,
                step: { ...msg.step, terminalKey: m.publicKey },
              }),
            );
          // It signs the terminal's later steps with m as well, so the device acts on them (15.10).
          else if (msg.step.kind === 'terminal-nonce' || msg.step.kind === 'abort')
            packet.payload = Buffer.from(
              encodePairingMessage({
                ...msg,
                signature: signPairingStep(tweetnaclEd25519, m.secretKey, msg.pairingId, msg.step),
              }),
            );
        }
        done(null);
      },
    });
    const server = createServer((sock) => aedes.handle(sock)).listen(0, '127.0.0.1');
    await once(server, 'listening');
    open.push({
      close: async () => {
        await new Promise<void>((r) => aedes.close(() => r()));
        server.close();
      },
    });
    await s0.link.stop(0);
    const s = await reader(`mqtt://127.0.0.1:${(server.address() as { port: number }).port}`);
    s.window.open();
    let asked = false;
    const outcome = await pairFromTerminal(s, async () => {
      asked = true;
      return true;
    }).catch((e) => e);
    expect(isReaderError(outcome, ErrorCode.Mqtt_PairingEnded)).toBe(true);
    expect((outcome as Error).message).toMatch(/does not open its commitment/);
    expect(asked).toBe(false); // no code was shown for a pairing that cannot be right
    await until(() => s.window.status().phase === 'ended');
    nothingTrusted(s);
  });
});
