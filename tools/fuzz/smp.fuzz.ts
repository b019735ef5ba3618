// SMP over the console UART (protocol/smp/serial-framing.ts) and SMP packets
// (protocol/smp/smp-packet.ts): the line decoder never throws, holds bounded state, frames any
// split of a stream alike and finds a packet after any garbage line; packet decoding refuses
// garbage with ReaderError only.
import fc from 'fast-check';
import { bytesEqual, concatBytes } from '../../protocol/bytes.js';
import { frameSmp, SmpSerialDecoder, type SmpSerialEvent } from '../../protocol/smp/serial-framing.js';
import { decodeSmp, encodeSmp, rcName, responseError } from '../../protocol/smp/smp-packet.js';
import { cuts, garbage, hostile } from './arbitraries.js';
import { chunksOf, expectThat, type FuzzTarget, neverThrows, onlyReaderError, property } from './harness.js';

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.integer(),
    fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
    fc.string({ maxLength: 20 }),
    fc.uint8Array({ maxLength: 64 }),
    fc.boolean(),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('v'), { maxKeys: 3, noNullPrototype: true }),
  ),
})).v;

const packet: fc.Arbitrary<Uint8Array> = fc
  .record({
    op: fc.constantFrom(0, 1, 2, 3),
    version: fc.constantFrom(0, 1) as fc.Arbitrary<0 | 1>,
    flags: fc.integer({ min: 0, max: 255 }),
    group: fc.oneof(fc.constantFrom(0, 1, 9), fc.integer({ min: 0, max: 0xffff })),
    seq: fc.integer({ min: 0, max: 255 }),
    id: fc.integer({ min: 0, max: 255 }),
    payload: fc.dictionary(
      fc.constantFrom('rc', 'err', 'images', 'off', 'data', 'len', 'sha', 'd', 'r'),
      value,
      { maxKeys: 4, noNullPrototype: true },
    ),
  })
  .map(({ payload, ...h }) => encodeSmp(h as Parameters<typeof encodeSmp>[0], payload));

const framed = packet.map((p) => concatBytes(...frameSmp(p)));

/** The decoder's line and packet buffers (the "no growth" oracle reads its own fields). */
function held(d: SmpSerialDecoder): { line: number; have: number } {
  const inner = d as unknown as { line?: number[]; have?: number };
  if (!Array.isArray(inner.line) || typeof inner.have !== 'number')
    throw new Error('SmpSerialDecoder no longer has line/have: update the fuzz target');
  return { line: inner.line.length, have: inner.have };
}

const MAX_PACKET = 8192;

function pushAll(d: SmpSerialDecoder, chunks: readonly Uint8Array[]): SmpSerialEvent[] {
  const out: SmpSerialEvent[] = [];
  for (const c of chunks) {
    out.push(...neverThrows('SmpSerialDecoder.push', () => d.push(c)));
    const h = held(d);
    expectThat(h.line <= 4096, `line buffer of ${h.line} bytes`);
    // A packet under way: at most the cap plus one line's worth of base64.
    expectThat(h.have <= MAX_PACKET + 4096, `packet buffer of ${h.have} bytes`);
  }
  return out;
}

interface StreamInput {
  readonly noise: Uint8Array;
  readonly packet: Uint8Array;
  readonly cuts: readonly number[];
}

const REPLAY_PACKET = encodeSmp({ op: 1, version: 1, flags: 0, group: 0, seq: 7, id: 0 }, { r: 'hello' });

function checkStream(x: StreamInput): void {
  // After any garbage, a newline ends the garbage line; the packet's lines follow.
  const stream = concatBytes(x.noise, Uint8Array.of(0x0a), ...frameSmp(x.packet));
  const evs = pushAll(new SmpSerialDecoder(MAX_PACKET), chunksOf(stream, x.cuts));
  const last = evs.at(-1);
  expectThat(
    last?.type === 'packet' && bytesEqual(last.body, x.packet),
    `no resynchronisation: the last event after the noise is ${last?.type ?? 'none'}, not the packet`,
  );
  const whole = pushAll(new SmpSerialDecoder(MAX_PACKET), [stream]);
  expectThat(
    JSON.stringify(whole) === JSON.stringify(evs),
    'a split stream decoded differently from the whole',
  );
}

const same = (b: Uint8Array): Uint8Array => b;

export const smpTarget: FuzzTarget = {
  name: 'smp',
  covers: ['protocol/smp/serial-framing.ts', 'protocol/smp/smp-packet.ts', 'protocol/smp/crc16.ts'],
  properties: [
    property<StreamInput>({
      name: 'serial-resync',
      weight: 3,
      arbitrary: fc.record({ noise: hostile(framed, 600), packet, cuts }),
      check: checkStream,
      toBytes: (x) => x.noise,
      fromBytes: (noise) => ({ noise, packet: REPLAY_PACKET, cuts: [] }),
    }),
    property<Uint8Array>({
      name: 'packet',
      weight: 3,
      arbitrary: hostile(packet, 300),
      check: (b) => {
        const p = onlyReaderError('decodeSmp', () => decodeSmp(b));
        if (!p) return;
        const err = neverThrows('responseError', () => responseError(p.payload));
        if (err) expectThat(typeof rcName(err.rc, err.group) === 'string', 'rcName gave no name');
      },
      toBytes: same,
      fromBytes: same,
    }),
    property<Uint8Array>({
      name: 'cbor-payload',
      // Raw CBOR behind a valid header: what cbor-x makes of garbage must come out a ReaderError.
      arbitrary: hostile(
        value.map((v) =>
          encodeSmp({ op: 1, version: 1, flags: 0, group: 1, seq: 0, id: 0 }, { v }).subarray(8),
        ),
        200,
      ),
      check: (cbor) => {
        const head = Uint8Array.of(0x09, 0, cbor.length >> 8, cbor.length & 0xff, 0, 1, 0, 0);
        const p = onlyReaderError('decodeSmp', () => decodeSmp(concatBytes(head, cbor.subarray(0, 0xffff))));
        if (p) neverThrows('responseError', () => responseError(p.payload));
      },
      toBytes: same,
      fromBytes: same,
    }),
    property<Uint8Array>({
      name: 'serial-garbage',
      arbitrary: garbage(2000),
      check: (b) => void pushAll(new SmpSerialDecoder(MAX_PACKET), [b]),
      toBytes: same,
      fromBytes: same,
    }),
  ],
};
