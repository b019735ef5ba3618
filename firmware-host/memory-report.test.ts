import { describe, expect, it } from 'vitest';
import { createLogger } from '../platform/log.js';
import { memoryReport, reportMemoryOnSignal } from './memory-report.js';
import type { VisionWorkers } from './vision/vision-workers.js';
import { WorkerCardFaceReader } from './vision/worker-card-face-reader.js';
import { WorkerFaceMatcher } from './vision/worker-face-matcher.js';

const faceWorker = { heapMb: 20, heapUsedMb: 15, externalMb: 1, wasmMb: [27.8] };
const vision = { memory: async () => ({ face: faceWorker }) } as unknown as VisionWorkers;

describe('memoryReport', () => {
  it("gives the RSS, the main thread's memory and each running worker's", async () => {
    const r = await memoryReport(vision);
    expect(r.rssMb).toBeGreaterThan(0);
    expect(r.threads.main.heapMb).toBeGreaterThan(0);
    expect(r.threads.faceWorker).toEqual(faceWorker);
    expect(r.threads.ocrWorker).toBeUndefined();
    if (process.platform === 'linux') expect(r.byKind?.rssMb).toBeGreaterThan(0);
  });

  it('is logged as one "memory" line at SIGUSR2, until stopped', async () => {
    const lines: string[] = [];
    const log = createLogger('test', { format: 'json', write: (l) => lines.push(l) });
    const stop = reportMemoryOnSignal(vision, log);
    process.emit('SIGUSR2', 'SIGUSR2');
    for (let i = 0; i < 100 && lines.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    stop();
    process.emit('SIGUSR2', 'SIGUSR2');
    await new Promise((r) => setTimeout(r, 50));
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as { msg: string; threads: { faceWorker: unknown } };
    expect(line.msg).toBe('memory');
    expect(line.threads.faceWorker).toEqual(faceWorker);
  });

  it('starts no worker: a worker not running has no figures', async () => {
    const matcher = new WorkerFaceMatcher('fr-onnx');
    const reader = new WorkerCardFaceReader();
    expect(await matcher.memory()).toBeUndefined();
    expect(await reader.memory()).toBeUndefined();
  });
});
