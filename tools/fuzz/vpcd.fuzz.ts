// The vsmartcard-vpcd TCP framing (protocol/vpcd/vpcd.ts): any split of a stream gives the same
// payloads, the framer holds at most one frame, and messages decode without throwing. Length-
// prefixed TCP has no start code to resynchronise on (TCP does not lose bytes): no resync oracle.
import fc from 'fast-check';
import { bytesEqual, concatBytes } from '../../protocol/bytes.js';
import { decodeVpcdMessage, encodeVpcdFrame, VpcdFramer } from '../../protocol/vpcd/vpcd.js';
import { cuts, garbage, hostile } from './arbitraries.js';
import { chunksOf, expectThat, type FuzzTarget, neverThrows, property } from './harness.js';

const payload = fc.oneof(
  fc.constantFrom(0, 1, 2, 4).map((c) => Uint8Array.of(c)),
  fc.uint8Array({ maxLength: 300 }),
);
const stream = fc.array(payload, { maxLength: 5 }).map((ps) => concatBytes(...ps.map(encodeVpcdFrame)));

interface Input {
  readonly bytes: Uint8Array;
  readonly cuts: readonly number[];
}

function checkSplit(x: Input): void {
  const whole = neverThrows('VpcdFramer.push', () => new VpcdFramer().push(x.bytes));
  const f = new VpcdFramer();
  const parts: Uint8Array[] = [];
  for (const c of chunksOf(x.bytes, x.cuts)) {
    parts.push(...neverThrows('VpcdFramer.push', () => f.push(c)));
    expectThat(f.pending <= 2 + 0xffff, `framer holds ${f.pending} bytes`);
  }
  expectThat(
    parts.length === whole.length && parts.every((p, i) => bytesEqual(p, whole[i]!)),
    'a split stream framed differently from the whole',
  );
  for (const p of parts) neverThrows('decodeVpcdMessage', () => decodeVpcdMessage(p));
}

export const vpcdTarget: FuzzTarget = {
  name: 'vpcd',
  covers: ['protocol/vpcd/vpcd.ts'],
  properties: [
    property<Input>({
      name: 'stream',
      arbitrary: fc.record({ bytes: hostile(stream, 400), cuts }),
      check: checkSplit,
      toBytes: (x) => x.bytes,
      fromBytes: (bytes) => ({ bytes, cuts: [1, 2, 3, 5, 8, 13] }),
    }),
    property<Uint8Array>({
      name: 'message',
      arbitrary: garbage(300),
      check: (b) => {
        const m = neverThrows('decodeVpcdMessage', () => decodeVpcdMessage(b));
        expectThat(m.kind !== 'apdu' || m.apdu.length >= 2, 'an APDU shorter than 2 bytes');
      },
      toBytes: (b) => b,
      fromBytes: (b) => b,
    }),
  ],
};
