// The reader's side of a hostile card (device/mynumber/mynumber-card.ts over
// device/card/card-channel.ts): whatever a card answers, the driver fails with a ReaderError
// only. Two cards: one that is a My Number card in every way but its card-face record
// (EF 0002 from the emulator, mutated), and one that answers each command with arbitrary
// R-APDU bytes.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CardChannel } from '../../device/card/card-channel.js';
import type { CardModule, CardModuleEvents } from '../../device/card/card-module.js';
import { MyNumberCardApi } from '../../device/mynumber/mynumber-card.js';
import { decodeApdu, encodeResponse } from '../../protocol/apdu/apdu.js';
import { encodeTlv, parseTlvs } from '../../protocol/apdu/ber-tlv.js';
import { concatBytes } from '../../protocol/bytes.js';
import { FaceTag } from '../../protocol/mynumber/mynumber.js';
import { CARD_STATE, makeCard } from '../rig/emulated-card.js';
import { garbage, hostile, mutated } from './arbitraries.js';
import { type FuzzTarget, onlyReaderErrorAsync, property } from './harness.js';

/** A card module answering from a function of the C-APDU; no RF, no timing. */
class ScriptedCard extends EventEmitter<CardModuleEvents> implements CardModule {
  readonly name = 'fuzz';
  readonly cardPresent = true;
  readonly maxResponseData = 256;
  constructor(private readonly answer: (apdu: Uint8Array) => Uint8Array) {
    super();
  }
  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    return this.answer(apdu);
  }
  async close(): Promise<void> {}
}

const sw = (s: number): Uint8Array => encodeResponse(new Uint8Array(), s);

/** A My Number card whose EF 0002 holds `record`: READ BINARY as ISO 7816-4 has it. */
function faceCard(record: Uint8Array): ScriptedCard {
  return new ScriptedCard((bytes) => {
    const c = decodeApdu(bytes);
    if (c.ins === 0xa4) return sw(0x9000);
    if (c.ins === 0x20) return sw(c.data?.length ? 0x9000 : 0x63ca);
    if (c.ins === 0x2a) return encodeResponse(new Uint8Array(256).fill(7), 0x9000);
    if (c.ins !== 0xb0) return sw(0x6d00);
    const off = (c.p1 << 8) | c.p2;
    if (off > record.length) return sw(0x6b00);
    const avail = record.length - off;
    const le = c.le ?? 0;
    if (le !== 256 && le > avail) return sw(0x6c00 | (avail & 0xff));
    return encodeResponse(record.subarray(off, off + Math.min(le || 256, avail)), 0x9000);
  });
}

/** A card answering the i-th command with answers[i] (then 6F00). */
function scriptedCard(answers: readonly Uint8Array[]): ScriptedCard {
  let i = 0;
  return new ScriptedCard(() => answers[i++] ?? sw(0x6f00));
}

let record: Uint8Array = new Uint8Array();

/** The record with DF24's RSA key (90 e, 91 n) replaced: what createPublicKey gets from a card. */
function withKey(e: Uint8Array, n: Uint8Array): Uint8Array {
  const rec = parseTlvs(record).find((t) => t.tag === FaceTag.RECORD)!;
  const parts = parseTlvs(rec.value).map((t) =>
    t.tag === FaceTag.AP_PUBLIC_KEY
      ? encodeTlv(t.tag, concatBytes(encodeTlv(0x90, e), encodeTlv(0x91, n)))
      : rec.value.subarray(t.offset, t.offset + t.length),
  );
  return encodeTlv(FaceTag.RECORD, concatBytes(...parts));
}
const KEY_B = '07010120351234';
const api = (m: CardModule): MyNumberCardApi => new MyNumberCardApi(new CardChannel(m));

const answer: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc
    .constantFrom(
      0x9000,
      0x6a82,
      0x63c3,
      0x63c1,
      0x63c0,
      0x6983,
      0x6984,
      0x6100,
      0x6110,
      0x6c10,
      0x6c00,
      0x6b00,
    )
    .map(sw),
  fc.tuple(garbage(300), fc.constantFrom(0x9000, 0x6100, 0x6c05)).map(([d, s]) => encodeResponse(d, s)),
  garbage(8),
);

export const cardReaderTarget: FuzzTarget = {
  name: 'card-reader',
  covers: ['device/mynumber/mynumber-card.ts', 'device/card/card-channel.ts'],
  async setup() {
    const card = await makeCard('normal');
    record = new Uint8Array(readFileSync(join(CARD_STATE, 'cards', card.id, 'face-record.bin')));
  },
  properties: [
    property<Uint8Array>(
      {
        name: 'face-record',
        weight: 2,
        arbitrary: fc.oneof(
          { weight: 4, arbitrary: mutated(fc.constant(0).map(() => record)) },
          {
            weight: 1,
            arbitrary: hostile(
              fc.constant(0).map(() => record.subarray(0, 64)),
              300,
            ),
          },
          {
            weight: 2,
            arbitrary: fc
              .tuple(
                fc.oneof(fc.constant(Uint8Array.of(1, 0, 1)), fc.uint8Array({ maxLength: 9 })),
                fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.constant(new Uint8Array(256).fill(0xff))),
              )
              .map(([e, n]) => withKey(e, n)),
          },
        ),
        check: async (rec) => {
          await onlyReaderErrorAsync('readCardFace', () => api(faceCard(rec)).readCardFace(KEY_B));
        },
        toBytes: (b) => b,
        fromBytes: (b) => b,
      },
      { async: true },
    ),
    property<Uint8Array[]>(
      {
        name: 'answers',
        arbitrary: fc.array(answer, { maxLength: 12 }),
        check: async (answers) => {
          await onlyReaderErrorAsync('readCardFace', () => api(scriptedCard(answers)).readCardFace(KEY_B));
          await onlyReaderErrorAsync('pinState', () => api(scriptedCard(answers)).pinState());
          await onlyReaderErrorAsync('readUserAuthCertificate', () =>
            api(scriptedCard(answers)).readUserAuthCertificate(),
          );
          await onlyReaderErrorAsync('signDigest', () =>
            api(scriptedCard(answers)).signDigest(new Uint8Array(32)),
          );
        },
        // Corpus: each answer as u16 length ‖ bytes.
        toBytes: (as) =>
          concatBytes(...as.map((a) => concatBytes(Uint8Array.of(a.length >> 8, a.length & 0xff), a))),
        fromBytes: (b) => {
          const out: Uint8Array[] = [];
          for (let i = 0; i + 2 <= b.length; i += 2 + ((b[i]! << 8) | b[i + 1]!))
            out.push(b.subarray(i + 2, i + 2 + ((b[i]! << 8) | b[i + 1]!)));
          return out;
        },
      },
      { async: true },
    ),
  ],
};
