// The terminal's side of pairing (SPEC 15.1–15.3, 15.8), run by `readerctl terminal pair`:
// connects with its pairing credentials (admitted by the reader's broker only inside a pairing
// window), says hello until the device commits, sends its nonce, checks that the device's
// nonce opens the commitment, shows the code and asks the staff. The device's key is written
// to the trust folder only when the staff here confirmed and the device's confirmation came.
import type { MqttClient } from 'mqtt';
import { addTrusted, type TrustedKey } from '../../platform/keys/keystore.js';
import type { MqttClientFactory } from '../../platform/link/mqtt-client.js';
import { type BrokerSettings, brokerUrls, mqttClientOptions } from '../../platform/link/mqtt-options.js';
import type { Logger } from '../../platform/log.js';
import { bytesEqual } from '../../protocol/bytes.js';
import { ErrorCode, isReaderError, ReaderError } from '../../protocol/errors.js';
import { brokerUsername, PAIRING_AUX, pairingPassword } from '../../protocol/link/broker-credentials.js';
import { type Ed25519, tweetnaclEd25519 } from '../../protocol/link/ed25519.js';
import { type KeyPair, keyIdHex } from '../../protocol/link/keys.js';
import {
  decodePairingMessage,
  encodePairingMessage,
  PAIRING_ID_BYTES,
  type PairingStep,
  signPairingStep,
} from '../../protocol/link/pairing-messages.js';
import { pairingTopics } from '../../protocol/link/topics.js';
import { PAIRING_NONCE_BYTES, TerminalPairing } from '../../protocol/pairing.js';

export const DEFAULT_PAIR_TIMEOUT_MS = 120_000;
/** The hello is repeated this often until the device commits (its window may open late). */
const HELLO_EVERY_MS = 2000;

export interface PairRequest {
  readonly terminalId: string;
  readonly key: KeyPair;
  readonly deviceId: string;
  readonly broker: BrokerSettings;
  readonly connect: MqttClientFactory;
  /** Where the device's key is written (`<device id>.pem`), once both sides confirmed. */
  readonly trustDir: string;
  /** Shows the code and asks the staff; resolves true for "the reader shows the same code". */
  readonly confirm: (code: string, deviceKeyId: string, signal: AbortSignal) => Promise<boolean>;
  readonly random: (n: number) => Uint8Array;
  readonly log: Logger;
  readonly timeoutMs?: number;
  readonly ed?: Ed25519;
}

export interface Paired {
  readonly deviceId: string;
  readonly keyId: string;
  readonly code: string;
  readonly trusted: TrustedKey;
}

const ended = (why: string): ReaderError => new ReaderError(ErrorCode.Mqtt_PairingEnded, why);

