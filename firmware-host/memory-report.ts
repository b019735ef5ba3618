// readerd's memory report (issue 17): its RSS and peak, the process's resident memory by kind
// (platform/process-memory.ts: code and libraries, each wasm heap, the rest) and each thread's
// own heap and wasm memories (main, the face worker, the OCR worker while it runs). Logged as one
// "memory" line when readerd gets SIGUSR2 (`systemctl kill -s USR2 fareader-readerd`), so a
// running reader says where its memory is without a restart or a debugger.
import { readFileSync } from 'node:fs';
import type { Logger } from '../platform/log.js';
import { type ProcessMemory, processMemory } from '../platform/process-memory.js';
import { type ThreadMemory, threadMemory } from './vision/thread-memory.js';
import type { VisionWorkers } from './vision/vision-workers.js';

export interface MemoryReport {
  readonly rssMb: number;
  /** The kernel's high-water mark of the RSS (VmHWM), since the start. */
  readonly peakMb?: number;
  readonly byKind?: ProcessMemory;
  readonly threads: {
    readonly main: ThreadMemory;
    readonly faceWorker?: ThreadMemory;
    readonly ocrWorker?: ThreadMemory;
  };
}

function peakMb(): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Math.round((Number(m[1]) / 1024) * 10) / 10 : undefined;
  } catch {
    return undefined;
  }
}

export async function memoryReport(vision?: VisionWorkers): Promise<MemoryReport> {
  const workers = (await vision?.memory()) ?? {};
  return {
    rssMb: Math.round((process.memoryUsage.rss() / 1048576) * 10) / 10,
    peakMb: peakMb(),
    byKind: processMemory(),
    threads: { main: threadMemory(), faceWorker: workers.face, ocrWorker: workers.ocr },
  };
}

/** Logs the report at each SIGUSR2; returns what stops it. */
export function reportMemoryOnSignal(vision: VisionWorkers | undefined, log: Logger): () => void {
  const onSignal = (): void => {
    memoryReport(vision).then(
      (report) => log.info('memory', { ...report }),
      (e: unknown) => log.warn('the memory report failed', { error: e }),
    );
  };
  process.on('SIGUSR2', onSignal);
  return () => process.off('SIGUSR2', onSignal);
}
