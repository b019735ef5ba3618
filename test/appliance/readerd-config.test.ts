// readerd's habits (issue 16, items 6 and 8): the default configuration path and
// READERD_CONFIG, `--check-config [--json]` (validates, opens nothing, one line a problem),
// the broker password from a file or the environment, and exit codes that match --help.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../firmware-host/config.js';
import { withBrokerPassword } from '../../firmware-host/config-secrets.js';
import { makeLinkKeys } from '../../tools/rig/link-fixture.js';
import { READERD, startReaderd, writeReaderConfig } from '../helpers/readerd-process.js';

const keys = makeLinkKeys('config-reader');
afterAll(() => keys.cleanup());

function readerd(args: string[], env: NodeJS.ProcessEnv = {}) {
  const { READERD_CONFIG: _c, READERD_BROKER_PASSWORD: _p, ...base } = process.env;
  const r = spawnSync(process.execPath, [READERD, ...args], {
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const noStack = (s: string): void => expect(s).not.toMatch(/^\s+at /m);

/** The exit codes `readerd --help` lists. */
function documentedCodes(): number[] {
  const help = readerd(['--help']).out;
  const block = help.slice(help.indexOf('Exit codes:'));
  return [...block.matchAll(/^\s+(\d+)\s/gm)].map((m) => Number(m[1]));
}

describe('readerd configuration habits', () => {
  it('--help names the default path, the environment and every exit code', () => {
    const help = readerd(['--help']).out;
    expect(help).toContain('/etc/fareader/readerd.json');
    expect(help).toContain('READERD_CONFIG');
    expect(help).toContain('READERD_BROKER_PASSWORD');
    expect(help).toContain('--check-config');
    expect(documentedCodes()).toEqual([0, 1, 2, 3, 4]);
  });

  it('without --config: READERD_CONFIG, else /etc/fareader/readerd.json (one line, exit 3)', () => {
    const none = readerd(['--check-config']);
    expect(none.code).toBe(3);
    expect(none.err.trim().split('\n')).toHaveLength(1);
    expect(none.err).toContain('/etc/fareader/readerd.json');
    const file = writeReaderConfig(keys, 'mqtt://127.0.0.1:1');
    const viaEnv = readerd(['--check-config'], { READERD_CONFIG: file });
    expect(viaEnv.code).toBe(0);
    expect(viaEnv.out).toContain(`${file}: valid`);
  });

  it('--check-config opens nothing: unreachable broker and absent devices are still a valid file', () => {
    const file = writeReaderConfig(keys, 'mqtt://127.0.0.1:1', {
      cardModule: { type: 'pn532', path: '/dev/nonexistent-pn532' },
      cameras: {
        face: { kind: 'v4l2', device: '/dev/video99' },
        cardFace: { kind: 'v4l2', device: '/dev/video98' },
      },
      panel: { path: '/dev/nonexistent-panel' },
    });
    const r = readerd(['--check-config', '--json', '-c', file]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { ok: boolean; problems: string[]; summary: Record<string, unknown> };
    expect(j).toMatchObject({ ok: true, problems: [], summary: { deviceId: 'config-reader' } });
  });

  it('--check-config: one line per problem, --json lists them, exit 3, no stack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fareader-check-'));
    const pw = join(dir, 'broker.pw');
    writeFileSync(pw, 'secret\n');
    chmodSync(pw, 0o644);
    const file = join(dir, 'readerd.json');
    writeFileSync(
      file,
      JSON.stringify({
        deviceId: 'bad id!',
        dataDir: 'data',
        keys: { deviceKey: keys.deviceKeyFile, trustedTerminalsDir: keys.trustTerminalsDir },
        broker: { url: 'ftp://x' },
        colour: 'blue',
      }),
    );
    const text = readerd(['--check-config', '-c', file]);
    expect(text.code).toBe(3);
    const lines = text.err.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l).toMatch(/^readerd: .*readerd\.json: \$\./);
    noStack(text.err);
    const json = readerd(['--check-config', '--json', '-c', file]);
    expect(json.code).toBe(3);
    expect((JSON.parse(json.out) as { problems: string[] }).problems).toHaveLength(3);

    // A parsing file whose password file others can read: refused, like a key file.
    const ok = writeReaderConfig(keys, 'mqtt://127.0.0.1:1', {});
    const withPw = join(dir, 'with-pw.json');
    writeFileSync(
      withPw,
      JSON.stringify({
        ...JSON.parse(readFileSync(ok, 'utf8')),
        broker: { url: 'mqtt://127.0.0.1:1', passwordFile: pw },
      }),
    );
    const p = readerd(['--check-config', '-c', withPw]);
    expect(p.code).toBe(3);
    expect(p.err).toMatch(/broker password file .* is readable by others/);
    chmodSync(pw, 0o600);
    expect(readerd(['--check-config', '-c', withPw]).code).toBe(0);
  });

  it('the broker password: READERD_BROKER_PASSWORD, else passwordFile, else password', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fareader-pw-'));
    const pw = join(dir, 'pw');
    writeFileSync(pw, 'from-file\n', { mode: 0o600 });
    const base = { deviceId: 'r', dataDir: 'd', keys: { deviceKey: 'k', trustedTerminalsDir: 't' } };
    const c = parseConfig(
      { ...base, broker: { url: 'mqtt://h:1', password: 'inline', passwordFile: pw } },
      dir,
    );
    expect(withBrokerPassword(c, {}).broker.password).toBe('from-file');
    expect(withBrokerPassword(c, { READERD_BROKER_PASSWORD: 'from-env' }).broker.password).toBe('from-env');
    const inline = parseConfig({ ...base, broker: { url: 'mqtt://h:1', password: 'inline' } }, dir);
    expect(withBrokerPassword(inline, {}).broker.password).toBe('inline');
  });

  it('the embedded broker port taken: exit 4, one line (a documented code)', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    try {
      const file = writeReaderConfig(keys, 'embedded', {});
      const cfg = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(file, JSON.stringify({ ...cfg, broker: { url: 'embedded', embeddedPort: port } }));
      const r = readerd(['-c', file]);
      expect(r.code).toBe(4);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/embedded broker cannot listen on 127\.0\.0\.1:\d+/);
      expect(documentedCodes()).toContain(r.code);
    } finally {
      server.close();
    }
  });

  it('--exit-when-flushed has a deadline: no broker, --flush-timeout passes, exit 4', async () => {
    const file = writeReaderConfig(keys, 'mqtt://127.0.0.1:1', {});
    const r = startReaderd([
      '-c',
      file,
      '--link-test-results',
      '1',
      '--exit-when-flushed',
      '--flush-timeout',
      '500',
    ]);
    const code = await r.exit();
    expect(code).toBe(4);
    expect(r.lines.join('\n')).toContain('not every result was acknowledged in time');
  }, 40_000);
});
