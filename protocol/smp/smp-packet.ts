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

/**
 * SMP v2 errors (`err: {group, rc}`) number `rc` in the group's own enum, not MGMT_ERR_*
 * (Zephyr include/zephyr/mgmt/mcumgr/grp/img_mgmt/img_mgmt.h `img_mgmt_err_code_t`,
 * os_mgmt.h `os_mgmt_err_code_t`).
 */
export const ImgMgmtErr = {
  unknown: 1,
  flashConfigQueryFail: 2,
  noImage: 3,
  noTlvs: 4,
  invalidTlv: 5,
  tlvMultipleHashesFound: 6,
  tlvInvalidSize: 7,
  hashNotFound: 8,
  noFreeSlot: 9,
  flashOpenFailed: 10,
  flashReadFailed: 11,
  flashWriteFailed: 12,
  flashEraseFailed: 13,
  invalidSlot: 14,
  noFreeMemory: 15,
  flashContextAlreadySet: 16,
  flashContextNotSet: 17,
  flashAreaDeviceNull: 18,
  invalidPageOffset: 19,
  invalidOffset: 20,
  invalidLength: 21,
  invalidImageHeader: 22,
  invalidImageHeaderMagic: 23,
  invalidHash: 24,
  invalidFlashAddress: 25,
  versionGetFailed: 26,
  currentVersionIsNewer: 27,
  imageAlreadyPending: 28,
  invalidImageVectorTable: 29,
  invalidImageTooLarge: 30,
  invalidImageDataOverrun: 31,
  imageConfirmationDenied: 32,
  imageSettingTestToActiveDenied: 33,
  activeSlotNotKnown: 34,
} as const;

export const OsMgmtErr = {
  unknown: 1,
  invalidFormat: 2,
  queryYieldsNoAnswer: 3,
  rtcNotSet: 4,
  rtcCommandFailed: 5,
  queryResponseValueNotValid: 6,
} as const;

const GROUP_ERRORS: Record<number, Record<string, number>> = {
  [SmpGroup.os]: OsMgmtErr,
  [SmpGroup.image]: ImgMgmtErr,
};

const words = (camel: string): string => camel.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

/** The name of an SMP error: a group's own code when `group` is given (v2), else MGMT_ERR_*. */
export function rcName(rc: number, group?: number): string {
  if (group === undefined) return SmpRc[rc] ?? `unknown rc ${rc}`;
  const table = GROUP_ERRORS[group];
  const name = table && Object.entries(table).find(([, v]) => v === rc)?.[0];
  return name ? words(name) : `group ${group} error ${rc}`;
}

/**
 * An image version as targets write it in the image list: "major.minor.revision" and
 * ".build" when the build number is not 0 (Zephyr dfu_boot_ver_str / img_mgmt_ver_str,
 * MCUboot boot_serial.c bs_list_img_ver), not imgtool's "+build".
 */
export function targetVersionString(v: {
  readonly major: number;
  readonly minor: number;
  readonly revision: number;
  readonly build: number;
}): string {
  return `${v.major}.${v.minor}.${v.revision}${v.build ? `.${v.build}` : ''}`;
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

// What zcbor on the target reads (MCUboot serial recovery, Zephyr MCUmgr): definite-length,
// minimal-length maps of plain objects; byte strings as plain major type 2, never with tag 64
// (cbor-x tags every Uint8Array unless `tagUint8Array: false`, and zcbor_bstr_decode refuses a
// tagged value); no cbor-x record or shared-structure extensions.
const encoder = new Encoder({
  useRecords: false,
  mapsAsObjects: true,
  variableMapSize: true,
  tagUint8Array: false,
});
const decoder = new Decoder({ useRecords: false, mapsAsObjects: true });

const UINT32_MAX = 0xffff_ffff;

/**
 * The payload as zcbor expects its values: integers (beyond 32 bits as CBOR uint64/nint64,
 * which cbor-x would otherwise write as a float), text, bytes (copied to a plain Uint8Array so
 * no subclass path adds a tag), booleans, lists and text-keyed maps. `undefined` fields are
 * left out, as an optional field that is not set; anything else (floats, null, Date, Map) has
 * no meaning in SMP and is refused here rather than sent.
 */
function wireValue(v: unknown, path: string): unknown {
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint') return v;
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v))
      throw new ReaderError(ErrorCode.Frame_Malformed, `SMP field ${path} is not an integer (${v})`);
    return v > UINT32_MAX || v < -UINT32_MAX - 1 ? BigInt(v) : v;
  }
  if (v instanceof Uint8Array) return new Uint8Array(v);
  if (Array.isArray(v)) return v.map((x, i) => wireValue(x, `${path}[${i}]`));
  if (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      // defineProperty: a key named "__proto__" stays a key instead of replacing the prototype.
      if (x !== undefined)
        Object.defineProperty(out, k, {
          value: wireValue(x, `${path}.${k}`),
          enumerable: true,
          writable: true,
        });
    }
    return out;
  }
  throw new ReaderError(ErrorCode.Frame_Malformed, `SMP field ${path} has no CBOR form zcbor reads`);
}

export function encodeCbor(v: unknown): Uint8Array {
  return new Uint8Array(encoder.encode(wireValue(v, '$')));
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

/**
 * The error a response carries; undefined when ok. SMP v1 and handler-level failures answer
 * `{rc}` with MGMT_ERR_*; SMP v2 group errors answer `{err: {group, rc}}` with the group's own
 * code (Zephyr smp.c smp_build_err_rsp / smp_add_cmd_err).
 */
export function responseError(p: SmpPayload): { rc: number; group?: number; reason?: string } | undefined {
  const err = p.err as { group?: unknown; rc?: unknown } | undefined;
  if (err && typeof err === 'object' && typeof err.rc === 'number' && err.rc !== 0) {
    return { rc: err.rc, group: typeof err.group === 'number' ? err.group : undefined };
  }
  if (typeof p.rc === 'number' && p.rc !== 0)
    return { rc: p.rc, reason: typeof p.rsn === 'string' ? p.rsn : undefined };
  return undefined;
}
