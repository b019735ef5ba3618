// USB CCID bulk messages (10-byte little-endian header), the interrupt NotifySlotChange, and
// the PC/SC part 3 contactless pseudo-ATR for Type B.
import { ErrorCode, ReaderError } from '../errors.js';

export const CcidMsg = {
  IccPowerOn: 0x62,
  IccPowerOff: 0x63,
  GetSlotStatus: 0x65,
  XfrBlock: 0x6f,
  GetParameters: 0x6c,
  SetParameters: 0x61,
  Escape: 0x6b,
  Secure: 0x69,
  Abort: 0x72,
  DataBlock: 0x80,
  SlotStatus: 0x81,
  Parameters: 0x82,
  EscapeResponse: 0x83,
  NotifySlotChange: 0x50,
  HardwareError: 0x51,
} as const;

export const CCID_HEADER = 10;

export interface CcidMessage {
  readonly type: number;
  readonly slot: number;
  readonly seq: number;
  /** Bytes 7..9: request-specific, or bStatus, bError, chain parameter in replies. */
  readonly b7: number;
  readonly b8: number;
  readonly b9: number;
  readonly data: Uint8Array;
}

export function encodeCcid(m: CcidMessage): Uint8Array {
  const out = new Uint8Array(CCID_HEADER + m.data.length);
  out[0] = m.type;
  new DataView(out.buffer).setUint32(1, m.data.length, true);
  out[5] = m.slot;
  out[6] = m.seq & 0xff;
  out[7] = m.b7;
  out[8] = m.b8;
  out[9] = m.b9;
  out.set(m.data, CCID_HEADER);
  return out;
}

export function decodeCcid(b: Uint8Array, maxLength = 65544): CcidMessage {
  if (b.length < CCID_HEADER)
    throw new ReaderError(
      ErrorCode.Frame_Malformed,
      `CCID message of ${b.length} bytes is shorter than its header`,
    );
  const len = new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(1, true);
  if (len > maxLength)
    throw new ReaderError(ErrorCode.Frame_TooLarge, `CCID dwLength ${len} exceeds ${maxLength}`);
  if (b.length !== CCID_HEADER + len) {
    throw new ReaderError(
      ErrorCode.Frame_Malformed,
      `CCID dwLength ${len} but ${b.length - CCID_HEADER} data bytes`,
    );
  }
  return {
    type: b[0]!,
    slot: b[5]!,
    seq: b[6]!,
    b7: b[7]!,
    b8: b[8]!,
    b9: b[9]!,
    data: b.slice(CCID_HEADER),
  };
}

/** bStatus of a reply: ICC status (bits 1..0), command status (bits 7..6). */
export function replyStatus(m: CcidMessage): {
  icc: 'active' | 'present' | 'absent';
  failed: boolean;
  timeExtension: boolean;
} {
  const icc = (['active', 'present', 'absent', 'absent'] as const)[m.b7 & 0x03]!;
  return { icc, failed: (m.b7 & 0xc0) === 0x40, timeExtension: (m.b7 & 0xc0) === 0x80 };
}

/** bError values (CCID 1.1 Table 6.2-2). */
export const CcidError: Record<number, string> = {
  255: 'command aborted',
  254: 'ICC mute (no card or card not answering)',
  253: 'transfer parity error',
  252: 'transfer overrun',
  251: 'hardware error',
  240: 'PIN timeout',
  239: 'PIN cancelled',
  224: 'slot busy',
};

/** The class request that starts an abort (CCID 1.1 §5.3.1); PC_to_RDR_Abort follows on bulk OUT. */
export const CCID_REQUEST_ABORT = 0x01;

/** NotifySlotChange: 2 bits per slot (bit 0 present, bit 1 changed). */
export function parseSlotChange(b: Uint8Array): { slot: number; present: boolean; changed: boolean }[] {
  if (b.length < 2 || b[0] !== CcidMsg.NotifySlotChange) {
    throw new ReaderError(ErrorCode.Frame_Malformed, 'not a NotifySlotChange message');
  }
  const out: { slot: number; present: boolean; changed: boolean }[] = [];
  for (let i = 1; i < b.length; i++) {
    for (let k = 0; k < 4; k++) {
      const bits = (b[i]! >> (k * 2)) & 3;
      out.push({ slot: (i - 1) * 4 + k, present: (bits & 1) !== 0, changed: (bits & 2) !== 0 });
    }
  }
  return out;
}

export function encodeSlotChange(present: boolean, changed: boolean): Uint8Array {
  return Uint8Array.of(CcidMsg.NotifySlotChange, (present ? 1 : 0) | (changed ? 2 : 0));
}

/** `3B 8n 80 01 <historical> TCK`, TCK = XOR of all bytes after 3B. */
export function pseudoAtr(historical: Uint8Array): Uint8Array {
  if (historical.length > 15) throw new RangeError('at most 15 historical bytes');
  const atr = new Uint8Array(historical.length + 5);
  atr.set([0x3b, 0x80 | historical.length, 0x80, 0x01]);
  atr.set(historical, 4);
  let tck = 0;
  for (let i = 1; i < atr.length - 1; i++) tck ^= atr[i]!;
  atr[atr.length - 1] = tck;
  return atr;
}

/** Type B: ATQB application data (4) + protocol info (3) + MBLI nibble. */
export function typeBPseudoAtr(atqb: Uint8Array, mbli = 0): Uint8Array {
  if (atqb.length < 12 || atqb[0] !== 0x50)
    throw new ReaderError(ErrorCode.Frame_Malformed, 'not an ATQB (12 bytes starting 50)');
  const h = new Uint8Array(8);
  h.set(atqb.subarray(5, 9), 0);
  h.set(atqb.subarray(9, 12), 4);
  h[7] = (mbli & 0x0f) << 4;
  return pseudoAtr(h);
}

export function parsePseudoAtr(atr: Uint8Array): { historical: Uint8Array; tckOk: boolean } {
  if (atr.length < 5 || atr[0] !== 0x3b || (atr[1]! & 0xf0) !== 0x80 || atr[2] !== 0x80 || atr[3] !== 0x01) {
    throw new ReaderError(ErrorCode.Frame_Malformed, 'not a contactless pseudo-ATR (3B 8n 80 01 …)');
  }
  const n = atr[1]! & 0x0f;
  if (atr.length !== 5 + n)
    throw new ReaderError(
      ErrorCode.Frame_Malformed,
      `pseudo-ATR says ${n} historical bytes, has ${atr.length - 5}`,
    );
  let tck = 0;
  for (let i = 1; i < atr.length; i++) tck ^= atr[i]!;
  return { historical: atr.slice(4, 4 + n), tckOk: tck === 0 };
}
