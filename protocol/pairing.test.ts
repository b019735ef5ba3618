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

  it('shows the same code on both sides; each side learns the other key only once confirmed', () => {
    const t = new TerminalPairing(TID, terminal.publicKey, nt);
    const d = new DevicePairing(DID, device.publicKey, nd);
    const hello = d.hello(TID, terminal.publicKey);
    expect(d.peerKey).toBeUndefined(); // nothing to trust before the nonces and the code
    const tNonce = t.committed(hello.deviceId, hello.deviceKey, hello.commitment);
    expect(t.peerKey).toBeUndefined();
    expect(() => d.confirm()).toThrow(/both nonces/);
    expect(() => t.confirm()).toThrow(/revealed/);
    t.revealed(d.reveal(tNonce));
    expect(t.code()).toBe('274369');
    expect(d.code()).toBe('274369');
    expect(t.peerKey).toBeUndefined(); // the staff have not confirmed yet
    expect(d.peerKey).toBeUndefined();
    t.confirm();
    d.confirm();
    expect(t.peerKey).toEqual(device.publicKey);
    expect(t.peerId).toBe(DID);
    expect(d.peerKey).toEqual(terminal.publicKey);
    expect(d.peerId).toBe(TID);
  });

  it('a key of the wrong size in hello is refused without using up the window', () => {
    const d = new DevicePairing(DID, device.publicKey, nd);
    expect(() => d.hello(TID, new Uint8Array(31))).toThrow(/32 bytes/);
    expect(() => d.hello('', terminal.publicKey)).toThrow(/1 to 65535/);
    expect(() => d.hello(TID, terminal.publicKey)).not.toThrow();
  });

  // A party in the middle M runs one pairing with the device (as a terminal, key PKm) and one
  // with the terminal (as a device, key PKm'), all nonces random. It wins if the two codes
  // are equal. Towards the device it learns the device's code c1 first (Nd is committed, so
  // c1 is random to it). Towards the terminal it must send its commitment before it learns
  // Nt; then, knowing Nt, its best play is to search for a nonce that makes the terminal's
  // code c1. With the commitment check only its committed nonce is accepted: it has one
  // random 10^-6 chance. Without the check every candidate is a fresh chance: 2000 tries
  // reach ~2000 distinct codes, so ~10^6 tries find c1 (too slow to run here, hence counted).
  it('a party in the middle cannot choose its nonce after seeing the terminal nonce', () => {
    const rnd = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
    const m1 = generateKeyPair();
    const m2 = generateKeyPair();
    const honestD = new DevicePairing(DID, device.publicKey, rnd(16));
    const dHello = honestD.hello(TID, m1.publicKey);
    expect(dHello.commitment).toHaveLength(32);
    honestD.reveal(rnd(16));
    const c1 = honestD.code();

    const mCommitted = rnd(16);
    const honestT = new TerminalPairing(TID, terminal.publicKey, rnd(16));
    const ntSeen = honestT.committed(
      DID,
      m2.publicKey,
      pairingCommitment(DID, m2.publicKey, TID, terminal.publicKey, mCommitted),
    );

    const tries = 2000;
    const accepted = new Set<string>();
    const withoutCheck = new Set<string>();
    for (let i = 0; i < tries; i++) {
      const candidate = rnd(16);
      withoutCheck.add(comparisonCode(TID, terminal.publicKey, DID, m2.publicKey, ntSeen, candidate));
      const t = new TerminalPairing(TID, terminal.publicKey, rnd(16));
      const nt2 = t.committed(
        DID,
        m2.publicKey,
        pairingCommitment(DID, m2.publicKey, TID, terminal.publicKey, mCommitted),
      );
      expect(nt2).toHaveLength(16);
      try {
        t.revealed(candidate);
        accepted.add(t.code());
      } catch (e) {
        expect(isReaderError(e) && e.codeName).toBe('Mqtt_BadSignature');
      }
    }
    expect(accepted.size).toBe(0); // every chosen nonce is refused
    expect(withoutCheck.size).toBeGreaterThan(tries * 0.99); // each try a fresh chance without it
    honestT.revealed(mCommitted); // the one nonce it can reveal was fixed before it saw Nt
    expect(honestT.code()).not.toBe(c1); // equal with probability 10^-6
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
