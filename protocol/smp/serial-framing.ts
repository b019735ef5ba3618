// SMP over a console UART: packet = be16(len(body)+2) ‖ body ‖ be16(crc16(body)), base64 in
// lines of at most 127 bytes: first `06 09`, continuations `04 14`, each ending in '\n', each
// line's base64 decodable on its own. Console text between lines is passed through, never fatal.
import { concatBytes, fromBase64, toBase64 } from '../bytes.js';
import { crc16xmodem } from './crc16.js';

export const LINE_MAX = 127;
const START = [0x06, 0x09] as const;
const CONT = [0x04, 0x14] as const;
/** Raw bytes per line: (127 - 2 marker - 1 newline) base64 chars, in whole 4-char groups. */
export const RAW_PER_LINE = Math.floor((LINE_MAX - 3) / 4) * 3;

export function frameSmp(body: Uint8Array): Uint8Array[] {
  const crc = crc16xmodem(body);
  const len = body.length + 2;
  const pkt = concatBytes(Uint8Array.of(len >> 8, len & 0xff), body, Uint8Array.of(crc >> 8, crc & 0xff));
  const lines: Uint8Array[] = [];
  for (let o = 0; o < pkt.length; o += RAW_PER_LINE) {
    const b64 = toBase64(pkt.subarray(o, o + RAW_PER_LINE));
    const line = new Uint8Array(b64.length + 3);
    line.set(o === 0 ? START : CONT, 0);
    for (let i = 0; i < b64.length; i++) line[2 + i] = b64.charCodeAt(i);
    line[line.length - 1] = 0x0a;
    lines.push(line);
  }
  return lines;
}

/** Bytes on the wire for a body of n bytes, framed: for sizing chunks and rate figures. */
export function framedSize(n: number): number {
  const raw = n + 4;
  const full = Math.floor(raw / RAW_PER_LINE);
  const rest = raw % RAW_PER_LINE;
  return full * (3 + (RAW_PER_LINE / 3) * 4) + (rest ? 3 + Math.ceil(rest / 3) * 4 : 0);
}

export type SmpSerialEvent =
  | { readonly type: 'packet'; readonly body: Uint8Array }
  | { readonly type: 'console'; readonly text: string }
  | { readonly type: 'discarded'; readonly reason: string; readonly bytes: number };

/**
 * Streaming decoder: feed it bytes in any split; it yields packets, console lines and
 * discards. Never throws. A packet longer than `maxPacket` is dropped.
 */
export class SmpSerialDecoder {
  private line: number[] = [];
  private pkt: Uint8Array[] = [];
  private have = 0;
  private want = -1;

  constructor(private readonly maxPacket = 8192) {}

  push(chunk: Uint8Array): SmpSerialEvent[] {
    const out: SmpSerialEvent[] = [];
    for (const b of chunk) {
      if (b === 0x0a) {
        this.endLine(out);
        this.line = [];
      } else if (this.line.length < 4096) this.line.push(b);
    }
    return out;
  }

  private reset(): void {
    this.pkt = [];
    this.have = 0;
    this.want = -1;
  }

  private endLine(out: SmpSerialEvent[]): void {
    const l = this.line;
    const isStart = l[0] === START[0] && l[1] === START[1];
    const isCont = l[0] === CONT[0] && l[1] === CONT[1];
    if (!isStart && !isCont) {
      const text = String.fromCharCode(...l.filter((c) => c !== 0x0d)).trimEnd();
      if (text) out.push({ type: 'console', text });
      return;
    }
    if (isStart && this.want >= 0)
      out.push({ type: 'discarded', reason: 'packet cut short by a new start line', bytes: this.have });
    if (isStart) this.reset();
    else if (this.want < 0)
      return void out.push({
        type: 'discarded',
        reason: 'continuation without a start line',
        bytes: l.length,
      });
    let raw: Uint8Array;
    try {
      raw = fromBase64(String.fromCharCode(...l.slice(2).filter((c) => c !== 0x0d)));
    } catch {
      this.reset();
      return void out.push({ type: 'discarded', reason: 'line is not base64', bytes: l.length });
    }
    this.pkt.push(raw);
    this.have += raw.length;
    if (this.want < 0) {
      if (this.have < 2) {
        this.reset();
        out.push({ type: 'discarded', reason: 'start line too short', bytes: raw.length });
        return;
      }
      const head = this.pkt[0]!;
      this.want = (head[0]! << 8) | head[1]!;
      if (this.want < 2 || this.want > this.maxPacket) {
        const bytes = this.have;
        this.reset();
        return void out.push({ type: 'discarded', reason: `packet length ${this.want} out of range`, bytes });
      }
    }
    if (this.have - 2 < this.want) return;
    const all = concatBytes(...this.pkt);
    this.reset();
    const body = all.subarray(2, all.length - 2);
    const crc = (all[all.length - 2]! << 8) | all[all.length - 1]!;
    if (all.length - 2 !== ((all[0]! << 8) | all[1]!)) {
      return void out.push({
        type: 'discarded',
        reason: 'packet longer than its length field',
        bytes: all.length,
      });
    }
    if (crc16xmodem(body) !== crc)
      return void out.push({ type: 'discarded', reason: 'CRC mismatch', bytes: all.length });
    out.push({ type: 'packet', body: body.slice() });
  }
}
