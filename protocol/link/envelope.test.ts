import { describe, expect, it } from 'vitest';
import { concatBytes, toHex, utf8 } from '../bytes.js';
import { ErrorCode, isReaderError, ReaderError } from '../errors.js';
import { fareader } from '../gen/fareader.js';
import { MAX_ENVELOPE_BYTES, open, PayloadType, seal, signingInput } from './envelope.js';
import { generateKeyPair, keyIdHex, keyIdOf } from './keys.js';

const device = generateKeyPair();
const stranger = generateKeyPair();
const trust = (id: string) => (id === keyIdHex(device.publicKey) ? device.publicKey : undefined);
const T = PayloadType.PAYLOAD_TYPE_VERIFICATION_RESULT;
const payload = fareader.v1.VerificationResult.encode({ sessionId: 's1', deviceId: 'reader-01' }).finish();

function codeOf(f: () => unknown): number {
  try {
    f();
  } catch (e) {
    if (isReaderError(e)) return e.code;
    throw e;
  }
  return 0;
}

describe('signed envelope', () => {
  it('round-trips the exact payload bytes with the signer key id', () => {
    const env = seal(T, payload, device);
    const opened = open(env, trust, T);
    expect(opened.payload).toEqual(payload);
    expect(opened.keyId).toBe(keyIdHex(device.publicKey));
    expect(keyIdOf(device.publicKey)).toHaveLength(8);
  });

  it('signs context, 0x00, u32be(type) and payload', () => {
    const input = signingInput(T, Uint8Array.of(0xaa));
    expect(toHex(input)).toBe(`${toHex(utf8('fareader.v1/signed-envelope'))}0000000003aa`);
  });

  it('refuses a flipped payload bit', () => {
    const env = fareader.v1.SignedEnvelope.decode(seal(T, payload, device));
    env.payload = concatBytes(env.payload.slice(0, -1), Uint8Array.of(env.payload.at(-1)! ^ 1));
    expect(codeOf(() => open(fareader.v1.SignedEnvelope.encode(env).finish(), trust))).toBe(
      ErrorCode.Mqtt_BadSignature,
    );
  });

  it('refuses a signature replayed under another payload type (domain separation)', () => {
    const env = fareader.v1.SignedEnvelope.decode(seal(T, payload, device));
    env.payloadType = PayloadType.PAYLOAD_TYPE_COMMAND;
    expect(codeOf(() => open(fareader.v1.SignedEnvelope.encode(env).finish(), trust))).toBe(
      ErrorCode.Mqtt_BadSignature,
    );
  });

  it('refuses unsigned, unknown-key and wrong-type envelopes with distinct codes', () => {
    const unsigned = fareader.v1.SignedEnvelope.encode({ payloadType: T, payload }).finish();
    expect(codeOf(() => open(unsigned, trust))).toBe(ErrorCode.Mqtt_Unsigned);
    expect(codeOf(() => open(seal(T, payload, stranger), trust))).toBe(ErrorCode.Mqtt_UnknownKey);
    expect(codeOf(() => open(seal(T, payload, device), trust, PayloadType.PAYLOAD_TYPE_COMMAND))).toBe(
      ErrorCode.Mqtt_WrongPayloadType,
    );
  });

  it('a stranger cannot pass off its signature under the trusted key id', () => {
    const env = fareader.v1.SignedEnvelope.decode(seal(T, payload, stranger));
    env.keyId = keyIdOf(device.publicKey);
    expect(codeOf(() => open(fareader.v1.SignedEnvelope.encode(env).finish(), trust))).toBe(
      ErrorCode.Mqtt_BadSignature,
    );
  });

  it('refuses oversized input before decoding it', () => {
    expect(codeOf(() => open(new Uint8Array(MAX_ENVELOPE_BYTES + 1), trust))).toBe(ErrorCode.Mqtt_TooLarge);
  });

  it('survives garbage: only ReaderErrors, never a crash or an acceptance', () => {
    let seed = 42;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    const good = seal(T, payload, device);
    for (let i = 0; i < 3000; i++) {
      const b =
        i % 2 ? new Uint8Array(rnd() % 200).map(() => rnd() & 0xff) : good.slice(0, rnd() % good.length);
      if (i % 3 === 0 && b.length) b[rnd() % b.length]! ^= 1 << (rnd() % 8);
      try {
        open(b, trust);
        throw new Error(`accepted garbage ${toHex(b)}`);
      } catch (e) {
        expect(e).toBeInstanceOf(ReaderError);
      }
    }
  });
});
