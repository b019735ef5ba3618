// The console's traffic decoders (tools/console/decoders.ts): whatever crosses the serial
// line, in any split, they render lines and never throw; what they hold between pushes stays
// bounded.
import fc from 'fast-check';
import { concatBytes } from '../../protocol/bytes.js';
import { encodeFrame, TFI_HOST, TFI_PN532 } from '../../protocol/pn532/frame.js';
import { frameSmp } from '../../protocol/smp/serial-framing.js';
import { encodeSmp } from '../../protocol/smp/smp-packet.js';
import { makeDecoder } from '../console/decoders.js';
import { cuts, garbage, hostile } from './arbitraries.js';
import { chunksOf, expectThat, type FuzzTarget, neverThrows, property } from './harness.js';

const pn532 = fc
  .tuple(
    fc.constantFrom(TFI_HOST, TFI_PN532),
    fc.constantFrom(0x02, 0x03, 0x40, 0x41, 0x43, 0x4a, 0x4b),
    garbage(40),
  )
  .map(([tfi, code, d]) => encodeFrame(tfi, Uint8Array.of(code, ...d)));
const smp = fc
  .record({
    op: fc.constantFrom(0, 1, 2, 3),
    group: fc.constantFrom(0, 1, 9, 77),
    id: fc.nat({ max: 9 }),
    r: fc.string(),
  })
  .map(({ r, ...h }) =>
    concatBytes(
      ...frameSmp(
        encodeSmp({ ...h, version: 1, flags: 0, seq: 1 } as Parameters<typeof encodeSmp>[0], {
          r,
          n: 1n << 60n,
        }),
      ),
    ),
  );
const json = fc
  .dictionary(fc.constantFrom('time', 'level', 'ns', 'msg', 'x', 'toString', '__proto__'), fc.jsonValue(), {
    maxKeys: 5,
  })
  .map((o) => new TextEncoder().encode(`${JSON.stringify(o)}\n`));

/** Bytes a decoder may hold between pushes: a partial line or frame, never the whole stream. */
const MAX_HELD = 64 * 1024;

function held(d: unknown): number {
  const partial = (d as { partial?: Record<string, string> }).partial;
  return partial ? Math.max(...Object.values(partial).map((s) => s.length)) : 0;
}

interface Input {
  readonly decoder: 'smp' | 'pn532' | 'readerd';
  readonly bytes: Uint8Array;
  readonly cuts: readonly number[];
  readonly repeat: number;
}

const names = ['smp', 'pn532', 'readerd'] as const;

export const consoleTarget: FuzzTarget = {
  name: 'console',
  covers: ['tools/console/decoders.ts'],
  properties: [
    property<Input>({
      name: 'decoders',
      arbitrary: fc.record({
        decoder: fc.constantFrom(...names),
        bytes: hostile(fc.oneof(pn532, smp, json), 400),
        cuts,
        // The input up to 200 times over (16 KiB at most): what a line without an end costs.
        repeat: fc.oneof(
          { weight: 9, arbitrary: fc.constant(1) },
          { weight: 1, arbitrary: fc.integer({ min: 2, max: 200 }) },
        ),
      }),
      check: (x) => {
        const d = makeDecoder(x.decoder);
        // At most 16 KiB in all: the time bound is per input, and an input is one burst of traffic.
        const repeat = Math.max(1, Math.min(x.repeat, Math.floor(16384 / Math.max(1, x.bytes.length))));
        for (let i = 0; i < repeat; i++)
          for (const c of chunksOf(x.bytes, x.cuts)) {
            const lines = neverThrows(`${x.decoder} decoder`, () => d.push(i % 2 ? 'tx' : 'rx', c));
            expectThat(
              lines.every((l) => typeof l === 'string'),
              'a decoder line that is not a string',
            );
          }
        const n = held(d);
        expectThat(n <= MAX_HELD, `the ${x.decoder} decoder holds ${n} characters of one unfinished line`);
      },
      toBytes: (x) => concatBytes(Uint8Array.of(names.indexOf(x.decoder), Math.min(255, x.repeat)), x.bytes),
      fromBytes: (b) => ({
        decoder: names[(b[0] ?? 0) % 3]!,
        repeat: b[1] ?? 1,
        bytes: b.subarray(2),
        cuts: [],
      }),
    }),
    property<[number, Uint8Array]>({
      name: 'unterminated-line',
      weight: 0.01,
      // 100 pushes of up to 1 KiB with no newline: one line that never ends.
      arbitrary: fc.tuple(
        fc.nat({ max: 2 }),
        fc.uint8Array({ minLength: 700, maxLength: 1024 }).map((b) => b.map((x) => (x === 0x0a ? 0x20 : x))),
      ),
      check: ([k, b]) => {
        const d = makeDecoder(names[k]!);
        for (let i = 0; i < 100; i++) neverThrows(`${names[k]} decoder`, () => d.push('rx', b));
        const n = held(d);
        expectThat(n <= MAX_HELD, `the ${names[k]} decoder holds ${n} characters of one unfinished line`);
      },
      toBytes: ([k, b]) => concatBytes(Uint8Array.of(k), b),
      fromBytes: (b) => [(b[0] ?? 0) % 3, b.subarray(1)],
    }),
  ],
};
