// MCUboot image format constants and field types (bootutil/image.h, imgtool/image.py).
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { ErrorCode, ReaderError } from '../errors.js';

export const IMAGE_MAGIC = 0x96f3b83d;
export const TLV_INFO_MAGIC = 0x6907;
export const TLV_PROT_INFO_MAGIC = 0x6908;
export const HEADER_BYTES = 32;
/** What imgtool fills the inserted header and the slot padding with: erased NOR flash. */
export const ERASED = 0xff;

export const TlvType = {
  KEYHASH: 0x01,
  PUBKEY: 0x02,
  SHA256: 0x10,
  SHA384: 0x11,
  SHA512: 0x12,
  RSA2048_PSS: 0x20,
  ECDSA_SIG: 0x22,
  RSA3072_PSS: 0x23,
  ED25519: 0x24,
  SIG_PURE: 0x25,
  ENC_RSA2048: 0x30,
  ENC_KW: 0x31,
  ENC_EC256: 0x32,
  ENC_X25519: 0x33,
  DEPENDENCY: 0x40,
  SEC_CNT: 0x50,
  BOOT_RECORD: 0x60,
} as const;

/** imgtool dumpinfo's names, so our output reads like theirs. */
const tlvNames = new Map<number, string>([
  [TlvType.KEYHASH, 'KEYHASH'],
  [TlvType.PUBKEY, 'PUBKEY'],
  [TlvType.SHA256, 'SHA256'],
  [TlvType.SHA384, 'SHA384'],
  [TlvType.SHA512, 'SHA512'],
  [TlvType.RSA2048_PSS, 'RSA2048'],
  [TlvType.ECDSA_SIG, 'ECDSASIG'],
  [TlvType.RSA3072_PSS, 'RSA3072'],
  [TlvType.ED25519, 'ED25519'],
  [TlvType.SIG_PURE, 'SIG_PURE'],
  [TlvType.ENC_RSA2048, 'ENCRSA2048'],
  [TlvType.ENC_KW, 'ENCKW'],
  [TlvType.ENC_EC256, 'ENCEC256'],
  [TlvType.ENC_X25519, 'ENCX25519'],
  [TlvType.DEPENDENCY, 'DEPENDENCY'],
  [TlvType.SEC_CNT, 'SEC_CNT'],
  [TlvType.BOOT_RECORD, 'BOOT_RECORD'],
]);
export const tlvName = (t: number): string => tlvNames.get(t) ?? `0x${t.toString(16).padStart(2, '0')}`;

export const ImageFlag = {
  PIC: 0x01,
  ENCRYPTED_AES128: 0x04,
  ENCRYPTED_AES256: 0x08,
  NON_BOOTABLE: 0x10,
  RAM_LOAD: 0x20,
  ROM_FIXED: 0x100,
} as const;

export function flagNames(flags: number): string[] {
  return Object.entries(ImageFlag)
    .filter(([, bit]) => (flags & bit) !== 0)
    .map(([name]) => name);
}

export type HashAlgorithm = 'sha256' | 'sha384' | 'sha512';

export const hashTlvOf: Record<HashAlgorithm, number> = {
  sha256: TlvType.SHA256,
  sha384: TlvType.SHA384,
  sha512: TlvType.SHA512,
};

const hashFns: Record<HashAlgorithm, (b: Uint8Array) => Uint8Array> = {
  sha256: (b) => sha256(b),
  sha384: (b) => sha384(b),
  sha512: (b) => sha512(b),
};

export const digestOf = (alg: HashAlgorithm, bytes: Uint8Array): Uint8Array => hashFns[alg](bytes);

export function hashAlgorithmOfTlv(type: number): HashAlgorithm | undefined {
  if (type === TlvType.SHA256) return 'sha256';
  if (type === TlvType.SHA384) return 'sha384';
  if (type === TlvType.SHA512) return 'sha512';
  return undefined;
}

/** The signature algorithms MCUboot builds for (one per bootloader build). */
export type SignatureAlgorithm = 'ed25519' | 'ecdsa' | 'rsa2048-pss' | 'rsa3072-pss';

export const signatureTlvOf: Record<SignatureAlgorithm, number> = {
  ed25519: TlvType.ED25519,
  ecdsa: TlvType.ECDSA_SIG,
  'rsa2048-pss': TlvType.RSA2048_PSS,
  'rsa3072-pss': TlvType.RSA3072_PSS,
};

export function signatureAlgorithmOfTlv(type: number): SignatureAlgorithm | undefined {
  for (const [alg, t] of Object.entries(signatureTlvOf)) if (t === type) return alg as SignatureAlgorithm;
  return undefined;
}

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
    throw new ReaderError(
      ErrorCode.Usage,
      `version "${s}" is out of range: the header holds u8.u8.u16+u32 (at most 255.255.65535+4294967295)`,
    );
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
