// Every readerctl subcommand whose table offers --json prints JSON a machine can parse (issue 16,
// item 6): each one is run here, or named with the test that parses its output. A new
// subcommand with --json fails the first test until it is added to one of the two lists.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { generateKeyPair, keyIdHex } from '../../protocol/link/keys.js';
import { PtyPair } from '../../sim/pty/pty-pair.js';
import { serveSmpTarget } from '../../sim/smp-target/serve.js';
import { COMMANDS } from '../../tools/cli/specs/index.js';
import { makeLinkKeys, until } from '../../tools/rig/link-fixture.js';
import { TerminalStore } from '../../tools/terminal/terminal-store.js';
import { readerctlBin } from '../helpers/readerctl.js';
import { missing } from '../helpers/system.js';

const root = join(import.meta.dirname, '..', '..');
const keys = makeLinkKeys('r1');
const dir = mkdtempSync(join(tmpdir(), 'fareader-json-'));
afterAll(() => {
  keys.cleanup();
  rmSync(dir, { recursive: true, force: true });
});
const f = (n: string): string => join(dir, n);

/** Subcommands whose --json output another test parses (they need a broker, models or vpcd). */
const ELSEWHERE: Readonly<Record<string, string>> = {
  'face eval': 'test/vision/face-eval-cli.test.ts',
  'face verify': 'test/vision/face-cli.test.ts',
  'terminal run': 'test/cli/terminal-refusal.test.ts',
  'terminal start-session': 'test/cli/terminal-refusal.test.ts',
  'terminal cancel': 'test/cli/terminal-refusal.test.ts',
  'terminal mode': 'test/cli/terminal-refusal.test.ts',
  'terminal rebirth': 'test/cli/terminal-refusal.test.ts',
  'terminal status': 'test/fleet/fifty-readers.test.ts',
  'terminal pair': 'test/fleet/pairing-readerd.test.ts',
  'voice prepare': 'test/voice/voice-render.test.ts',
};

/** Not run by any test, and why: what is left to do. */
const NOT_RUN: Readonly<Record<string, string>> = {
  'face liveness-eval': 'one subject takes over 5 minutes of model inference on this machine',
};

/** A terminal store holding a key that device r1 rotated to (SPEC 15.6), for `terminal untrust`. */
const rotated = generateKeyPair();
const rotatedKeyId = keyIdHex(rotated.publicKey);
const terminalStore: Runs = {
  'terminal untrust': {
    argv: ['terminal', 'untrust', '--data', f('term'), '--device', 'r1', '--key-id', rotatedKeyId, '--json'],
  },
};

/** What is run here: subcommand → argv after `readerctl` (and stdin). */
type Runs = Record<string, { argv: string[]; stdin?: string; code?: number }>;

function runJson(argv: string[], stdin = ''): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [readerctlBin, ...argv]);
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => resolve({ code, out, err }));
    p.stdin.end(stdin);
  });
}

/** Stdout is one JSON document, or one JSON value a line (JSON lines); never empty. */
function expectJsonLines(name: string, out: string): unknown[] {
  const lines = out.split('\n').filter((l) => l.trim() !== '');
  expect(lines.length, `${name}: no output`).toBeGreaterThan(0);
  try {
    return [JSON.parse(out) as unknown];
  } catch {
    // not one document: then every line must be one
  }
  return lines.map((l) => {
    try {
      return JSON.parse(l) as unknown;
    } catch {
      throw new Error(`${name} --json printed a line that is not JSON: ${l.slice(0, 200)}`);
    }
  });
}

async function runAll(runs: Runs): Promise<void> {
  for (const [name, r] of Object.entries(runs)) {
    const res = await runJson(r.argv, r.stdin);
    expect(res.code, `${name}: ${res.err}`).toBe(r.code ?? 0);
    expectJsonLines(name, res.out);
  }
}

