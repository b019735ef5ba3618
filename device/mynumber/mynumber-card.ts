// The My Number card as the appliance uses it: the user-authentication certificate, the PIN
// (never locked by us: tries are checked before every VERIFY, the last try needs the
// patient's confirmation, and we never retry), a signature after VERIFY, and the card-face
// record opened with 照合番号B, its issuer signature and the chip's authenticity checked.
// The My Number application is never selected.
import { constants, createHash, createPublicKey, publicDecrypt, randomBytes, verify } from 'node:crypto';
import { find, parseTlvs, readHeader } from '../../protocol/apdu/ber-tlv.js';
import { bytesEqual, toBase64 } from '../../protocol/bytes.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { AID, apdu, digestInfoSha256, EF, FaceTag, pinBytes } from '../../protocol/mynumber/mynumber.js';
import type { CardChannel } from '../card/card-channel.js';

export type PinState =
  | { readonly kind: 'tries'; readonly left: number }
  | { readonly kind: 'blocked' }
  | { readonly kind: 'no-pin' };

export interface CardFace {
  /** JPEG 2000 bytes of the chip's face photo. A face image: never logged or stored. */
  readonly photo: Uint8Array;
  readonly birthDate: string;
  readonly expiry: string;
}

const b64url = (b: Uint8Array): string =>
  toBase64(b).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** Verifies the card-face record's DF28 with its DF24 key (see sim/card/card-face.ts). */
function recordDigest(tlvs: ReturnType<typeof parseTlvs>, record: Uint8Array): Uint8Array {
  const enc = (tag: number): Uint8Array => {
    const t = find(tlvs, tag);
    if (!t)
      throw new ReaderError(
        ErrorCode.Card_NotAuthentic,
        `the card-face record has no ${tag.toString(16).toUpperCase()}`,
      );
    return record.subarray(t.offset, t.offset + t.length);
  };
  const h = (...p: Uint8Array[]) => {
    const x = createHash('sha256');
    for (const b of p) x.update(b);
    return new Uint8Array(x.digest());
  };
  return h(
    h(enc(FaceTag.BIRTH_DATE), enc(FaceTag.SEX), enc(FaceTag.AP_PUBLIC_KEY)),
    h(enc(FaceTag.NAME_IMAGE), enc(FaceTag.ADDRESS_IMAGE)),
    h(enc(FaceTag.PHOTO)),
  );
}

type Channel = Pick<CardChannel, 'transmit' | 'expectOk' | 'readTlvFile'>;

export interface CardFaceReadOptions {
  /**
   * The photo's JPEG 2000 bytes as soon as they are read, before the rest of the record, its
   * signature and the chip's authentication: for work that may start on them (the decode, the
   * embedding), never for a decision. readCardFace's own result says whether they are the
   * card's: a record whose signed photo differs fails it.
   */
  readonly onPhoto?: (jpeg2000: Uint8Array) => void;
}

/**
 * Where DF27 (the photo) lies in the card-face record, from DF21 (the offsets of DF22..DF2A in
 * the record's body, u16 big-endian each; sim/card/card-face.ts): read first, before the rest.
 * Undefined when the first bytes do not say (the record is then read in order).
 */
function photoRange(head: Uint8Array, total: number): { start: number; end: number } | undefined {
  try {
    const rec = readHeader(head, 0);
    if (rec.tag !== FaceTag.RECORD) return undefined;
    const table = readHeader(head, rec.start);
    if (table.tag !== FaceTag.OFFSETS || table.start + table.len > head.length) return undefined;
    const at = (i: number): number | undefined =>
      2 * i + 1 < table.len ? (head[table.start + 2 * i]! << 8) | head[table.start + 2 * i + 1]! : undefined;
    const i = FaceTag.PHOTO - FaceTag.BIRTH_DATE;
    const [from, to] = [at(i), at(i + 1)];
    if (from === undefined) return undefined;
    const start = rec.start + from;
    return { start, end: to === undefined ? total : rec.start + to };
  } catch {
    return undefined;
  }
}

export class MyNumberCardApi {
  /**
   * The application this object selected last: asked for again (the certificate, then the PIN
   * state, in one card read) it is not selected again. select() sets it; any command that
   * throws (the card gone, a timeout, an unexpected status) or is answered other than 9000 or
   * 63Cx forgets it: the card may be another one now, or in a state we did not choose, and a
   * new card must be SELECTed. One object serves one operation on one card.
   */
  private selected?: Uint8Array;
  private readonly ch: Channel;

  constructor(channel: CardChannel) {
    const forgetOnThrow = <T>(p: Promise<T>): Promise<T> =>
      p.catch((e: unknown) => {
        this.selected = undefined;
        throw e;
      });
    this.ch = {
      transmit: async (...a) => {
        const r = await forgetOnThrow(channel.transmit(...a));
        if (r.sw !== 0x9000 && (r.sw & 0xfff0) !== 0x63c0) this.selected = undefined;
        return r;
      },
      expectOk: (...a) => forgetOnThrow(channel.expectOk(...a)),
      readTlvFile: (...a) => forgetOnThrow(channel.readTlvFile(...a)),
    };
  }

