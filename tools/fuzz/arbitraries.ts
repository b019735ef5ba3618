// Hostile inputs built from valid ones: pure garbage finds little in a parser that checks a
// magic or a checksum first, so most inputs are valid messages with a few bytes flipped,
// inserted, deleted or cut off, or valid messages glued to garbage.
import fc from 'fast-check';
import { concatBytes } from '../../protocol/bytes.js';

export const garbage = (maxLength = 512): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.uint8Array({ maxLength }) },
    // Runs of one byte: preambles, erased flash (FF), zero padding.
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(0x00, 0xff, 0x55, 0x0a, 0x80, 0x7f), fc.nat({ max: maxLength }))
        .map(([b, n]) => new Uint8Array(n).fill(b)),
    },
  );

type Mutation = {
  readonly op: 'flip' | 'set' | 'insert' | 'delete' | 'cut';
  readonly at: number;
  readonly v: number;
};

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('flip', 'set', 'insert', 'delete', 'cut'),
  at: fc.nat(),
  v: fc.integer({ min: 0, max: 255 }),
});

function mutate(b: Uint8Array, ms: readonly Mutation[]): Uint8Array {
  let out = Array.from(b);
  for (const m of ms) {
    const i = out.length ? m.at % out.length : 0;
    if (m.op === 'flip' && out.length) out[i] = out[i]! ^ (1 << (m.v & 7));
    else if (m.op === 'set' && out.length) out[i] = m.v;
    else if (m.op === 'insert') out.splice(m.at % (out.length + 1), 0, m.v);
    else if (m.op === 'delete' && out.length) out.splice(i, 1);
    else if (m.op === 'cut') out = out.slice(0, m.at % (out.length + 1));
  }
  return Uint8Array.from(out);
}

/** A valid input with one to four mutations. */
export const mutated = (valid: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> =>
  fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([b, ms]) => mutate(b, ms));

/** The mix every parser gets: valid, mutated, garbage, and valid parts glued to garbage. */
export const hostile = (valid: fc.Arbitrary<Uint8Array>, maxGarbage = 512): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    { weight: 2, arbitrary: valid },
    { weight: 5, arbitrary: mutated(valid) },
    { weight: 2, arbitrary: garbage(maxGarbage) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.oneof(valid, mutated(valid), garbage(64)), { minLength: 2, maxLength: 4 })
        .map((parts) => concatBytes(...parts)),
    },
  );

/** Split points for a byte stream. */
export const cuts: fc.Arbitrary<number[]> = fc.array(fc.nat({ max: 4096 }), { maxLength: 8 });

export const hexString = (n: number): fc.Arbitrary<string> =>
  fc.uint8Array({ minLength: n, maxLength: n }).map((b) => Buffer.from(b).toString('hex'));

/** Text that looks like what a parser expects, or does not: ids, topic segments, names. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    '+',
    '#',
    '/',
    'constructor',
    '__proto__',
    'toString',
    '..',
    'a/b',
    '\u0000',
    'é',
    '🙂',
  ),
  fc.stringMatching(/^[A-Za-z0-9._~+#/-]{0,70}$/),
);
