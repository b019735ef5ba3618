// A person's mistake gets one line on stderr and the exit code the command's --help documents,
// never a stack trace or a silent hang (issue 16, item 5). Each case runs the real executable.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readerdCommand } from '../../firmware-host/readerd-command.js';
import type { CommandSpec } from '../../platform/cli-spec.js';
import { publicKeyToDer, toPem } from '../../protocol/link/keys.js';
import { COMMANDS } from '../../tools/cli/specs/index.js';
import { makeLinkKeys } from '../../tools/rig/link-fixture.js';
import { readerctlBin } from '../helpers/readerctl.js';
import { READERD } from '../helpers/readerd-process.js';

const keys = makeLinkKeys('r1');
const scratch = mkdtempSync(join(tmpdir(), 'fareader-user-errors-'));
afterAll(() => {
  keys.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

// The device key's public half where the private key belongs: the slip the issue names.
const devicePub = `${keys.deviceKeyFile}.pub.pem`;
writeFileSync(devicePub, toPem('PUBLIC KEY', publicKeyToDer(keys.deviceKey.publicKey)));

interface Run {
  code: number | null;
  err: string;
  out: string;
  killed: boolean;
}

/** Runs a bin with a deadline: a hang is a failure of its own, not a test timeout. */
function run(bin: string, args: string[], deadlineMs = 20_000): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [bin, ...args], { cwd: scratch });
    let out = '';
    let err = '';
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      p.kill('SIGKILL');
    }, deadlineMs);
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, err, out, killed });
    });
  });
}

function readerdConfig(name: string, over: Record<string, unknown>): string {
  const file = join(scratch, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      deviceId: 'r1',
      dataDir: join(scratch, `${name}-data`),
      keys: { deviceKey: keys.deviceKeyFile, trustedTerminalsDir: keys.trustTerminalsDir },
      log: { level: 'error', format: 'json' },
      ...over,
    }),
  );
  return file;
}

/** The one line, the exit code, and that --help of `spec` lists that code. */
function expectOneLine(r: Run, spec: CommandSpec, code: number, says: RegExp): void {
  expect(r.killed, 'hung until killed').toBe(false);
  const lines = r.err.trim().split('\n');
  expect(lines, r.err).toHaveLength(1);
  expect(r.err).not.toMatch(/^\s+at /m);
  expect(lines[0]).toMatch(says);
  expect(r.code).toBe(code);
  expect(spec.exitCodes.map((c) => c.code)).toContain(code);
}

const ctl = (...args: string[]): Promise<Run> => run(readerctlBin, args);
const EXIT_CONFIG = 3;
const EXIT_LINK = 4;

