// npm run bench: every benchmark, printed as tables of measured figures beside goals and
// anchors measured in the same run. Timings live here, never in tests.
//
//   npm run bench                    every table
//   npm run bench -- session card    only the tables named
//   npm run bench -- --json host     the tables, then one JSON document of them (stdout);
//                                    the markdown goes to stderr so stdout parses as JSON
//   npm run bench -- --help          the tables and options; runs nothing
import { cpus, loadavg } from 'node:os';
import { formatTable, type Row, rowJson, type TableJson } from './table.js';

// Each table's module loads only when it runs: --help and a one-table run import nothing else.
interface Table {
  readonly name: string;
  readonly title: string;
  readonly run: () => Promise<Row[]>;
}

/** In the order a full run prints them; `host` first, so the load is read before the rest. */
const TABLES: readonly Table[] = [
  {
    name: 'host',
    title: 'This machine: load and idle event-loop delay',
    run: async () => (await import('./host.bench.js')).hostBench(),
  },
  {
    name: 'link',
    title: 'Terminal link (issue 2): device and terminal in one process, loopback broker',
    run: async () => (await import('./link.bench.js')).linkBench(),
  },
  {
    name: 'fleet',
    title:
      'Fleet (issue 18): link-only readers, terminal in its own process, Mosquitto and a 3-node NATS cluster',
    run: async () => (await import('./fleet.bench.js')).fleetBench(),
  },
  {
    name: 'flash',
    title: 'Flashing over serial (issue 6): readerctl flash upload to the SMP target emulator on a pty',
    run: async () => (await import('./flash.bench.js')).flashBench(),
  },
  {
    name: 'card',
    title: 'Card stack (issue 3): PN532 emulator on a pty at the line rate; CCID emulator',
    run: async () => (await import('./card.bench.js')).cardBench(),
  },
  {
    name: 'vision',
    title:
      'Vision (issue 11): fr-onnx (onnxruntime wasm, worker thread) beside face-api (tfjs wasm), 2 cores, own process',
    run: async () => (await import('./vision.bench.js')).visionBench(),
  },
  {
    name: 'ocr',
    title: 'Card-face reading (issue 4): generated cards through the card-face camera emulator',
    run: async () => (await import('./ocr.bench.js')).ocrBench(),
  },
  {
    name: 'session',
    title:
      'readerd sessions (issue 5): readerd on the emulated appliance, PN532 at 921600, terminal verifying',
    run: async () => (await import('./session.bench.js')).sessionBench(),
  },
  {
    name: 'memory',
    title:
      "readerd's memory and start (its build, emulated appliance), then by part: each alone in a fresh process",
    run: async () => (await import('./memory.bench.js')).memoryBench(),
  },
  {
    name: 'cpu',
    title: 'readerd face path on two cores, one core (taskset) and half a core (cgroup CPU quota)',
    run: async () => (await import('./session.bench.js')).cpuBench(),
  },
  {
    name: 'liveness',
    title:
      'Liveness (issue 15): per-frame cost; tap to result through readerd, liveness required and match alone',
    run: async () => (await import('./liveness.bench.js')).livenessBench(),
  },
];

function help(): string {
  const w = Math.max(...TABLES.map((t) => t.name.length));
  return [
    'npm run bench -- [options] [table ...]',
    '',
    'Runs the tables named (all when none is), printing each as markdown.',
    '',
    'Tables:',
    ...TABLES.map((t) => `  ${t.name.padEnd(w)}  ${t.title}`),
    '',
    'Options:',
    '  --json   also print one JSON document of every table run ({ meta, tables: [{ name, title,',
    '           rows }] }) on stdout; the markdown then goes to stderr',
    '  --help   this list; runs nothing',
    '',
  ].join('\n');
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(help());
  process.exit(0);
}
const json = args.includes('--json');
const names = args.filter((a) => !a.startsWith('-'));
const unknown = [
  ...args.filter((a) => a.startsWith('-') && a !== '--json'),
  ...names.filter((n) => !TABLES.some((t) => t.name === n)),
];
if (unknown.length) {
  process.stderr.write(`unknown table or option: ${unknown.join(' ')}\n\n${help()}`);
  process.exit(2);
}
// In JSON mode stdout carries the document alone: the tables and the benches' own lines go to stderr.
const stdout = process.stdout.write.bind(process.stdout);
if (json) {
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  console.log = (...a: unknown[]) => void process.stderr.write(`${a.join(' ')}\n`);
}
const out = (s: string): void => void process.stdout.write(s);

const meta = {
  startedAt: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'cpu',
  loadavg: loadavg(),
};
out(
  `# Benchmarks  ${meta.startedAt}  node ${meta.node}  ${meta.cpus}× ${meta.cpuModel}  load ${meta.loadavg.map((l) => l.toFixed(2)).join(' ')}\n`,
);
const tables: TableJson[] = [];
for (const t of TABLES) {
  if (names.length && !names.includes(t.name)) continue;
  const rows = await t.run();
  out(formatTable(t.title, rows));
  tables.push({ name: t.name, title: t.title, rows: rows.map(rowJson) });
}
if (json) stdout(`${JSON.stringify({ meta: { ...meta, loadavgAfter: loadavg() }, tables }, null, 2)}\n`);
process.exit(0);
