// readerctl terminal: run the reference clinic terminal, or send it a command to a device.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, untilStopped } from '../../platform/cli.js';
import { parseCommand } from '../../platform/cli-spec.js';
import { loadKeyFile, loadTrustDir } from '../../platform/keys/keystore.js';
import { connectMqtt } from '../../platform/link/mqtt-client.js';
import { createLogger } from '../../platform/log.js';
import { toHex } from '../../protocol/bytes.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { fleetJson, fleetText } from '../terminal/fleet-view.js';
import { describe, type ResultRecord } from '../terminal/result-json.js';
import { type CommandBody, ReferenceTerminal } from '../terminal/terminal.js';
import { TerminalStore } from '../terminal/terminal-store.js';
import { terminalCommand } from './specs/terminal.js';

const v1 = fareader.v1;

export async function terminal(argv: string[]): Promise<number> {
  const action = argv[0] && !argv[0].startsWith('-') ? argv.shift()! : 'run';
  const { values } = parseCommand(terminalCommand, argv);
  const need = (v: string | undefined, flag: string): string => {
    if (!v) throw new ReaderError(ErrorCode.Usage, `${flag} is required`);
    return v;
  };
  if (action === 'status') return status(values.data!, values.json === true);
  const log = createLogger(`terminal:${values.id}`, { level: 'warn' });
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
    key: loadKeyFile(need(values.key, '--key')),
    trustedDevices: loadTrustDir(need(values['trust-dir'], '--trust-dir')),
    dataDir: values.data!,
    outDir: values.out!,
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
    term.on('device-state', (s: fareader.v1.DeviceState) =>
      print(
        { type: 'device-state', deviceId: s.deviceId, online: s.online, reason: s.reason },
        `device ${s.deviceId} ${s.online ? 'online' : `offline (${s.reason})`}`,
      ),
    );
    await term.start();
    print(
      { type: 'ready', broker: values.broker },
      `terminal ${values.id} listening on ${values.broker}; results into ${values.out}`,
    );
    await untilStopped();
    await term.stop();
    return EXIT.ok;
  }

  const device = need(values.device, '--device');
  await term.start();
  try {
    let response: fareader.v1.CommandResponse;
    let nonce: Uint8Array | undefined;
    if (action === 'start-session') ({ response, nonce } = await term.startSession(device));
    else {
      const body = commandBody(action, values.session, values.mode, values.staff!);
      response = await term.sendCommand(device, body);
    }
    const status = v1.ResponseStatus[response.status] ?? String(response.status);
    print(
      {
        type: 'response',
        status,
        detail: response.detail,
        sessionId: response.sessionId,
        nonce: nonce && toHex(nonce),
      },
      `${device}: ${status}${response.detail ? ` (${response.detail})` : ''}${response.sessionId ? ` session ${response.sessionId}` : ''}`,
    );
    return response.status === v1.ResponseStatus.RESPONSE_STATUS_OK ? EXIT.ok : EXIT.link;
  } finally {
    await term.stop();
  }
}

/** The fleet view from the terminal's store (read beside a running terminal: SQLite WAL). */
function status(dataDir: string, json: boolean): number {
  const path = join(dataDir, 'terminal.sqlite');
  if (!existsSync(path))
    throw new ReaderError(
      ErrorCode.Config_Invalid,
      `no terminal state in ${dataDir} (run the terminal first, or pass --data)`,
    );
  const store = new TerminalStore(path);
  try {
    const rows = store.fleet();
    const now = Date.now();
    if (json) for (const o of fleetJson(rows, now)) process.stdout.write(`${JSON.stringify(o)}\n`);
    else process.stdout.write(`${fleetText(rows, now)}\n`);
    return rows.some((r) => r.trouble) ? EXIT.failure : EXIT.ok;
  } finally {
    store.close();
  }
}

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
