// ISO/IEC 7816-4 APDUs: command encoding in short and extended form (cases 1–4), response
// decoding, and status-word meanings.
import { ErrorCode, ReaderError } from '../errors.js';

export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  readonly data?: Uint8Array;
  /** Expected response length: 0 = none; 256 (short) or 65536 (extended) = "as much as there is". */
  readonly le?: number;
}

export function encodeApdu(c: CommandApdu, opts: { extended?: boolean } = {}): Uint8Array {
  const data = c.data ?? new Uint8Array();
  const le = c.le ?? 0;
  const extended = opts.extended ?? (data.length > 255 || le > 256);
  if (data.length > 65535 || le > 65536 || le < 0) throw new RangeError('APDU data or Le out of range');
  const head = [c.cla & 0xff, c.ins & 0xff, c.p1 & 0xff, c.p2 & 0xff];
  const out: number[] = [...head];
  if (!extended) {
    if (data.length) out.push(data.length, ...data);
    if (le) out.push(le === 256 ? 0 : le);
    return Uint8Array.from(out);
  }
  if (data.length) out.push(0, data.length >> 8, data.length & 0xff, ...data);
  if (le) {
    const v = le === 65536 ? 0 : le;
    if (!data.length) out.push(0);
    out.push(v >> 8, v & 0xff);
  }
  return Uint8Array.from(out);
}

/** Parses a command APDU (what a card emulator receives). Throws Frame_Malformed. */
export function decodeApdu(b: Uint8Array): CommandApdu & { readonly extended: boolean } {
  const bad = (why: string) =>
    new ReaderError(ErrorCode.Frame_Malformed, `malformed APDU (${b.length} bytes): ${why}`);
  if (b.length < 4) throw bad('shorter than the 4-byte header');
  const [cla, ins, p1, p2] = [b[0]!, b[1]!, b[2]!, b[3]!];
  const body = b.subarray(4);
  if (body.length === 0) return { cla, ins, p1, p2, le: 0, extended: false };
  if (body.length === 1) return { cla, ins, p1, p2, le: body[0] || 256, extended: false };
  if (body[0] !== 0) {
    const lc = body[0]!;
    if (body.length === 1 + lc) return { cla, ins, p1, p2, data: body.slice(1), le: 0, extended: false };
    if (body.length === 2 + lc)
      return { cla, ins, p1, p2, data: body.slice(1, 1 + lc), le: body[1 + lc] || 256, extended: false };
    throw bad(`Lc ${lc} does not match ${body.length - 1} following bytes`);
  }
  // Extended: 00 followed by two length bytes.
  if (body.length === 3) return { cla, ins, p1, p2, le: (body[1]! << 8) | body[2]! || 65536, extended: true };
  if (body.length < 3) throw bad('truncated extended length');
  const lc = (body[1]! << 8) | body[2]!;
  if (body.length === 3 + lc) return { cla, ins, p1, p2, data: body.slice(3, 3 + lc), le: 0, extended: true };
  if (body.length === 5 + lc) {
    return {
      cla,
      ins,
      p1,
      p2,
      data: body.slice(3, 3 + lc),
      le: (body[3 + lc]! << 8) | body[4 + lc]! || 65536,
      extended: true,
    };
  }
  throw bad(`extended Lc ${lc} does not match the body`);
}

export interface ResponseApdu {
  readonly data: Uint8Array;
  readonly sw: number;
}

export function decodeResponse(b: Uint8Array): ResponseApdu {
  if (b.length < 2)
    throw new ReaderError(ErrorCode.Frame_Malformed, `response APDU of ${b.length} bytes has no status word`);
  return { data: b.slice(0, -2), sw: (b[b.length - 2]! << 8) | b[b.length - 1]! };
}

export function encodeResponse(data: Uint8Array, sw: number): Uint8Array {
  const out = new Uint8Array(data.length + 2);
  out.set(data);
  out[data.length] = sw >> 8;
  out[data.length + 1] = sw & 0xff;
  return out;
}

export const SW = {
  OK: 0x9000,
  WRONG_LENGTH: 0x6700,
  SECURITY_NOT_SATISFIED: 0x6982,
  AUTH_BLOCKED: 0x6983,
  REF_DATA_BLOCKED: 0x6984,
  CONDITIONS_NOT_SATISFIED: 0x6985,
  FILE_NOT_FOUND: 0x6a82,
  WRONG_P1P2: 0x6a86,
  REF_DATA_NOT_FOUND: 0x6a88,
  WRONG_P1P2_OFFSET: 0x6b00,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
  UNKNOWN: 0x6f00,
} as const;

export function swMeaning(sw: number): string {
  const hi = sw >> 8;
  const lo = sw & 0xff;
  if (sw === 0x9000) return 'ok';
  if (hi === 0x61) return `${lo || 256} more bytes available (GET RESPONSE)`;
  if (hi === 0x6c) return `wrong Le; ${lo || 256} bytes available`;
  if (hi === 0x63 && (lo & 0xf0) === 0xc0) return `verification failed, ${lo & 0x0f} tries left`;
  const known: Record<number, string> = {
    25217: 'part of returned data may be corrupted',
    25218: 'end of file reached before Le bytes',
    26368: 'wrong length',
    26753: 'logical channel not supported',
    26754: 'secure messaging not supported',
    27009: 'command incompatible with file structure',
    27010: 'security status not satisfied',
    27011: 'authentication method blocked',
    27012: 'reference data blocked (e.g. PIN locked)',
    27013: 'conditions of use not satisfied',
    27014: 'command not allowed (no current EF)',
    27264: 'incorrect data field',
    27265: 'function not supported',
    27266: 'file or application not found',
    27270: 'incorrect P1/P2',
    27272: 'referenced data not found',
    27392: 'wrong parameters (offset outside the EF)',
    27904: 'instruction not supported',
    28160: 'class not supported',
    28416: 'no precise diagnosis',
  };
  return known[sw] ?? `status ${sw.toString(16).padStart(4, '0')}`;
}