// Each case is a few Node start-ups; on a loaded machine that is more than the default 30 s.
describe('one line for a user error, with the documented exit code', { timeout: 90_000 }, () => {
  it('keys create makes a missing folder (0700), and says in one line when it cannot', async () => {
    const out = join(scratch, 'new', 'keys', 'device.key');
    const made = await ctl('keys', 'create', '--role', 'device', '--out', out);
    expect(made.code, made.err).toBe(0);
    expect(statSync(join(scratch, 'new', 'keys')).mode & 0o777).toBe(0o700);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const r = await ctl('keys', 'create', '--role', 'device', '--out', '/proc/x/device.key');
    expectOneLine(r, COMMANDS.keys!, EXIT_CONFIG, /\/proc\/x cannot be created/);
  });

  it('readerd: a missing broker.caFile is a configuration error (3), named', async () => {
    const cfg = readerdConfig('ca', {
      broker: { url: 'mqtts://127.0.0.1:1', caFile: join(scratch, 'no-ca.pem') },
    });
    const r = await run(READERD, ['-c', cfg]);
    expectOneLine(r, readerdCommand, EXIT_CONFIG, /broker\.caFile .*no-ca\.pem: does not exist/);
  });

  it('readerd: a dataDir that cannot be made fails at once (3), no hang', async () => {
    const r = await run(READERD, ['-c', readerdConfig('proc', { dataDir: '/proc/x' })]);
    expectOneLine(r, readerdCommand, EXIT_CONFIG, /dataDir \/proc\/x cannot be created/);
    const file = join(scratch, 'a-file');
    writeFileSync(file, '');
    const r2 = await run(READERD, ['-c', readerdConfig('file', { dataDir: join(file, 'd') })]);
    expectOneLine(r2, readerdCommand, EXIT_CONFIG, /dataDir .*a-file\/d cannot be created \(ENOTDIR\)/);
  });

  it('readerd and terminal: a PUBLIC key as deviceKey / --key is said to be one, with its file', async () => {
    const cfg = readerdConfig('pub', {
      keys: { deviceKey: devicePub, trustedTerminalsDir: keys.trustTerminalsDir },
    });
    const r = await run(READERD, ['-c', cfg]);
    expectOneLine(r, readerdCommand, EXIT_CONFIG, /device\.key\.pub\.pem holds a PUBLIC key/);
    expect(r.err).not.toMatch(/chmod/);
    const t = await ctl(
      'terminal',
      'start-session',
      '--broker',
      'mqtt://127.0.0.1:1',
      '--key',
      devicePub,
      '--trust-dir',
      keys.trustDevicesDir,
      '--device',
      'r1',
      '--data',
      join(scratch, 'term'),
    );
    expectOneLine(t, COMMANDS.terminal!, EXIT_CONFIG, /device\.key\.pub\.pem holds a PUBLIC key/);
  });

  it('flash --usb: what is wrong, in one line (4: the port cannot be found)', async () => {
    const r = await ctl('flash', '--usb', '2fe3:0100', 'list');
    expectOneLine(r, COMMANDS.flash!, EXIT_LINK, /2fe3:0100/);
  });

  it('flash: every image or key problem is 3, as its help says; no port 4; usage 2', async () => {
    const bin = join(scratch, 'fw.bin');
    writeFileSync(
      bin,
      new Uint8Array(2000).map((_, i) => i & 0xff),
    );
    const img = join(scratch, 'fw.img');
    const unsigned = join(scratch, 'fw-unsigned.img');
    expect((await ctl('image', 'sign', '-k', keys.deviceKeyFile, '-v', '1.0.0', bin, img)).code).toBe(0);
    expect((await ctl('image', 'sign', '--unsigned', '-v', '1.0.0', bin, unsigned)).code).toBe(0);
    const port = ['--port', '/dev/does-not-exist'];
    const flash = COMMANDS.flash!;
    const cases: [string[], number, RegExp][] = [
      [['upload', join(scratch, 'no.img'), ...port], EXIT_CONFIG, /image .*no\.img: does not exist/],
      [['upload', bin, ...port], EXIT_CONFIG, /not an MCUboot image/],
      [['upload', unsigned, ...port], EXIT_CONFIG, /is not signed/],
      [['upload', img, '--key', keys.terminalKeyFile, ...port], EXIT_CONFIG, /signed with another key/],
      [['upload', img, '--key', join(scratch, 'no.key'), ...port], EXIT_CONFIG, /no\.key/],
      [['upload', img, '--key', keys.deviceKeyFile, ...port], EXIT_LINK, /does-not-exist/],
      [['upload', ...port], 2, /upload needs an image file/],
    ];
    for (const [args, code, says] of cases) expectOneLine(await ctl('flash', ...args), flash, code, says);
  }, 120_000); // nine CLI runs, each a Node start-up

  it('card tries --ccid with no USB bus or reader: one line, 4 (module problem)', async () => {
    const r = await ctl('card', 'tries', '--ccid');
    // Here (a container) there is no USB bus; on a bench PC without a reader: no reader found.
    expectOneLine(r, COMMANDS.card!, EXIT_LINK, /no USB bus|no CCID reader found/);
  });

  it('face verify with a missing photo names it before loading any model (3)', async () => {
    const missing = join(scratch, 'no-photo.jp2');
    expect(existsSync(missing)).toBe(false);
    const r = await ctl('face', 'verify', '--card-photo', missing, '--camera', missing);
    expectOneLine(r, COMMANDS.face!, EXIT_CONFIG, /--card-photo .*no-photo\.jp2: does not exist/);
  });

  it('face liveness-eval --steps 1 is refused before any model loads (2): readerd refuses it too', async () => {
    const r = await ctl('face', 'liveness-eval', '--steps', '1');
    expectOneLine(r, COMMANDS.face!, 2, /--steps is a whole number ≥ 2/);
  });

  it('face liveness-eval with a missing --images folder names it in one line (2), not a stack trace', async () => {
    const missing = join(scratch, 'no-faces');
    const r = await ctl('face', 'liveness-eval', '--images', missing);
    expectOneLine(r, COMMANDS.face!, 2, /--images: no folder .*no-faces/);
  });
});
