// npm start: readerd on this machine with the embedded broker, and the reference terminal,
// playing a short script. Until the session service lands (card, camera and patient), the
// reader answers with link self-test results: signed, stored, acknowledged like real ones.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { EXIT, parseCli, reportError, untilStopped } from '../firmware-host/cli.js';
import { addTrusted, createKeyFile, loadKeyFile, loadTrustDir } from '../firmware-host/link/keystore.js';
import { createLogger } from '../firmware-host/log.js';
import { toHex } from '../protocol/bytes.js';
import { fareader } from '../protocol/gen/fareader.js';
import { seal } from '../protocol/link/envelope.js';
import { generateKeyPair } from '../protocol/link/keys.js';
import { toLong } from '../protocol/link/u64.js';
import { describe, type ResultRecord } from './terminal/result-json.js';
import { ReferenceTerminal } from './terminal/terminal.js';

const HELP = `Usage: npm start [-- --stay] [--dir DIR]

Runs readerd with the embedded MQTT broker and the reference terminal, and plays a script:
link self-test results, a session started by a signed terminal command (its nonce echoed),
and a forged command the reader refuses. --stay keeps both running until Ctrl-C.`;

const say = (s: string): void => void process.stdout.write(`${s}\n`);

async function freePort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as { port: number }).port;
  s.close();
  return port;
}

function provision(dir: string): { config: string; keyFile: string; trustDevices: string } {
  const keys = join(dir, 'keys');
  mkdirSync(keys, { recursive: true });
  const deviceKey = join(keys, 'device.key');
  const terminalKey = join(keys, 'terminal.key');
  if (!existsSync(deviceKey)) createKeyFile(deviceKey);
  if (!existsSync(terminalKey)) createKeyFile(terminalKey);
  const trustDevices = join(keys, 'trusted-devices');
  const trustTerminals = join(keys, 'trusted-terminals');
  addTrusted(trustDevices, 'demo-reader', loadKeyFile(deviceKey).publicKey);
  addTrusted(trustTerminals, 'terminal-1', loadKeyFile(terminalKey).publicKey);
  return { config: join(dir, 'readerd.json'), keyFile: terminalKey, trustDevices };
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseCli(argv, {
    stay: { type: 'boolean' },
    dir: { type: 'string', default: 'var/demo' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    say(HELP);
    return EXIT.ok;
  }
  const dir = resolve(values.dir!);
  const p = provision(dir);
  const port = await freePort();
  writeFileSync(
    p.config,
    JSON.stringify(
      {
        deviceId: 'demo-reader',
        dataDir: 'data',
        keys: { deviceKey: 'keys/device.key', trustedTerminalsDir: 'keys/trusted-terminals' },
        broker: { url: 'embedded', embeddedPort: port },
        log: { level: 'info', format: 'pretty' },
      },
      null,
      2,
    ),
  );
  say(`== readerd: ${p.config} (embedded broker on mqtt://127.0.0.1:${port})`);
  const readerd = spawn(
    process.execPath,
    [
      join(import.meta.dirname, '..', 'bin', 'readerd.mjs'),
      '-c',
      p.config,
      '--link-test-results',
      '3',
      '--link-test-interval',
      '300',
    ],
    {
      stdio: ['ignore', 'inherit', 'pipe'],
    },
  );
  let ready: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  readerd.stderr!.on('data', (d: Buffer) => {
    for (const line of d.toString().split('\n').filter(Boolean)) {
      say(`   [readerd] ${line.replace(/^\S+ /, '')}`);
      if (/ ready /.test(line)) ready();
    }
  });
  await isReady;

  const terminal = new ReferenceTerminal({
    terminalId: 'terminal-1',
    broker: { url: `mqtt://127.0.0.1:${port}` },
    key: loadKeyFile(p.keyFile),
    trustedDevices: loadTrustDir(p.trustDevices),
    dataDir: join(dir, 'terminal'),
    outDir: join(dir, 'terminal', 'results'),
    log: createLogger('terminal', { level: 'warn', format: 'pretty' }),
  });
  terminal.on('result', (rec: ResultRecord) => say(`== terminal: verified result ${describe(rec)}`));
  terminal.on('rejected', (r: { kind: string; reason: string }) =>
    say(`== terminal: rejected ${r.kind}: ${r.reason}`),
  );
  await terminal.start();
  say('== terminal: connected, waiting for results (signed, verified, acknowledged)');
  await new Promise((r) => setTimeout(r, 1500));

  say('== terminal: StartSession with a fresh nonce (signed command)');
  const { nonce, response } = await terminal.startSession('demo-reader');
  say(
    `== terminal: reader answered ${fareader.v1.ResponseStatus[response.status]} session ${response.sessionId}; nonce ${toHex(nonce).slice(0, 16)}…`,
  );
  await new Promise((r) => setTimeout(r, 800));

  say('== a stranger sends a forged CancelSession');
  const forged = seal(
    fareader.v1.PayloadType.PAYLOAD_TYPE_COMMAND,
    fareader.v1.Command.encode({
      commandId: new Uint8Array(16),
      deviceId: 'demo-reader',
      issuedAtMs: toLong(Date.now()),
      cancelSession: {},
    }).finish(),
    generateKeyPair(),
  );
  const refused = await terminal.sendRaw('demo-reader', forged, '');
  say(`== reader refused it: ${fareader.v1.ResponseStatus[refused.status]} (${refused.detail})`);
  say(`== results written for the receipt computer: ${join(dir, 'terminal', 'results', 'demo-reader')}`);

  if (values.stay) {
    say('== running; Ctrl-C to stop');
    await untilStopped();
  }
  await terminal.stop();
  readerd.kill('SIGTERM');
  await once(readerd, 'exit');
  say('== demo finished');
  return EXIT.ok;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => process.exit(reportError(e, 'demo')),
);