  private async select(aid: Uint8Array, what: string): Promise<void> {
    if (bytesEqual(aid, AID.TEXT_INPUT_ASSIST))
      throw new Error('the My Number application is never selected');
    if (this.selected && bytesEqual(this.selected, aid)) return;
    this.selected = undefined;
    const r = await this.ch.transmit(apdu.selectAid(aid));
    if (r.sw === 0x6a82)
      throw new ReaderError(ErrorCode.Card_NotMyNumber, `the card has no ${what}: not a My Number card`);
    if (r.sw !== 0x9000)
      throw new ReaderError(ErrorCode.Card_Status, `selecting the ${what} failed (${r.sw.toString(16)})`, {
        sw: r.sw,
      });
    this.selected = aid;
  }

  async readUserAuthCertificate(): Promise<Uint8Array> {
    await this.select(AID.JPKI, 'JPKI application');
    await this.ch.expectOk(apdu.selectEf(EF.JPKI_AUTH_CERT), 'selecting the user-authentication certificate');
    return this.ch.readTlvFile('the user-authentication certificate', 4096);
  }

  async readUserAuthCaCertificate(): Promise<Uint8Array> {
    await this.select(AID.JPKI, 'JPKI application');
    await this.ch.expectOk(apdu.selectEf(EF.JPKI_AUTH_CA_CERT), 'selecting the CA certificate');
    return this.ch.readTlvFile('the CA certificate', 4096);
  }

  /** Tries left on the user-authentication PIN; consumes no try. */
  async pinState(): Promise<PinState> {
    await this.select(AID.JPKI, 'JPKI application');
    const sel = await this.ch.transmit(apdu.selectEf(EF.JPKI_AUTH_PIN));
    if (sel.sw === 0x6a82) return { kind: 'no-pin' };
    if (sel.sw !== 0x9000)
      throw new ReaderError(ErrorCode.Card_Status, `selecting the PIN failed (${sel.sw.toString(16)})`);
    const r = await this.ch.transmit(apdu.triesLeft());
    if (r.sw === 0x6984 || r.sw === 0x6983) return { kind: 'blocked' };
    if ((r.sw & 0xfff0) === 0x63c0)
      return r.sw === 0x63c0 ? { kind: 'blocked' } : { kind: 'tries', left: r.sw & 0x0f };
    throw new ReaderError(ErrorCode.Card_Status, `asking the PIN's tries left got ${r.sw.toString(16)}`, {
      sw: r.sw,
    });
  }

  /**
   * One VERIFY of the PIN, never more. Checks tries left first; on the last try the caller
   * must pass `patientConfirmedLastTry`, or no VERIFY is sent at all.
   */
  async verifyPin(
    pin: string,
    opts: { patientConfirmedLastTry?: boolean } = {},
  ): Promise<{ triesLeftBefore: number }> {
    const secret = pinBytes(pin);
    const state = await this.pinState();
    if (state.kind === 'no-pin')
      throw new ReaderError(ErrorCode.Card_NoPin, 'this card has no PIN: use face or visual check');
    if (state.kind === 'blocked')
      throw new ReaderError(
        ErrorCode.Card_PinBlocked,
        'the PIN is blocked: the holder must visit the municipal office',
      );
    if (state.left === 1 && !opts.patientConfirmedLastTry) {
      throw new ReaderError(
        ErrorCode.Card_LastTryNotConfirmed,
        'one try left: the patient must confirm before the PIN is checked',
        { triesLeft: 1 },
      );
    }
    const r = await this.ch.transmit(apdu.verify(secret), true);
    if (r.sw === 0x9000) return { triesLeftBefore: state.left };
    if (r.sw === 0x6984 || r.sw === 0x63c0)
      throw new ReaderError(ErrorCode.Card_PinBlocked, 'wrong PIN; the PIN is now blocked', { triesLeft: 0 });
    if ((r.sw & 0xfff0) === 0x63c0) {
      const left = r.sw & 0x0f;
      throw new ReaderError(
        ErrorCode.Card_PinWrong,
        `wrong PIN; ${left} ${left === 1 ? 'try' : 'tries'} left`,
        { triesLeft: left },
      );
    }
    throw new ReaderError(ErrorCode.Card_Status, `VERIFY got ${r.sw.toString(16)}`, { sw: r.sw });
  }

  /** Signs a SHA-256 digest with the user-authentication key (after a successful VERIFY). */
  async signDigest(digest: Uint8Array): Promise<Uint8Array> {
    await this.ch.expectOk(apdu.selectEf(EF.JPKI_AUTH_KEY), 'selecting the user-authentication key');
    const sig = await this.ch.expectOk(
      apdu.jpkiSign(digestInfoSha256(digest)),
      'signing with the user-authentication key',
    );
    if (sig.length !== 256)
      throw new ReaderError(ErrorCode.Card_Status, `the card's signature is ${sig.length} bytes, not 256`);
    return sig;
  }

