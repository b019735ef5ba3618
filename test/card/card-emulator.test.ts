// The My Number card emulator on its own: real certificates, counters that persist, the
// My Number application never needed.
import { execFileSync } from 'node:child_process';
import { createHash, verify, X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeApdu } from '../../protocol/apdu/apdu.js';
import { concatBytes, fromHex, toHex } from '../../protocol/bytes.js';
import { AID, apdu, EF } from '../../protocol/mynumber/mynumber.js';
import { MyNumberCard } from '../../sim/card/mynumber-emulator.js';
import { missing } from '../helpers/system.js';
import { CARD_STATE } from './card-fixture.js';

const sw = (r: Uint8Array | undefined) => toHex(r!.subarray(r!.length - 2));

describe('My Number card emulator', () => {
  it.skipIf(missing('openssl', 'openssl'))(
    'issues an RSA-2048 user certificate openssl reads and verifies against the test CA',
    async () => {
      const card = await MyNumberCard.create({ stateDir: CARD_STATE, cardId: 'openssl-check' });
      const read = (fid: number) => {
        card.process(encodeApdu(apdu.selectAid(AID.JPKI)));
        card.process(encodeApdu(apdu.selectEf(fid)));
        const parts: Uint8Array[] = [];
        for (let off = 0; ; off += 256) {
          const r = card.process(encodeApdu(apdu.readBinary(off, 256)))!;
          if (sw(r) !== '9000') break;
          parts.push(r.subarray(0, -2));
          if (r.length - 2 < 256) break;
        }
        return Buffer.concat(parts);
      };
      writeFileSync(join(CARD_STATE, 'user.der'), read(EF.JPKI_AUTH_CERT));
      writeFileSync(join(CARD_STATE, 'ca.der'), read(EF.JPKI_AUTH_CA_CERT));
      const text = execFileSync('openssl', [
        'x509',
        '-inform',
        'DER',
        '-in',
        join(CARD_STATE, 'user.der'),
        '-noout',
        '-text',
      ]).toString();
      expect(text).toMatch(/Public-Key: \(2048 bit\)/);
      expect(text).toMatch(/Issuer: C ?= ?JP, O ?= ?fareader test/);
      execFileSync('openssl', [
        'x509',
        '-inform',
        'DER',
        '-in',
        join(CARD_STATE, 'ca.der'),
        '-out',
        join(CARD_STATE, 'ca.pem'),
      ]);
      execFileSync('openssl', [
        'x509',
        '-inform',
        'DER',
        '-in',
        join(CARD_STATE, 'user.der'),
        '-out',
        join(CARD_STATE, 'user.pem'),
      ]);
      const v = execFileSync('openssl', [
        'verify',
        '-CAfile',
        join(CARD_STATE, 'ca.pem'),
        join(CARD_STATE, 'user.pem'),
      ]).toString();
      expect(v).toMatch(/OK/);
    },
  );

  it('keeps PIN counters per card across power cycles (63 Cx, then 69 84; the query 63 C0)', async () => {
    const id = `persist-${Date.now()}`;
    let card = await MyNumberCard.create({ stateDir: CARD_STATE, cardId: id });
    const verify = (c: MyNumberCard, pin: string) => {
      c.process(encodeApdu(apdu.selectAid(AID.JPKI)));
      c.process(encodeApdu(apdu.selectEf(EF.JPKI_AUTH_PIN)));
      return sw(c.process(encodeApdu(apdu.verify(new TextEncoder().encode(pin)))));
    };
    expect(verify(card, '0000')).toBe('63c2');
    card = await MyNumberCard.create({ stateDir: CARD_STATE, cardId: id });
    expect(verify(card, '0000')).toBe('63c1');
    expect(verify(card, '0000')).toBe('63c0');
    card = await MyNumberCard.create({ stateDir: CARD_STATE, cardId: id });
    expect(verify(card, '1234')).toBe('6984');
    // OpenSC's jpki driver binds a blocked card only when the tries query has SW1 63.
    expect(sw(card.process(encodeApdu(apdu.triesLeft())))).toBe('63c0');
  });

  it('keeps the card-face record closed until 照合番号B is verified', async () => {
    const card = await MyNumberCard.create({ stateDir: CARD_STATE, cardId: 'closed-record' });
    card.process(encodeApdu(apdu.selectAid(AID.CARD_FACE)));
    card.process(encodeApdu(apdu.selectEf(EF.FACE_RECORD)));
    expect(sw(card.process(encodeApdu(apdu.readBinary(0, 16))))).toBe('6982');
    expect(card.stats.trace.join(' ')).not.toContain(card.printedKeyB);
  });
});

