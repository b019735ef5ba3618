// Where readerd's memory and start time go. readerd itself first (its build, as the appliance
// runs it, on the emulated appliance): RSS after start, after face sessions and its peak,
// against the goals. Then each part loaded alone in a fresh process (memory-probe.mjs, from
// the same build), its RSS added to a bare Node's, median of 3 runs (a part's RSS moves by
// ±20 MB between runs with the garbage collector's timing); the parts' sum is an estimate
// (parts loaded apart share no pages and miss the broker, database and kiosk), so it has no goal.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MemoryReport } from '../../firmware-host/memory-report.js';
import { ApplianceRig } from '../demo/appliance-rig.js';
import { faceSessions, readySteps } from './session.bench.js';
import type { Row } from './table.js';

interface Probe {
  readonly before: number;
  readonly loaded: number;
  readonly worked: number;
  readonly readyMs: number;
  /** face-wasm: the WebAssembly memories with pages (one runtime: 1). */
  readonly memoryCount?: number;
}

const ROOT = join(import.meta.dirname, '..', '..');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const statusMb = (pid: number, field: 'VmRSS' | 'VmHWM'): number => {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
};

function build(): string {
  const out = execFileSync(process.execPath, [join(ROOT, 'bin', 'build.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return join(ROOT, out.split(' ')[0]!);
}

function probe(dir: string, part: string, runs = 3): Probe {
  const got: Probe[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [join(import.meta.dirname, 'memory-probe.mjs'), dir, part], {
      encoding: 'utf8',
      // glibc's arenas and libuv's pool as readerd's unit sets them (hardware/systemd/fareader-readerd.service).
      env: {
        ...process.env,
        MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
        MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ ?? '131072',
        UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '16',
      },
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 120_000,
    });
    got.push(JSON.parse(out.trim().split('\n').at(-1)!) as Probe);
  }
  const m = (k: 'before' | 'loaded' | 'worked' | 'readyMs'): number => median(got.map((p) => p[k]));
  return {
    before: m('before'),
    loaded: m('loaded'),
    worked: m('worked'),
    readyMs: m('readyMs'),
    memoryCount: got[0]!.memoryCount,
  };
}

/** readerd's "session stages" lines so far: each session's own total, ms. */
const sessionTotals = (lines: readonly string[]): number[] =>
  lines
    .filter((l) => l.includes('"session stages"'))
    .map((l) => (JSON.parse(l) as { totalMs: number }).totalMs);
const lineAt = (lines: readonly string[], msg: string): number | undefined => {
  const l = lines.find((x) => x.includes(`"msg":"${msg}"`));
  return l ? Date.parse((JSON.parse(l) as { time: string }).time) : undefined;
};

/** An RSS goal, with the figure's ratio to it. */
const mbGoal = (limit: number, v: number): Row['goal'] => ({
  text: `≤ ${limit} MB (${(v / limit).toFixed(2)}×)`,
  met: (x) => x <= limit,
});

/** readerd's memory report (memory-report.ts): SIGUSR2, then its "memory" log line. */
async function memoryReport(rig: ApplianceRig, pid: number): Promise<MemoryReport | undefined> {
  const seen = rig.lines.length;
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100; i++) {
    const line = rig.lines.slice(seen).find((l) => l.includes('"msg":"memory"'));
    if (line) return JSON.parse(line) as MemoryReport;
    await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/**
 * readerd's RSS by part from its memory report: the face worker (the models' wasm heap, its JS
 * heap), the OCR worker (its JS heap, and the wasm heaps no thread of readerd's names: tesseract's,
 * in tesseract.js's own worker), the main thread's JS heap, code and libraries (file-backed), and
 * the rest. The wasm heaps' resident pages are matched to the threads by their size.
 */
function breakdownRows(when: string, m: MemoryReport | undefined): Row[] {
  if (!m?.byKind)
    return [{ figure: `${when}: no memory report (SIGUSR2) from readerd`, measured: Number.NaN, unit: 'MB' }];
  const wasm = [...m.byKind.wasm];
  const take = (sizes: readonly number[] = []): number =>
    sum(
      sizes.map((size) => {
        const i = wasm.findIndex((w) => Math.abs(w.sizeMb - size) < 0.5);
        return i < 0 ? 0 : wasm.splice(i, 1)[0]!.rssMb;
      }),
    );
  const face = m.threads.faceWorker;
  const ocr = m.threads.ocrWorker;
  const faceWasm = take(face?.wasmMb);
  const ocrWasm = take(ocr?.wasmMb);
  // What is left is no tracked thread's: tesseract's (the OCR's own worker), while the OCR runs.
  const unnamed = sum(wasm.map((w) => w.rssMb));
  const js = (t?: { heapMb: number; externalMb: number }): number => (t ? t.heapMb + t.externalMb : 0);
  const parts = {
    face: faceWasm + js(face),
    ocr: ocrWasm + unnamed + js(ocr),
    main: js(m.threads.main),
    code: m.byKind.fileMb,
  };
  const rest = m.rssMb - parts.face - parts.ocr - parts.main - parts.code;
  return [
    { figure: `readerd RSS by part, ${when} (its memory report): RSS`, measured: m.rssMb, unit: 'MB' },
    {
      figure: `  face worker: the models' onnxruntime-web wasm heap (fr_detect, fr_landmark, fr_feature, fr_eye; resident ${faceWasm.toFixed(1)} of ${sum(face?.wasmMb ?? []).toFixed(1)} MB) + its JS heap ${js(face).toFixed(1)}`,
      measured: parts.face,
      unit: 'MB',
    },
    {
      figure:
        ocr || unnamed
          ? `  OCR worker: tesseract's wasm heap ${unnamed.toFixed(1)} (its own worker's) + the thread's JS heap ${(ocr?.heapMb ?? 0).toFixed(1)}, ArrayBuffers ${(ocr?.externalMb ?? 0).toFixed(1)} and wasm heap (OpenJPEG) ${ocrWasm.toFixed(1)}`
          : '  OCR worker: not running',
      measured: parts.ocr,
      unit: 'MB',
    },
    {
      figure: `  of which wasm heaps, resident (${m.byKind.wasm.map((w) => `${w.rssMb.toFixed(1)} of ${w.sizeMb.toFixed(1)}`).join(', ') || 'none'} MB)`,
      measured: sum(m.byKind.wasm.map((w) => w.rssMb)),
      unit: 'MB',
    },
    {
      figure: `  main thread's JS heap ${m.threads.main.heapMb.toFixed(1)} (committed; ${m.threads.main.heapUsedMb.toFixed(1)} in use) + its ArrayBuffers ${m.threads.main.externalMb.toFixed(1)} (readerd's, and the emulated hardware's in this run)`,
      measured: parts.main,
      unit: 'MB',
    },
    {
      figure: '  code and libraries (file-backed: node, libvips, .node addons)',
      measured: parts.code,
      unit: 'MB',
    },
    {
      figure:
        "  the rest (malloc: native buffers, compiled wasm code, V8's own, thread stacks, tesseract's worker's JS heap)",
      measured: rest,
      unit: 'MB',
    },
  ];
}

/** How long readerd idles after its models loaded before the settled RSS is read. */
const IDLE_SETTLE_MS = 10_000;

/** The OCR worker's idle end in this run (readerd's own is 10 min: vision-workers.ts). */
const OCR_IDLE_MS = 30_000;

/** How long readerd idles after the face sessions before their settled RSS is read (< OCR_IDLE_MS). */
const AFTER_SETTLE_MS = 6000;

/**
 * readerd from its build on the emulated appliance, liveness required as it ships: start, idle,
 * face sessions, peak, OCR idle end.
 */
async function readerdRows(runs = 3): Promise<Row[]> {
  const rig = await ApplianceRig.start({
    dir: mkdtempSync(join(tmpdir(), 'fareader-bench-memory-')),
    // As readerd ships: liveness required, the live subject answering its challenges (seeded:
    // every run meets the same ones), the camera on the wall clock as a real one.
    config: { session: { consents: [] } },
    challengeSeed: 11,
    faceRealtime: true,
    built: true,
    ocrIdleMs: OCR_IDLE_MS,
  });
  try {
    // From readerd's own process start, by its own clock (the ready line's steps: ms since the
    // process started), not the rig's (which first builds the emulated hardware), nor /proc's
    // start time (its boot time is whole seconds: up to 1 s off).
    const r = readySteps(rig.lines);
    const ready = r?.ready ?? Number.NaN;
    const spawned = r ? r.at - r.ready : Number.NaN;
    const step = (name: string): number => r?.steps[name] ?? Number.NaN;
    let models = lineAt(rig.lines, 'vision models loaded');
    for (let i = 0; models === undefined && i < 1200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      models = lineAt(rig.lines, 'vision models loaded');
    }
    const pid = rig.readerd!.pid!;
    await new Promise((res) => setTimeout(res, 1000));
    const idle = statusMb(pid, 'VmRSS');
    // What the models' loading left behind is given back over the next seconds (the wasm
    // compile's and the sessions' creation's malloc'd memory): idle a while.
    await new Promise((res) => setTimeout(res, IDLE_SETTLE_MS - 1000));
    const settled = statusMb(pid, 'VmRSS');
    const failed: string[] = [];
    const face = await faceSessions(rig, runs, 'memory', failed);
    const warm = sessionTotals(rig.lines).slice(-runs);
    await new Promise((r) => setTimeout(r, 1000));
    const after = statusMb(pid, 'VmRSS');
    // Settled, before the OCR worker's idle end (OCR_IDLE_MS after the last read).
    await new Promise((r) => setTimeout(r, AFTER_SETTLE_MS - 1000));
    const afterSettled = statusMb(pid, 'VmRSS');
    const report = await memoryReport(rig, pid);
    await new Promise((r) => setTimeout(r, OCR_IDLE_MS + 2000 - AFTER_SETTLE_MS));
    const ocrEnded = statusMb(pid, 'VmRSS');
    const reportOcrEnded = await memoryReport(rig, pid);
    const peak = statusMb(pid, 'VmHWM');
    // One more session (and its warm-up one before it counts): the first pays the OCR's start.
    await faceSessions(rig, 1, 'memory-cold', failed);
    const cold = sessionTotals(rig.lines).at(-2) ?? Number.NaN;
    return [
      {
        figure: 'readerd (its build) spawn to "ready" (kiosk serves, cards start sessions; /readyz)',
        measured: ready,
        unit: 'ms',
        goal: { text: '≤ 3000 ms', met: (v) => v <= 3000 },
      },
      {
        figure: "  to readerd's main (Node's start, readerd's code loaded)",
        measured: step('main'),
        unit: 'ms',
      },
      { figure: '  keys read, outbox database open', measured: step('keys, outbox'), unit: 'ms' },
      { figure: '  embedded broker listening', measured: step('broker'), unit: 'ms' },
      {
        figure: '  appliance built, its devices opening (the still-image cameras are ready at once)',
        measured: step('cameras'),
        unit: 'ms',
      },
      { figure: '  link connected', measured: step('link'), unit: 'ms' },
      { figure: '  front panel tried (beside the card module)', measured: step('panel'), unit: 'ms' },
      {
        figure: '  card module tried (PN532 at 115200, then 921600)',
        measured: step('card module'),
        unit: 'ms',
      },
      { figure: '  kiosk serving (last: /readyz)', measured: step('kiosk'), unit: 'ms' },
      {
        figure:
          '  spawn to "vision models loaded" (face models and OCR, loaded after ready; face sessions wait for them)',
        measured: (models ?? Number.NaN) - spawned,
        unit: 'ms',
      },
      {
        figure: 'readerd RSS when idle, 1 s after its models loaded',
        measured: idle,
        unit: 'MB',
        goal: mbGoal(300, idle),
      },
      {
        figure: `readerd RSS idle ${IDLE_SETTLE_MS / 1000} s after its models loaded`,
        measured: settled,
        unit: 'MB',
        goal: mbGoal(300, settled),
      },
      {
        figure: `readerd RSS 1 s after ${face.length + 1} face sessions (liveness required), OCR worker ${report?.threads.ocrWorker ? 'running' : 'ended'}`,
        measured: after,
        unit: 'MB',
      },
      {
        figure: `readerd RSS ${AFTER_SETTLE_MS / 1000} s after the face sessions (settled), OCR worker ${report?.threads.ocrWorker ? 'running' : 'ended'}`,
        measured: afterSettled,
        unit: 'MB',
        goal: mbGoal(300, afterSettled),
      },
      {
        figure: `readerd RSS idle after the OCR worker's idle end (${OCR_IDLE_MS / 1000} s here; 10 min in readerd)`,
        measured: ocrEnded,
        unit: 'MB',
        goal: mbGoal(300, ocrEnded),
      },
      {
        figure: 'readerd RSS peak, start and sessions with liveness required (VmHWM)',
        measured: peak,
        unit: 'MB',
        goal: mbGoal(400, peak),
      },
      ...breakdownRows(`${AFTER_SETTLE_MS / 1000} s after the face sessions`, report),
      ...breakdownRows("after the OCR worker's idle end", reportOcrEnded),
      {
        figure: "  first face session after the OCR's idle end, readerd's own total (OCR starts again)",
        measured: cold,
        unit: 'ms',
        anchor: { name: 'warm sessions p50', value: median(warm) },
      },
      {
        figure: `  face sessions not verified, liveness required (${[...new Set(failed)].join('; ') || 'none'})`,
        measured: failed.length,
        unit: `of ${runs + 3}`,
        goal: { text: '0', met: (v) => v === 0 },
      },
    ];
  } finally {
    await rig.close();
  }
}

export async function memoryBench(): Promise<Row[]> {
  const dir = build();
  const readerd = await readerdRows();
  const node = probe(dir, 'node');
  const code = probe(dir, 'code');
  const ocr = probe(dir, 'ocr');
  const face = probe(dir, 'face-eyes');
  const wasm = probe(dir, 'face-wasm', 1);
  const parts =
    node.before + (code.loaded - code.before) + (ocr.worked - ocr.before) + (face.worked - face.before);
  return [
    ...readerd,
    {
      figure: 'part alone (from the build, median of 3): Node, nothing imported',
      measured: node.before,
      unit: 'MB',
    },
    {
      figure: "  readerd's code and the libraries it imports at start (no model)",
      measured: code.loaded - code.before,
      unit: 'MB',
    },
    { figure: '    time to import it', measured: code.readyMs, unit: 'ms' },
    {
      figure:
        '  OCR worker thread (WorkerCardFaceReader: its isolate, tesseract.js and its worker, eng best_int) after init',
      measured: ocr.loaded - ocr.before,
      unit: 'MB',
    },
    { figure: '    same, after one card-face read', measured: ocr.worked - ocr.before, unit: 'MB' },
    { figure: '    time to init', measured: ocr.readyMs, unit: 'ms' },
    {
      figure:
        '  face worker (one onnxruntime-web wasm: fr_detect, fr_landmark, fr_feature, fr_eye) after load',
      measured: face.loaded - face.before,
      unit: 'MB',
    },
    {
      figure: '    same, after a reference, 3 live frames and their eyes',
      measured: face.worked - face.before,
      unit: 'MB',
    },
    { figure: '    time to load', measured: face.readyMs, unit: 'ms' },
    {
      // Its size, not its resident pages: the part of the RSS above is at most this.
      figure: `    of which its onnxruntime-web wasm heap (the size of its linear memory, ${wasm.memoryCount ?? '?'} in the runtime, the four models' sessions; loaded side by side as in the worker, here on a main thread), after load`,
      measured: wasm.loaded,
      unit: 'MB',
    },
    { figure: '      same, after the frames (the heap only grows)', measured: wasm.worked, unit: 'MB' },
    {
      figure: '  sum of the parts (an estimate of readerd after sessions, less broker, database, kiosk)',
      measured: parts,
      unit: 'MB',
    },
  ];
}
