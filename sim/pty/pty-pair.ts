// A pseudo-terminal pair made by socat: the host side is what a driver opens as its serial
// port, the device side is where an emulator listens. `unplug()` removes both ends (like
// pulling a USB-serial adapter); `replug()` makes them again at the same paths.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class PtyPair {
  private proc?: ChildProcess;
  readonly hostPath: string;
  readonly devicePath: string;

  private constructor(private readonly dir: string) {
    this.hostPath = join(dir, 'host');
    this.devicePath = join(dir, 'device');
  }

  static async create(name = 'pty'): Promise<PtyPair> {
    const p = new PtyPair(mkdtempSync(join(tmpdir(), `fareader-${name}-`)));
    await p.replug();
    return p;
  }

  async replug(timeoutMs = 5000): Promise<void> {
    this.proc = spawn(
      'socat',
      [`pty,raw,echo=0,link=${this.hostPath}`, `pty,raw,echo=0,link=${this.devicePath}`],
      {
        stdio: 'ignore',
      },
    );
    const deadline = Date.now() + timeoutMs;
    while (!(existsSync(this.hostPath) && existsSync(this.devicePath))) {
      if (this.proc.exitCode !== null)
        throw new Error('socat exited: is the Debian package socat installed?');
      if (Date.now() > deadline) throw new Error(`socat made no pty pair in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async unplug(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    p.kill('SIGTERM');
    await once(p, 'exit');
  }

  async close(): Promise<void> {
    await this.unplug();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
