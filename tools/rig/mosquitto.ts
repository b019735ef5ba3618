// A real Mosquitto on a free loopback port, with persistence, that tests can stop and restart.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort } from '../demo/appliance-rig.js';

export { freePort };

export async function waitForPort(port: number, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = connect(port, '127.0.0.1');
      sock.once('connect', () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export class Mosquitto {
  private proc?: ChildProcess;
  readonly url: string;

  private constructor(
    readonly port: number,
    private readonly confFile: string,
  ) {
    this.url = `mqtt://127.0.0.1:${port}`;
  }

  static async start(dir: string): Promise<Mosquitto> {
    const port = await freePort();
    const conf = join(dir, 'mosquitto.conf');
    writeFileSync(
      conf,
      [
        `listener ${port} 127.0.0.1`,
        'allow_anonymous true',
        'persistence true',
        `persistence_location ${dir}/`,
        'max_queued_messages 100000',
        'log_dest none',
        // Started as root, mosquitto drops to its own user, which cannot write our 0700 temp folder.
        ...(process.getuid?.() === 0 ? ['user root'] : []),
      ].join('\n'),
    );
    const m = new Mosquitto(port, conf);
    await m.restart();
    return m;
  }

  async restart(): Promise<void> {
    this.proc = spawn('mosquitto', ['-c', this.confFile], { stdio: 'ignore' });
    await waitForPort(this.port);
  }

  async stop(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    p.kill('SIGTERM');
    await once(p, 'exit');
  }
}
