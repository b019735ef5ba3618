// PN532 HSU frames (protocol/pn532/frame.ts) and response payloads (commands.ts): the stream
// parser never throws, keeps at most one capped frame, and finds a valid frame after any
// garbage; the payload parsers refuse garbage with ReaderError only.
import fc from 'fast-check';
import { bytesEqual, concatBytes } from '../../protocol/bytes.js';
import { parseFirmwareVersion, parseTypeBTargets } from '../../protocol/pn532/commands.js';
import {
  encodeFrame,
  MAX_EXTENDED,
  type Pn532Event,
  Pn532Parser,
  pn532CommandName,
  TFI_HOST,
  TFI_PN532,
} from '../../protocol/pn532/frame.js';
import { cuts, garbage, hostile } from './arbitraries.js';
import {
  chunksOf,
  expectThat,
  FuzzFinding,
  type FuzzTarget,
  neverThrows,
  onlyReaderError,
  property,
} from './harness.js';

const ACK_NACK = [Uint8Array.of(0, 0, 0xff, 0, 0xff, 0), Uint8Array.of(0, 0, 0xff, 0xff, 0, 0)];

/** Frame data with no 00 FF inside: a start code in the data could legitimately start a frame. */
const frameData = (max: number): fc.Arbitrary<Uint8Array> =>
  fc.uint8Array({ minLength: 1, maxLength: max }).map((d) => {
    const out = d.slice();
    for (let i = 0; i + 1 < out.length; i++) if (out[i] === 0x00 && out[i + 1] === 0xff) out[i + 1] = 0xfe;
    return out;
  });

const validFrame: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc
    .tuple(fc.constantFrom(TFI_HOST, TFI_PN532), fc.uint8Array({ maxLength: MAX_EXTENDED - 1 }))
    .map(([tfi, d]) => encodeFrame(tfi, d)),
  fc.constantFrom(...ACK_NACK, Uint8Array.of(0, 0, 0xff, 0x01, 0xff, 0x7f, 0x81, 0)),
);

/** A parser's unconsumed bytes (the "no growth" oracle reads the parser's own fields). */
function pending(p: Pn532Parser): number {
  const inner = p as unknown as { buf?: Uint8Array; pos?: number };
  if (!(inner.buf instanceof Uint8Array) || typeof inner.pos !== 'number')
    throw new Error('Pn532Parser no longer has buf/pos: update the fuzz target');
  return inner.buf.length - inner.pos;
}

/** Extended header (9) + TFI and data + DCS + postamble: the most a parser may hold. */
const MAX_PENDING = 9 + MAX_EXTENDED + 2;

function push(p: Pn532Parser, chunk: Uint8Array): Pn532Event[] {
  const evs = neverThrows('Pn532Parser.push', () => p.push(chunk));
  const left = pending(p);
  expectThat(left <= MAX_PENDING, `parser holds ${left} bytes after a push (cap ${MAX_PENDING})`);
  for (const e of evs)
    if (e.type === 'frame') expectThat(e.data.length < MAX_EXTENDED, `frame of ${e.data.length} data bytes`);
  return evs;
}

interface StreamInput {
  readonly noise: Uint8Array;
  readonly tfi: number;
  readonly data: Uint8Array;
  readonly cuts: readonly number[];
}

const REPLAY_FRAME = { tfi: TFI_PN532, data: Uint8Array.of(0x03, 0x32, 0x01, 0x06, 0x07) };

function checkStream(x: StreamInput): void {
  const frame = encodeFrame(x.tfi, x.data);
  // Enough copies that the longest frame a header in the noise can claim ends before the last two.
  const copies = Math.ceil(MAX_PENDING / frame.length) + 2;
  const stream = concatBytes(x.noise, ...Array.from({ length: copies }, () => frame));
  const p = new Pn532Parser();
  const evs: Pn532Event[] = [];
  for (const c of chunksOf(stream, x.cuts)) evs.push(...push(p, c));
  const last = evs.at(-1);
  if (last?.type === 'frame' && last.tfi === x.tfi && bytesEqual(last.data, x.data)) return;
  // LEN 00 read as a frame makes every frame whose tail holds 00 FF (data ending 00, DCS FF)
  // eat the next one's start code: known open finding pn532-len-zero.
  const lenZero = evs.some((e) => e.type === 'frame' && e.tfi === 0 && e.data.length === 0);
  throw new FuzzFinding(
    `no resynchronisation: the last event after the noise is ${last ? last.type : 'none'}, not the frame${lenZero ? ' (a LEN 00 frame was accepted)' : ''}`,
  );
}

const same = (b: Uint8Array): Uint8Array => b;

