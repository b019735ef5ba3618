// npm run fuzz [-- --target NAME[,NAME…] --runs N --seed S]: long fuzz runs (1,000,000 inputs
// per target by default), the corpus replayed first; prints a summary table and writes every
// crash found to tools/fuzz/corpus/<target>/ so that `npm test` replays it from then on.
// Exit code 1 when anything was found.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Finding, runTarget, SLOW_MS, type TargetResult } from './harness.js';
import { knownFindings, knownHits } from './known-findings.js';
import { targets } from './targets.js';

const corpusRoot = join(dirname(fileURLToPath(import.meta.url)), 'corpus');

function usage(msg?: string): never {
  if (msg) process.stderr.write(`fuzz: ${msg}\n`);
  process.stderr.write(
    `usage: npm run fuzz [-- --target NAME[,NAME…]] [--runs N] [--seed S] [--list]\ntargets: ${targets.map((t) => t.name).join(', ')}\n`,
  );
  process.exit(msg ? 2 : 0);
}

const args = process.argv.slice(2);
let runs = 1_000_000;
let seed: number | undefined;
let only: Set<string> | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  const next = (): string => args[++i] ?? usage(`${a} needs a value`);
  if (a === '--runs') runs = Number(next());
  else if (a === '--seed') seed = Number(next());
  else if (a === '--target') only = new Set(next().split(','));
  else if (a === '--list') {
    for (const t of targets) process.stdout.write(`${t.name.padEnd(14)} ${t.covers.join(', ')}\n`);
    process.exit(0);
  } else if (a === '--help' || a === '-h') usage();
  else usage(`unknown argument ${a}`);
}
if (!Number.isInteger(runs) || runs < 1) usage('--runs takes a positive integer');
if (seed !== undefined && !Number.isInteger(seed)) usage('--seed takes an integer');
const chosen = targets.filter((t) => !only || only.has(t.name));
for (const n of only ?? []) if (!targets.some((t) => t.name === n)) usage(`no target "${n}"`);

function recordCrash(f: Finding, bytes: Uint8Array): void {
  const dir = join(corpusRoot, f.target);
  mkdirSync(dir, { recursive: true });
  const id = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const file = join(dir, `${f.property}.crash-${id}.hex`);
  const notes = [
    `found ${new Date().toISOString()} by npm run fuzz (${f.replay ?? ''})`,
    ...f.message.split('\n'),
    ...(f.stack ?? '').split('\n').slice(0, 6),
  ];
  const hex = Buffer.from(bytes)
    .toString('hex')
    .replace(/(.{64})/g, '$1\n');
  writeFileSync(file, `${notes.map((l) => `# ${l}`).join('\n')}\n${hex}\n`);
  process.stdout.write(`  crash input written to ${file}\n`);
}

process.stdout.write(
  `# Fuzzing  ${new Date().toISOString()}  node ${process.version}  ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}\n` +
    `# ${runs} inputs per target, seed ${seed ?? 'random'}, an input over ${SLOW_MS} ms (of CPU time, run twice more when its wall time was over) is a finding\n`,
);
const results: TargetResult[] = [];
for (const t of chosen) {
  process.stdout.write(`\n${t.name}: ${t.covers.join(', ')}\n`);
  const r = await runTarget(t, {
    runs,
    seed,
    corpusRoot,
    timeBound: true,
    onCrash: recordCrash,
    progress: (l) => process.stdout.write(`  ${l}\n`),
  });
  results.push(r);
  for (const f of r.findings) {
    process.stdout.write(
      `  FINDING ${f.kind} ${f.property}: ${f.message}\n  input ${f.inputHex.slice(0, 200)}\n`,
    );
    if (f.replay) process.stdout.write(`  replay: ${f.replay}\n`);
    if (f.stack)
      process.stdout.write(
        `${f.stack
          .split('\n')
          .slice(0, 8)
          .map((l) => `    ${l}`)
          .join('\n')}\n`,
      );
  }
}

const head = ['target', 'inputs', 'corpus', 'findings', 'max ms/input', 'inputs/s', 'elapsed s'];
const rows = results.map((r) => [
  r.target,
  String(r.inputs),
  String(r.corpusFiles),
  String(r.findings.length),
  r.maxMs.toFixed(2),
  String(Math.round(r.inputs / (r.elapsedMs / 1000))),
  (r.elapsedMs / 1000).toFixed(1),
]);
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((l) => l[i]!.length)));
const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
process.stdout.write(
  `\n## Fuzz summary\n\n${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`,
);
for (const r of rows) process.stdout.write(`${line(r)}\n`);
const hits = knownHits();
for (const k of knownFindings.filter((f) => chosen.some((t) => t.name === f.target)))
  process.stdout.write(
    `\nknown open finding ${k.id} (${k.where}; see notes/fuzz-findings.md): hit ${hits[k.id] ?? 0} times, not counted`,
  );
const found = results.reduce((n, r) => n + r.findings.length, 0);
process.stdout.write(`\n${found === 0 ? 'no finding' : `${found} finding(s)`}\n`);
process.exit(found === 0 ? 0 : 1);
