// Numeric-comparison pairing (SPEC §15): the test vector (recomputed when the ids were added
// to the hashes, and cross-checked with /usr/bin/python3 hashlib: sha256(b'fareader.v1/
// pairing-commit\x00' + len2(b'reader-01') + b'reader-01' + PKd + len2(b'terminal-01') +
// b'terminal-01' + PKt + Nd) and the same for the code), both sides agreeing, a relay that
// swaps either id getting different codes and a failed commitment, a party in the middle getting different codes
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
const TID = 'terminal-01';
const DID = 'reader-01';

function pair(tKey: Uint8Array, dKey: Uint8Array, tNonce = nt, dNonce = nd) {
  const t = new TerminalPairing(TID, tKey, tNonce);
  const d = new DevicePairing(DID, dKey, dNonce);
  const hello = d.hello(TID, tKey);
  const revealedT = t.committed(hello.deviceId, hello.deviceKey, hello.commitment);
  t.revealed(d.reveal(revealedT));
  return { t, d };
}

describe('pairing by numeric comparison', () => {
  it('matches the test vector of SPEC 15.4', () => {
    expect(toHex(terminal.publicKey)).toBe(
      '8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c',
    );
    expect(toHex(device.publicKey)).toBe('8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394');
    expect(toHex(pairingCommitment(DID, device.publicKey, TID, terminal.publicKey, nd))).toBe(
      'f3387b3a1b936570b50240aab6b62cfd00825ed892190b10a5ff1e649e550e3d',
    );
    expect(comparisonCode(TID, terminal.publicKey, DID, device.publicKey, nt, nd)).toBe('274369');
  });

  it('binds both ids: a relay that swaps either one gets another code and a failed commitment', () => {
    const good = comparisonCode(TID, terminal.publicKey, DID, device.publicKey, nt, nd);
    // python3: the same code with the device id 'reader-02' is 703611.
    expect(comparisonCode(TID, terminal.publicKey, 'reader-02', device.publicKey, nt, nd)).toBe('703611');
    expect(comparisonCode('terminal-02', terminal.publicKey, DID, device.publicKey, nt, nd)).not.toBe(good);
    // Length prefixes: moving a byte between the id and what follows changes the input.
    expect(comparisonCode(TID, terminal.publicKey, 'reader-0', device.publicKey, nt, nd)).not.toBe(good);

    // The relay tells the terminal the device is 'reader-02': the device committed over
    // 'reader-01', so its nonce does not open the commitment for 'reader-02'.
    const d = new DevicePairing(DID, device.publicKey, nd);
    const hello = d.hello(TID, terminal.publicKey);
    const t = new TerminalPairing(TID, terminal.publicKey, nt);
    t.committed('reader-02', hello.deviceKey, hello.commitment);
    expect(() => t.revealed(d.reveal(nt))).toThrow(/does not open its commitment/);
    expect(t.peerKey).toBeUndefined();

    // The relay tells the device the terminal is 'terminal-02' (and the terminal the truth).
    const d2 = new DevicePairing(DID, device.publicKey, nd);
    const hello2 = d2.hello('terminal-02', terminal.publicKey);
    const t2 = new TerminalPairing(TID, terminal.publicKey, nt);
    t2.committed(hello2.deviceId, hello2.deviceKey, hello2.commitment);
    expect(() => t2.revealed(d2.reveal(nt))).toThrow(/does not open its commitment/);
    expect(d2.code()).not.toBe(good);
  });

  it('shows the same code on both sides, and each side learns the other key', () => {
    const { t, d } = pair(terminal.publicKey, device.publicKey);
    expect(t.code()).toBe('274369');
    expect(d.code()).toBe('274369');
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
    const t = new TerminalPairing(TID, terminal.publicKey, nt);
    const d = new DevicePairing(DID, device.publicKey, nd);
    const hello = d.hello(TID, terminal.publicKey);
    t.committed(hello.deviceId, hello.deviceKey, hello.commitment);
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
    const d = new DevicePairing(DID, device.publicKey, nd);
    expect(() => d.reveal(nt)).toThrow(/before its key/);
    d.hello(TID, terminal.publicKey);
    expect(() => d.hello(TID, terminal.publicKey)).toThrow(/second/);
    expect(() => d.reveal(new Uint8Array(3))).toThrow(/16 bytes/);
    expect(() => new TerminalPairing(TID, new Uint8Array(31), nt)).toThrow(/32 bytes/);
    expect(() => new TerminalPairing('', terminal.publicKey, nt)).toThrow(/1 to 65535/);
    const t = new TerminalPairing(TID, terminal.publicKey, nt);
    expect(() => t.committed(DID, device.publicKey, new Uint8Array(5))).toThrow(/32 bytes/);
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
