// The SMP target emulator's parsers (sim/smp-target): the request handler of the
// application and of MCUboot serial recovery, and the zcbor-like decoder, on any request;
// and the whole emulator on a byte stream: whatever garbage came before, it still answers.
import fc from 'fast-check';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { concatBytes } from '../../protocol/bytes.js';
import { keyPairFromSeed } from '../../protocol/link/keys.js';
import { frameSmp, SmpSerialDecoder } from '../../protocol/smp/serial-framing.js';
import { decodeSmp, encodeSmp } from '../../protocol/smp/smp-packet.js';
import { TargetFlash } from '../../sim/smp-target/flash.js';
import { McubootRecovery } from '../../sim/smp-target/mcuboot-recovery.js';
import { SmpTarget } from '../../sim/smp-target/smp-target.js';
import { decodeBulk, parseCbor, zcbor } from '../../sim/smp-target/zcbor-decode.js';
import { hostile } from './arbitraries.js';
import { BytePipe, settle } from './byte-pipe.js';
import { expectThat, type FuzzTarget, neverThrows, neverThrowsAsync, property } from './harness.js';

const key = keyPairFromSeed(new Uint8Array(32).fill(9));

const field: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.integer({ min: -1, max: 0x80000 }),
    fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
    fc.string({ maxLength: 12 }),
    fc.uint8Array({ maxLength: 48 }),
    fc.boolean(),
    fc.array(tie('v'), { maxLength: 3 }),
  ),
})).v;

/** Requests as a client sends them, with the field names the handlers read and random values. */
const request: fc.Arbitrary<Uint8Array> = fc
  .record({
    op: fc.constantFrom(0, 2, 1, 3, 4),
    version: fc.constantFrom(0, 1) as fc.Arbitrary<0 | 1>,
    group: fc.oneof(fc.constantFrom(0, 1, 9), fc.integer({ min: 0, max: 0xffff })),
    id: fc.oneof(fc.constantFrom(0, 1, 5, 6, 7, 8), fc.integer({ min: 0, max: 255 })),
    seq: fc.integer({ min: 0, max: 255 }),
    payload: fc.dictionary(
      fc.constantFrom(
        'd',
        'off',
        'data',
        'len',
        'sha',
        'image',
        'hash',
        'confirm',
        'argv',
        'query',
        'format',
        'slot',
        'upgrade',
      ),
      field,
      { maxKeys: 5, noNullPrototype: true },
    ),
  })
  .map(({ payload, ...h }) => encodeSmp({ ...h, flags: 0 } as Parameters<typeof encodeSmp>[0], payload));

interface Handles {
  handle(body: Uint8Array): Promise<void>;
}

/** The emulator's request handler (private: the fuzz target calls what onData queues). */
function handlerOf(t: SmpTarget): Handles['handle'] {
  const h = (t as unknown as Partial<Handles>).handle;
  if (typeof h !== 'function') throw new Error('SmpTarget no longer has handle(): update the fuzz target');
  return h.bind(t);
}

let pipe: BytePipe;
let target: SmpTarget;
let handle: Handles['handle'];
let recovery: McubootRecovery;

function fresh(): void {
  pipe = new BytePipe();
  target = new SmpTarget(pipe, { signingKey: key.publicKey, ed: opensslEd25519, rebootMs: 0, eraseMs: 0 });
  handle = handlerOf(target);
  recovery = new McubootRecovery(new TargetFlash(key.publicKey, opensslEd25519));
}

const same = (b: Uint8Array): Uint8Array => b;
let echoes = 0;

export const smpTargetTarget: FuzzTarget = {
  name: 'smp-target',
  covers: [
    'sim/smp-target/smp-target.ts',
    'sim/smp-target/mcuboot-recovery.ts',
    'sim/smp-target/zcbor-decode.ts',
    'sim/smp-target/flash.ts',
  ],
  async setup() {
    fresh();
  },
  properties: [
    property<Uint8Array>(
      {
        name: 'request',
        weight: 3,
        arbitrary: hostile(request, 200),
        check: async (body) => {
          await neverThrowsAsync('SmpTarget request handler', () => handle(body));
          pipe.take();
        },
        toBytes: same,
        fromBytes: same,
      },
      { async: true },
    ),
    property<Uint8Array>({
      name: 'recovery-request',
      weight: 2,
      arbitrary: hostile(request, 200),
      check: (body) => {
        const g = ((body[4] ?? 0) << 8) | (body[5] ?? 0);
        neverThrows('McubootRecovery.answer', () =>
          recovery.answer(g, body[7] ?? 0, ((body[0] ?? 0) & 2) !== 0, body.subarray(8)),
        );
      },
      toBytes: same,
      fromBytes: same,
    }),
    property<Uint8Array>({
      name: 'zcbor',
      weight: 2,
      arbitrary: hostile(
        request.map((r) => r.subarray(8)),
        200,
      ),
      check: (cbor) => {
        neverThrows('parseCbor', () => parseCbor(cbor));
        neverThrows('decodeBulk', () =>
          decodeBulk(cbor, {
            d: zcbor.tstr,
            off: zcbor.uint32,
            data: zcbor.bstr,
            argv: zcbor.tstrList,
            confirm: zcbor.bool,
            n: zcbor.int32,
          }),
        );
      },
      toBytes: same,
      fromBytes: same,
    }),
    property<Uint8Array>(
      {
        name: 'stream-answers',
        arbitrary: hostile(
          request.map((r) => concatBytes(...frameSmp(r))),
          400,
        ),
        check: async (noise) => {
          if (target.stats.resets > 0) fresh(); // a reset in the noise: a new board
          neverThrows('SmpTarget on data', () => pipe.push(noise));
          await settle(() => false, 3);
          if (target.stats.resets > 0) return;
          pipe.take();
          const d = `echo-${++echoes}`;
          const echo = encodeSmp({ op: 2, version: 1, flags: 0, group: 0, seq: echoes & 0xff, id: 0 }, { d });
          neverThrows('SmpTarget on data', () =>
            pipe.push(concatBytes(Uint8Array.of(0x0a), ...frameSmp(echo))),
          );
          const dec = new SmpSerialDecoder(16384);
          let answered = false;
          await settle(() => {
            for (const w of pipe.take())
              for (const ev of dec.push(w))
                if (ev.type === 'packet' && decodeSmp(ev.body).payload.r === d) answered = true;
            return answered || target.stats.resets > 0;
          });
          expectThat(answered || target.stats.resets > 0, 'the SMP target stopped answering after garbage');
        },
        toBytes: same,
        fromBytes: same,
      },
      { async: true },
    ),
    property<Uint8Array>({
      name: 'unterminated-line',
      weight: 0.01,
      arbitrary: fc
        .uint8Array({ minLength: 700, maxLength: 1024 })
        .map((b) => b.map((x) => (x === 0x0a ? 0x20 : x))),
      check: (b) => {
        if (target.stats.resets > 0) fresh();
        for (let i = 0; i < 100; i++) neverThrows('SmpTarget on data', () => pipe.push(b));
        const line = (target as unknown as { line?: number[] }).line;
        if (!Array.isArray(line)) throw new Error('SmpTarget no longer has line: update the fuzz target');
        const n = line.length;
        // End the line, so that the next input starts clean.
        pipe.push(Uint8Array.of(0x0a));
        pipe.take();
        // The decoder it feeds caps a line at 4 KiB; a UART driver's ring buffer is smaller still.
        expectThat(n <= 16 * 1024, `the SMP target holds ${n} bytes of one unfinished line`);
      },
      toBytes: same,
      fromBytes: same,
    }),
  ],
};
