// My Number card constants and pure helpers (see ../shared/reference/mynumber-card.md).

import type { CommandApdu } from '../apdu/apdu.js';
import { concatBytes, utf8 } from '../bytes.js';
import { ErrorCode, ReaderError } from '../errors.js';

export const AID = {
  JPKI: Uint8Array.of(0xd3, 0x92, 0xf0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01),
  CARD_FACE: Uint8Array.of(0xd3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x02),
  /** Holds the My Number itself: the appliance never selects it. */
  TEXT_INPUT_ASSIST: Uint8Array.of(0xd3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08),
  JUKI: Uint8Array.of(0xd3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x01),
} as const;

export const EF = {
  JPKI_AUTH_CERT: 0x000a,
  JPKI_AUTH_CA_CERT: 0x000b,
  JPKI_AUTH_KEY: 0x0017,
  JPKI_AUTH_PIN: 0x0018,
  /** Signature certificate, its CA, key and password: never touched by the reader. */
  JPKI_SIGN_CERT: 0x0001,
  JPKI_SIGN_CA_CERT: 0x0002,
  JPKI_SIGN_KEY: 0x001a,
  JPKI_SIGN_PIN: 0x001b,
  FACE_KEY_B: 0x0012,
  FACE_KEY_A: 0x0013,
  FACE_BIRTH_KEY: 0x0011,
  FACE_RECORD: 0x0002,
} as const;

/** The card's contact ATR (T=1); over a contactless reader hosts see a pseudo-ATR instead. */
export const CONTACT_ATR = Uint8Array.of(0x3b, 0xe0, 0x00, 0xff, 0x81, 0x31, 0xfe, 0x45, 0x14);

/** Tags of the card-face record EF 0002. */
export const FaceTag = {
  RECORD: 0xff20,
  OFFSETS: 0xdf21,
  BIRTH_DATE: 0xdf22,
  SEX: 0xdf23,
  AP_PUBLIC_KEY: 0xdf24,
  NAME_IMAGE: 0xdf25,
  ADDRESS_IMAGE: 0xdf26,
  PHOTO: 0xdf27,
  SIGNATURE: 0xdf28,
  EXPIRY: 0xdf29,
  SECURITY_CODE_IMAGE: 0xdf2a,
} as const;

export const apdu = {
  selectAid: (aid: Uint8Array): CommandApdu => ({ cla: 0x00, ins: 0xa4, p1: 0x04, p2: 0x0c, data: aid }),
  selectEf: (fid: number): CommandApdu => ({
    cla: 0x00,
    ins: 0xa4,
    p1: 0x02,
    p2: 0x0c,
    data: Uint8Array.of(fid >> 8, fid & 0xff),
  }),
  readBinary: (offset: number, le: number): CommandApdu => {
    if (offset < 0 || offset > 0x7fff) throw new RangeError(`READ BINARY offset ${offset} is beyond 15 bits`);
    return { cla: 0x00, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, le };
  },
  /** VERIFY with no data: asks for tries left, consumes none. */
  triesLeft: (): CommandApdu => ({ cla: 0x00, ins: 0x20, p1: 0x00, p2: 0x80 }),
  verify: (secret: Uint8Array): CommandApdu => ({ cla: 0x00, ins: 0x20, p1: 0x00, p2: 0x80, data: secret }),
  /** JPKI: sign a DigestInfo with the selected private key. */
  jpkiSign: (digestInfo: Uint8Array): CommandApdu => ({
    cla: 0x80,
    ins: 0x2a,
    p1: 0x00,
    p2: 0x80,
    data: digestInfo,
    le: 256,
  }),
  /** Card-face AP internal authentication over a DigestInfo. */
  internalAuth: (digestInfo: Uint8Array): CommandApdu => ({
    cla: 0x80,
    ins: 0x2a,
    p1: 0x00,
    p2: 0x00,
    data: digestInfo,
    le: 256,
  }),
};

const SHA256_DIGEST_INFO_PREFIX = Uint8Array.of(
  0x30,
  0x31,
  0x30,
  0x0d,
  0x06,
  0x09,
  0x60,
  0x86,
  0x48,
  0x01,
  0x65,
  0x03,
  0x04,
  0x02,
  0x01,
  0x05,
  0x00,
  0x04,
  0x20,
);

export function digestInfoSha256(digest: Uint8Array): Uint8Array {
  if (digest.length !== 32) throw new RangeError('a SHA-256 digest is 32 bytes');
  return concatBytes(SHA256_DIGEST_INFO_PREFIX, digest);
}

export function isDigestInfoSha256(b: Uint8Array): boolean {
  return b.length === 51 && SHA256_DIGEST_INFO_PREFIX.every((x, i) => b[i] === x);
}

/** A PIN as the card wants it: 4 ASCII digits. */
export function pinBytes(pin: string): Uint8Array {
  if (!/^\d{4}$/.test(pin)) throw new ReaderError(ErrorCode.Usage, 'the user-authentication PIN is 4 digits');
  return utf8(pin);
}

const ERAS = [
  { name: 'reiwa', start: new Date(Date.UTC(2019, 4, 1)), year0: 2018 },
  { name: 'heisei', start: new Date(Date.UTC(1989, 0, 8)), year0: 1988 },
  { name: 'showa', start: new Date(Date.UTC(1926, 11, 25)), year0: 1925 },
  { name: 'taisho', start: new Date(Date.UTC(1912, 6, 30)), year0: 1911 },
] as const;

export type Era = (typeof ERAS)[number]['name'];

/** Western date → Japanese era and year (平成7年 for 1995). */
export function toEra(y: number, m: number, d: number): { era: Era; year: number } {
  const t = Date.UTC(y, m - 1, d);
  const e = ERAS.find((x) => t >= x.start.getTime());
  if (!e) throw new RangeError('dates before Taisho are not supported');
  return { era: e.name, year: y - e.year0 };
}

export function fromEra(era: Era, year: number, m: number, d: number): { y: number; m: number; d: number } {
  const e = ERAS.find((x) => x.name === era);
  if (!e || year < 1) throw new RangeError(`bad era year ${era} ${year}`);
  return { y: e.year0 + year, m, d };
}

/**
 * 照合番号B: birth date as Japanese-era YYMMDD + expiry year (Western) + 4-digit security code.
 * Held only in memory by the caller; never logged.
 */
export function cardFaceKeyB(
  birth: { era: Era; year: number; month: number; day: number },
  expiryYear: number,
  securityCode: string,
): string {
  if (!/^\d{4}$/.test(securityCode)) throw new ReaderError(ErrorCode.Usage, 'the security code is 4 digits');
  if (expiryYear < 2000 || expiryYear > 2199)
    throw new ReaderError(ErrorCode.Usage, 'the expiry year is 4 digits');
  const two = (n: number) => String(n).padStart(2, '0');
  if (
    birth.year < 1 ||
    birth.year > 99 ||
    birth.month < 1 ||
    birth.month > 12 ||
    birth.day < 1 ||
    birth.day > 31
  ) {
    throw new ReaderError(ErrorCode.Usage, 'the birth date is out of range');
  }
  return `${two(birth.year)}${two(birth.month)}${two(birth.day)}${expiryYear}${securityCode}`;
}
