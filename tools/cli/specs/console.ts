// readerctl console: its arguments, help and exit codes (platform/cli-spec.ts renders them).
import { EXIT } from '../../../platform/cli.js';
import { defineCommand } from '../../../platform/cli-spec.js';

export const consoleCommandSpec = defineCommand({
  name: 'readerctl console',
  summary: 'serial console for engineers, with decoders (smp, readerd, pn532)',
  usage: ['(--port PATH | --usb VID:PID) [options]'],
  options: {
    port: { type: 'string', arg: 'PATH', description: 'serial port (e.g. /dev/ttyACM0)' },
    usb: { type: 'string', arg: 'VID:PID[:SN]', description: 'find the serial port by USB id instead' },
    baud: { type: 'string', arg: 'N', shownDefault: '115200', description: 'line rate' },
    parity: { type: 'string', arg: 'none|even|odd', default: 'none', description: 'parity' },
    'stop-bits': { type: 'string', arg: '1|2', default: '1', description: 'stop bits' },
    'data-bits': { type: 'string', arg: '5..8', default: '8', description: 'data bits' },
    flow: { type: 'string', arg: 'none|rtscts', default: 'none', description: 'hardware flow control' },
    echo: { type: 'boolean', description: 'show what you type (local echo)' },
    timestamps: { type: 'boolean', description: 'time at the start of every line' },
    hex: { type: 'boolean', description: 'hex view of both directions' },
    decode: {
      type: 'string',
      arg: 'smp|pn532|readerd',
      description: 'render traffic as frames: direction, names, fields, hex',
    },
    log: { type: 'string', arg: 'FILE', description: 'append everything shown to FILE' },
    send: { type: 'string', arg: 'FILE', description: "send FILE's bytes after opening" },
    'no-reconnect': {
      type: 'boolean',
      description: 'exit when the port goes away (default: wait for it to come back)',
    },
  },
  notes:
    'Keys: Ctrl-T q quit · Ctrl-T x hex view · Ctrl-T t timestamps · Ctrl-T e local echo · Ctrl-T ? this list · Ctrl-T Ctrl-T sends Ctrl-T.',
  exitCodes: [
    { code: EXIT.ok, meaning: 'quit (Ctrl-T q, end of input, SIGTERM)' },
    { code: EXIT.usage, meaning: 'usage' },
    { code: EXIT.link, meaning: 'the port cannot be opened, or went away with --no-reconnect' },
  ],
});
