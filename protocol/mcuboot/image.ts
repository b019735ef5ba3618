// MCUboot images: 32-byte little-endian header, body, optional protected TLV area, TLV area.
// Parse, build and check (imgtool's layout; Ed25519 signs the 32-byte SHA-256 digest).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesEqual, concatBytes, toHex } from '../bytes.js';
import { ErrorCode, ReaderError } from '../errors.js';
import { type Ed25519, tweetnaclEd25519 } from '../link/ed25519.js';
import type { KeyPair } from '../link/keys.js';

export const IMAGE_MAGIC = 0x96f3b83d;
export const TLV_INFO_MAGIC = 0x6907;
export const TLV_PROT_INFO_MAGIC = 0x6908;
export const HEADER_BYTES = 32;

export const TlvType = {
  KEYHASH: 0x01,
  SHA256: 0x10,
  RSA2048_PSS: 0x20,
  ECDSA: 0x22,
  ED25519: 0x24,
  DEPENDENCY: 0x40,
  SEC_CNT: 0x50,
} as const;

const tlvNames = new Map<number, string>(Object.entries(TlvType).map(([k, v]) => [v, k]));
export const tlvName = (t: number): string => tlvNames.get(t) ?? `0x${t.toString(16).padStart(2, '0')}`;

export interface ImageVersion {
  readonly major: number;
  readonly minor: number;
  readonly revision: number;
  readonly build: number;
}

export function formatVersion(v: ImageVersion): string {
  return `${v.major}.${v.minor}.${v.revision}${v.build ? `+${v.build}` : ''}`;
}

export function parseVersion(s: string): ImageVersion {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:\+(\d+))?$/.exec(s);
  if (!m) throw new ReaderError(ErrorCode.Usage, `version "${s}" is not MAJOR.MINOR.REVISION[+BUILD]`);
  const v = { major: +m[1]!, minor: +m[2]!, revision: +m[3]!, build: +(m[4] ?? 0) };
  if (v.major > 255 || v.minor > 255 || v.revision > 65535 || v.build > 0xffffffff) {
    throw new ReaderError(ErrorCode.Usage, `version "${s}" is out of range (u8.u8.u16+u32)`);
  }
  return v;
}

export interface ImageHeader {
  readonly loadAddr: number;
  readonly hdrSize: number;
  readonly protectTlvSize: number;
  readonly imgSize: number;
  readonly flags: number;
  readonly version: ImageVersion;
}

export interface Tlv {
  readonly type: number;
  readonly value: Uint8Array;
  readonly protected: boolean;
}

export interface ParsedImage {
  readonly header: ImageHeader;
  readonly tlvs: readonly Tlv[];
  /** Bytes covered by the SHA256 TLV: header, body, protected TLVs. */
  readonly hashed: Uint8Array;
  readonly totalSize: number;
}

const malformed = (msg: string, context: Record<string, unknown> = {}): ReaderError =>
  new ReaderError(ErrorCode.Frame_Malformed, msg, context);

function parseTlvArea(
  img: Uint8Array,
  off: number,
  magic: number,
  isProtected: boolean,
): { tlvs: Tlv[]; end: number } {
  const dv = new DataView(img.buffer, img.byteOffset, img.byteLength);
  if (off + 4 > img.length)
    throw malformed(`TLV area truncated: no room for its 4-byte info at offset ${off}`);
  const m = dv.getUint16(off, true);
  if (m !== magic) {
    throw malformed(
      `bad TLV info magic 0x${m.toString(16)} at offset ${off} (expected 0x${magic.toString(16)})`,
    );
  }
  const total = dv.getUint16(off + 2, true);
  const end = off + total;
  if (total < 4 || end > img.length)
    throw malformed(`TLV area at offset ${off} claims ${total} bytes; the file has ${img.length - off}`);
  const tlvs: Tlv[] = [];
  for (let p = off + 4; p < end; ) {
    if (p + 4 > end) throw malformed(`TLV entry header truncated at offset ${p}`);
    const type = dv.getUint16(p, true);
    const len = dv.getUint16(p + 2, true);
    if (p + 4 + len > end)
      throw malformed(`TLV ${tlvName(type)} at offset ${p} runs past the TLV area (${len} bytes)`);
    tlvs.push({ type, value: img.slice(p + 4, p + 4 + len), protected: isProtected });
    p += 4 + len;
  }
  return { tlvs, end };
}

export function parseImage(img: Uint8Array): ParsedImage {
  if (img.length < HEADER_BYTES)
    throw malformed(`image of ${img.length} bytes is shorter than the 32-byte header`);
  const dv = new DataView(img.buffer, img.byteOffset, img.byteLength);
  const magic = dv.getUint32(0, true);
  if (magic !== IMAGE_MAGIC) {
    throw malformed(
      `bad image magic 0x${magic.toString(16).padStart(8, '0')} (expected 0x96f3b83d): not an MCUboot image`,
    );
  }
  const header: ImageHeader = {
    loadAddr: dv.getUint32(4, true),
    hdrSize: dv.getUint16(8, true),
    protectTlvSize: dv.getUint16(10, true),
    imgSize: dv.getUint32(12, true),
    flags: dv.getUint32(16, true),
    version: {
      major: img[20]!,
      minor: img[21]!,
      revision: dv.getUint16(22, true),
      build: dv.getUint32(24, true),
    },
  };
  if (header.hdrSize < HEADER_BYTES) throw malformed(`header size ${header.hdrSize} is below 32`);
  let off = header.hdrSize + header.imgSize;
  if (off > img.length)
    throw malformed(`header says ${off} bytes of header and body; the file has ${img.length}`);
  const tlvs: Tlv[] = [];
  if (header.protectTlvSize > 0) {
    const prot = parseTlvArea(img, off, TLV_PROT_INFO_MAGIC, true);
    if (prot.end - off !== header.protectTlvSize) {
      throw malformed(
        `protected TLV area is ${prot.end - off} bytes; the header says ${header.protectTlvSize}`,
      );
    }
    tlvs.push(...prot.tlvs);
    off = prot.end;
  }
  const hashed = img.slice(0, off);
  const main = parseTlvArea(img, off, TLV_INFO_MAGIC, false);
  tlvs.push(...main.tlvs);
  return { header, tlvs, hashed, totalSize: main.end };
}

