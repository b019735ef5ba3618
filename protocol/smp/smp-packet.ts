// SMP packets: an 8-byte big-endian header and a CBOR map (Zephyr SMP protocol, v1 and v2).
import { Decoder, Encoder } from 'cbor-x';
import { ErrorCode, ReaderError } from '../errors.js';

export const SmpOp = { read: 0, readResponse: 1, write: 2, writeResponse: 3 } as const;
export type SmpOp = (typeof SmpOp)[keyof typeof SmpOp];

export const SmpGroup = { os: 0, image: 1, stat: 2, settings: 3, log: 4, crash: 5, fs: 8, shell: 9 } as const;

export const SmpCmd = {
  os: { echo: 0, reset: 5, params: 6, info: 7, bootloaderInfo: 8 },
  image: { state: 0, upload: 1, erase: 5 },
  shell: { exec: 0 },
} as const;

/** MCUmgr return codes (MGMT_ERR_*), named so that nobody reads "Error: 3". */
export const SmpRc: Record<number, string> = {
  0: 'ok',
  1: 'unknown error',
  2: 'out of memory',
  3: 'invalid value',
  4: 'timeout',
  5: 'no entry',
  6: 'bad state',
  7: 'response too large',
  8: 'not supported',
  9: 'corrupt payload',
  10: 'busy',
  11: 'access denied',
  12: 'protocol version too old',
  13: 'protocol version too new',
};

export function rcName(rc: number): string {
  return SmpRc[rc] ?? `unknown rc ${rc}`;
}

export const SMP_HEADER_BYTES = 8;

export interface SmpHeader {
  readonly op: SmpOp;
  readonly version: 0 | 1;
  readonly flags: number;
  readonly length: number;
  readonly group: number;
  readonly seq: number;
  readonly id: number;
}

export type SmpPayload = Record<string, unknown>;

export interface SmpPacket {
  readonly header: SmpHeader;
  readonly payload: SmpPayload;
}

// Minimal-length maps, plain objects, no cbor-x record extension: what zcbor on the target reads.
const encoder = new Encoder({ useRecords: false, mapsAsObjects: true, variableMapSize: true });
const decoder = new Decoder({ useRecords: false, mapsAsObjects: true });

export function encodeCbor(v: unknown): Uint8Array {
  return new Uint8Array(encoder.encode(v));
}

export function encodeSmp(h: Omit<SmpHeader, 'length'>, payload: SmpPayload): Uint8Array {
  const body = encodeCbor(payload);
  const out = new Uint8Array(SMP_HEADER_BYTES + body.length);
  out[0] = ((h.version & 0x3) << 3) | (h.op & 0x7);
  out[1] = h.flags & 0xff;
  out[2] = body.length >> 8;
  out[3] = body.length & 0xff;
  out[4] = h.group >> 8;
  out[5] = h.group & 0xff;
  out[6] = h.seq & 0xff;
  out[7] = h.id & 0xff;
  out.set(body, SMP_HEADER_BYTES);
  return out;
}

export function decodeSmp(bytes: Uint8Array): SmpPacket {
  if (bytes.length < SMP_HEADER_BYTES) {
    throw new ReaderError(
      ErrorCode.Frame_Malformed,
      `SMP packet of ${bytes.length} bytes is shorter than its header`,
    );
  }
  const length = (bytes[2]! << 8) | bytes[3]!;
  if (bytes.length !== SMP_HEADER_BYTES + length) {
    throw new ReaderError(
      ErrorCode.Frame_Malformed,
      `SMP header says ${length} payload bytes, packet has ${bytes.length - SMP_HEADER_BYTES}`,
    );
  }
  const header: SmpHeader = {
    op: (bytes[0]! & 0x7) as SmpOp,
    version: ((bytes[0]! >> 3) & 0x3) as 0 | 1,
    flags: bytes[1]!,
    length,
    group: (bytes[4]! << 8) | bytes[5]!,
    seq: bytes[6]!,
    id: bytes[7]!,
  };
  let payload: unknown;
  try {
    payload = length === 0 ? {} : decoder.decode(bytes.subarray(SMP_HEADER_BYTES));
  } catch (e) {
    throw new ReaderError(ErrorCode.Frame_Malformed, `SMP payload is not CBOR: ${(e as Error).message}`);
  }
  if (
    typeof payload !== 'object' ||
    payload === null ||
    Array.isArray(payload) ||
    payload instanceof Uint8Array
  ) {
    throw new ReaderError(ErrorCode.Frame_Malformed, 'SMP payload is not a CBOR map');
  }
  return { header, payload: payload as SmpPayload };
}

/** The error a response carries, in v1 (`rc`) or v2 (`err: {group, rc}`) form; undefined when ok. */
export function responseError(p: SmpPayload): { rc: number; group?: number; reason?: string } | undefined {
  const err = p.err as { group?: number; rc?: number } | undefined;
  if (err && typeof err === 'object' && typeof err.rc === 'number' && err.rc !== 0) {
    return { rc: err.rc, group: err.group };
  }
  if (typeof p.rc === 'number' && p.rc !== 0)
    return { rc: p.rc, reason: typeof p.rsn === 'string' ? p.rsn : undefined };
  return undefined;
}
