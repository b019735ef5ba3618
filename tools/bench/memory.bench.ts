// Where readerd's memory goes: each part loaded alone in a fresh process (memory-probe.ts),
// its RSS added to a bare Node's; beside readerd's own RSS when idle after sessions (the
// session table) the sum shows what the parts explain.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Row } from './table.js';

interface Probe {
  readonly before: number;
  readonly loaded: number;
  readonly worked: number;
}

const TSX = join(import.meta.dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'loader.mjs');

function probe(part: string): Probe {
  const out = execFileSync(
    process.execPath,
    ['--import', TSX, join(import.meta.dirname, 'memory-probe.ts'), part],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 120_000 },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as Probe;
}

export async function memoryBench(): Promise<Row[]> {
  const node = probe('node');
  const code = probe('code');
  const ocr = probe('ocr');
  const face = probe('face');
  const parts =
    node.before + (code.loaded - code.before) + (ocr.worked - ocr.before) + (face.worked - face.before);
  return [
    { figure: 'Node with the TypeScript loader, nothing imported', measured: node.before, unit: 'MB' },
    {
      figure: "readerd's code and the libraries it imports at start (no model)",
      measured: code.loaded - code.before,
      unit: 'MB',
    },
    {
      figure:
        'OCR worker thread (WorkerCardFaceReader: its isolate, tesseract.js wasm, eng best_int) after init',
      measured: ocr.loaded - ocr.before,
      unit: 'MB',
    },
    { figure: '  same, after one card-face read', measured: ocr.worked - ocr.before, unit: 'MB' },
    {
      figure: 'face worker (onnxruntime-web wasm, fr_detect + fr_landmark + fr_feature) after load',
      measured: face.loaded - face.before,
      unit: 'MB',
    },
    {
      figure: '  same, after a reference and 3 live frames (wasm heap grown)',
      measured: face.worked - face.before,
      unit: 'MB',
    },
    // An estimate, not readerd: parts loaded apart share no pages and miss what readerd adds
    // (broker, database, kiosk), so it carries no goal; the goal is on readerd's own RSS
    // (the session table).
    {
      figure: 'sum of the parts (an estimate of readerd idle, less its broker, database, kiosk)',
      measured: parts,
      unit: 'MB',
    },
  ];
}
