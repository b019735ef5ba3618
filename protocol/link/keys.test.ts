import { describe, expect, it } from 'vitest';
import { ErrorCode, isReaderError } from '../errors.js';
import {
  generateKeyPair,
  keyPairFromPem,
  privateKeyToDer,
  publicKeyFromDer,
  publicKeyFromPem,
  publicKeyToDer,
  toPem,
} from './keys.js';

describe('Ed25519 key encodings (RFC 8410)', () => {
  it('round-trips private and public keys through PEM and DER', () => {
    const kp = generateKeyPair();
    const back = keyPairFromPem(toPem('PRIVATE KEY', privateKeyToDer(kp)));
    expect(back.publicKey).toEqual(kp.publicKey);
    expect(back.secretKey).toEqual(kp.secretKey);
    expect(publicKeyFromPem(toPem('PUBLIC KEY', publicKeyToDer(kp.publicKey)))).toEqual(kp.publicKey);
    expect(publicKeyToDer(kp.publicKey)).toHaveLength(44);
  });

  it('rejects other key types and broken PEM with a key-file error', () => {
    for (const bad of [new Uint8Array(44), publicKeyToDer(new Uint8Array(32)).slice(0, 40)]) {
      try {
        publicKeyFromDer(bad);
        if (bad.length === 44) throw new Error('accepted a non-Ed25519 DER');
      } catch (e) {
        expect(isReaderError(e, ErrorCode.Config_KeyFile)).toBe(true);
      }
    }
    expect(() => publicKeyFromPem('-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----')).toThrow(
      /base64|Ed25519/,
    );
    expect(() => keyPairFromPem('hello')).toThrow(/PRIVATE KEY/);
  });

  it('a key pair printed, logged or serialised shows its key id and no secret', async () => {
    const { inspect } = await import('node:util');
    const kp = generateKeyPair();
    const secretHex = Buffer.from(kp.secretKey).toString('hex');
    for (const text of [JSON.stringify({ kp }), inspect({ kp }, { depth: 5 }), inspect(kp)]) {
      expect(text).not.toContain(secretHex.slice(0, 16));
      expect(text).not.toMatch(/\b(1[0-9]{2}|[1-9]?[0-9]), (1[0-9]{2}|[1-9]?[0-9]), /); // no byte list
      expect(text).toContain('[redacted]');
    }
    expect(kp.secretKey).toHaveLength(64);
  });
});
