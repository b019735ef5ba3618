// PN532 HSU frames: normal and extended information frames, ACK, NACK, application error
// frame; and a streaming parser that never throws on noise, resyncs on the preamble, and caps
// the frame length (PN532 user manual §6.2; libnfc pn532_uart.c).
export const TFI_HOST = 0xd4;
export const TFI_PN532 = 0xd5;
export const ACK = Uint8Array.of(0x00, 0x00, 0xff, 0x00, 0xff, 0x00);
export const NACK = Uint8Array.of(0x00, 0x00, 0xff, 0xff, 0x00, 0x00);
export const ERROR_FRAME = Uint8Array.of(0x00, 0x00, 0xff, 0x01, 0xff, 0x7f, 0x81, 0x00);
/** TFI + data bytes, at most: 255 in a normal frame, 265 (TFI + 264) in an extended one. */
export const MAX_NORMAL = 255;
export const MAX_EXTENDED = 265;

export const Pn532Cmd = {
  Diagnose: 0x00,
  GetFirmwareVersion: 0x02,
  GetGeneralStatus: 0x04,
  ReadRegister: 0x06,
  WriteRegister: 0x08,
  SetSerialBaudrate: 0x10,
  SetParameters: 0x12,
  SAMConfiguration: 0x14,
  PowerDown: 0x16,
  RFConfiguration: 0x32,
  InDataExchange: 0x40,
  InCommunicateThru: 0x42,
  InDeselect: 0x44,
  InListPassiveTarget: 0x4a,
  InRelease: 0x52,
  InSelect: 0x54,
} as const;

const cmdNames = new Map<number, string>(Object.entries(Pn532Cmd).map(([k, v]) => [v, k]));
/** Name of a command code, or of the command a response code answers. */
export function pn532CommandName(code: number): string {
  return (
    cmdNames.get(code) ??
    (code & 1
      ? `${cmdNames.get(code - 1) ?? `0x${(code - 1).toString(16)}`} response`
      : `0x${code.toString(16)}`)
  );
}

/** Encodes TFI + data as a normal frame, or an extended frame above 255 bytes. */
export function encodeFrame(tfi: number, data: Uint8Array): Uint8Array {
  const len = data.length + 1;
  if (len > MAX_EXTENDED) throw new RangeError(`PN532 frame of ${len} bytes exceeds ${MAX_EXTENDED}`);
  let sum = tfi;
  for (const b of data) sum += b;
  const dcs = (0x100 - (sum & 0xff)) & 0xff;
  if (len <= MAX_NORMAL) {
    const f = new Uint8Array(len + 7);
    f.set([0x00, 0x00, 0xff, len, (0x100 - len) & 0xff, tfi]);
    f.set(data, 6);
    f[6 + data.length] = dcs;
    return f;
  }
  const f = new Uint8Array(len + 10);
  const hi = len >> 8;
  const lo = len & 0xff;
  f.set([0x00, 0x00, 0xff, 0xff, 0xff, hi, lo, (0x100 - ((hi + lo) & 0xff)) & 0xff, tfi]);
  f.set(data, 9);
  f[9 + data.length] = dcs;
  return f;
}

export type Pn532Event =
  | { readonly type: 'frame'; readonly tfi: number; readonly data: Uint8Array; readonly extended: boolean }
  | { readonly type: 'ack' }
  | { readonly type: 'nack' }
  | { readonly type: 'error-frame' }
  | { readonly type: 'discarded'; readonly reason: string; readonly bytes: Uint8Array };

/**
 * Streaming parser: push bytes in any split; returns whole events. Bytes before a start
 * code, frames with a bad length or data checksum, and frames over the length cap are
 * reported as `discarded` and skipped; parsing resumes at the next start code.
 *
 * Work is linear in the bytes pushed: events advance a read position in the buffer (never
 * re-slicing what is left), the start-code search resumes where it stopped, and only an
 * unfinished frame (at most one capped frame long) is carried over to the next push.
 */
export class Pn532Parser {
  private buf = new Uint8Array(0);
  /** Read position in buf: bytes before it are consumed. */
  private pos = 0;
  /** Where the start-code search resumes (no 00 FF starts before it). */
  private scan = 0;

  constructor(private readonly maxLength = MAX_EXTENDED) {}

  push(chunk: Uint8Array): Pn532Event[] {
    const rest = this.buf.length - this.pos;
    const merged = new Uint8Array(rest + chunk.length);
    merged.set(this.buf.subarray(this.pos));
    merged.set(chunk, rest);
    this.scan = Math.max(0, this.scan - this.pos);
    this.buf = merged;
    this.pos = 0;
    const out: Pn532Event[] = [];
    for (;;) {
      const r = this.next();
      if (!r) break;
      out.push(r);
    }
    return out;
  }

