// readerctl terminal: its arguments, help and exit codes (platform/cli-spec.ts renders them).
import { EXIT } from '../../../platform/cli.js';
import { defineCommand } from '../../../platform/cli-spec.js';

/** How the terminal reaches the broker and whom it trusts. */
const CONNECT = ['broker', 'username', 'password', 'ca', 'cert', 'client-key', 'key', 'trust-dir'];
const BROKER = [...CONNECT, 'data', 'id'];
const COMMAND = [...BROKER, 'device', 'json'];

export const terminalCommand = defineCommand({
  name: 'readerctl terminal',
  summary: 'the reference clinic terminal: receive, verify and acknowledge results; send commands',
  usage: ['[run|status|untrust|pair|start-session|cancel|mode|rebirth] [options]'],
  subcommands: [
    {
      name: 'run',
      summary:
        'the default: subscribe as the clinic terminal: verify every result against the trusted device keys, accept each exactly once, write it as JSON into --out, and send the signed acknowledgement. Runs until Ctrl-C.',
      options: [...BROKER, 'out', 'json'],
    },
    {
      name: 'status',
      summary:
        "the fleet view from the terminal's store in --data (works beside a running terminal): each device online or offline, firmware, bd_seq, outbox depth at its last birth, results accepted, the last one and its age, and trouble (a duplicate device id: two readers with one id; a flapping connection). Exit 1 when a device is in trouble; a trouble not seen again for 10 minutes is over.",
      options: ['data', 'json'],
    },
    {
      name: 'untrust',
      args: '--device ID --key-id K',
      summary:
        "stop trusting a device key, durably, in the terminal's store in --data (works beside a running terminal, at once): ends a key rotation's overlap by hand (SPEC 15.6), also for a key whose file is still in the trust folder. The key id is the 16 hex digits the log and results show.",
      options: ['data', 'device', 'key-id', 'json'],
    },
    {
      name: 'pair',
      args: '--device ID',
      summary:
        "pair with a reader by numeric comparison (SPEC §15), instead of copying key files: open a pairing window on the reader first (debug shell: pair; staff screen: pair a terminal). Shows a 6-digit code and asks whether the reader shows the same one (y/n on stdin; with --json the code is a JSON line and the answer a line y or n); the reader's key is written to --trust-dir as <device id>.pem only when staff confirmed on both sides. Restart a running terminal to use it. Exit 1 when the pairing ended with nothing trusted (refused on either side, timed out, a second terminal in the window, a reader whose nonce did not open its commitment).",
      options: [...CONNECT, 'id', 'device', 'timeout', 'json'],
    },
    {
      name: 'start-session',
      args: '--device ID',
      summary: 'send a signed StartSession with a fresh nonce to --device',
      options: COMMAND,
    },
    {
      name: 'cancel',
      args: '--device ID [--session ID]',
      summary: 'send a signed CancelSession to --device',
      options: [...COMMAND, 'session'],
    },
    {
      name: 'mode',
      args: '--device ID --mode normal|visual-check|maintenance|out-of-service [--staff ID]',
      summary: 'send a signed SetMode',
      options: [...COMMAND, 'mode', 'staff'],
    },
    {
      name: 'rebirth',
      args: '--device ID',
      summary: 'ask --device to publish its birth and outbox again',
      options: COMMAND,
    },
  ],
  options: {
    broker: {
      type: 'string',
      arg: 'URL',
      description:
        'mqtt://host:port or mqtts://host:port, or several comma-separated (tried in order; required)',
    },
    username: { type: 'string', arg: 'U', description: 'broker user name' },
    password: { type: 'string', arg: 'P', description: 'broker password' },
    ca: { type: 'string', arg: 'FILE', description: "the broker's CA certificate (TLS)" },
    cert: { type: 'string', arg: 'FILE', description: 'client certificate (TLS)' },
    'client-key': { type: 'string', arg: 'FILE', description: "the client certificate's key (TLS)" },
    key: {
      type: 'string',
      arg: 'FILE',
      description: "the terminal's private key (readerctl keys create --role terminal)",
    },
    'trust-dir': {
      type: 'string',
      arg: 'DIR',
      description: 'trusted device public keys, each named by its device id',
    },
    data: {
      type: 'string',
      arg: 'DIR',
      shownDefault: '$XDG_STATE_HOME/fareader/terminal, else ~/.local/state/fareader/terminal',
      description:
        "the terminal's state (accepted counters, issued nonces, the fleet view). start-session records its nonce here: give it the running terminal's folder, or that terminal quarantines the result as one it never asked for",
    },
    out: {
      type: 'string',
      arg: 'DIR',
      shownDefault: '<--data>/results',
      description: 'where verified results are written as JSON',
    },
    id: { type: 'string', arg: 'NAME', default: 'terminal-1', description: 'terminal id' },
    device: { type: 'string', arg: 'ID', description: 'the device a command (or untrust) is for' },
    'key-id': { type: 'string', arg: 'K', description: 'untrust: the key id (16 hex digits)' },
    timeout: {
      type: 'string',
      arg: 'S',
      default: '120',
      description: 'pair: seconds until the pairing ends by itself',
    },
    session: { type: 'string', arg: 'ID', description: 'cancel: the session to cancel' },
    mode: {
      type: 'string',
      arg: 'normal|visual-check|maintenance|out-of-service',
      description: 'mode: the mode to set',
    },
    staff: { type: 'string', arg: 'ID', default: '', description: 'mode: the staff member who sets it' },
    json: { type: 'boolean', description: 'one JSON object per line instead of text' },
  },
  exitCodes: [
    { code: EXIT.ok, meaning: 'ok' },
    {
      code: EXIT.failure,
      meaning:
        'other failure (e.g. no response in time); pair: the pairing ended with nothing trusted (refused, timed out, a second key)',
    },
    { code: EXIT.usage, meaning: 'usage' },
    { code: EXIT.config, meaning: 'key or configuration problem' },
    {
      code: EXIT.link,
      meaning:
        'the device refused the command (BUSY, NO_SESSION, STALE…); pair: no broker, or it refused the pairing connection (no pairing window open on the reader)',
    },
    {
      code: EXIT.untrusted,
      meaning:
        "the device or its broker does not trust this terminal's key (a signed UNKNOWN_KEY, BAD_SIGNATURE or UNSIGNED, or the broker refused the key-bound login)",
    },
  ],
});
