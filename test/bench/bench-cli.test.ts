// npm run bench as a script drives it: --help lists every table and runs none; --json hands
// over the tables it ran as one JSON document on stdout.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BENCH = join(import.meta.dirname, '..', '..', 'bin', 'bench.mjs');
const bench = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BENCH, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('npm run bench', () => {
  it('--help lists the tables and options and runs none of them', () => {
    const r = bench('--help', 'host');
    expect(r.code).toBe(0);
    for (const t of ['host', 'link', 'flash', 'card', 'vision', 'ocr', 'session', 'memory', 'cpu'])
      expect(r.out).toMatch(new RegExp(`^  ${t} +\\S`, 'm'));
    expect(r.out).toMatch(/--json/);
    expect(r.out).not.toMatch(/^## /m);
  });

  it('--json prints the tables run as JSON on stdout, the markdown on stderr', () => {
    const r = bench('--json', 'host');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      meta: { cpus: number; loadavg: number[] };
      tables: { name: string; rows: { figure: string; measured: number; unit: string }[] }[];
    };
    expect(doc.meta.loadavg).toHaveLength(3);
    expect(doc.tables.map((t) => t.name)).toEqual(['host']);
    const load = doc.tables[0]!.rows.find((x) => x.figure === 'load average, 1 min');
    expect(load?.measured).toBeGreaterThanOrEqual(0);
    const cores = doc.tables[0]!.rows.find((x) => x.figure === 'CPU cores');
    expect(cores?.measured).toBe(doc.meta.cpus);
    // The same figures as the markdown table beside it.
    expect(r.err).toMatch(/^## This machine/m);
    expect(r.err).toMatch(new RegExp(`\\| CPU cores +\\| ${doc.meta.cpus}`));
  });

  it('refuses a table it does not know, naming it', () => {
    const r = bench('nosuch');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown table or option: nosuch/);
  });
});
