// A My Number card that answers APDUs as the reference describes: the JPKI AP (both key pairs,
// the PIN and the signature password) and the card-face AP with their files, access rules and
// status words, counters that persist per card, and signatures made with real RSA keys. It never sees a reader: the
// PN532 and CCID emulators carry its APDUs over their own protocols.
import { type KeyObject, privateEncrypt, constants as rsa } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeApdu, encodeResponse, SW } from '../../protocol/apdu/apdu.js';
import { bytesEqual, toHex, utf8 } from '../../protocol/bytes.js';
import { parseDigestInfo } from '../../protocol/mynumber/digest-info.js';
import {
  AID,
  CONTACT_ATR,
  cardFaceKeyB,
  EF,
  isDigestInfoSha256,
  toEra,
} from '../../protocol/mynumber/mynumber.js';
import { buildFaceRecord, type CardHolder } from './card-face.js';
import { cardFaceKey, cardSignCert, cardUserCert, testCa, testSignCa } from './card-pki.js';
import { type CardProfile, holderFor, PROFILES, type ProfileName } from './card-profiles.js';

type App = 'none' | 'jpki' | 'face' | 'other';
const PIN_MAX = 3;
const SIGN_PIN_MAX = 5;
const KEY_B_MAX = 10;

/** The counters a card keeps across power cycles (counters.json in its state folder). */
export interface CardCounters {
  pinTries: number | null;
  signPinTries: number;
  keyBTries: number;
}

type Secret = 'pin' | 'signPin' | 'keyB';
const COUNTER: Record<Secret, 'pinTries' | 'signPinTries' | 'keyBTries'> = {
  pin: 'pinTries',
  signPin: 'signPinTries',
  keyB: 'keyBTries',
};
const MAX: Record<Secret, number> = { pin: PIN_MAX, signPin: SIGN_PIN_MAX, keyB: KEY_B_MAX };

/** What an EF is: data READ BINARY gives (maybe behind a secret), a key, or a secret. */
type CardFile =
  | { readonly kind: 'binary'; readonly data: Uint8Array; readonly after?: Secret }
  | { readonly kind: 'key'; readonly key: KeyObject; readonly after: Secret }
  | { readonly kind: 'secret'; readonly secret: Secret }
  /** Present and selectable, but nothing the emulator lets a host use (照合番号A, birth-date key). */
  | { readonly kind: 'unusable' };

export interface CardOptions {
  readonly stateDir: string;
  readonly cardId: string;
  readonly profile?: ProfileName;
  readonly holder?: CardHolder;
  readonly pin?: string;
  /** The signature password (6-16 upper-case letters and digits) [ABC123]. */
  readonly signPin?: string;
  /** Start from the profile's counters, forgetting what earlier runs did to this card. */
  readonly resetCounters?: boolean;
  /** Long answers as 61xx + GET RESPONSE, as T=0 cards do. */
  readonly useGetResponse?: boolean;
}

export class MyNumberCard {
  readonly stats = {
    apdus: 0,
    myNumberApSelected: 0,
    pinVerifies: 0,
    signPinVerifies: 0,
    keyBVerifies: 0,
    trace: [] as string[],
  };
  private app: App = 'none';
  private ef?: number;
  private verified = new Set<Secret>();
  private pending?: Uint8Array;
  /** Called when the card leaves the field on its own (profile removed-mid-command). */
  onRemove?: () => void;

  private constructor(
    readonly id: string,
    readonly profile: CardProfile,
    readonly holder: CardHolder,
    private readonly secrets: { pin: string; signPin: string },
    private readonly jpkiFiles: ReadonlyMap<number, CardFile>,
    private readonly faceFiles: ReadonlyMap<number, CardFile>,
    private readonly faceKey: KeyObject,
    private readonly countersFile: string,
    private counters: CardCounters,
    private readonly useGetResponse: boolean,
  ) {}

