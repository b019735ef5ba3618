// USB CCID messages, NotifySlotChange and the contactless pseudo-ATR (protocol/ccid/ccid.ts):
// garbage refused with ReaderError only; what we encode decodes back.
import fc from 'fast-check';
import { bytesEqual } from '../../protocol/bytes.js';
import {
  type CcidMessage,
  CcidMsg,
  decodeCcid,
  encodeCcid,
  encodeSlotChange,
  parsePseudoAtr,
  parseSlotChange,
  pseudoAtr,
  replyStatus,
  typeBPseudoAtr,
} from '../../protocol/ccid/ccid.js';
import { hostile } from './arbitraries.js';
import { expectThat, type FuzzTarget, onlyReaderError, property } from './harness.js';

const byte = fc.integer({ min: 0, max: 255 });
const message: fc.Arbitrary<CcidMessage> = fc.record({
  type: fc.oneof(fc.constantFrom(...Object.values(CcidMsg)), byte),
  slot: byte,
  seq: byte,
  b7: byte,
  b8: byte,
  b9: byte,
  data: fc.uint8Array({ maxLength: 300 }),
});

const same = (b: Uint8Array): Uint8Array => b;
const atqb = fc.uint8Array({ minLength: 11, maxLength: 16 }).map((b) => Uint8Array.of(0x50, ...b));

export const ccidTarget: FuzzTarget = {
  name: 'ccid',
  covers: ['protocol/ccid/ccid.ts'],
  properties: [
    property<Uint8Array>({
      name: 'message',
      weight: 2,
      arbitrary: hostile(message.map(encodeCcid), 300),
      check: (b) => {
        const m = onlyReaderError('decodeCcid', () => decodeCcid(b));
        if (!m) return;
        expectThat(bytesEqual(encodeCcid(m), b), 'decodeCcid ∘ encodeCcid is not the identity');
        const s = replyStatus(m);
        expectThat(['active', 'present', 'absent'].includes(s.icc), `ICC status ${s.icc}`);
      },
      toBytes: same,
      fromBytes: same,
    }),
    property<Uint8Array>({
      name: 'slot-change',
      arbitrary: hostile(
        fc.tuple(fc.boolean(), fc.boolean()).map(([p, c]) => encodeSlotChange(p, c)),
        64,
      ),
      check: (b) => {
        const slots = onlyReaderError('parseSlotChange', () => parseSlotChange(b));
        if (slots) expectThat(slots.length === (b.length - 1) * 4, 'slot count does not follow the bytes');
      },
      toBytes: same,
      fromBytes: same,
    }),
    property<Uint8Array>({
      name: 'pseudo-atr',
      arbitrary: hostile(
        fc.oneof(
          fc.uint8Array({ maxLength: 15 }).map(pseudoAtr),
          atqb.map((a) => onlyReaderError('typeBPseudoAtr', () => typeBPseudoAtr(a)) ?? a),
        ),
        40,
      ),
      check: (b) => {
        const r = onlyReaderError('parsePseudoAtr', () => parsePseudoAtr(b));
        if (r)
          expectThat(
            bytesEqual(pseudoAtr(r.historical), b) === r.tckOk,
            'TCK check disagrees with pseudoAtr',
          );
        onlyReaderError('typeBPseudoAtr', () => typeBPseudoAtr(b));
      },
      toBytes: same,
      fromBytes: same,
    }),
  ],
};
