// readerctl terminal: run the reference clinic terminal, or send it a command to a device.

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { EXIT, untilStopped } from '../../platform/cli.js';
import { parseCommand } from '../../platform/cli-spec.js';
import { loadKeyFile, loadTrustDir } from '../../platform/keys/keystore.js';
import { connectMqtt } from '../../platform/link/mqtt-client.js';
import { createLogger } from '../../platform/log.js';
import { toHex } from '../../protocol/bytes.js';
import { ErrorCode, isReaderError, ReaderError } from '../../protocol/errors.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { keyIdHex } from '../../protocol/link/keys.js';
import { fleetJson, fleetText } from '../terminal/fleet-view.js';
import { describe, type ResultRecord } from '../terminal/result-json.js';
import { type CommandBody, ReferenceTerminal } from '../terminal/terminal.js';
import { TerminalStore } from '../terminal/terminal-store.js';
import { terminalCommand } from './specs/terminal.js';
import { pair, seconds } from './terminal-pair.js';

const v1 = fareader.v1;

export async function terminal(argv: string[]): Promise<number> {
  const action = argv[0] && !argv[0].startsWith('-') ? argv.shift()! : 'run';
  const { values } = parseCommand(terminalCommand, argv);
  const need = (v: string | undefined, flag: string): string => {
    if (!v) throw new ReaderError(ErrorCode.Usage, `${flag} is required`);
    return v;
  };
  const data = values.data ?? defaultDataDir();
  const outDir = values.out ?? join(data, 'results');
  if (action === 'status') return status(data, values.json === true);
  if (action === 'untrust')
    return untrust(
      data,
      need(values.device, '--device'),
      need(values['key-id'], '--key-id'),
      values.json === true,
    );
  const key = loadKeyFile(need(values.key, '--key'));
  const log = createLogger(`terminal:${values.id}`, { level: 'warn' });
  if (action === 'pair')
    return pair({
      terminalId: values.id!,
      key,
      deviceId: need(values.device, '--device'),
      broker: {
        url: need(values.broker, '--broker'),
        username: values.username,
        password: values.password,
        caFile: values.ca,
        certFile: values.cert,
        keyFile: values['client-key'],
      },
      trustDir: need(values['trust-dir'], '--trust-dir'),
      timeoutMs: seconds(values.timeout ?? '120'),
      json: values.json === true,
      log,
    });
  const term = new ReferenceTerminal({
    terminalId: action === 'run' ? values.id! : `${values.id}-cli`,
    broker: {
      url: need(values.broker, '--broker'),
      username: values.username,
      password: values.password,
      caFile: values.ca,
      certFile: values.cert,
      keyFile: values['client-key'],
    },
    key,
    trustedDevices: loadTrustDir(need(values['trust-dir'], '--trust-dir')),
    dataDir: data,
    outDir,
    log,
    role: action === 'run' ? 'terminal' : 'sender',
    connect: connectMqtt,
  });
  const print = (obj: object, text: string): void => {
    process.stdout.write(values.json ? `${JSON.stringify(obj)}\n` : `${text}\n`);
  };

  if (action === 'run') {
    term.on('result', (rec: ResultRecord) =>
      print({ type: 'result', ...rec, envelope: undefined }, describe(rec)),
    );
    term.on('duplicate', (d: { deviceId: string; counter: bigint }) =>
      print(
        { type: 'duplicate', deviceId: d.deviceId, counter: String(d.counter) },
        `duplicate ${d.deviceId} #${d.counter} acknowledged again`,
      ),
    );
    term.on('rejected', (r: { kind: string; reason: string; detail: string }) =>
      print({ type: 'rejected', ...r }, `REJECTED ${r.kind}: ${r.reason}: ${r.detail}`),
    );
    term.on('key-rotated', (r: { deviceId: string; keyId: string }) =>
      print(
        { type: 'key-rotated', ...r },
        `device ${r.deviceId} rotated its key to ${r.keyId}; the old one stays trusted`,
      ),
    );
    term.on('device-state', (s: fareader.v1.DeviceState) =>
      print(
        { type: 'device-state', deviceId: s.deviceId, online: s.online, reason: s.reason },
        `device ${s.deviceId} ${s.online ? 'online' : `offline (${s.reason})`}`,
      ),
    );
    await term.start();
    print(
      { type: 'ready', broker: values.broker },
      `terminal ${values.id} listening on ${values.broker}; results into ${outDir}`,
    );
    await untilStopped();
    await term.stop();
    return EXIT.ok;
  }

  const device = need(values.device, '--device');
  const keyFile = values.key!;
  const untrusted = (why: string): number => {
    process.stderr.write(
      `readerctl: ${why}; trust it on the reader: readerctl keys trust add --dir <its trustedTerminalsDir> --name ${values.id} --key ${keyFile}.pub.pem (key id ${keyIdHex(key.publicKey)})\n`,
    );
    return EXIT.untrusted;
  };
  try {
    await term.start();
  } catch (e) {
    if (isReaderError(e, ErrorCode.Mqtt_UnknownKey)) return untrusted(e.message);
    throw e;
  }
  try {
    let response: fareader.v1.CommandResponse;
    let nonce: Uint8Array | undefined;
    if (action === 'start-session') ({ response, nonce } = await term.startSession(device));
    else {
      const body = commandBody(action, values.session, values.mode, values.staff!);
      response = await term.sendCommand(device, body);
    }
    const status = v1.ResponseStatus[response.status] ?? String(response.status);
    const json = {
      type: 'response',
      status,
      detail: response.detail,
      sessionId: response.sessionId,
      nonce: nonce && toHex(nonce),
    };
    // A signed refusal of the signature itself: the reader does not trust this terminal's key.
    if (REFUSED_KEY.has(response.status)) {
      if (values.json) print(json, '');
      return untrusted(
        `${device} refused the command: ${status}${response.detail ? ` (${response.detail})` : ''}`,
      );
    }
    print(
      json,
      `${device}: ${status}${response.detail ? ` (${response.detail})` : ''}${response.sessionId ? ` session ${response.sessionId}` : ''}`,
    );
    return response.status === v1.ResponseStatus.RESPONSE_STATUS_OK ? EXIT.ok : EXIT.link;
  } finally {
    await term.stop();
  }
}

