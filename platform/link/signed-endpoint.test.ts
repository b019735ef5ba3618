// The signed endpoint both link ends stand on: what it refuses is counted by reason, nothing
// decodes a payload whose signature has not verified, and a failing handler is caught,
// counted and followed by the next message, in order.
import { describe, expect, it } from 'vitest';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { tweetnaclEd25519 } from '../../protocol/link/ed25519.js';
import { seal } from '../../protocol/link/envelope.js';
import { generateKeyPair, keyIdHex } from '../../protocol/link/keys.js';
import { createLogger } from '../log.js';
import { type Route, SignedEndpoint } from './signed-endpoint.js';

const T = fareader.v1.PayloadType;
const trusted = generateKeyPair();
const stranger = generateKeyPair();
const TOPIC = 'fareader/v1/dev/reader-01/ack';

function endpoint(route: Partial<Route<string>> & Pick<Route<string>, 'handle'>, lines: string[] = []) {
  const full: Route<string> = {
    kind: 'ack',
    filter: TOPIC,
    matches: (t) => t === TOPIC,
    payloadType: T.PAYLOAD_TYPE_RESULT_ACK,
    decode: (b) => new TextDecoder().decode(b),
    ...route,
  };
  const log = createLogger('test', { level: 'warn', write: (l) => lines.push(l) });
  return new SignedEndpoint({
    routes: [full],
    trust: (id) => (id === keyIdHex(trusted.publicKey) ? trusted.publicKey : undefined),
    ed: tweetnaclEd25519,
    log,
  });
}

const signed = (text: string, key = trusted, type: fareader.v1.PayloadType = T.PAYLOAD_TYPE_RESULT_ACK) =>
  seal(type, new TextEncoder().encode(text), key, tweetnaclEd25519);

describe('SignedEndpoint', () => {
  it('counts each refusal under its reason and hands only verified messages to the handler', () => {
    const got: string[] = [];
    const ep = endpoint({ handle: (d) => void got.push(d.message) });
    ep.receive(TOPIC, signed('one'));
    ep.receive(TOPIC, signed('forged', stranger));
    ep.receive(TOPIC, signed('wrong type', trusted, T.PAYLOAD_TYPE_COMMAND));
    ep.receive(TOPIC, fareader.v1.SignedEnvelope.encode({ payloadType: T.PAYLOAD_TYPE_RESULT_ACK }).finish());
    const tampered = signed('two');
    tampered[tampered.length - 1]! ^= 1;
    ep.receive(TOPIC, tampered);
    ep.receive(TOPIC, Uint8Array.of(0xff, 0xff, 0xff));
    ep.receive('fareader/v1/dev/reader-01/other', signed('no route')); // not ours: dropped
    expect(got).toEqual(['one']);
    expect(ep.stats.toJSON()).toEqual({
      'ack:Mqtt_BadSignature': 1,
      'ack:Mqtt_Malformed': 1,
      'ack:Mqtt_Unsigned': 1,
      'ack:Mqtt_UnknownKey': 1,
      'ack:Mqtt_WrongPayloadType': 1,
    });
  });

  it('never decodes a payload whose signature does not verify, even one that would crash the decoder', () => {
    let decoded = 0;
    const ep = endpoint({
      decode: () => {
        decoded++;
        throw new TypeError('the decoder crashed');
      },
      handle: () => {},
    });
    const poison = signed('poison');
    poison[poison.length - 5]! ^= 0x40; // inside the signature
    ep.receive(TOPIC, poison);
    ep.receive(TOPIC, signed('poison', stranger));
    expect(decoded).toBe(0);
    expect(ep.stats.toJSON()).toEqual({ 'ack:Mqtt_BadSignature': 1, 'ack:Mqtt_UnknownKey': 1 });
    // Signed by the trusted key, the same payload is decoded: the crash is a malformed payload.
    ep.receive(TOPIC, signed('poison'));
    expect(decoded).toBe(1);
    expect(ep.stats.toJSON()['ack:Mqtt_Malformed']).toBe(1);
  });

  it('authorises after verifying and before decoding', () => {
    let decoded = 0;
    const ep = endpoint({
      decode: (b) => {
        decoded++;
        return new TextDecoder().decode(b);
      },
      authorise: () => {
        throw new ReaderError(ErrorCode.Mqtt_WrongDevice, 'not this key on this topic');
      },
      handle: () => {},
    });
    ep.receive(TOPIC, signed('x'));
    expect(decoded).toBe(0);
    expect(ep.stats.toJSON()).toEqual({ 'ack:Mqtt_WrongDevice': 1 });
  });

  it('counts and logs a throwing or rejecting handler as internal and still handles the next message, in order', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown): void => void unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const order: string[] = [];
      const lines: string[] = [];
      const ep = endpoint(
        {
          handle: async (d) => {
            order.push(`start ${d.message}`);
            // The first message is slow: the others wait for it, whatever it awaits.
            if (d.message === 'slow') await new Promise((r) => setTimeout(r, 20));
            order.push(`end ${d.message}`);
            if (d.message === 'slow') throw new Error('the handler failed');
            if (d.message === 'sync-throw') throw new TypeError('a bug');
          },
        },
        lines,
      );
      ep.receive(TOPIC, signed('slow'));
      ep.receive(TOPIC, signed('next'));
      ep.receive(TOPIC, signed('sync-throw'));
      ep.receive(TOPIC, signed('last'));
      await ep.idle();
      await new Promise((r) => setImmediate(r));
      expect(order).toEqual([
        'start slow',
        'end slow',
        'start next',
        'end next',
        'start sync-throw',
        'end sync-throw',
        'start last',
        'end last',
      ]);
      expect(ep.stats.toJSON()).toEqual({ 'ack:internal': 2 });
      expect(lines.filter((l) => l.includes('rejected ack')).length).toBe(2);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('keeps a synchronous handler synchronous and catches what it throws', () => {
    const got: string[] = [];
    const ep = endpoint({
      handle: (d) => {
        if (d.message === 'boom') throw new Error('boom');
        got.push(d.message);
      },
    });
    ep.receive(TOPIC, signed('boom'));
    ep.receive(TOPIC, signed('after'));
    expect(got).toEqual(['after']); // handled before receive returned
    expect(ep.stats.toJSON()).toEqual({ 'ack:internal': 1 });
  });

  it('tells a route of each refusal, with the error behind it (a device answers a refused command)', () => {
    const refusals: string[] = [];
    const ep = endpoint({
      reasonOf: (e) => `status-of-${e.codeName}`,
      refused: (r) => void refusals.push(`${r.stage}:${r.reason}:${r.error?.codeName ?? ''}`),
      handle: () => {
        throw new Error('bug');
      },
    });
    ep.receive(TOPIC, signed('x', stranger));
    ep.receive(TOPIC, signed('x'));
    expect(refusals).toEqual(['envelope:status-of-Mqtt_UnknownKey:Mqtt_UnknownKey', 'handler:internal:']);
    expect(ep.stats.toJSON()).toEqual({ 'ack:internal': 1, 'ack:status-of-Mqtt_UnknownKey': 1 });
  });

  it('drops an empty message uncounted on a route for retained state, and subscribes once per filter', () => {
    const ep = endpoint({ ignoreEmpty: true, handle: () => {} });
    ep.receive(TOPIC, new Uint8Array());
    expect(ep.stats.total).toBe(0);
    expect(ep.filters()).toEqual([TOPIC]);
  });
});
