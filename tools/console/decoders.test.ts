import { describe, expect, it } from 'vitest';
import { MAX_READERD_LINE, ReaderdTrafficDecoder } from './decoders.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('the readerd decoder against a line that never ends', () => {
  it('holds at most MAX_READERD_LINE characters, says it dropped the line once, and resynchronises at the next newline', () => {
    const d = new ReaderdTrafficDecoder();
    const kib = enc('x'.repeat(1024));
    const out: string[] = [];
    for (let i = 0; i < 200; i++) out.push(...d.push('rx', kib)); // 200 KiB, no newline
    const held = (d as unknown as { partial: Record<string, string> }).partial;
    expect(Math.max(...Object.values(held).map((s) => s.length))).toBeLessThanOrEqual(MAX_READERD_LINE);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/!! a line over 65536 characters dropped up to its end: x{16}/);
    // The rest of the long line is skipped; the line after it renders as usual.
    const next = d.push(
      'rx',
      enc(`${'x'.repeat(100)}\n{"level":"info","ns":"svc:link","msg":"connected"}\n`),
    );
    expect(next).toEqual([' INFO  svc:link: connected']);
  });

  it('a line of exactly MAX_READERD_LINE characters still renders', () => {
    const d = new ReaderdTrafficDecoder();
    const line = 'y'.repeat(MAX_READERD_LINE);
    expect(d.push('tx', enc(line))).toEqual([]);
    expect(d.push('tx', enc('\n'))).toEqual([`>> ${line}`]);
  });

  it('the two directions are capped apart', () => {
    const d = new ReaderdTrafficDecoder();
    d.push('rx', enc('z'.repeat(MAX_READERD_LINE + 1)));
    expect(d.push('tx', enc('hello\n'))).toEqual(['>> hello']);
    expect(d.push('rx', enc('\nworld\n'))).toEqual(['world']);
  });
});

describe('the readerd decoder across reads', () => {
  it('a character split between two reads is not mangled', () => {
    const d = new ReaderdTrafficDecoder();
    const b = enc('{"level":"warn","ns":"card","msg":"カードを置いてください"}\n');
    const at = b.indexOf(0xe3) + 1; // inside the first katakana's three bytes
    expect([...d.push('rx', b.subarray(0, at)), ...d.push('rx', b.subarray(at))]).toEqual([
      ' WARN  card: カードを置いてください',
    ]);
  });
});
