// The My Number card emulator on its own: real certificates, counters that persist, the
// My Number application never needed.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MyNumberCard } from '../../hardware/card/mynumber-emulator.js';
import { encodeApdu } from '../../protocol/apdu/apdu.js';
import { toHex } from '../../protocol/bytes.js';
import { AID, apdu, EF } from '../../protocol/mynumber/mynumber.js';
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