/** Runs one pairing; resolves once the device's key is trusted, else throws a ReaderError. */
export async function pairWithDevice(r: PairRequest): Promise<Paired> {
  const topics = pairingTopics(r.deviceId);
  const pairingId = r.random(PAIRING_ID_BYTES);
  const pairing = new TerminalPairing(r.terminalId, r.key.publicKey, r.random(PAIRING_NONCE_BYTES));
  const username = brokerUsername('term', r.terminalId, PAIRING_AUX);
  const options = mqttClientOptions(r.broker, username, {
    username,
    password: pairingPassword(username, r.key, r.ed),
  });
  // Nothing of a pairing outlives it on the broker.
  options.clean = true;
  const client: MqttClient = r.connect(brokerUrls(r.broker.url)[0]!, options);
  const ed = r.ed ?? tweetnaclEd25519;
  // Every step after the hello is signed (SPEC 15.10): the device acts on no step it cannot
  // tie to the key of this attempt's hello. A confirm is signed over the code the staff saw.
  const send = (step: PairingStep, code?: string): void => {
    const signature =
      step.kind === 'terminal-nonce' || step.kind === 'confirm' || step.kind === 'abort'
        ? signPairingStep(ed, r.key.secretKey, pairingId, step, code)
        : undefined;
    client.publish(topics.toDevice, Buffer.from(encodePairingMessage({ pairingId, step, signature })), {
      qos: 1,
    });
  };
  const asking = new AbortController();
  let helloTimer: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;
  try {
    return await new Promise<Paired>((resolve, reject) => {
      let deviceKey: Uint8Array | undefined;
      let code: string | undefined;
      let confirmedHere = false;
      let confirmedThere = false;
      let done = false;
      const fail = (e: ReaderError, tellDevice = true): void => {
        if (done) return;
        done = true;
        asking.abort();
        if (tellDevice && client.connected) send({ kind: 'abort', reason: e.message.slice(0, 200) });
        reject(e);
      };
      const maybeTrust = (): void => {
        if (done || !confirmedHere || !confirmedThere) return;
        const key = pairing.peerKey;
        const id = pairing.peerId;
        if (!key || !id || !code) return;
        done = true;
        try {
          resolve({ deviceId: id, keyId: keyIdHex(key), code, trusted: addTrusted(r.trustDir, id, key) });
        } catch (e) {
          reject(e);
        }
      };
      const onStep = (step: PairingStep): void => {
        switch (step.kind) {
          case 'commit': {
            if (deviceKey) {
              // A repeat of the commitment we hold (our hello was repeated) is harmless.
              if (!bytesEqual(step.deviceKey, deviceKey)) fail(ended('a second device key in the window'));
              return;
            }
            if (step.deviceId !== r.deviceId)
              return fail(ended(`device "${step.deviceId.slice(0, 64)}" answered, not "${r.deviceId}"`));
            const nonce = pairing.committed(step.deviceId, step.deviceKey, step.commitment);
            deviceKey = step.deviceKey;
            clearInterval(helloTimer);
            send({ kind: 'terminal-nonce', nonce });
            return;
          }
          case 'device-nonce': {
            if (code) return; // a repeat
            try {
              pairing.revealed(step.nonce);
            } catch (e) {
              return fail(
                ended(`the device's nonce does not open its commitment (${(e as Error).message}): refused`),
              );
            }
            code = pairing.code();
            r.confirm(code, keyIdHex(deviceKey!), asking.signal).then(
              (yes) => {
                if (done) return;
                if (!yes) return fail(ended('refused on the terminal'));
                pairing.confirm();
                confirmedHere = true;
                send({ kind: 'confirm' }, code);
                maybeTrust();
              },
              (e: Error) => fail(isReaderError(e) ? e : ended(e.message)),
            );
            return;
          }
          case 'confirm':
            if (!code) return fail(ended('the device confirmed before the codes were shown'));
            confirmedThere = true;
            return maybeTrust();
          case 'abort':
            return fail(ended(`the reader ended it: ${step.reason || 'no reason given'}`), false);
          default:
            return; // our own steps
        }
      };
      deadline = setTimeout(
        () => fail(ended(`timed out after ${Math.round((r.timeoutMs ?? DEFAULT_PAIR_TIMEOUT_MS) / 1000)} s`)),
        r.timeoutMs ?? DEFAULT_PAIR_TIMEOUT_MS,
      );
      client.on('message', (topic, payload) => {
        if (topic !== topics.toTerminal || done) return;
        let m: ReturnType<typeof decodePairingMessage>;
        try {
          m = decodePairingMessage(new Uint8Array(payload));
        } catch (e) {
          r.log.warn('pairing message refused', { reason: (e as Error).message });
          return;
        }
        if (!bytesEqual(m.pairingId, pairingId)) return; // another terminal's pairing
        try {
          onStep(m.step);
        } catch (e) {
          fail(isReaderError(e) ? ended(e.message) : ended(String(e)));
        }
      });
      // No CONNACK within the connect timeout: no broker there (or none that answers MQTT).
      const connectMs = options.connectTimeout ?? 5000;
      const noBroker = setTimeout(
        () =>
          fail(
            new ReaderError(
              ErrorCode.Mqtt_NotConnected,
              `no broker answered at ${r.broker.url} within ${Math.round(connectMs / 1000)} s`,
            ),
            false,
          ),
        connectMs,
      );
      client.once('connect', () => clearTimeout(noBroker));
      asking.signal.addEventListener('abort', () => clearTimeout(noBroker));
      client.on('error', (e: Error & { code?: number }) => {
        // CONNACK 4/5: the reader's broker admits pairing connections only inside a window.
        if ((e.code === 4 || e.code === 5) && deviceKey)
          fail(ended("the reader's pairing window closed"), false);
        else if (e.code === 5)
          // Not authorised: a site broker with no pairing account for this login (15.10).
          fail(
            new ReaderError(
              ErrorCode.Mqtt_UnknownKey,
              `the broker at ${r.broker.url} refused ${username} (${e.message}): it has no pairing account for this terminal`,
              {},
              { cause: e },
            ),
            false,
          );
        else if (e.code === 4)
          fail(
            new ReaderError(
              ErrorCode.Mqtt_NotConnected,
              `the broker refused the pairing connection (${e.message}): open a pairing window on reader ${r.deviceId} first (debug shell: pair; staff screen: pair a terminal)`,
              {},
              { cause: e },
            ),
            false,
          );
      });
      client.once('connect', () => {
        client.subscribe(topics.toTerminal, { qos: 1 }, (err) => {
          if (err) return fail(ended(`cannot subscribe to ${topics.toTerminal}: ${err.message}`), false);
          const hello = (): void =>
            send({ kind: 'hello', terminalId: r.terminalId, terminalKey: r.key.publicKey });
          hello();
          helloTimer = setInterval(hello, HELLO_EVERY_MS);
        });
      });
    });
  } finally {
    clearInterval(helloTimer);
    clearTimeout(deadline);
    // Bounded: a client that lost its broker would wait for it; the abort is best effort.
    let t: NodeJS.Timeout | undefined;
    const flushed = await Promise.race([
      client.endAsync().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((r) => {
        t = setTimeout(() => r(false), 2000);
      }),
    ]);
    clearTimeout(t);
    if (!flushed) await client.endAsync(true).catch(() => {});
  }
}
