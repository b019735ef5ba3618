// The serial debug shell for hardware engineers: a line console on a configured serial port
// (echo, backspace, CR or LF ends a line). Status, the session trace, self-tests of the card
// module, cameras and panel, the log level, and — only in maintenance mode (a signed
// SetMode command) and with no session running — raw APDU passthrough. Passthrough refuses
// the commands that spend a PIN try, and what passes through is never logged.
import type { ByteTransport } from '../../device/serial/transport.js';
import type { Level, Logger } from '../../platform/log.js';
import { fromHex, toHex } from '../../protocol/bytes.js';
import { AID } from '../../protocol/mynumber/mynumber.js';
import type { PairingWindow } from '../link/pairing-window.js';
import { inSession } from '../session/machine.js';
import type { SessionService } from '../session/session-service.js';
import { PAIR_HELP, pairingLines, runPair } from './pair-command.js';

export interface ShellBackend {
  readonly service: SessionService;
  readonly maintenance: () => boolean;
  status(): Record<string, unknown>;
  selfTest(what: 'card' | 'camera' | 'panel'): Promise<string[]>;
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
  /** Pairing with a terminal (`pair`); none: not offered. */
  readonly pairing?: PairingWindow;
  readonly deviceId?: string;
  readonly log: Logger;
}

const HELP = [
  'help                 this list',
  'status               reader, link, card module, cameras, modes',
  'trace [N]            the last N session transitions (default 20)',
  'selftest card|camera|panel',
  'log debug|info|warn|error',
  'apdu HEX             raw C-APDU to the card (maintenance mode only)',
  ...PAIR_HELP,
];
/** VERIFY, CHANGE REFERENCE DATA, RESET RETRY COUNTER: they spend or touch PIN tries. */
const PIN_INS = new Set([0x20, 0x24, 0x2c]);
const MAX_LINE = 1024;

export class DebugShell {
  private line = '';

  constructor(
    private readonly port: ByteTransport,
    private readonly b: ShellBackend,
  ) {
    port.on('data', (d) => this.onData(d));
    // The code appears (and the pairing ends) while the engineer waits: said as it happens.
    b.pairing?.on('change', (s) => {
      if (s.phase === 'comparing' || s.phase === 'paired' || s.phase === 'ended')
        this.write(`\r\n${pairingLines(s, b.deviceId).join('\r\n')}\r\nreaderd> `);
    });
    this.write('\r\nreaderd debug shell — type help\r\nreaderd> ');
  }

  private write(s: string): void {
    this.port.write(new TextEncoder().encode(s)).catch(() => {});
  }

  /** Inside an ANSI escape sequence (arrow keys and the like): 1 after ESC, 2 inside CSI. */
  private escape = 0;

  private onData(d: Uint8Array): void {
    for (const byte of d) {
      if (byte === 0x1b) {
        this.escape = 1;
        continue;
      }
      if (this.escape === 1) {
        this.escape = byte === 0x5b ? 2 : 0;
        continue;
      }
      if (this.escape === 2) {
        if (byte >= 0x40 && byte <= 0x7e) this.escape = 0;
        continue;
      }
      if (byte === 0x0d || byte === 0x0a) {
        if (byte === 0x0a && this.line === '' && this.lastWasCr) continue;
        this.lastWasCr = byte === 0x0d;
        const cmd = this.line.trim();
        this.line = '';
        this.write('\r\n');
        void this.run(cmd).then((out) => this.write(`${out.map((l) => `${l}\r\n`).join('')}readerd> `));
      } else if (byte === 0x7f || byte === 0x08) {
        if (this.line) {
          this.line = this.line.slice(0, -1);
          this.write('\b \b');
        }
      } else if (byte >= 0x20 && byte < 0x7f && this.line.length < MAX_LINE) {
        this.line += String.fromCharCode(byte);
        this.write(String.fromCharCode(byte));
      }
      // Other bytes (escape sequences, noise) are ignored.
    }
  }

  private lastWasCr = false;

  async run(cmdLine: string): Promise<string[]> {
    const [cmd = '', ...args] = cmdLine.split(/\s+/);
    try {
      switch (cmd) {
        case '':
          return [];
        case 'help':
          return HELP;
        case 'status':
          return Object.entries(this.b.status()).map(
            ([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`,
          );
        case 'trace': {
          const n = Math.max(1, Math.min(200, Number(args[0] ?? 20) || 20));
          const t = this.b.service.trace.slice(-n);
          if (t.length === 0) return ['(no transitions yet)'];
          return t.map(
            (e) =>
              `${new Date(e.at).toISOString()} ${e.from} --${e.event}--> ${e.to}${e.effects.length ? ` [${e.effects.join(', ')}]` : ''}`,
          );
        }
        case 'selftest': {
          const what = args[0];
          if (what !== 'card' && what !== 'camera' && what !== 'panel')
            return ['usage: selftest card|camera|panel'];
          return await this.b.selfTest(what);
        }
        case 'log': {
          const level = args[0] as Level;
          if (!['debug', 'info', 'warn', 'error'].includes(level))
            return ['usage: log debug|info|warn|error'];
          this.b.log.setLevel(level);
          return [`log level ${level}`];
        }
        case 'apdu':
          return await this.apdu(args.join(''));
        case 'pair':
          return runPair(this.b.pairing, args, this.b.deviceId);
        default:
          return [`unknown command "${cmd}" — type help`];
      }
    } catch (e) {
      return [`error: ${(e as Error).message}`];
    }
  }

  private async apdu(hex: string): Promise<string[]> {
    if (!this.b.maintenance())
      return ['refused: raw APDUs need maintenance mode (a signed SetMode from the terminal)'];
    if (inSession(this.b.service.state)) return ['refused: a patient session is running'];
    if (!/^([0-9a-fA-F]{2}){4,}$/.test(hex)) return ['usage: apdu HEX (at least CLA INS P1 P2)'];
    const c = fromHex(hex);
    if (PIN_INS.has(c[1]!)) return [`refused: INS ${toHex(c.subarray(1, 2))} spends or changes PIN tries`];
    if (c[1] === 0xa4 && toHex(c).includes(toHex(AID.TEXT_INPUT_ASSIST)))
      return ['refused: the reader never selects the My Number application'];
    const r = await this.b.transmit(c);
    const sw = toHex(r.subarray(r.length - 2));
    return [`${toHex(r.subarray(0, r.length - 2)) || '(no data)'} SW ${sw}`];
  }
}