const jsonSubcommands = (): string[] =>
  Object.entries(COMMANDS).flatMap(([n, c]) =>
    (c.subcommands ?? [])
      .filter((s) => (s.table ? 'json' in s.table.options : (s.options ?? []).includes('json')))
      .map((s) => `${n} ${s.name}`)
      .concat(c.subcommands?.length || !('json' in c.options) ? [] : [n]),
  );

writeFileSync(
  f('fw.bin'),
  new Uint8Array(4000).map((_, i) => (i * 7) & 0xff),
);

const offline: Runs = {
  'keys create': { argv: ['keys', 'create', '--role', 'terminal', '--out', f('t.key'), '--json'] },
  'keys show': { argv: ['keys', 'show', '--key', keys.deviceKeyFile, '--json'] },
  'keys trust add': {
    argv: [
      'keys',
      'trust',
      'add',
      '--dir',
      f('trust'),
      '--name',
      't1',
      '--key',
      keys.terminalKeyFile,
      '--json',
    ],
  },
  'keys trust list': { argv: ['keys', 'trust', 'list', '--dir', f('trust'), '--json'] },
  'keys trust remove': { argv: ['keys', 'trust', 'remove', '--dir', f('trust'), '--name', 't1', '--json'] },
  'image sign': {
    argv: ['image', 'sign', '-k', keys.deviceKeyFile, '-v', '2.0.0', f('fw.bin'), f('fw.img'), '--json'],
  },
  'image verify': { argv: ['image', 'verify', '-k', keys.deviceKeyFile, f('fw.img'), '--json'] },
  'image info': { argv: ['image', 'info', f('fw.img'), '--json'] },
  // A raw binary is not an image: --json still answers on stdout, with the documented 3.
  'image verify (malformed)': {
    argv: ['image', 'verify', '-k', keys.deviceKeyFile, f('fw.bin'), '--json'],
    code: 3,
  },
  conformance: { argv: ['conformance', '--list', '--json'] },
  'voice list': { argv: ['voice', 'list', '--json'] },
  'broker credentials': {
    argv: [
      'broker',
      'credentials',
      '--key',
      keys.terminalKeyFile,
      '--role',
      'terminal',
      '--id',
      'terminal-1',
      '--json',
    ],
  },
  'card list': { argv: ['card', 'list', '--json'] },
};

const emulatedCard: Runs = {
  'card wait': { argv: ['card', 'wait', '--emulated', 'pn532', '--json'] },
  'card cert': { argv: ['card', 'cert', '--emulated', 'pn532', '--json'] },
  'card tries': { argv: ['card', 'tries', '--emulated', 'ccid', '--json'] },
  'card verify': {
    argv: ['card', 'verify', '--emulated', 'pn532', '--pin-stdin', '--json'],
    stdin: '1234\n',
  },
};

/** The flash subcommands the last test runs (listed up front for the coverage check). */
const FLASH_NAMES: readonly string[] = [
  'flash echo',
  'flash params',
  'flash info',
  'flash bootloader',
  'flash list',
  'flash upload',
  'flash test',
  'flash reset',
  'flash confirm',
  'flash erase',
  'flash shell',
];