describe('My Number card emulator: the JPKI files OpenSC binds to', () => {
  const hex = (s: string) => fromHex(s.replace(/\s/g, ''));
  const send = (c: MyNumberCard, h: string) => toHex(c.process(hex(h))!);
  const SELECT_JPKI = '00a4040c0a d392f000260100000001';

  it('signature certificate, CA, key and password are selectable; the certificate opens with the password', async () => {
    const card = await MyNumberCard.create({ stateDir: CARD_STATE, cardId: `sign-${Date.now()}` });
    expect(send(card, SELECT_JPKI)).toBe('9000');
    for (const fid of ['0001', '0002', '001a', '001b', '000a', '000b', '0017', '0018'])
      expect(send(card, `00a4020c02${fid}`)).toBe('9000');
    expect(send(card, '00a4020c020001')).toBe('9000');
    expect(send(card, '00b0000004')).toBe('6982');
    // The password's tries query: 5, and it consumes none.
    expect(send(card, '00a4020c02001b')).toBe('9000');
    expect(send(card, '00200080')).toBe('63c5');
    expect(send(card, '00200080')).toBe('63c5');
    expect(send(card, `0020008006${toHex(new TextEncoder().encode('WRONG1'))}`)).toBe('63c4');
    expect(send(card, `0020008006${toHex(new TextEncoder().encode('ABC123'))}`)).toBe('9000');
    expect(card.counterValues.signPinTries).toBe(5);
    expect(send(card, '00a4020c020001')).toBe('9000');
    expect(send(card, '00b0000004').slice(0, 4)).toBe('3082');
    // The CA certificate needs nothing; keys are never readable.
    expect(send(card, '00a4020c020002')).toBe('9000');
    expect(send(card, '00b0000004').slice(-4)).toBe('9000');
    expect(send(card, '00a4020c02001a')).toBe('9000');
    expect(send(card, '00b0000004')).toBe('6981');
    expect(card.stats.signPinVerifies).toBe(2);
  });

  it('a blocked PIN: the tries query answers 63 C0, a VERIFY with data 69 84, nothing changes', async () => {
    const card = await MyNumberCard.create({
      stateDir: CARD_STATE,
      cardId: `blocked-${Date.now()}`,
      profile: 'pin-blocked',
    });
    send(card, SELECT_JPKI);
    expect(send(card, '00a4020c020018')).toBe('9000');
    expect(send(card, '00200080')).toBe('63c0');
    expect(send(card, '002000800431323334')).toBe('6984');
    expect(card.counterValues.pinTries).toBe(0);
    // The certificate stays readable on a blocked card.
    expect(send(card, '00a4020c02000a')).toBe('9000');
    expect(send(card, '00b0000004').slice(-4)).toBe('9000');
  });

  it('signs any SHA-1…SHA-512 DigestInfo after the PIN, refuses a bare hash', async () => {
    const card = await MyNumberCard.create({ stateDir: CARD_STATE, cardId: `digests-${Date.now()}` });
    send(card, SELECT_JPKI);
    send(card, '00a4020c020017');
    const di = hex(`3051300d060960864801650304020305000440${'11'.repeat(64)}`);
    const sign = (data: Uint8Array) => card.process(encodeApdu(apdu.jpkiSign(data)))!;
    expect(sw(sign(di))).toBe('6982');
    send(card, '00a4020c020018');
    expect(send(card, '002000800431323334')).toBe('9000');
    send(card, '00a4020c020017');
    const cert = new X509Certificate(readFileSync(join(CARD_STATE, 'cards', card.id, 'jpki', 'cert.der')));
    for (const [name, prefix] of [
      ['sha1', '3021300906052b0e03021a05000414'],
      ['sha256', '3031300d060960864801650304020105000420'],
      ['sha384', '3041300d060960864801650304020205000430'],
      ['sha512', '3051300d060960864801650304020305000440'],
    ] as const) {
      const digest = createHash(name).update('challenge').digest();
      const r = sign(concatBytes(hex(prefix), digest));
      expect(sw(r)).toBe('9000');
      expect(verify(name, Buffer.from('challenge'), cert.publicKey, r.subarray(0, -2))).toBe(true);
    }
    expect(sw(sign(new Uint8Array(32)))).toBe('6a80');
  });

  it('READ BINARY with P1 bit 8 reads by short EF identifier and makes it the current EF', async () => {
    const card = await MyNumberCard.create({ stateDir: CARD_STATE, cardId: `sfi-${Date.now()}` });
    send(card, SELECT_JPKI);
    const cert = readFileSync(join(CARD_STATE, 'cards', card.id, 'jpki', 'cert.der'));
    // SFI 0A at offset 0x10, 8 bytes.
    expect(send(card, '00b08a1008')).toBe(`${cert.subarray(0x10, 0x18).toString('hex')}9000`);
    // The EF stays current: a plain READ BINARY continues in it.
    expect(send(card, '00b0001808')).toBe(`${cert.subarray(0x18, 0x20).toString('hex')}9000`);
    expect(send(card, '00b09e0004')).toBe('6a82'); // no EF with SFI 1E
    expect(send(card, '00b0c10004')).toBe('6a86'); // P1 100xxxxx only
    expect(send(card, '00b0810004')).toBe('6982'); // SFI 01: the signature certificate, closed
  });

  it('extended READ BINARY: Le 0000 reads the whole certificate EF with 9000, an explicit Le past its end 6282', async () => {
    const card = await MyNumberCard.create({ stateDir: CARD_STATE, cardId: `ext-le-${Date.now()}` });
    send(card, SELECT_JPKI);
    const cert = readFileSync(join(CARD_STATE, 'cards', card.id, 'jpki', 'cert.der'));
    expect(cert.length).toBeGreaterThan(256);
    send(card, '00a4020c02000a');
    // Lc absent, Le 00 0000: up to 65536 bytes from offset 0.
    expect(send(card, '00b00000000000')).toBe(`${cert.toString('hex')}9000`);
    // From an offset, an explicit extended Le of 0x0800: what is there, end of file before Ne.
    expect(send(card, '00b00100000800')).toBe(`${cert.subarray(0x100).toString('hex')}6282`);
    // An extended Le that fits: exactly those bytes.
    expect(send(card, '00b00010000108')).toBe(`${cert.subarray(0x10, 0x118).toString('hex')}9000`);
    // Short Le past the end still says the exact length (one byte); Le 00 short, the last 256 or fewer.
    const last = cert.length - 0x10;
    const p = last.toString(16).padStart(4, '0');
    expect(send(card, `00b0${p}20`)).toBe('6c10');
    expect(send(card, `00b0${p}00`)).toBe(`${cert.subarray(last).toString('hex')}9000`);
  });
});
