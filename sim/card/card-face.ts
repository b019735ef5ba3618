// The card-face record (券面事項確認AP EF 0002) as an issuer writes it: BER-TLV FF20 with the
// birth date, sex, the AP's RSA public key, name and address images, the face photo as
// greyscale JPEG 2000, the issuer signature, the expiry and the security-code image.
import { createHash, createPublicKey, type KeyObject, sign } from 'node:crypto';
import sharp from 'sharp';
import { encodeJ2kGrey } from '../../device/image/jpeg2000.js';
import { encodeTlv } from '../../protocol/apdu/ber-tlv.js';
import { concatBytes, fromBase64, utf8 } from '../../protocol/bytes.js';
import { FaceTag } from '../../protocol/mynumber/mynumber.js';

export interface CardHolder {
  readonly name: string;
  readonly birth: { readonly y: number; readonly m: number; readonly d: number };
  readonly sex: 1 | 2;
  readonly address: string;
  readonly expiryYear: number;
  /** 4 digits printed on the card face. */
  readonly securityCode: string;
  /** A photo file (any format sharp reads). */
  readonly photo: string;
}

export const PHOTO_SIZE = { width: 144, height: 180 } as const;

async function textPng(text: string, width: number, height: number): Promise<Uint8Array> {
  const esc = text.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/><text x="4" y="${height - 8}" font-family="sans-serif" font-size="${height - 12}" fill="black">${esc}</text></svg>`;
  return new Uint8Array(
    await sharp(Buffer.from(svg)).greyscale().png({ compressionLevel: 9, palette: true }).toBuffer(),
  );
}

export async function chipPhoto(photo: string): Promise<Uint8Array> {
  const { data } = await sharp(photo)
    .greyscale()
    .resize(PHOTO_SIZE.width, PHOTO_SIZE.height, { fit: 'cover', position: 'attention' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return encodeJ2kGrey(new Uint8Array(data), PHOTO_SIZE.width, PHOTO_SIZE.height);
}

/** RSA public key as DF24 holds it: 90 exponent, 91 modulus. */
function rsaPublicKeyTlvs(key: KeyObject): Uint8Array {
  const jwk = createPublicKey(key).export({ format: 'jwk' }) as { n: string; e: string };
  const b64 = (s: string) =>
    fromBase64(
      s
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(s.length / 4) * 4, '='),
    );
  return concatBytes(encodeTlv(0x90, b64(jwk.e)), encodeTlv(0x91, b64(jwk.n)));
}

const sha256 = (...parts: Uint8Array[]): Uint8Array => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

/**
 * The digest DF28 signs: SHA-256 over the three group digests H(DF22‖DF23‖DF24),
 * H(DF25‖DF26), H(DF27), as encoded TLVs. (Public sources say "three separately hashed
 * groups"; this is how the emulator and the appliance agree to combine them.)
 */
export function faceRecordDigest(groups: {
  df22: Uint8Array;
  df23: Uint8Array;
  df24: Uint8Array;
  df25: Uint8Array;
  df26: Uint8Array;
  df27: Uint8Array;
}): Uint8Array {
  return sha256(
    sha256(groups.df22, groups.df23, groups.df24),
    sha256(groups.df25, groups.df26),
    sha256(groups.df27),
  );
}

export async function buildFaceRecord(holder: CardHolder, apKey: KeyObject): Promise<Uint8Array> {
  const two = (n: number) => String(n).padStart(2, '0');
  const df22 = encodeTlv(
    FaceTag.BIRTH_DATE,
    utf8(`${holder.birth.y}${two(holder.birth.m)}${two(holder.birth.d)}`),
  );
  const df23 = encodeTlv(FaceTag.SEX, utf8(String(holder.sex)));
  const df24 = encodeTlv(FaceTag.AP_PUBLIC_KEY, rsaPublicKeyTlvs(apKey));
  const df25 = encodeTlv(FaceTag.NAME_IMAGE, await textPng(holder.name, 240, 28));
  const df26 = encodeTlv(FaceTag.ADDRESS_IMAGE, await textPng(holder.address, 320, 24));
  const df27 = encodeTlv(FaceTag.PHOTO, await chipPhoto(holder.photo));
  const signature = sign('sha256', faceRecordDigest({ df22, df23, df24, df25, df26, df27 }), apKey);
  const df28 = encodeTlv(FaceTag.SIGNATURE, new Uint8Array(signature));
  const df29 = encodeTlv(
    FaceTag.EXPIRY,
    utf8(`${holder.expiryYear}${two(holder.birth.m)}${two(holder.birth.d)}`),
  );
  const df2a = encodeTlv(FaceTag.SECURITY_CODE_IMAGE, await textPng(holder.securityCode, 80, 24));
  const items = [df22, df23, df24, df25, df26, df27, df28, df29, df2a];
  // DF21: offsets of DF22..DF2A inside the record body, u16 big-endian each.
  const tableLen = 3 + items.length * 2; // DF21 tag (2) + length (1) + its entries
  const offsets: number[] = [];
  let o = tableLen;
  for (const it of items) {
    offsets.push(o >> 8, o & 0xff);
    o += it.length;
  }
  const record = encodeTlv(
    FaceTag.RECORD,
    concatBytes(encodeTlv(FaceTag.OFFSETS, Uint8Array.from(offsets)), ...items),
  );
  if (record.length > 0x7fff)
    throw new RangeError(`card-face record of ${record.length} bytes does not fit below 0x7FFF`);
  return record;
}
