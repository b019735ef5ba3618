// The machine a run was measured on: its load (the cores are shared, so every figure of the
// run is read beside it) and this process's event-loop delay while idle — the floor the
// session table's event-loop figure is compared with.
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Row } from './table.js';

export async function hostBench(idleMs = 300): Promise<Row[]> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  await new Promise((r) => setTimeout(r, idleMs));
  h.disable();
  const [l1, l5, l15] = loadavg();
  return [
    { figure: 'CPU cores', measured: cpus().length, unit: 'cores' },
    { figure: 'load average, 1 min', measured: l1!, unit: '' },
    { figure: 'load average, 5 min', measured: l5!, unit: '' },
    { figure: 'load average, 15 min', measured: l15!, unit: '' },
    {
      figure: `event-loop delay p99, this process idle for ${idleMs} ms`,
      measured: h.percentile(99) / 1e6,
      unit: 'ms',
    },
  ];
}
