// Numeric-comparison pairing (SPEC §15): the test vector (checked with Python's hashlib and
// OpenSSL when written), both sides agreeing, a party in the middle getting different codes
// and unable to change its nonce after committing, and key rotation signed by the old key.
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './bytes.js';
import { isReaderError } from './errors.js';
import { tweetnaclEd25519 } from './link/ed25519.js';
import { generateKeyPair, keyPairFromSeed } from './link/keys.js';
import {
  comparisonCode,
  DevicePairing,
  pairingCommitment,
  signRotation,
  TerminalPairing,
  verifyRotation,
} from './pairing.js';

const terminal = keyPairFromSeed(new Uint8Array(32).fill(1));
const device = keyPairFromSeed(new Uint8Array(32).fill(2));
const nt = new Uint8Array(16).fill(0xa1);
const nd = new Uint8Array(16).fill(0xd2);

function pair(tKey: Uint8Array, dKey: Uint8Array, tNonce = nt, dNonce = nd) {
  const t = new TerminalPairing(tKey, tNonce);
  const d = new DevicePairing(dKey, dNonce);
  const hello = d.hello(tKey);
  const revealedT = t.committed(hello.deviceKey, hello.commitment);
  t.revealed(d.reveal(revealedT));
  return { t, d };
}

describe('pairing by numeric comparison', () => {
  it('matches the test vector of SPEC 15.4', () => {
    expect(toHex(terminal.publicKey)).toBe(
      '8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c',
    );
    expect(toHex(device.publicKey)).toBe('8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394');
    expect(toHex(pairingCommitment(device.publicKey, terminal.publicKey, nd))).toBe(
      '138a3f07f86d61ec4d0d71afca16d723e4f5a4779502adcf031268612b1f05e3',
    );
    expect(comparisonCode(terminal.publicKey, device.publicKey, nt, nd)).toBe('614954');
  });

  it('shows the same code on both sides, and each side learns the other key', () => {
    const { t, d } = pair(terminal.publicKey, device.publicKey);
    expect(t.code()).toBe('614954');
    expect(d.code()).toBe('614954');
    expect(t.peerKey).toEqual(device.publicKey);
    expect(d.peerKey).toEqual(terminal.publicKey);
  });

  it('gives a party in the middle that substituted both keys two different codes', () => {
    const middle = keyPairFromSeed(new Uint8Array(32).fill(3));
    // The middle runs one pairing with the device (as the terminal) and one with the terminal
    // (as the device), with nonces of its own.
    const mNonce = new Uint8Array(16).fill(0x33);
    const towardsDevice = pair(middle.publicKey, device.publicKey, mNonce, nd);
    const towardsTerminal = pair(terminal.publicKey, middle.publicKey, nt, mNonce);
    expect(towardsDevice.d.code()).not.toBe(towardsTerminal.t.code());
  });

  it('refuses a device nonce that does not open the commitment (no choosing it afterwards)', () => {
    const t = new TerminalPairing(terminal.publicKey, nt);
    const d = new DevicePairing(device.publicKey, nd);
    const hello = d.hello(terminal.publicKey);
    t.committed(hello.deviceKey, hello.commitment);
    const other = new Uint8Array(16).fill(0x99);
    let err: unknown;
    try {
      t.revealed(other);
    } catch (e) {
      err = e;
    }
    expect(isReaderError(err) && err.codeName).toBe('Mqtt_BadSignature');
    expect(t.peerKey).toBeUndefined(); // nothing to trust
    expect(() => t.code()).toThrow();
  });

  it('refuses steps out of order, twice, or with bytes of the wrong size', () => {
    const d = new DevicePairing(device.publicKey, nd);
    expect(() => d.reveal(nt)).toThrow(/before its key/);
    d.hello(terminal.publicKey);
    expect(() => d.hello(terminal.publicKey)).toThrow(/second/);
    expect(() => d.reveal(new Uint8Array(3))).toThrow(/16 bytes/);
    expect(() => new TerminalPairing(new Uint8Array(31), nt)).toThrow(/32 bytes/);
    const t = new TerminalPairing(terminal.publicKey, nt);
    expect(() => t.committed(device.publicKey, new Uint8Array(5))).toThrow(/32 bytes/);
  });
});

describe('key rotation', () => {
  it('verifies a new key signed by the old one and refuses any other signer or device', () => {
    const old = generateKeyPair();
    const next = generateKeyPair();
    const sig = signRotation('reader-01', old, next.publicKey, tweetnaclEd25519);
    expect(() =>
      verifyRotation('reader-01', old.publicKey, next.publicKey, sig, tweetnaclEd25519),
    ).not.toThrow();
    const forged = signRotation('reader-01', next, next.publicKey, tweetnaclEd25519);
    expect(() =>
      verifyRotation('reader-01', old.publicKey, next.publicKey, forged, tweetnaclEd25519),
    ).toThrow(/not signed by its old key/);
    expect(() => verifyRotation('reader-02', old.publicKey, next.publicKey, sig, tweetnaclEd25519)).toThrow();
    expect(() =>
      verifyRotation('reader-01', old.publicKey, next.publicKey, fromHex('00'), tweetnaclEd25519),
    ).toThrow(/64 bytes/);
  });
});