  private drop(n: number, reason: string): Pn532Event {
    const bytes = this.buf.slice(this.pos, this.pos + n);
    this.advance(n);
    return { type: 'discarded', reason, bytes };
  }

  private advance(n: number): void {
    this.pos = Math.min(this.pos + n, this.buf.length);
    if (this.scan < this.pos) this.scan = this.pos;
  }

  /** One event from the read position, or undefined when more bytes are needed. */
  private next(): Pn532Event | undefined {
    const b = this.buf;
    const at = this.pos;
    // Find the start code 00 FF (the leading 00 preamble is optional on the wire).
    let s = -1;
    let i = Math.max(this.scan, at);
    for (; i + 1 < b.length; i++) {
      if (b[i] === 0x00 && b[i + 1] === 0xff) {
        s = i - at;
        break;
      }
    }
    this.scan = i;
    const avail = b.length - at;
    if (s < 0) {
      // Keep a trailing 00: it may be the first half of a start code.
      const keep = avail > 0 && b[b.length - 1] === 0x00 ? 1 : 0;
      if (avail - keep > 0) return this.drop(avail - keep, 'no start code');
      return undefined;
    }
    if (s > 0) {
      // A preamble 00 directly before the start code is part of the frame, not noise.
      const lead = b[at + s - 1] === 0x00 ? s - 1 : s;
      if (lead > 0) return this.drop(lead, 'bytes before the start code');
    }
    const p = s + 2; // first byte after 00 FF, relative to the read position
    if (avail < p + 2) return undefined;
    const len = b[at + p]!;
    const lcs = b[at + p + 1]!;
    if (len === 0x00 && lcs === 0xff) return this.consume(p + 3, { type: 'ack' }); // ACK + postamble
    if (len === 0xff && lcs === 0x00) return this.consume(p + 3, { type: 'nack' });
    if (len === 0xff && lcs === 0xff) return this.extended(p);
    // LEN counts the TFI, so a frame has LEN 1..255 and LEN + LCS is exactly 0x100 (libnfc's
    // pn532_uart_receive checks `256 != LEN + LCS`): LEN 00 / LCS 00 sums to 0 mod 256 but is
    // no frame; read as one it would swallow the next frame's start code.
    if (len === 0x00 || ((len + lcs) & 0xff) !== 0) return this.drop(p, 'length checksum mismatch');
    if (len === 0x01 && avail >= p + 4 && b[at + p + 2] === 0x7f) {
      if (avail < p + 5) return undefined;
      return this.consume(p + 5, { type: 'error-frame' });
    }
    if (len > this.maxLength) return this.drop(p, `frame length ${len} over the cap`);
    return this.body(p + 2, len, false);
  }

  private extended(p: number): Pn532Event | undefined {
    const b = this.buf;
    const at = this.pos;
    if (b.length - at < p + 5) return undefined;
    const hi = b[at + p + 2]!;
    const lo = b[at + p + 3]!;
    const lcs = b[at + p + 4]!;
    if (((hi + lo + lcs) & 0xff) !== 0) return this.drop(p, 'extended length checksum mismatch');
    const len = (hi << 8) | lo;
    if (len > this.maxLength || len === 0) return this.drop(p, `extended frame length ${len} out of range`);
    return this.body(p + 5, len, true);
  }

  private body(start: number, len: number, extended: boolean): Pn532Event | undefined {
    const b = this.buf;
    const at = this.pos;
    if (b.length - at < start + len + 1) return undefined; // TFI..PDn + DCS (postamble optional)
    let sum = 0;
    for (let i = at + start; i < at + start + len + 1; i++) sum += b[i]!;
    if ((sum & 0xff) !== 0) return this.drop(start, 'data checksum mismatch');
    const tfi = b[at + start]!;
    const data = b.slice(at + start + 1, at + start + len);
    const end = start + len + 1;
    return this.consume(b[at + end] === 0x00 ? end + 1 : end, { type: 'frame', tfi, data, extended });
  }

  private consume(n: number, ev: Pn532Event): Pn532Event {
    this.advance(n);
    return ev;
  }
}

/** Status byte errors of InDataExchange and friends (low 6 bits). */
export const Pn532Status: Record<number, string> = {
  1: 'timeout',
  2: 'CRC error',
  3: 'parity error',
  4: 'bit count error',
  5: 'framing error',
  6: 'collision',
  7: 'buffer too small',
  9: 'RF buffer overflow',
  10: 'RF timeout',
  11: 'RF protocol error',
  13: 'overheat',
  14: 'internal buffer overflow',
  16: 'invalid parameter',
  18: 'unknown DEP command',
  19: 'invalid frame',
  37: 'DEP invalid state',
  38: 'operation not allowed',
  39: 'command not acceptable',
  41: 'target released',
  42: 'Type B card-ID mismatch',
  43: 'Type B card disappeared',
  45: 'overcurrent',
  46: 'NAD missing',
};
