// The PN532 emulator's command parser (sim/pn532): every command code with any
// arguments is answered (response, error frame, or nothing for a command that waits) and
// never throws; on the byte stream, after any garbage, an ACK and a GetFirmwareVersion are
// answered again.
import fc from 'fast-check';
import { concatBytes } from '../../protocol/bytes.js';
import { ACK, encodeFrame, Pn532Parser, TFI_HOST, TFI_PN532 } from '../../protocol/pn532/frame.js';
import type { MyNumberCard } from '../../sim/card/mynumber-emulator.js';
import { Pn532Emulator } from '../../sim/pn532/pn532-emulator.js';
import { makeCard } from '../rig/emulated-card.js';
import { garbage, hostile } from './arbitraries.js';
import { BytePipe, settle } from './byte-pipe.js';
import { expectThat, type FuzzTarget, neverThrows, neverThrowsAsync, property } from './harness.js';

let card: MyNumberCard | undefined;
let pipe: BytePipe;
let emu: Pn532Emulator;

const CODES = [
  0x00, 0x02, 0x04, 0x06, 0x08, 0x0c, 0x0e, 0x10, 0x12, 0x14, 0x16, 0x32, 0x40, 0x42, 0x44, 0x46, 0x4a, 0x4e,
  0x50, 0x52, 0x54, 0x56, 0x58, 0x60, 0x86, 0x88, 0x8a, 0x8c, 0x8e, 0x90, 0x92, 0x94,
];

/** Command data (code ‖ arguments) as a host sends it, arguments drawn near what is valid. */
const commandData: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...CODES) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) },
    ),
    fc.oneof(
      fc.uint8Array({ maxLength: 8 }),
      fc.tuple(fc.constantFrom(1, 2), fc.constantFrom(3, 0, 1)).map(([n, br]) => Uint8Array.of(n, br, 0x00)),
      fc.tuple(fc.integer({ min: 0, max: 3 }), garbage(40)).map(([tg, d]) => Uint8Array.of(tg, ...d)),
      fc
        .tuple(fc.constantFrom(0x01, 0x02, 0x04, 0x05, 0x0a, 0x0b), fc.uint8Array({ maxLength: 12 }))
        .map(([i, d]) => Uint8Array.of(i, ...d)),
      fc.uint8Array({ maxLength: 6 }).map((d) => Uint8Array.of(0x63, ...d)),
    ),
  )
  .map(([code, args]) => Uint8Array.of(code, ...args));

interface Answers {
  answer(code: number, args: Uint8Array, signal: AbortSignal): Promise<unknown>;
}

function answerOf(e: Pn532Emulator): Answers['answer'] {
  const a = (e as unknown as Partial<Answers>).answer;
  if (typeof a !== 'function')
    throw new Error('Pn532Emulator no longer has answer(): update the fuzz target');
  return a.bind(e);
}

const aborted = AbortSignal.abort();
const firmware = encodeFrame(TFI_HOST, Uint8Array.of(0x02));
const wake = Uint8Array.of(0x55, 0x55, 0x00, 0x00, 0x00, 0x00, 0x00);

function fresh(): void {
  pipe = new BytePipe();
  emu = new Pn532Emulator(pipe);
  if (card) emu.placeCard(card);
  // Wake it from LowVbat as hosts do.
  pipe.push(Uint8Array.of(0x55, 0x55, 0, 0, 0));
}

/**
 * After any garbage: zeros end whatever frame the garbage began, ACKs abort what it started
 * (a command may wait for a card or a poll period), then GetFirmwareVersion is answered.
 */
async function expectAnswers(): Promise<void> {
  neverThrows('PN532 emulator on data', () => pipe.push(concatBytes(wake, new Uint8Array(300), ACK)));
  for (let i = 0; i < 40; i++) {
    await settle(() => false, 2);
    pipe.push(ACK);
  }
  pipe.take();
  pipe.push(firmware);
  const parser = new Pn532Parser();
  let answered = false;
  await settle(() => {
    for (const w of pipe.take())
      for (const ev of parser.push(w))
        if (ev.type === 'frame' && ev.tfi === TFI_PN532 && ev.data[0] === 0x03) answered = true;
    return answered;
  }, 200);
  if (answered) return;
  const why = `the PN532 emulator stopped answering GetFirmwareVersion after garbage (stats ${JSON.stringify(emu.stats)})`;
  fresh();
  expectThat(false, why);
}

export const pn532EmulatorTarget: FuzzTarget = {
  name: 'pn532-emulator',
  covers: [
    'sim/pn532/pn532-emulator.ts',
    'sim/pn532/system-commands.ts',
    'sim/pn532/initiator-commands.ts',
    'sim/pn532/registers.ts',
    'sim/pn532/type-b-picc.ts',
  ],
  async setup() {
    card ??= await makeCard('normal');
    fresh();
  },
  properties: [
    property<[boolean, Uint8Array]>(
      {
        name: 'command',
        weight: 4,
        arbitrary: fc.tuple(fc.boolean(), hostile(commandData, 60)),
        check: async ([live, d]) => {
          if (d.length === 0) return;
          // Commands that wait for a card or a field time out at once, or after 2 ms.
          const signal = live ? AbortSignal.timeout(2) : aborted;
          const a = await neverThrowsAsync('PN532 emulator command handler', () =>
            answerOf(emu)(d[0]!, d.subarray(1), signal),
          );
          expectThat(a instanceof Uint8Array || typeof a === 'symbol', `an answer of type ${typeof a}`);
        },
        toBytes: ([live, d]) => Uint8Array.of(live ? 1 : 0, ...d),
        fromBytes: (b) => [b[0] === 1, b.subarray(1)],
      },
      { async: true },
    ),
    property<[number, Uint8Array]>(
      {
        name: 'stream-answers',
        arbitrary: fc.tuple(
          fc.nat({ max: 31 }),
          hostile(
            commandData.map((d) => encodeFrame(TFI_HOST, d)),
            300,
          ),
        ),
        check: async ([k, noise]) => {
          neverThrows('PN532 emulator on data', () => pipe.push(noise));
          await settle(() => false, 2);
          pipe.take();
          // One input in 32 checks that the emulator still answers (a probe costs ~100 turns).
          if (k === 0) await expectAnswers();
        },
        toBytes: ([, noise]) => noise,
        fromBytes: (noise) => [0, noise],
      },
      { async: true },
    ),
  ],
};
