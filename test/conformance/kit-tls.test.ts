// The kit against a reader whose broker wants TLS, a client certificate and a password: a real
// Mosquitto (openssl makes the CA), the emulated reader configured for it as a clinic would,
// and `readerctl conformance --ca --cert --key --username --password-file --servername`. The
// broker's certificate names broker.clinic.test and 127.0.0.1, so the kit, reaching it as
// localhost, needs --servername. The password file is checked like readerd's (0600).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplianceRig } from '../../tools/demo/appliance-rig.js';
import { freePort, waitForPort } from '../../tools/rig/mosquitto.js';
import { RIG_TEST_SEED } from '../helpers/rig-seed.js';
import { missing } from '../helpers/system.js';

const ROOT = join(import.meta.dirname, '..', '..');
const skip =
  missing('mosquitto', 'mosquitto') ||
  missing('mosquitto_passwd', 'mosquitto') ||
  missing('openssl', 'openssl') ||
  missing('socat', 'socat');

function pki(dir: string): void {
  const ssl = (...a: string[]) => execFileSync('openssl', a, { cwd: dir, stdio: 'ignore' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  ssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=clinic-ca');
  for (const [name, cn, ext] of [
    ['server', 'broker.clinic.test', 'subjectAltName=DNS:broker.clinic.test,IP:127.0.0.1\n'],
    ['client', 'conformance-kit', 'extendedKeyUsage=clientAuth\n'],
  ] as const) {
    ssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
    writeFileSync(join(dir, `${name}.ext`), ext);
    ssl(
      'x509',
      ...['-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial'],
      ...['-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`],
    );
  }
}

function kit(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const p = spawn(process.execPath, [join(ROOT, 'bin', 'readerctl.mjs'), 'conformance', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  p.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  p.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
  });
  return once(p, 'exit').then(([code]) => ({ code: code as number | null, out, err }));
}

describe.skipIf(skip)('the kit against a reader on a TLS + password Mosquitto', () => {
  let dir: string;
  let broker: ChildProcess;
  let rig: ApplianceRig;
  let port: number;
  let common: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fareader-kit-tls-'));
    pki(dir);
    execFileSync('mosquitto_passwd', ['-c', '-b', join(dir, 'passwd'), 'reader', 'reader-secret']);
    execFileSync('mosquitto_passwd', ['-b', join(dir, 'passwd'), 'kit', 'kit-secret']);
    port = await freePort();
    writeFileSync(
      join(dir, 'mosquitto.conf'),
      [
        `listener ${port} 127.0.0.1`,
        `cafile ${dir}/ca.pem`,
        `certfile ${dir}/server.pem`,
        `keyfile ${dir}/server.key`,
        'require_certificate true',
        'allow_anonymous false',
        `password_file ${dir}/passwd`,
        'log_dest none',
        ...(process.getuid?.() === 0 ? ['user root'] : []),
      ].join('\n'),
    );
    broker = spawn('mosquitto', ['-c', join(dir, 'mosquitto.conf')], { stdio: 'ignore' });
    await waitForPort(port);
    writeFileSync(join(dir, 'reader.password'), 'reader-secret\n', { mode: 0o600 });
    rig = await ApplianceRig.start({
      challengeSeed: RIG_TEST_SEED,
      dir,
      brokerUrl: `mqtts://127.0.0.1:${port}`,
      terminal: false,
      config: {
        broker: {
          url: `mqtts://127.0.0.1:${port}`,
          username: 'reader',
          passwordFile: join(dir, 'reader.password'),
          caFile: join(dir, 'ca.pem'),
          certFile: join(dir, 'client.pem'),
          keyFile: join(dir, 'client.key'),
        },
      },
    });
    writeFileSync(join(dir, 'kit.password'), 'kit-secret\n', { mode: 0o600 });
    common = [
      ...['--broker', `mqtts://localhost:${port}`, '--device', rig.deviceId],
      ...[
        '--terminal-key',
        join(dir, 'keys', 'terminal.key'),
        '--trust',
        join(dir, 'keys', 'trusted-devices'),
      ],
      ...['--patient', 'emulated', '--bench', await rig.serveBench(), '--no-pdf'],
      ...['--ca', join(dir, 'ca.pem'), '--cert', join(dir, 'client.pem'), '--key', join(dir, 'client.key')],
      ...['--username', 'kit'],
    ];
  }, 120_000);
  afterAll(async () => {
    if (process.env.KIT_TLS_DEBUG)
      console.log(rig?.lines.filter((l) => /link|broker|error/i.test(l)).join('\n'));
    await rig?.close();
    if (broker && broker.exitCode === null) {
      broker.kill();
      await once(broker, 'exit');
    }
  });

  it('authenticates with the CA, client certificate, username and password file; the cases pass', async () => {
    const r = await kit([
      ...common,
      ...['--password-file', join(dir, 'kit.password'), '--servername', 'broker.clinic.test'],
      ...['--only', 'IDENT-01,LINK-01,CMD-02,SES-02', '--out', join(dir, 'report'), '--json'],
    ]);
    expect(r.code, r.err + r.out).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.cases.map((c: { status: string }) => c.status)).toEqual([
      'passed',
      'passed',
      'passed',
      'passed',
    ]);
    expect(s.identity).toMatchObject({ serial: `EMU-${rig.deviceId}`, emulated: true });
  }, 180_000);

  it('without --servername the certificate does not match localhost: one line, exit 4', async () => {
    const r = await kit([...common, '--password-file', join(dir, 'kit.password'), '--only', 'LINK-01']);
    expect(r.code, r.err).toBe(4);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/refused the kit: .*(altnames|Hostname).*--servername/);
  }, 60_000);

  it('a wrong password is refused by the broker: exit 4; a password file others can read: exit 3', async () => {
    writeFileSync(join(dir, 'wrong.password'), 'nope\n', { mode: 0o600 });
    const wrong = await kit([
      ...common,
      ...[
        '--password-file',
        join(dir, 'wrong.password'),
        '--servername',
        'broker.clinic.test',
        '--only',
        'LINK-01',
      ],
    ]);
    expect(wrong.code, wrong.err).toBe(4);
    expect(wrong.err).toMatch(/refused the kit: .*(Not authorized|Bad username or password)/i);
    chmodSync(join(dir, 'kit.password'), 0o644);
    const open = await kit([...common, '--password-file', join(dir, 'kit.password'), '--only', 'LINK-01']);
    expect(open.code).toBe(3);
    expect(open.err).toMatch(/is readable by others \(mode 644\); run chmod 600/);
    chmodSync(join(dir, 'kit.password'), 0o600);
  }, 60_000);
});
