// Runs a command in a detached tmux window and reads its screen the way a person would.
import { execFileSync } from 'node:child_process';

export class TmuxScreen {
  private static n = 0;
  readonly socket = `fareader-${process.pid}`;
  readonly name: string;

  constructor(command: string, cols = 160, rows = 45) {
    this.name = `t${TmuxScreen.n++}`;
    execFileSync('tmux', [
      '-L',
      this.socket,
      'new-session',
      '-d',
      '-s',
      this.name,
      '-x',
      String(cols),
      '-y',
      String(rows),
      `${command}; sleep 30`,
    ]);
  }

  screen(): string {
    return execFileSync('tmux', ['-L', this.socket, 'capture-pane', '-p', '-J', '-t', this.name]).toString();
  }

  keys(...keys: string[]): void {
    execFileSync('tmux', ['-L', this.socket, 'send-keys', '-t', this.name, ...keys]);
  }

  async waitFor(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = this.screen();
      if (pattern.test(s)) return s;
      if (Date.now() > deadline) throw new Error(`screen never showed ${pattern}:\n${s}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  close(): void {
    try {
      execFileSync('tmux', ['-L', this.socket, 'kill-session', '-t', this.name], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
}