export const pn532Target: FuzzTarget = {
  name: 'pn532',
  covers: ['protocol/pn532/frame.ts', 'protocol/pn532/commands.ts'],
  properties: [
    property<StreamInput>({
      name: 'stream-resync',
      weight: 4,
      arbitrary: fc.record({
        noise: hostile(validFrame, 600),
        tfi: fc.constantFrom(TFI_HOST, TFI_PN532),
        data: frameData(40),
        cuts,
      }),
      check: checkStream,
      // Corpus: u16 noise length ‖ noise ‖ TFI ‖ frame data.
      toBytes: (x) =>
        concatBytes(
          Uint8Array.of(x.noise.length >> 8, x.noise.length & 0xff),
          x.noise,
          Uint8Array.of(x.tfi),
          x.data,
        ),
      fromBytes: (b) => {
        const n = ((b[0] ?? 0) << 8) | (b[1] ?? 0);
        const rest = b.subarray(2 + n);
        return rest.length >= 2
          ? { noise: b.subarray(2, 2 + n), tfi: rest[0]!, data: rest.subarray(1), cuts: [] }
          : { noise: b.subarray(2, 2 + n), ...REPLAY_FRAME, cuts: [] };
      },
    }),
    property<Uint8Array>({
      name: 'len-zero',
      weight: 0.05,
      // LEN 00 with LCS 00 passes the length checksum but is no frame: TFI is part of LEN.
      arbitrary: fc
        .uint8Array({ minLength: 1, maxLength: 4 })
        .map((tail) => concatBytes(Uint8Array.of(0, 0, 0xff, 0, 0), tail)),
      check: (b) => {
        const evs = push(new Pn532Parser(), b);
        expectThat(!evs.some((e) => e.type === 'frame'), 'a LEN 00 frame was accepted');
      },
      toBytes: same,
      fromBytes: same,
    }),
    property<Uint8Array>({
      name: 'stream-bytewise',
      // One byte per push: every state the parser can wait in.
      arbitrary: hostile(validFrame, 300),
      check: (b) => {
        const p = new Pn532Parser();
        for (let i = 0; i < b.length; i++) push(p, b.subarray(i, i + 1));
      },
      toBytes: same,
      fromBytes: same,
    }),
    property<{ tfi: number; data: Uint8Array; cuts: number[] }>({
      name: 'frame-roundtrip',
      arbitrary: fc.record({
        // TFI 7F with no data is the application error frame, by definition.
        tfi: fc.integer({ min: 0, max: 255 }).filter((t) => t !== 0x7f),
        data: fc.uint8Array({ maxLength: MAX_EXTENDED - 1 }),
        cuts,
      }),
      check: (x) => {
        const p = new Pn532Parser();
        const evs = chunksOf(encodeFrame(x.tfi, x.data), x.cuts).flatMap((c) => push(p, c));
        const frames = evs.filter((e) => e.type === 'frame');
        expectThat(
          frames.length === 1 && frames[0]!.tfi === x.tfi && bytesEqual(frames[0]!.data, x.data),
          `encodeFrame(${x.tfi}, ${x.data.length} bytes) did not parse back as one frame`,
        );
      },
      toBytes: (x) => concatBytes(Uint8Array.of(x.tfi), x.data),
      fromBytes: (b) => ({ tfi: b[0] ?? 0, data: b.subarray(1, MAX_EXTENDED), cuts: [] }),
    }),
    property<Uint8Array>({
      name: 'response-payloads',
      arbitrary: hostile(
        fc.oneof(
          fc.uint8Array({ minLength: 4, maxLength: 4 }).map((d) => Uint8Array.of(0x03, ...d)),
          fc
            .array(
              fc.tuple(
                fc.integer({ min: 1, max: 2 }),
                fc.uint8Array({ minLength: 11, maxLength: 11 }),
                garbage(8),
              ),
              { maxLength: 2 },
            )
            .map((ts) =>
              Uint8Array.from([
                0x4b,
                ts.length,
                ...ts.flatMap(([tg, a, r]) => [tg, 0x50, ...a, r.length, ...r]),
              ]),
            ),
        ),
        64,
      ),
      check: (d) => {
        onlyReaderError('parseFirmwareVersion', () => parseFirmwareVersion(d));
        const ts = onlyReaderError('parseTypeBTargets', () => parseTypeBTargets(d));
        for (const t of ts ?? []) expectThat(t.atqb.length === 12, 'an ATQB of other than 12 bytes');
        expectThat(typeof pn532CommandName(d[0] ?? 0) === 'string', 'pn532CommandName gave no name');
      },
      toBytes: same,
      fromBytes: same,
    }),
  ],
};