  static async create(o: CardOptions): Promise<MyNumberCard> {
    const profile = PROFILES[o.profile ?? 'normal'];
    const holder = o.holder ?? holderFor(o.cardId);
    const dir = join(o.stateDir, 'cards', o.cardId);
    mkdirSync(dir, { recursive: true });
    // The CAs first (the cards' certificates need them on disk), then the card's three RSA
    // keys side by side: key generation dominates making a card.
    const [ca, signCa] = await Promise.all([testCa(o.stateDir), testSignCa(o.stateDir)]);
    const [user, signer, faceKey] = await Promise.all([
      cardUserCert(o.stateDir, o.cardId, { expired: profile.expiredCert }),
      cardSignCert(o.stateDir, o.cardId, holder.name),
      cardFaceKey(o.stateDir, o.cardId),
    ]);
    const recordFile = join(dir, 'face-record.bin');
    if (!existsSync(recordFile)) writeFileSync(recordFile, await buildFaceRecord(holder, faceKey));
    const countersFile = join(dir, 'counters.json');
    const fresh: CardCounters = {
      pinTries: profile.pinTries,
      signPinTries: profile.signPinTries ?? SIGN_PIN_MAX,
      keyBTries: KEY_B_MAX,
    };
    // Files written before the signature password existed lack its counter.
    const counters: CardCounters =
      existsSync(countersFile) && !o.resetCounters
        ? { ...fresh, ...(JSON.parse(readFileSync(countersFile, 'utf8')) as Partial<CardCounters>) }
        : fresh;
    const jpki = new Map<number, CardFile>([
      [EF.JPKI_AUTH_CERT, { kind: 'binary', data: user.certDer }],
      [EF.JPKI_AUTH_CA_CERT, { kind: 'binary', data: ca.certDer }],
      [EF.JPKI_AUTH_KEY, { kind: 'key', key: user.privateKey, after: 'pin' }],
      [EF.JPKI_SIGN_CERT, { kind: 'binary', data: signer.certDer, after: 'signPin' }],
      [EF.JPKI_SIGN_CA_CERT, { kind: 'binary', data: signCa.certDer }],
      [EF.JPKI_SIGN_KEY, { kind: 'key', key: signer.privateKey, after: 'signPin' }],
      [EF.JPKI_SIGN_PIN, { kind: 'secret', secret: 'signPin' }],
    ]);
    // 顔認証マイナンバーカード: no PIN file at all.
    if (counters.pinTries !== null) jpki.set(EF.JPKI_AUTH_PIN, { kind: 'secret', secret: 'pin' });
    const face = new Map<number, CardFile>([
      [EF.FACE_KEY_B, { kind: 'secret', secret: 'keyB' }],
      // 照合番号A and the birth-date key exist but the emulator never accepts them.
      [EF.FACE_KEY_A, { kind: 'unusable' }],
      [EF.FACE_BIRTH_KEY, { kind: 'unusable' }],
      [EF.FACE_RECORD, { kind: 'binary', data: new Uint8Array(readFileSync(recordFile)), after: 'keyB' }],
    ]);
    const card = new MyNumberCard(
      o.cardId,
      profile,
      holder,
      { pin: o.pin ?? '1234', signPin: o.signPin ?? 'ABC123' },
      jpki,
      face,
      faceKey,
      countersFile,
      counters,
      o.useGetResponse ?? false,
    );
    card.saveCounters();
    return card;
  }

  /** What the card face shows: the 14 digits a camera reads (照合番号B as printed). */
  get printedKeyB(): string {
    const b = this.holder.birth;
    const era = toEra(b.y, b.m, b.d);
    return cardFaceKeyB(
      { era: era.era, year: era.year, month: b.m, day: b.d },
      this.holder.expiryYear,
      this.holder.securityCode,
    );
  }

  /** The key the chip checks: the printed one, except on the wrong-key-b profile. */
  private get chipKeyB(): string {
    const k = this.printedKeyB;
    return this.profile.keyBMismatch ? `${k.slice(0, 13)}${(Number(k[13]) + 1) % 10}` : k;
  }

  get pinTriesLeft(): number | null {
    return this.counters.pinTries;
  }

  /** A copy of the counters as they are now (what counters.json holds). */
  get counterValues(): CardCounters {
    return { ...this.counters };
  }

  /** The ATR a contact reader sees. */
  get contactAtr(): Uint8Array {
    return CONTACT_ATR.slice();
  }

  /** ATQB: 50 ‖ PUPI ‖ application data ‖ protocol info (max frame 256, ISO-DEP). */
  get atqb(): Uint8Array {
    const pupi = utf8(this.id.padEnd(4, '0')).slice(0, 4);
    return Uint8Array.of(0x50, ...pupi, 0x00, 0x00, 0x00, 0x00, 0x80, 0x81, 0xe1);
  }

