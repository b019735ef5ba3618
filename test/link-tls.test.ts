// The link over TLS with a client certificate and a password, on a real Mosquitto.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkTestResult } from '../firmware-host/link-test.js';
import { type LinkKeys, makeLinkKeys, until } from '../tools/rig/link-fixture.js';
import { makeDevice, makeTerminal } from '../tools/rig/link-pair.js';
import { freePort } from '../tools/rig/mosquitto.js';
import { missing } from './helpers/system.js';

const skip =
  missing('mosquitto', 'mosquitto') ||
  missing('openssl', 'openssl') ||
  missing('mosquitto_passwd', 'mosquitto');
const keys: LinkKeys = makeLinkKeys();
afterAll(() => keys.cleanup());

function pki(dir: string): void {
  const ssl = (...a: string[]) => execFileSync('openssl', a, { cwd: dir, stdio: 'ignore' });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=test-ca',
  );
  for (const [name, cn] of [
    ['server', 'localhost'],
    ['client', 'reader-01'],
  ] as const) {
    ssl(
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/CN=${cn}`,
    );
    writeFileSync(
      join(dir, `${name}.ext`),
      name === 'server' ? 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' : 'extendedKeyUsage=clientAuth\n',
    );
    ssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
    );
  }
}

describe.skipIf(skip)('TLS and authentication', () => {
  it('connects with a client certificate and password, and a client without a certificate is refused', async () => {
    pki(keys.dir);
    execFileSync('mosquitto_passwd', ['-c', '-b', join(keys.dir, 'passwd'), 'reader', 's3cret']);
    const port = await freePort();
    const conf = join(keys.dir, 'tls.conf');
    writeFileSync(
      conf,
      [
        `listener ${port} 127.0.0.1`,
        `cafile ${keys.dir}/ca.pem`,
        `certfile ${keys.dir}/server.pem`,
        `keyfile ${keys.dir}/server.key`,
        'require_certificate true',
        'allow_anonymous false',
        `password_file ${keys.dir}/passwd`,
        'log_dest none',
        // Started as root, mosquitto drops to its own user, which cannot read our 0600 keys.
        ...(process.getuid?.() === 0 ? ['user root'] : []),
      ].join('\n'),
    );
    const broker = spawn('mosquitto', ['-c', conf], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 500));
    const url = `mqtts://127.0.0.1:${port}`;
    const tls = {
      url,
      username: 'reader',
      password: 's3cret',
      caFile: join(keys.dir, 'ca.pem'),
      certFile: join(keys.dir, 'client.pem'),
      keyFile: join(keys.dir, 'client.key'),
    };
    const device = makeDevice(keys, tls);
    const { outbox } = device;
    const terminal = makeTerminal(keys, tls);
    await terminal.start();
    await device.start();
    expect(device.connected).toBe(true);
    device.publishResult(linkTestResult('over-tls', new Uint8Array(), Date.now()));
    await until(() => outbox.pendingCount === 0 && terminal.accepted === 1, 10_000, 'result over TLS');

    const noCert = makeDevice(
      keys,
      { url, username: 'reader', password: 's3cret', caFile: join(keys.dir, 'ca.pem') },
      {
        deviceId: 'reader-02',
        trustTerminals: false,
      },
    );
    await noCert.start(1500);
    expect(noCert.connected).toBe(false);
    await noCert.stop(0);
    await device.stop(0);
    await terminal.stop();
    outbox.close();
    broker.kill();
    await once(broker, 'exit');
  });
});
