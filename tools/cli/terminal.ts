// readerctl terminal: run the reference clinic terminal, or send it a command to a device.

import { EXIT, parseCli, untilStopped } from '../../platform/cli.js';
import { loadKeyFile, loadTrustDir } from '../../platform/keys/keystore.js';
import { connectMqtt } from '../../platform/link/mqtt-client.js';
import { createLogger } from '../../platform/log.js';
import { toHex } from '../../protocol/bytes.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { describe, type ResultRecord } from '../terminal/result-json.js';
import { type CommandBody, ReferenceTerminal } from '../terminal/terminal.js';

const v1 = fareader.v1;

const HELP = `Usage: readerctl terminal [run|start-session|cancel|mode|rebirth] [options]

  run (default)    subscribe as the clinic terminal: verify every result against the trusted
                   device keys, accept each exactly once, write it as JSON into --out, and send
                   the signed acknowledgement. Runs until Ctrl-C.
  start-session    send a signed StartSession with a fresh nonce to --device
  cancel           send a signed CancelSession to --device [--session ID]
  mode             send a signed SetMode (--mode normal|visual-check|maintenance|out-of-service)
  rebirth          ask --device to publish its birth and outbox again

Options:
  --broker URL       mqtt://host:port or mqtts://host:port (required)
  --username U, --password P, --ca FILE, --cert FILE, --client-key FILE   broker authentication
  --key FILE         the terminal's private key (readerctl keys create --role terminal)
  --trust-dir DIR    trusted device public keys, each named by its device id
  --data DIR         the terminal's state (accepted counters, issued nonces) [var/terminal]
  --out DIR          where verified results are written as JSON [var/terminal/results]
  --id NAME          terminal id [terminal-1]
  --device ID        the device a command is for
  --json             one JSON object per line instead of text
  -h, --help         show this help

Exit codes: 0 ok, 2 usage, 3 key or configuration problem, 4 the device refused the command,
1 other failure (e.g. no response in time).`;

export async function terminal(argv: string[]): Promise<number> {
  const action = argv[0] && !argv[0].startsWith('-') ? argv.shift()! : 'run';
  const { values } = parseCli(argv, {
    broker: { type: 'string' },
    username: { type: 'string' },
    password: { type: 'string' },
    ca: { type: 'string' },
    cert: { type: 'string' },
    'client-key': { type: 'string' },
    key: { type: 'string' },
    'trust-dir': { type: 'string' },
    data: { type: 'string', default: 'var/terminal' },
    out: { type: 'string', default: 'var/terminal/results' },
    id: { type: 'string', default: 'terminal-1' },
    device: { type: 'string' },
    session: { type: 'string' },
    mode: { type: 'string' },
    staff: { type: 'string', default: '' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return EXIT.ok;
  }
  const need = (v: string | undefined, flag: string): string => {
    if (!v) throw new ReaderError(ErrorCode.Usage, `${flag} is required`);
    return v;
  };
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