export interface BuildOptions {
  readonly version: ImageVersion;
  readonly key: KeyPair;
  readonly hdrSize?: number;
  readonly loadAddr?: number;
  /** Security counter, as a protected TLV (imgtool --security-counter). */
  readonly securityCounter?: number;
  readonly ed?: Ed25519;
}

function tlvArea(magic: number, entries: readonly { type: number; value: Uint8Array }[]): Uint8Array {
  const total = 4 + entries.reduce((n, e) => n + 4 + e.value.length, 0);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint16(0, magic, true);
  dv.setUint16(2, total, true);
  let p = 4;
  for (const e of entries) {
    dv.setUint16(p, e.type, true);
    dv.setUint16(p + 2, e.value.length, true);
    out.set(e.value, p + 4);
    p += 4 + e.value.length;
  }
  return out;
}

/** imgtool sign: header + body + protected TLVs, then SHA256, KEYHASH and ED25519 TLVs. */
export function buildImage(body: Uint8Array, opts: BuildOptions): Uint8Array {
  const hdrSize = opts.hdrSize ?? 0x200;
  if (hdrSize < HEADER_BYTES) throw new ReaderError(ErrorCode.Usage, 'header size must be at least 32');
  const prot =
    opts.securityCounter === undefined
      ? new Uint8Array()
      : tlvArea(TLV_PROT_INFO_MAGIC, [{ type: TlvType.SEC_CNT, value: u32le(opts.securityCounter) }]);
  const header = new Uint8Array(hdrSize);
  const dv = new DataView(header.buffer);
  dv.setUint32(0, IMAGE_MAGIC, true);
  dv.setUint32(4, opts.loadAddr ?? 0, true);
  dv.setUint16(8, hdrSize, true);
  dv.setUint16(10, prot.length, true);
  dv.setUint32(12, body.length, true);
  dv.setUint32(16, 0, true);
  header[20] = opts.version.major;
  header[21] = opts.version.minor;
  dv.setUint16(22, opts.version.revision, true);
  dv.setUint32(24, opts.version.build, true);
  const hashed = concatBytes(header, body, prot);
  const digest = sha256(hashed);
  const signature = (opts.ed ?? tweetnaclEd25519).sign(digest, opts.key.secretKey);
  const tlvs = tlvArea(TLV_INFO_MAGIC, [
    { type: TlvType.SHA256, value: digest },
    { type: TlvType.KEYHASH, value: sha256(opts.key.publicKey) },
    { type: TlvType.ED25519, value: signature },
  ]);
  return concatBytes(hashed, tlvs);
}

function u32le(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, true);
  return b;
}

export type VerifyProblem =
  | 'no-sha256'
  | 'hash-mismatch'
  | 'no-signature'
  | 'keyhash-mismatch'
  | 'bad-signature';

export interface ImageCheck {
  readonly ok: boolean;
  readonly problems: readonly { readonly code: VerifyProblem; readonly message: string }[];
  readonly digest: Uint8Array;
  readonly image: ParsedImage;
}

/** Checks hash and signature like MCUboot's bootutil; explains each failure. */
export function verifyImage(
  img: Uint8Array,
  publicKey: Uint8Array,
  ed: Ed25519 = tweetnaclEd25519,
): ImageCheck {
  const image = parseImage(img);
  const digest = sha256(image.hashed);
  const problems: { code: VerifyProblem; message: string }[] = [];
  const tlv = (t: number): Tlv | undefined => image.tlvs.find((x) => x.type === t && !x.protected);
  const shaTlv = tlv(TlvType.SHA256);
  if (!shaTlv) problems.push({ code: 'no-sha256', message: 'the image has no SHA256 TLV' });
  else if (!bytesEqual(shaTlv.value, digest)) {
    problems.push({
      code: 'hash-mismatch',
      message: `SHA256 TLV ${toHex(shaTlv.value).slice(0, 16)}… does not match the image's ${toHex(digest).slice(0, 16)}…: the image was changed after signing`,
    });
  }
  const sig = tlv(TlvType.ED25519);
  if (!sig) problems.push({ code: 'no-signature', message: 'the image is not signed (no ED25519 TLV)' });
  else {
    const keyHash = tlv(TlvType.KEYHASH);
    if (keyHash && !bytesEqual(keyHash.value, sha256(publicKey))) {
      problems.push({
        code: 'keyhash-mismatch',
        message: 'the image was signed with another key (KEYHASH differs)',
      });
    }
    if (sig.value.length !== 64 || !ed.verify(digest, sig.value, publicKey)) {
      problems.push({
        code: 'bad-signature',
        message: 'the ED25519 signature does not verify with this public key',
      });
    }
  }
  return { ok: problems.length === 0, problems, digest, image };
}

/** The SHA256 TLV value: what an SMP image list reports as the image's hash. */
export function imageHash(img: Uint8Array): Uint8Array {
  const t = parseImage(img).tlvs.find((x) => x.type === TlvType.SHA256);
  if (!t) throw malformed('the image has no SHA256 TLV');
  return t.value;
}