  /** The card left the field: VERIFY states and selections are gone. */
  deselect(): void {
    this.app = 'none';
    this.ef = undefined;
    this.verified.clear();
    this.pending = undefined;
  }

  private saveCounters(): void {
    writeFileSync(this.countersFile, JSON.stringify(this.counters));
  }

  /** Handles one C-APDU; undefined when the card left the field during it. */
  process(bytes: Uint8Array): Uint8Array | undefined {
    this.stats.apdus++;
    if (this.profile.removeAtApdu === this.stats.apdus) {
      this.onRemove?.();
      return undefined;
    }
    let r: Uint8Array;
    try {
      r = this.handle(decodeApdu(bytes));
    } catch {
      r = encodeResponse(new Uint8Array(), SW.WRONG_LENGTH);
    }
    // The trace never holds VERIFY data (PIN, 照合番号B).
    this.stats.trace.push(`${toHex(bytes.subarray(0, 4))} -> ${toHex(r.subarray(r.length - 2))}`);
    return r;
  }

  private answer(data: Uint8Array): Uint8Array {
    if (this.useGetResponse && data.length > 0) {
      this.pending = data;
      return encodeResponse(new Uint8Array(), 0x6100 | (data.length >= 256 ? 0 : data.length));
    }
    return encodeResponse(data, SW.OK);
  }

  private handle(c: ReturnType<typeof decodeApdu>): Uint8Array {
    const sw = (s: number) => encodeResponse(new Uint8Array(), s);
    if (c.ins === 0xc0 && c.cla === 0x00) {
      if (!this.pending) return sw(SW.CONDITIONS_NOT_SATISFIED);
      const n = Math.min(c.le || 256, this.pending.length);
      const out = this.pending.slice(0, n);
      this.pending = this.pending.length > n ? this.pending.slice(n) : undefined;
      return encodeResponse(out, this.pending ? 0x6100 | Math.min(this.pending.length, 0xff) : SW.OK);
    }
    this.pending = undefined;
    if (c.cla === 0x00 && c.ins === 0xa4) return this.select(c);
    if (c.cla === 0x00 && c.ins === 0xb0) return this.readBinary(c);
    if (c.cla === 0x00 && c.ins === 0x20) return this.verify(c);
    if (c.cla === 0x80 && c.ins === 0x2a) return this.sign(c);
    if (c.cla !== 0x00 && c.cla !== 0x80) return sw(SW.CLA_NOT_SUPPORTED);
    return sw(SW.INS_NOT_SUPPORTED);
  }

  private filesOf(app: App): ReadonlyMap<number, CardFile> {
    return app === 'jpki' ? this.jpkiFiles : app === 'face' ? this.faceFiles : new Map();
  }

  private select(c: ReturnType<typeof decodeApdu>): Uint8Array {
    const data = c.data ?? new Uint8Array();
    if (c.p1 === 0x04) {
      const apps: [Uint8Array, App][] = [
        [AID.JPKI, 'jpki'],
        [AID.CARD_FACE, 'face'],
        [AID.TEXT_INPUT_ASSIST, 'other'],
        [AID.JUKI, 'other'],
      ];
      const hit = apps.find(([aid]) => bytesEqual(aid, data));
      if (!hit) return encodeResponse(new Uint8Array(), SW.FILE_NOT_FOUND);
      if (bytesEqual(hit[0], AID.TEXT_INPUT_ASSIST)) this.stats.myNumberApSelected++;
      this.app = hit[1];
      this.ef = undefined;
      return encodeResponse(new Uint8Array(), SW.OK);
    }
    if (c.p1 === 0x02 && data.length === 2) {
      const fid = (data[0]! << 8) | data[1]!;
      if (!this.filesOf(this.app).has(fid)) return encodeResponse(new Uint8Array(), SW.FILE_NOT_FOUND);
      this.ef = fid;
      return encodeResponse(new Uint8Array(), SW.OK);
    }
    return encodeResponse(new Uint8Array(), SW.WRONG_P1P2);
  }

