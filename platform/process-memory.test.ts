import { describe, expect, it } from 'vitest';
import { parseSmaps } from './process-memory.js';

/** One smaps entry: its header line and its Rss line (kB). */
const entry = (start: number, sizeKb: number, perms: string, path: string, rssKb: number): string =>
  [
    `${start.toString(16)}-${(start + sizeKb * 1024).toString(16)} ${perms} 00000000 00:00 0   ${path}`,
    `Size:           ${sizeKb} kB`,
    `Rss:            ${rssKb} kB`,
    'Pss:            0 kB',
  ].join('\n');

describe('parseSmaps', () => {
  it('counts file-backed pages, each wasm memory (read-write before its no-access reservation) and the rest', () => {
    const GiB = 1024 * 1024;
    const base = 0x7f0000000000;
    const text = [
      entry(0x400000, 8000, 'r-xp', '/usr/bin/node', 7000),
      entry(0x1000000, 50000, 'rw-p', '[heap]', 40000),
      // A wasm memory: guard, 28 MB accessible (20 MB resident), the rest of the reservation.
      entry(base, 2 * GiB, '---p', '', 0),
      entry(base + 2 * GiB * 1024, 28 * 1024, 'rw-p', '', 20 * 1024),
      entry(base + 2 * GiB * 1024 + 28 * 1024 * 1024, 8 * GiB, '---p', '', 0),
      // Anonymous read-write memory followed by a small no-access guard: not a wasm memory.
      entry(0x7e0000000000, 4096, 'rw-p', '', 3072),
      entry(0x7e0000000000 + 4096 * 1024, 4, '---p', '', 0),
      entry(0x7d0000000000, 12000, 'r--p', '/lib/libvips.so', 6144),
      entry(0x7c0000000000, 132, 'rw-p', '[stack]', 100),
      '',
    ].join('\n');
    const m = parseSmaps(text);
    expect(m.wasm).toEqual([{ rssMb: 20, sizeMb: 28 }]);
    expect(m.fileMb).toBeCloseTo((7000 + 6144) / 1024, 1);
    expect(m.otherMb).toBeCloseTo((40000 + 3072 + 100) / 1024, 1);
    expect(m.rssMb).toBeCloseTo(m.fileMb + m.otherMb + 20, 1);
  });

  it('reads nothing from an empty text', () => {
    expect(parseSmaps('')).toEqual({ rssMb: 0, fileMb: 0, wasm: [], otherMb: 0 });
  });
});
