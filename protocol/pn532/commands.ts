// PN532 command payloads (after TFI) the driver sends and the emulator answers.
import { ErrorCode, ReaderError } from '../errors.js';
import { Pn532Cmd } from './frame.js';

export const SUPPORT_TYPE_B = 0x02;
export const MI = 0x40;

export interface FirmwareVersion {
  readonly ic: number;
  readonly version: number;
  readonly revision: number;
  readonly support: number;
}

export function parseFirmwareVersion(d: Uint8Array): FirmwareVersion {
  if (d.length < 5 || d[0] !== Pn532Cmd.GetFirmwareVersion + 1) {
    throw new ReaderError(ErrorCode.Frame_Malformed, 'not a GetFirmwareVersion response');
  }
  return { ic: d[1]!, version: d[2]!, revision: d[3]!, support: d[4]! };
}

export interface TypeBTarget {
  readonly tg: number;
  /** 12 bytes: 50 ‖ PUPI(4) ‖ application data(4) ‖ protocol info(3). */
  readonly atqb: Uint8Array;
  readonly attribRes: Uint8Array;
}

/** InListPassiveTarget (BrTy 3) response: NbTg, then Tg, ATQB(12), ATTRIB_RES length and bytes. */
export function parseTypeBTargets(d: Uint8Array): TypeBTarget[] {
  if (d.length < 2 || d[0] !== Pn532Cmd.InListPassiveTarget + 1) {
    throw new ReaderError(ErrorCode.Frame_Malformed, 'not an InListPassiveTarget response');
  }
  const n = d[1]!;
  const out: TypeBTarget[] = [];
  let p = 2;
  for (let i = 0; i < n; i++) {
    if (p + 14 > d.length)
      throw new ReaderError(ErrorCode.Frame_Malformed, 'InListPassiveTarget response truncated');
    const tg = d[p]!;
    const atqb = d.slice(p + 1, p + 13);
    if (atqb[0] !== 0x50) throw new ReaderError(ErrorCode.Frame_Malformed, 'ATQB does not start with 50');
    const alen = d[p + 13]!;
    if (p + 14 + alen > d.length) throw new ReaderError(ErrorCode.Frame_Malformed, 'ATTRIB_RES truncated');
    out.push({ tg, atqb, attribRes: d.slice(p + 14, p + 14 + alen) });
    p += 14 + alen;
  }
  return out;
}

export function encodeTypeBTargets(targets: readonly TypeBTarget[]): Uint8Array {
  const parts: number[] = [Pn532Cmd.InListPassiveTarget + 1, targets.length];
  for (const t of targets) parts.push(t.tg, ...t.atqb, t.attribRes.length, ...t.attribRes);
  return Uint8Array.from(parts);
}

/** SetSerialBaudrate codes (PN532 user manual §7.2.3). */
export const BAUD_CODES: Record<number, number> = {
  9600: 0x00,
  19200: 0x01,
  38400: 0x02,
  57600: 0x03,
  115200: 0x04,
  230400: 0x05,
  460800: 0x06,
  921600: 0x07,
  1288000: 0x08,
};
