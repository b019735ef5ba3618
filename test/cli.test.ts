// The executables as a person runs them: help, version, key files, and clear errors.
import { spawnSync } from 'node:child_process';
import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readerdCommand } from '../firmware-host/readerd-command.js';
import { COMMANDS } from '../tools/cli/specs/index.js';
import { makeLinkKeys } from '../tools/rig/link-fixture.js';
import { runReaderctl } from './helpers/readerctl.js';

const root = join(import.meta.dirname, '..');
const run = (bin: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin', bin), ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const keys = makeLinkKeys();
afterAll(() => keys.cleanup());

describe('readerd and readerctl', () => {
  it('answer --help and --version', () => {
    for (const bin of ['readerd.mjs', 'readerctl.mjs']) {
      const help = run(bin, '--help');
      expect(help.code).toBe(0);
      expect(help.out).toMatch(/Usage:/);
      expect(run(bin, '--version').out).toMatch(/^\w+ \d+\.\d+\.\d+/);
    }
    for (const sub of ['keys', 'terminal'])
      expect(run('readerctl.mjs', sub, '--help').out).toMatch(/Usage: readerctl/);
  });

  it('creates a key with mode 0600 and never prints the private key', () => {
    const out = join(keys.dir, 'new.key');
    const r = run('readerctl.mjs', 'keys', 'create', '--role', 'device', '--out', out, '--json');
    expect(r.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(r.out).not.toMatch(/PRIVATE/);
    expect(JSON.parse(r.out).keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(run('readerctl.mjs', 'keys', 'create', '--role', 'device', '--out', out).code).toBe(3);
    expect(run('readerctl.mjs', 'keys', 'show', '--key', out).out).not.toMatch(/PRIVATE/);
  });

  it('refuses a missing key file, and one others can read', () => {
    const cfg = join(keys.dir, 'r.json');
    writeFileSync(
      cfg,
      JSON.stringify({ deviceId: 'r1', dataDir: 'd', keys: { deviceKey: 'k', trustedTerminalsDir: 't' } }),
    );
    const r = run('readerd.mjs', '-c', cfg);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/key file .* does not exist/);
    const open = join(keys.dir, 'open.key');
    run('readerctl.mjs', 'keys', 'create', '--role', 'device', '--out', open);
    chmodSync(open, 0o644);
    writeFileSync(
      cfg,
      JSON.stringify({ deviceId: 'r1', dataDir: 'd', keys: { deviceKey: open, trustedTerminalsDir: 't' } }),
    );
    const r2 = run('readerd.mjs', '-c', cfg);
    expect(r2.code).toBe(3);
    expect(r2.err).toMatch(/readable by others .*chmod 600/);
  });

  it('explains a bad configuration with the path of each problem, exit 3', () => {
    const cfg = join(keys.dir, 'bad.json');
    writeFileSync(cfg, JSON.stringify({ deviceId: 'x y', broker: { url: 'ftp://no' } }));
    const r = run('readerd.mjs', '--config', cfg);
    expect(r.code).toBe(3);
    expect(r.err).toContain('$.deviceId');
    expect(r.err).toContain('$.broker.url');
    expect(r.err).toContain('$.keys.deviceKey: is required');
  });

  it('exit 2 with a hint on unknown options and commands', () => {
    expect(run('readerd.mjs', '--frobnicate').code).toBe(2);
    const r = run('readerctl.mjs', 'frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command/);
  });

  // Every table's help is checked in-process (platform/cli-spec.test.ts); these few runs show
  // the executables print from the tables, and how a usage error looks on the terminal.
  it("a command's and a subcommand's --help list the exit codes, from the table", async () => {
    const [cmd, sub] = await Promise.all([
      runReaderctl('image', '--help'),
      runReaderctl('keys', 'trust', 'add', '--help'),
    ]);
    for (const [r, spec] of [
      [cmd, COMMANDS.image!],
      [sub, COMMANDS.keys!],
    ] as const) {
      expect(r.code, spec.name).toBe(0);
      for (const x of spec.exitCodes)
        expect(r.out, `${spec.name} exit ${x.code}`).toContain(`${String(x.code).padStart(3)}  ${x.meaning}`);
    }
    expect(cmd.out).toMatch(/^Usage: readerctl image <sign\|verify\|keyhash\|info>/);
    expect(sub.out).toMatch(/^Usage: readerctl keys trust add --dir DIR/);
    expect(sub.out).not.toContain('--role');
    const d = run('readerd.mjs', '--help');
    for (const x of readerdCommand.exitCodes)
      expect(d.out).toContain(`${String(x.code).padStart(3)}  ${x.meaning}`);
  }, 120_000);

  it('an unknown option: one line on stderr naming the subcommand help, exit 2', async () => {
    const cases = [
      [['keys', 'create', '--frobnicate'], 'readerctl keys create'],
      [['flash', '--port', '/dev/null', 'upload', '--frobnicate'], 'readerctl flash upload'],
      [['conformance', '--frobnicate'], 'readerctl conformance'],
    ] as const;
    const runs = await Promise.all(cases.map(([argv]) => runReaderctl(...argv)));
    for (const [i, [argv, help]] of cases.entries()) {
      expect(runs[i]!.code, argv.join(' ')).toBe(2);
      expect(runs[i]!.err).toBe(`readerctl: unknown option --frobnicate [Usage]. Try '${help} --help'.\n`);
    }
    const d = run('readerd.mjs', '--frobnicate');
    expect(d.code).toBe(2);
    expect(d.err).toBe("readerd: unknown option --frobnicate [Usage]. Try 'readerd --help'.\n");
  }, 120_000);
});
