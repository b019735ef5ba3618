// npm run bench: every benchmark, printed as tables of measured figures beside goals and
// anchors measured in the same run. Timings live here, never in tests.
import { cpus } from 'node:os';
import { cardBench } from './card.bench.js';
import { flashBench } from './flash.bench.js';
import { linkBench } from './link.bench.js';
import { ocrBench } from './ocr.bench.js';
import { sessionBench } from './session.bench.js';
import { printTable } from './table.js';
import { visionBench } from './vision.bench.js';

process.stdout.write(
  `# Benchmarks  ${new Date().toISOString()}  node ${process.version}  ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}\n`,
);
// `npm run bench -- session card` runs only the tables named.
const only = new Set(process.argv.slice(2));
const want = (name: string): boolean => only.size === 0 || only.has(name);
if (want('link'))
  printTable(
    'Terminal link (issue 2): device and terminal in one process, loopback broker',
    await linkBench(),
  );
if (want('flash'))
  printTable(
    'Flashing over serial (issue 6): readerctl flash upload to the SMP target emulator on a pty',
    await flashBench(),
  );
if (want('card'))
  printTable(
    'Card stack (issue 3): PN532 emulator on a pty at the line rate; CCID emulator',
    await cardBench(),
  );
if (want('vision'))
  printTable(
    'Vision (issue 11): fr-onnx (onnxruntime wasm, worker thread) beside face-api (tfjs wasm), 2 cores, own process',
    await visionBench(),
  );
if (want('ocr'))
  printTable(
    'Card-face reading (issue 4): generated cards through the card-face camera emulator',
    await ocrBench(),
  );
if (want('session'))
  printTable(
    'readerd sessions (issue 5): readerd on the emulated appliance, PN532 at 921600, terminal verifying',
    await sessionBench(),
  );
process.exit(0);
