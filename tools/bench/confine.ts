// Confining readerd the way a single-board computer runs it: one core (taskset on every
// thread: the face and OCR workers exist once readerd is ready), or half a core (also a CFS
// quota of 50 ms per 100 ms — cgroup v2 `cpu.max "50000 100000"`, or the v1 cpu controller's
// cfs_quota_us/cfs_period_us, whichever this machine mounts writable). Without either the
// run says so and the row is left out rather than measured some other way.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { hasCommand } from '../rig/has-command.js';

export type Confinement = 'two-cores' | 'one-core' | 'half-core';

export interface Confined {
  readonly how: string;
  release(): void;
}

const V2 = '/sys/fs/cgroup';
const V1_CPU = '/sys/fs/cgroup/cpu';

/** A cgroup with the CPU quota, or undefined when neither hierarchy lets us make one. */
function quotaGroup(pid: number, quotaUs: number, periodUs: number): Confined | undefined {
  const name = `fareader-bench-${process.pid}`;
  const attempts: [string, (dir: string) => void, string][] = [
    [
      V2,
      (dir) => writeFileSync(join(dir, 'cpu.max'), `${quotaUs} ${periodUs}`),
      `cgroup v2 cpu.max "${quotaUs} ${periodUs}"`,
    ],
    [
      V1_CPU,
      (dir) => {
        writeFileSync(join(dir, 'cpu.cfs_period_us'), String(periodUs));
        writeFileSync(join(dir, 'cpu.cfs_quota_us'), String(quotaUs));
      },
      `cgroup v1 cpu.cfs_quota_us ${quotaUs} / cfs_period_us ${periodUs}`,
    ],
  ];
  for (const [root, setQuota, how] of attempts) {
    if (!existsSync(join(root, 'cgroup.procs'))) continue;
    const dir = join(root, name);
    try {
      mkdirSync(dir);
      setQuota(dir);
      writeFileSync(join(dir, 'cgroup.procs'), String(pid));
      return {
        how,
        release: () => {
          // Back to the root group first: a group with a process in it cannot be removed.
          try {
            writeFileSync(join(root, 'cgroup.procs'), String(pid));
          } catch {}
          try {
            rmdirSync(dir);
          } catch {}
        },
      };
    } catch {
      try {
        rmdirSync(dir);
      } catch {}
    }
  }
  return undefined;
}

/** Confines process `pid` (all its threads); undefined when this machine cannot. */
export function confine(pid: number, c: Confinement): Confined | undefined {
  if (c === 'two-cores') return { how: 'no confinement', release: () => {} };
  if (!hasCommand('taskset')) return undefined;
  execFileSync('taskset', ['-a', '-p', '-c', '0', String(pid)], { stdio: 'ignore' });
  const unpin = (): void => {
    try {
      execFileSync('taskset', ['-a', '-p', '-c', `0-${cpus().length - 1}`, String(pid)], { stdio: 'ignore' });
    } catch {}
  };
  if (c === 'one-core') return { how: 'taskset -a -c 0', release: unpin };
  const q = quotaGroup(pid, 50_000, 100_000);
  if (!q) {
    unpin();
    return undefined;
  }
  return {
    how: `taskset -a -c 0 and ${q.how}`,
    release: () => {
      q.release();
      unpin();
    },
  };
}