  private readBinary(c: ReturnType<typeof decodeApdu>): Uint8Array {
    const none = new Uint8Array();
    let off: number;
    if (c.p1 & 0x80) {
      // ISO 7816-4: P1 = 100xxxxx names the EF by its short identifier (the low five bits of
      // its FID here), which becomes the current EF; P2 is then the offset.
      if (c.p1 & 0x60) return encodeResponse(none, SW.WRONG_P1P2);
      const sfi = c.p1 & 0x1f;
      if (sfi === 0 || !this.filesOf(this.app).has(sfi)) return encodeResponse(none, SW.FILE_NOT_FOUND);
      this.ef = sfi;
      off = c.p2;
    } else {
      off = (c.p1 << 8) | c.p2;
    }
    if (this.ef === undefined) return encodeResponse(none, 0x6986);
    const file = this.filesOf(this.app).get(this.ef);
    if (file?.kind !== 'binary') return encodeResponse(none, 0x6981);
    if (file.after && !this.verified.has(file.after)) return encodeResponse(none, SW.SECURITY_NOT_SATISFIED);
    const data = file.data;
    if (off > data.length) return encodeResponse(none, SW.WRONG_P1P2_OFFSET);
    const avail = data.length - off;
    // ISO 7816-4: Le 00 (short) or 0000 (extended) asks for everything up to 256 / 65536 bytes,
    // fewer at the end of the file is no error. An explicit Le beyond the end: short, 6Cxx
    // with the exact length (xx is one byte: short only); extended, the bytes there with 6282
    // (end of file reached before Ne bytes). No Le: up to 256, as before.
    const le = c.le || 256;
    const max = c.extended ? 65536 : 256;
    if (le !== max && le > avail) {
      if (!c.extended) return encodeResponse(none, 0x6c00 | avail);
      return encodeResponse(data.slice(off), 0x6282);
    }
    return encodeResponse(data.slice(off, off + Math.min(le, avail)), SW.OK);
  }

  private verify(c: ReturnType<typeof decodeApdu>): Uint8Array {
    const none = new Uint8Array();
    const file = this.ef === undefined ? undefined : this.filesOf(this.app).get(this.ef);
    if (file?.kind !== 'secret')
      return encodeResponse(none, this.app === 'face' ? SW.SECURITY_NOT_SATISFIED : SW.REF_DATA_NOT_FOUND);
    const secret = file.secret;
    const field = COUNTER[secret];
    const tries = this.counters[field] ?? 0;
    // The tries query answers 63 C0 on a blocked secret (OpenSC's jpki driver binds only on
    // SW1 63); a VERIFY with data on it gets 69 84.
    if (!c.data?.length) return encodeResponse(none, 0x63c0 | tries);
    if (tries === 0) return encodeResponse(none, SW.REF_DATA_BLOCKED);
    if (secret === 'pin') this.stats.pinVerifies++;
    else if (secret === 'signPin') this.stats.signPinVerifies++;
    else this.stats.keyBVerifies++;
    const expected = utf8(
      secret === 'pin' ? this.secrets.pin : secret === 'signPin' ? this.secrets.signPin : this.chipKeyB,
    );
    if (bytesEqual(c.data, expected)) {
      this.counters[field] = MAX[secret];
      this.saveCounters();
      this.verified.add(secret);
      return encodeResponse(none, SW.OK);
    }
    this.verified.delete(secret);
    this.counters[field] = tries - 1;
    this.saveCounters();
    return encodeResponse(none, 0x63c0 | (tries - 1));
  }

  private sign(c: ReturnType<typeof decodeApdu>): Uint8Array {
    const none = new Uint8Array();
    const data = c.data ?? none;
    const raw = (key: KeyObject) =>
      new Uint8Array(privateEncrypt({ key, padding: rsa.RSA_PKCS1_PADDING }, data));
    if (c.p2 === 0x80 && this.app === 'jpki') {
      const file = this.ef === undefined ? undefined : this.jpkiFiles.get(this.ef);
      if (file?.kind !== 'key') return encodeResponse(none, 0x6986);
      if (!this.verified.has(file.after)) return encodeResponse(none, SW.SECURITY_NOT_SATISFIED);
      // JPKI keys sign any DigestInfo the host hashed (SHA-1 to SHA-512), nothing else.
      if (!parseDigestInfo(data)) return encodeResponse(none, 0x6a80);
      return this.answer(raw(file.key));
    }
    if (c.p2 === 0x00 && this.app === 'face') {
      if (!isDigestInfoSha256(data)) return encodeResponse(none, 0x6a80);
      return this.answer(raw(this.faceKey));
    }
    return encodeResponse(none, SW.CONDITIONS_NOT_SATISFIED);
  }
}