/** The terminal's store in `dataDir`, which a terminal has run with (else a configuration error). */
function openStore(dataDir: string): TerminalStore {
  const path = join(dataDir, 'terminal.sqlite');
  if (!existsSync(path))
    throw new ReaderError(
      ErrorCode.Config_Invalid,
      `no terminal state in ${dataDir} (run the terminal first, or pass --data)`,
    );
  return new TerminalStore(path);
}

/** The fleet view from the terminal's store (read beside a running terminal: SQLite WAL). */
function status(dataDir: string, json: boolean): number {
  const store = openStore(dataDir);
  try {
    const now = Date.now();
    const rows = store.fleet(now);
    if (json) for (const o of fleetJson(rows, now)) process.stdout.write(`${JSON.stringify(o)}\n`);
    else process.stdout.write(`${fleetText(rows, now)}\n`);
    return rows.some((r) => r.trouble) ? EXIT.failure : EXIT.ok;
  } finally {
    store.close();
  }
}

/** Ends a rotation's overlap by hand (SPEC 15.6): the running terminal consults the store. */
function untrust(dataDir: string, deviceId: string, keyId: string, json: boolean): number {
  if (!/^[0-9a-f]{16}$/.test(keyId))
    throw new ReaderError(ErrorCode.Usage, `--key-id is 16 lowercase hex digits, not "${keyId}"`);
  const store = openStore(dataDir);
  try {
    store.untrustKey(deviceId, keyId, Date.now());
  } finally {
    store.close();
  }
  process.stdout.write(
    json
      ? `${JSON.stringify({ type: 'untrusted', deviceId, keyId })}\n`
      : `${deviceId}: key ${keyId} no longer trusted\n`,
  );
  return EXIT.ok;
}

/**
 * One folder wherever the command is run from, so `start-session` and the running terminal
 * share their nonces by default (a relative default made each folder its own terminal).
 */
function defaultDataDir(): string {
  const state = process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
  return join(state, 'fareader', 'terminal');
}

const REFUSED_KEY: ReadonlySet<number> = new Set([
  v1.ResponseStatus.RESPONSE_STATUS_UNSIGNED,
  v1.ResponseStatus.RESPONSE_STATUS_UNKNOWN_KEY,
  v1.ResponseStatus.RESPONSE_STATUS_BAD_SIGNATURE,
]);

const modes: Record<string, fareader.v1.ReaderMode> = {
  normal: v1.ReaderMode.READER_MODE_NORMAL,
  'visual-check': v1.ReaderMode.READER_MODE_VISUAL_CHECK,
  maintenance: v1.ReaderMode.READER_MODE_MAINTENANCE,
  'out-of-service': v1.ReaderMode.READER_MODE_OUT_OF_SERVICE,
};

function commandBody(
  action: string,
  session: string | undefined,
  mode: string | undefined,
  staffId: string,
): CommandBody {
  switch (action) {
    case 'cancel':
      return { cancelSession: { sessionId: session ?? '' } };
    case 'rebirth':
      return { rebirth: {} };
    case 'mode': {
      const m = mode && modes[mode];
      if (!m) throw new ReaderError(ErrorCode.Usage, `--mode is one of ${Object.keys(modes).join(', ')}`);
      return { setMode: { mode: m, staffId } };
    }
    default:
      throw new ReaderError(ErrorCode.Usage, `unknown terminal action "${action}"`);
  }
}
