// pcscd with vsmartcard-vpcd's reader driver on a private port, and `readerctl sim card --vpcd`
// as a child process: the independent PC/SC stack the card emulator is checked against.
// pcscd has one socket per machine (/run/pcscd), so only one test file may own it.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..', '..');
export const VPCD_DRIVER = '/usr/lib/pcsc/drivers/serial/libifdvpcd.so';
export const OPENSC_PKCS11 = '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so';
export const READER = 'Virtual PCD 00 00';

export interface Run {
  readonly code: number;
  readonly out: string;
}

/** Runs a tool to completion (30 s at most); never throws on a non-zero exit. */
export function run(cmd: string, args: string[], timeoutMs = 30_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, out: `${stdout}${stderr}` });
    });
  });
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '0.0.0.0', () => s.close(() => resolve(true)));
  });
}

/** Two free ports in a row: vpcd's driver opens one per slot (CHANNELID and the next). */
async function freePortPair(): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const p = 20_000 + Math.floor(Math.random() * 40_000);
    if ((await portFree(p)) && (await portFree(p + 1))) return p;
  }
  throw new Error('no two free TCP ports in a row');
}

/** Why pcscd cannot be ours here, or undefined when it can. */
export function pcscdBusy(): string | undefined {
  const pidFile = '/run/pcscd/pcscd.pid';
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  try {
    process.kill(pid, 0);
    return `another pcscd (pid ${pid}) is running; this test starts its own with vpcd on a private port`;
  } catch {
    return undefined;
  }
}

export interface Pcscd {
  readonly port: number;
  readonly log: () => string;
  /** Waits until reader 0 shows a card (present = true) or none. */
  cardPresent(present: boolean): Promise<void>;
  stop(): Promise<void>;
}

export async function startPcscd(dir: string): Promise<Pcscd> {
  const port = await freePortPair();
  const conf = join(dir, 'reader.conf.d');
  mkdirSync(conf, { recursive: true });
  const hex = `0x${port.toString(16).toUpperCase()}`;
  // As Debian's /etc/reader.conf.d/vpcd, on our port: /dev/null = vpcd listens (server mode).
  writeFileSync(
    join(conf, 'vpcd'),
    `FRIENDLYNAME "Virtual PCD"\nDEVICENAME   /dev/null:${hex}\nLIBPATH      ${VPCD_DRIVER}\nCHANNELID    ${hex}\n`,
  );
  // --auto-exit: should this process die without stopping it, pcscd leaves 60 s after its last client.
  const child = spawn('pcscd', ['--foreground', '--auto-exit', '--info', '-c', conf], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (b: Buffer) => {
    log += b.toString();
  });
  child.stderr.on('data', (b: Buffer) => {
    log += b.toString();
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await until('pcscd to list the vpcd reader', async () => {
    if (child.exitCode !== null) throw new Error(`pcscd exited: ${log}`);
    return (await run('opensc-tool', ['-l'])).out.includes(READER);
  });
  return {
    port,
    log: () => log,
    cardPresent: (present) =>
      until(`reader 0 to show ${present ? 'a card' : 'no card'}`, async () => {
        const l = (await run('opensc-tool', ['-l'])).out;
        return new RegExp(`${present ? 'Yes' : 'No'}\\s+${READER}`).test(l);
      }),
    async stop() {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    },
  };
}

export type SimEvent = { readonly event: string } & Record<string, unknown>;

export interface Sim {
  readonly events: SimEvent[];
  /** SIGINT, then the exit code and the final `stopped` event. */
  stop(): Promise<{ code: number | null; stopped?: SimEvent }>;
}

/** `readerctl sim card --vpcd` as a user runs it, with --json for the assertions. */
export function startSim(port: number, profile: string, state: string, extra: string[] = []): Sim {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(REPO, 'bin', 'readerctl.mjs'),
      'sim',
      'card',
      '--vpcd',
      `127.0.0.1:${port}`,
      '--profile',
      profile,
      '--state',
      state,
      '--json',
      ...extra,
    ],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const events: SimEvent[] = [];
  let rest = '';
  child.stdout!.on('data', (b: Buffer) => {
    rest += b.toString();
    const lines = rest.split('\n');
    rest = lines.pop() ?? '';
    for (const l of lines) if (l.trim()) events.push(JSON.parse(l) as SimEvent);
  });
  let err = '';
  child.stderr!.on('data', (b: Buffer) => {
    err += b.toString();
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    events,
    async stop() {
      child.kill('SIGINT');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(t);
      if (code !== 0) throw new Error(`sim card exited ${code}: ${err}`);
      return { code, stopped: events.find((e) => e.event === 'stopped') };
    },
  };
}

/** `pkcs15-tool --list-pins` as { label: tries left }. */
export function triesByLabel(listPins: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of listPins.matchAll(/PIN \[([^\]]+)\][\s\S]*?Tries left\s*:\s*(-?\d+)/g))
    out[m[1]!] = Number(m[2]);
  return out;
}
