import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tweetnaclEd25519 } from '../../protocol/link/ed25519.js';
import { generateKeyPair } from '../../protocol/link/keys.js';
import { opensslEd25519 } from './ed25519-openssl.js';

describe('Ed25519 implementations agree', () => {
  it('produce byte-identical signatures and verify each other', () => {
    for (let i = 0; i < 20; i++) {
      const kp = generateKeyPair();
      const msg = randomBytes(i * 37);
      const a = tweetnaclEd25519.sign(msg, kp.secretKey);
      const b = opensslEd25519.sign(msg, kp.secretKey);
      expect(b).toEqual(a);
      expect(opensslEd25519.verify(msg, a, kp.publicKey)).toBe(true);
      expect(tweetnaclEd25519.verify(msg, b, kp.publicKey)).toBe(true);
      const bad = Uint8Array.from(a);
      bad[i % 64]! ^= 4;
      expect(opensslEd25519.verify(msg, bad, kp.publicKey)).toBe(false);
      expect(tweetnaclEd25519.verify(msg, bad, kp.publicKey)).toBe(false);
    }
  });

  it('the RFC 8032 test vector 1 signs identically', () => {
    const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
    const kp = { ...generateKeyPair(() => seed) };
    const expected =
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';
    expect(Buffer.from(opensslEd25519.sign(new Uint8Array(), kp.secretKey)).toString('hex')).toBe(expected);
    expect(Buffer.from(tweetnaclEd25519.sign(new Uint8Array(), kp.secretKey)).toString('hex')).toBe(expected);
  });
});