  /**
   * Opens the card-face AP with 照合番号B (14 digits, held in memory only), reads EF 0002,
   * verifies its issuer signature (DF28 with the DF24 key) and the chip's internal
   * authentication over a fresh challenge. Refuses to spend the key's last tries.
   */
  async readCardFace(keyB: string, opts: CardFaceReadOptions = {}): Promise<CardFace> {
    if (!/^\d{14}$/.test(keyB)) throw new ReaderError(ErrorCode.Usage, '照合番号B is 14 digits');
    await this.select(AID.CARD_FACE, 'card-face application');
    await this.ch.expectOk(apdu.selectEf(EF.FACE_KEY_B), 'selecting 照合番号B');
    const t = await this.ch.transmit(apdu.triesLeft());
    if (t.sw === 0x6984 || t.sw === 0x63c0)
      throw new ReaderError(ErrorCode.Card_PinBlocked, '照合番号B is blocked on this card');
    if ((t.sw & 0xfff0) === 0x63c0 && (t.sw & 0x0f) <= 1) {
      throw new ReaderError(ErrorCode.Card_KeyBWrong, '照合番号B has one try left: not spent by the reader', {
        triesLeft: 1,
      });
    }
    const v = await this.ch.transmit(apdu.verify(new TextEncoder().encode(keyB)), true);
    if ((v.sw & 0xfff0) === 0x63c0) {
      throw new ReaderError(ErrorCode.Card_KeyBWrong, '照合番号B was not accepted: re-place the card', {
        triesLeft: v.sw & 0x0f,
      });
    }
    if (v.sw !== 0x9000)
      throw new ReaderError(ErrorCode.Card_Status, `VERIFY of 照合番号B got ${v.sw.toString(16)}`, {
        sw: v.sw,
      });
    await this.ch.expectOk(apdu.selectEf(EF.FACE_RECORD), 'selecting the card-face record');
    let early: Uint8Array | undefined;
    const { onPhoto } = opts;
    const file = await this.ch.readTlvFile(
      'the card-face record',
      undefined,
      onPhoto && {
        range: photoRange,
        got: (bytes) => {
          try {
            const [t] = parseTlvs(bytes);
            if (t?.tag !== FaceTag.PHOTO) return;
            early = t.value.slice();
          } catch {
            return; // not the photo's TLV: the record is checked as a whole below
          }
          onPhoto(early);
        },
      },
    );
    const outer = parseTlvs(file);
    const rec = find(outer, FaceTag.RECORD);
    if (!rec) throw new ReaderError(ErrorCode.Card_NotAuthentic, 'EF 0002 holds no FF20 record');
    const tlvs = parseTlvs(rec.value);
    const keyTlv = find(tlvs, FaceTag.AP_PUBLIC_KEY);
    const inner = keyTlv ? parseTlvs(keyTlv.value) : [];
    const e = find(inner, 0x90)?.value;
    const n = find(inner, 0x91)?.value;
    if (!e || !n)
      throw new ReaderError(ErrorCode.Card_NotAuthentic, 'the card-face record has no RSA key in DF24');
    const key = createPublicKey({ key: { kty: 'RSA', n: b64url(n), e: b64url(e) }, format: 'jwk' });
    const sig = find(tlvs, FaceTag.SIGNATURE)?.value;
    if (!sig || !verify('sha256', recordDigest(tlvs, rec.value), key, sig)) {
      throw new ReaderError(
        ErrorCode.Card_NotAuthentic,
        'the card-face record signature (DF28) does not verify',
      );
    }
    // The chip proves it holds the AP key: sign a challenge only we know.
    const challenge = new Uint8Array(randomBytes(32));
    const auth = await this.ch.expectOk(
      apdu.internalAuth(digestInfoSha256(challenge)),
      'internal authentication',
    );
    let recovered: Uint8Array;
    try {
      recovered = new Uint8Array(publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, auth));
    } catch {
      throw new ReaderError(ErrorCode.Card_NotAuthentic, 'the chip failed internal authentication');
    }
    if (!bytesEqual(recovered, digestInfoSha256(challenge))) {
      throw new ReaderError(ErrorCode.Card_NotAuthentic, 'the chip failed internal authentication');
    }
    const text = (tag: number) => new TextDecoder().decode(find(tlvs, tag)?.value ?? new Uint8Array());
    const photo = find(tlvs, FaceTag.PHOTO)?.value;
    if (!photo)
      throw new ReaderError(ErrorCode.Card_NotAuthentic, 'the card-face record has no photo (DF27)');
    // The photo handed out early was read by DF21's offsets, which DF28 does not sign: it must be
    // the signed record's own, byte for byte, or the card is not to be trusted.
    if (early && !bytesEqual(early, photo))
      throw new ReaderError(
        ErrorCode.Card_NotAuthentic,
        "the card-face record's DF21 points elsewhere than its signed photo (DF27)",
      );
    return { photo: photo.slice(), birthDate: text(FaceTag.BIRTH_DATE), expiry: text(FaceTag.EXPIRY) };
  }
}
