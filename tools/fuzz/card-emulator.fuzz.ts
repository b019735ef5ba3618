// The emulated My Number card's command parser (sim/card/mynumber-emulator.ts): any
// sequence of APDUs (valid commands of its applications, mutated, garbage) is answered with a
// status word; nothing but a ReaderError from decodeApdu ever escapes its handler.
import fc from 'fast-check';
import { type CommandApdu, decodeApdu, encodeApdu } from '../../protocol/apdu/apdu.js';
import { concatBytes, utf8 } from '../../protocol/bytes.js';
import { AID, apdu, EF } from '../../protocol/mynumber/mynumber.js';
import type { MyNumberCard } from '../../sim/card/mynumber-emulator.js';
import { makeCard } from '../rig/emulated-card.js';
import { garbage, hostile } from './arbitraries.js';
import { expectThat, type FuzzTarget, neverThrows, onlyReaderError, property } from './harness.js';

let card: MyNumberCard | undefined;

const digest = (n: number, prefix: number[]): fc.Arbitrary<Uint8Array> =>
  fc.uint8Array({ minLength: n, maxLength: n }).map((d) => Uint8Array.from([...prefix, ...d]));
// DigestInfo prefixes for SHA-256 and SHA-1 (RFC 8017 §9.2 note 1).
const SHA256_DI = [
  0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04,
  0x20,
];
const SHA1_DI = [0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14];

/** The commands the card's applications answer, with arguments anywhere in their range. */
const command: fc.Arbitrary<CommandApdu> = fc.oneof(
  fc.constantFrom(...Object.values(AID)).map(apdu.selectAid),
  fc.oneof(fc.constantFrom(...Object.values(EF)), fc.integer({ min: 0, max: 0xffff })).map(apdu.selectEf),
  fc
    .tuple(
      fc.integer({ min: 0, max: 0x7fff }),
      fc.oneof(fc.constantFrom(0, 256), fc.integer({ min: 1, max: 300 })),
    )
    .map(([o, le]) => apdu.readBinary(o % 3000, le)),
  fc.integer({ min: 0x80, max: 0x9f }).map((p1) => ({ cla: 0, ins: 0xb0, p1, p2: 0, le: 256 })),
  fc.constant(apdu.triesLeft()),
  fc
    .oneof(fc.constantFrom('1234', 'ABC123', '0000'), fc.string({ maxLength: 16 }))
    .map((s) => apdu.verify(utf8(s))),
  fc.constant('keyB').map(() => apdu.verify(utf8(card?.printedKeyB ?? '0'))),
  fc.oneof(digest(32, SHA256_DI), digest(20, SHA1_DI), garbage(60)).map(apdu.jpkiSign),
  fc.oneof(digest(32, SHA256_DI), garbage(60)).map(apdu.internalAuth),
  fc.integer({ min: 0, max: 256 }).map((le) => ({ cla: 0, ins: 0xc0, p1: 0, p2: 0, le })),
);

const apduBytes = command.map((c) => encodeApdu(c));

interface Handles {
  handle(c: ReturnType<typeof decodeApdu>): Uint8Array;
}

/** The card's command handler, before `process` turns whatever it threw into 6700. */
function handle(c: MyNumberCard, bytes: Uint8Array): Uint8Array | undefined {
  const h = (c as unknown as Partial<Handles>).handle;
  if (typeof h !== 'function') throw new Error('MyNumberCard no longer has handle(): update the fuzz target');
  const decoded = onlyReaderError('decodeApdu', () => decodeApdu(bytes));
  if (!decoded) return undefined;
  return neverThrows('MyNumberCard command handler', () => h.call(c, decoded));
}

// A session's APDUs, each prefixed by its length in the corpus file.
const encodeSession = (s: readonly Uint8Array[]): Uint8Array =>
  concatBytes(...s.map((a) => concatBytes(Uint8Array.of(a.length >> 8, a.length & 0xff), a)));
function decodeSession(b: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i + 2 <= b.length; ) {
    const n = (b[i]! << 8) | b[i + 1]!;
    out.push(b.subarray(i + 2, i + 2 + n));
    i += 2 + n;
  }
  return out;
}

export const cardEmulatorTarget: FuzzTarget = {
  name: 'card-emulator',
  covers: ['sim/card/mynumber-emulator.ts', 'protocol/mynumber/digest-info.ts'],
  async setup() {
    card ??= await makeCard('normal');
  },
  properties: [
    property<Uint8Array[]>({
      name: 'session',
      arbitrary: fc.array(hostile(apduBytes, 80), { minLength: 1, maxLength: 6 }),
      check: (session) => {
        const c = card!;
        for (const a of session) {
          const r = handle(c, a);
          if (r) expectThat(r.length >= 2, `an answer of ${r.length} bytes has no status word`);
        }
        // Left in any state, the card still answers a fresh selection.
        c.deselect();
        const sel = handle(c, encodeApdu(apdu.selectAid(AID.JPKI)));
        expectThat(sel !== undefined && sel.at(-2) === 0x90, 'the card stopped answering SELECT');
      },
      toBytes: encodeSession,
      fromBytes: decodeSession,
    }),
  ],
};
