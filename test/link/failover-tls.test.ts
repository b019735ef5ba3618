// Several mqtts:// broker URLs (SPEC 1.6): each node's certificate is checked against its own
// host name. MQTT.js keeps the first node's TLS servername for every later node, so failing over
// from a named host to another node was refused as "Hostname/IP does not match".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';
import { Aedes } from 'aedes';
import { afterEach, describe, expect, it } from 'vitest';
import { connectMqtt } from '../../platform/link/mqtt-client.js';
import { mqttClientOptions } from '../../platform/link/mqtt-options.js';
import { until } from '../../tools/rig/link-fixture.js';
import { freePort } from '../../tools/rig/mosquitto.js';
import { missing } from '../helpers/system.js';

const noOpenssl = missing('openssl', 'openssl');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A CA and a server certificate for 127.0.0.1 only (no DNS name in it). */
function pki(dir: string): void {
  const ssl = (...a: string[]) => execFileSync('openssl', a, { cwd: dir, stdio: 'ignore' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  ssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=test-ca');
  ssl('req', ...ec, '-keyout', 'ip.key', '-out', 'ip.csr', '-subj', '/CN=127.0.0.1');
  writeFileSync(join(dir, 'ip.ext'), 'subjectAltName=IP:127.0.0.1\n');
  ssl(
    'x509',
    '-req',
    '-in',
    'ip.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'ip.pem',
    '-days',
    '2',
    '-extfile',
    'ip.ext',
  );
}

describe.skipIf(noOpenssl)('failover between mqtts:// URLs', () => {
  it('checks the second node against its own host, not the first URL’s name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'failover-tls-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    pki(dir);
    const broker = await Aedes.createBroker();
    const server: Server = createServer(
      { key: readFileSync(join(dir, 'ip.key')), cert: readFileSync(join(dir, 'ip.pem')) },
      broker.handle,
    );
    const port = await freePort();
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => broker.close(() => server.close(() => r()))));
    const dead = await freePort(); // nothing listens there: node A is down
    const url = `mqtts://localhost:${dead},mqtts://127.0.0.1:${port}`;
    const client = connectMqtt(
      url.split(',')[0]!,
      mqttClientOptions({ url, caFile: join(dir, 'ca.pem') }, 'failover-tls'),
    );
    cleanups.push(() => new Promise<void>((r) => client.end(true, {}, () => r())));
    const errors: string[] = [];
    client.on('error', (e) => errors.push(e.message));
    let connected = false;
    client.on('connect', () => {
      connected = true;
    });
    await until(() => connected || errors.some((m) => /altnames|Hostname/i.test(m)), 15_000, 'node B');
    expect(errors.filter((m) => /altnames|Hostname/i.test(m))).toEqual([]);
    expect(connected).toBe(true);
  }, 30_000);
});
