// Decoders that render serial traffic in human form for `readerctl console --decode`.
import { toHex } from '../../protocol/bytes.js';
import { Pn532Parser, Pn532Status, pn532CommandName } from '../../protocol/pn532/frame.js';
import { SmpSerialDecoder } from '../../protocol/smp/serial-framing.js';
import { decodeSmp, SmpGroup } from '../../protocol/smp/smp-packet.js';

export type Direction = 'rx' | 'tx';
export interface TrafficDecoder {
  push(dir: Direction, bytes: Uint8Array): string[];
}

const arrow = (d: Direction): string => (d === 'tx' ? '>>' : '<<');
const short = (b: Uint8Array, max = 32): string =>
  b.length > max ? `${toHex(b.subarray(0, max))}… (${b.length} bytes)` : toHex(b);

const smpGroupNames = new Map<number, string>(Object.entries(SmpGroup).map(([k, v]) => [v, k]));
const smpCmdNames: Record<number, Record<number, string>> = {
  0: { 0: 'echo', 5: 'reset', 6: 'params', 7: 'info', 8: 'bootloader-info' },
  1: { 0: 'state', 1: 'upload', 5: 'erase' },
  9: { 0: 'exec' },
};
const smpOps = ['read', 'read-rsp', 'write', 'write-rsp'];

function smpJson(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (x instanceof Uint8Array ? `<${short(x, 16)}>` : x));
}

export class SmpTrafficDecoder implements TrafficDecoder {
  private readonly dec = { rx: new SmpSerialDecoder(), tx: new SmpSerialDecoder() };

  push(dir: Direction, bytes: Uint8Array): string[] {
    const out: string[] = [];
    for (const ev of this.dec[dir].push(bytes)) {
      if (ev.type === 'console') out.push(`${dir === 'tx' ? '>> ' : ''}${ev.text}`);
      else if (ev.type === 'discarded') out.push(`${arrow(dir)} SMP !! ${ev.reason} (${ev.bytes} bytes)`);
      else {
        try {
          const p = decodeSmp(ev.body);
          const h = p.header;
          const group = smpGroupNames.get(h.group) ?? `group ${h.group}`;
          const cmd = smpCmdNames[h.group]?.[h.id] ?? `cmd ${h.id}`;
          out.push(
            `${arrow(dir)} SMP ${smpOps[h.op] ?? `op ${h.op}`} ${group}/${cmd} seq ${h.seq} ${smpJson(p.payload)}`,
          );
          out.push(`   hex ${short(ev.body, 24)}`);
        } catch (e) {
          out.push(`${arrow(dir)} SMP !! ${(e as Error).message}`);
        }
      }
    }
    return out;
  }
}

function pn532Fields(tfi: number, data: Uint8Array): string {
  const code = data[0] ?? 0;
  const args = data.subarray(1);
  if (tfi === 0xd4 && code === 0x40) return `Tg ${args[0]} C-APDU ${short(args.subarray(1))}`;
  if (tfi === 0xd5 && (code === 0x41 || code === 0x43)) {
    const status = args[0] ?? 0;
    const err = status & 0x3f;
    return `status ${err ? `error ${Pn532Status[err] ?? `0x${err.toString(16)}`}` : 'ok'}${status & 0x40 ? ' MI (more)' : ''} R-APDU ${short(args.subarray(1))}`;
  }
  if (tfi === 0xd4 && code === 0x4a)
    return `MaxTg ${args[0]} BrTy ${args[1]}${args[1] === 3 ? ' (Type B 106k)' : ''}`;
  if (tfi === 0xd5 && code === 0x4b)
    return `NbTg ${args[0]}${args[0] ? ` Tg ${args[1]} ATQB ${toHex(args.subarray(2, 14))}` : ''}`;
  if (tfi === 0xd5 && code === 0x03)
    return `IC 0x${args[0]?.toString(16)} ver ${args[1]}.${args[2]} support 0x${args[3]?.toString(16)}${(args[3] ?? 0) & 2 ? ' (Type B)' : ''}`;
  return args.length ? short(args) : '';
}

export class Pn532TrafficDecoder implements TrafficDecoder {
  private readonly dec = { rx: new Pn532Parser(), tx: new Pn532Parser() };

  push(dir: Direction, bytes: Uint8Array): string[] {
    return this.dec[dir].push(bytes).map((ev) => {
      if (ev.type === 'frame') {
        const name = pn532CommandName(ev.data[0] ?? 0);
        return `${arrow(dir)} PN532 ${name} ${pn532Fields(ev.tfi, ev.data)}  [${short(ev.data, 24)}]`;
      }
      if (ev.type === 'discarded') return `${arrow(dir)} PN532 !! ${ev.reason}: ${short(ev.bytes, 16)}`;
      return `${arrow(dir)} PN532 ${ev.type.toUpperCase()}`;
    });
  }
}

/**
 * The longest readerd line held while waiting for its end (its JSON logs are far shorter): a
 * line that never ends must not grow the console without bound. Past it, the line is dropped,
 * said once, and decoding resumes after the next newline.
 */
export const MAX_READERD_LINE = 64 * 1024;

/** readerd's JSON log lines (e.g. its serial debug shell with logs on) as readable lines. */
export class ReaderdTrafficDecoder implements TrafficDecoder {
  private readonly partial = { rx: '', tx: '' };
  /** True while the rest of an over-long line is skipped. */
  private readonly skipping = { rx: false, tx: false };
  // Streaming, so that a character split between two reads is decoded whole.
  private readonly utf8 = { rx: new TextDecoder(), tx: new TextDecoder() };

  push(dir: Direction, bytes: Uint8Array): string[] {
    let text = this.utf8[dir].decode(bytes, { stream: true });
    const out: string[] = [];
    if (this.skipping[dir]) {
      const end = text.indexOf('\n');
      if (end < 0) return out;
      this.skipping[dir] = false;
      text = text.slice(end + 1);
    }
    if (!text.includes('\n')) {
      // Only a push that ends a line splits what is held: a long line costs linear work.
      this.partial[dir] += text;
    } else {
      const lines = (this.partial[dir] + text).split(/\r?\n/);
      this.partial[dir] = lines.pop() ?? '';
      for (const l of lines) if (l.length) out.push(dir === 'tx' ? `>> ${l}` : render(l));
    }
    const held = this.partial[dir];
    if (held.length > MAX_READERD_LINE) {
      out.push(
        `${arrow(dir)} readerd !! a line over ${MAX_READERD_LINE} characters dropped up to its end: ${held.slice(0, 40)}…`,
      );
      this.partial[dir] = '';
      this.skipping[dir] = true;
    }
    return out;
  }
}

function render(line: string): string {
  if (!line.startsWith('{')) return line;
  try {
    const { time, level, ns, msg, ...rest } = JSON.parse(line) as Record<string, unknown>;
    const t = typeof time === 'string' ? time.slice(11, 23) : '';
    const fields = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
    return `${t} ${String(level ?? '')
      .toUpperCase()
      .padEnd(5)} ${ns ?? ''}: ${msg ?? ''}${fields}`;
  } catch {
    return line;
  }
}

export function makeDecoder(name: string): TrafficDecoder {
  if (name === 'smp') return new SmpTrafficDecoder();
  if (name === 'pn532') return new Pn532TrafficDecoder();
  if (name === 'readerd') return new ReaderdTrafficDecoder();
  throw new Error(`unknown decoder "${name}" (smp, pn532 or readerd)`);
}