describe('readerctl --json', () => {
  it('every subcommand offering --json is run here or parsed by a named test', () => {
    const covered = new Set([
      ...Object.keys(ELSEWHERE),
      ...Object.keys(NOT_RUN),
      ...Object.keys(terminalStore),
      'sim card',
      ...[offline, emulatedCard, FLASH_NAMES].flatMap((r) => (Array.isArray(r) ? r : Object.keys(r))),
    ]);
    const left = jsonSubcommands().filter((s) => !covered.has(s.replace(/^(\w+) /, '$1 ').trim()));
    expect(left).toEqual([]);
    for (const [sub, file] of Object.entries(ELSEWHERE)) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, `${file} parses ${sub} --json`).toMatch(/'--json'/);
      expect(text).toMatch(/JSON\.parse/);
      expect(text).toContain(`'${sub.split(' ')[1]}'`);
    }
  });

  it('terminal untrust: a rotated key the terminal trusted is untrusted, said as one JSON line', async () => {
    mkdirSync(f('term'), { recursive: true });
    const before = new TerminalStore(join(f('term'), 'terminal.sqlite'));
    before.noteRotatedKey('r1', rotated.publicKey, keyIdHex(generateKeyPair().publicKey), Date.now());
    before.close();
    const res = await runJson(terminalStore['terminal untrust']!.argv);
    expect(res.code, res.err).toBe(0);
    expect(expectJsonLines('terminal untrust', res.out)).toEqual([
      { type: 'untrusted', deviceId: 'r1', keyId: rotatedKeyId },
    ]);
    const after = new TerminalStore(join(f('term'), 'terminal.sqlite'));
    try {
      expect(after.isUntrusted(rotatedKeyId)).toBe(true);
    } finally {
      after.close();
    }
  });

  it('keys, image, conformance --list, voice list, broker credentials, card list', async () => {
    await runAll(offline);
    expect(existsSync(f('fw.img'))).toBe(true);
  }, 120_000);

  it.skipIf(missing('socat', 'socat'))(
    'card on the emulated modules',
    async () => {
      await runAll(emulatedCard);
    },
    120_000,
  );

  it('sim card --vpcd: JSON events while it serves a reader, and when stopped', async () => {
    // vpcd's side of the socket is enough to see the card go in: a listener that accepts.
    const server = createServer(() => {});
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const p = spawn(process.execPath, [
      readerctlBin,
      'sim',
      'card',
      '--vpcd',
      `127.0.0.1:${port}`,
      '--state',
      f('card-state'),
      '--json',
    ]);
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    try {
      await until(() => /"event":"connected"/.test(out), 15_000, 'the connected event');
      const exited = once(p, 'exit');
      p.kill('SIGTERM');
      const [code] = (await exited) as [number];
      expect(code).toBe(0);
      const events = expectJsonLines('sim card', out) as { event: string }[];
      expect(events.map((e) => e.event)).toEqual(expect.arrayContaining(['ready', 'connected', 'stopped']));
    } finally {
      p.kill('SIGKILL');
      server.close();
    }
  }, 60_000);

  it.skipIf(missing('socat', 'socat'))(
    'flash against the SMP target emulator',
    async () => {
      const pty = await PtyPair.create('json-flash');
      const { loadKeyFile } = await import('../../platform/keys/keystore.js');
      const served = await serveSmpTarget(pty.devicePath, {
        signingKey: loadKeyFile(keys.deviceKeyFile).publicKey,
        ed: opensslEd25519,
        rebootMs: 100,
      });
      try {
        const port = ['--port', pty.hostPath, '--json'];
        const runs: Runs = {
          'flash echo': { argv: ['flash', 'echo', 'hi', ...port] },
          'flash params': { argv: ['flash', 'params', ...port] },
          'flash info': { argv: ['flash', 'info', ...port] },
          'flash bootloader': { argv: ['flash', 'bootloader', ...port] },
          'flash list': { argv: ['flash', 'list', ...port] },
          'flash upload': { argv: ['flash', 'upload', f('fw.img'), '--key', keys.deviceKeyFile, ...port] },
        };
        await runAll(runs);
        const list = expectJsonLines('flash list', (await runJson(['flash', 'list', ...port])).out);
        const hash = JSON.stringify(list)
          .match(/"hash":"([0-9a-f]{64})"/g)
          ?.at(-1)
          ?.slice(8, -1);
        expect(hash).toMatch(/^[0-9a-f]{64}$/);
        await runAll({
          'flash test': { argv: ['flash', 'test', hash!, ...port] },
          'flash reset': { argv: ['flash', 'reset', ...port] },
        });
        await new Promise((r) => setTimeout(r, 300));
        await runAll({
          'flash confirm': { argv: ['flash', 'confirm', ...port] },
          'flash erase': { argv: ['flash', 'erase', ...port] },
          'flash shell': { argv: ['flash', 'shell', ...port, '--', 'version'] },
        });
      } finally {
        await served.close();
        await pty.close();
      }
    },
    180_000,
  );
});
