// Puts an SMP target on the device side of a pty pair (or any serial path), optionally
// behind a line-rate limit: what tests, benchmarks and `readerctl sim smp-target` run.
import { type ServedPort, serveOnPty } from '../serial/serve-emulator.js';
import { SmpTarget, type SmpTargetOptions } from './smp-target.js';

export interface ServedTarget extends ServedPort {
  readonly target: SmpTarget;
}

export async function serveSmpTarget(
  path: string,
  opts: SmpTargetOptions & { baudRate?: number },
): Promise<ServedTarget> {
  let target!: SmpTarget;
  const port = await serveOnPty(path, opts.baudRate, (t) => (target = new SmpTarget(t, opts)));
  return { target, ...port };
}
