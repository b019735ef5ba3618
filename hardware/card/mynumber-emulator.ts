// A My Number card that answers APDUs as the reference describes: the JPKI AP and the
// card-face AP with their files, access rules and status words, PIN and 照合番号B counters that
// persist per card, and signatures made with real RSA keys. It never sees a reader: the
// PN532 and CCID emulators carry its APDUs over their own protocols.
import { type KeyObject, privateEncrypt, constants as rsa } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeApdu, encodeResponse, SW } from '../../protocol/apdu/apdu.js';
import { bytesEqual, toHex, utf8 } from '../../protocol/bytes.js';
import { AID, cardFaceKeyB, EF, isDigestInfoSha256, toEra } from '../../protocol/mynumber/mynumber.js';
import { buildFaceRecord, type CardHolder } from './card-face.js';
import { cardFaceKey, cardUserCert, testCa } from './card-pki.js';
import { type CardProfile, holderFor, PROFILES, type ProfileName } from './card-profiles.js';

type App = 'none' | 'jpki' | 'face' | 'other';
const PIN_MAX = 3;
const KEY_B_MAX = 10;

export interface CardOptions {
  readonly stateDir: string;
  readonly cardId: string;
  readonly profile?: ProfileName;
  readonly holder?: CardHolder;
  readonly pin?: string;
  /** Long answers as 61xx + GET RESPONSE, as T=0 cards do. */
  readonly useGetResponse?: boolean;
}

export class MyNumberCard {
  readonly stats = {
    apdus: 0,
    myNumberApSelected: 0,
    pinVerifies: 0,
    keyBVerifies: 0,
    trace: [] as string[],
  };
  private app: App = 'none';
  private ef?: number;
  private pinOk = false;
  private keyBOk = false;
  private pending?: Uint8Array;
  /** Called when the card leaves the field on its own (profile removed-mid-command). */
  onRemove?: () => void;

  private constructor(
    readonly id: string,
    readonly profile: CardProfile,
    readonly holder: CardHolder,
    private readonly pin: string,
    private readonly files: { cert: Uint8Array; caCert: Uint8Array; faceRecord: Uint8Array },
    private readonly keys: { user: KeyObject; face: KeyObject },
    private readonly countersFile: string,
    private counters: { pinTries: number | null; keyBTries: number },
    private readonly useGetResponse: boolean,
  ) {}

  static async create(o: CardOptions): Promise<MyNumberCard> {
    const profile = PROFILES[o.profile ?? 'normal'];
    const holder = o.holder ?? holderFor(o.cardId);
    const dir = join(o.stateDir, 'cards', o.cardId);
    mkdirSync(dir, { recursive: true });
    const ca = await testCa(o.stateDir);
    const user = await cardUserCert(o.stateDir, o.cardId, { expired: profile.expiredCert });
    const faceKey = await cardFaceKey(o.stateDir, o.cardId);
    const recordFile = join(dir, 'face-record.bin');
    if (!existsSync(recordFile)) writeFileSync(recordFile, await buildFaceRecord(holder, faceKey));
    const countersFile = join(dir, 'counters.json');
    const counters = existsSync(countersFile)
      ? (JSON.parse(readFileSync(countersFile, 'utf8')) as { pinTries: number | null; keyBTries: number })
      : { pinTries: profile.pinTries, keyBTries: KEY_B_MAX };
    const card = new MyNumberCard(
      o.cardId,
      profile,
      holder,
      o.pin ?? '1234',
      { cert: user.certDer, caCert: ca.certDer, faceRecord: new Uint8Array(readFileSync(recordFile)) },
      { user: user.privateKey, face: faceKey },
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

  /** ATQB: 50 ‖ PUPI ‖ application data ‖ protocol info (max frame 256, ISO-DEP). */
  get atqb(): Uint8Array {
    const pupi = utf8(this.id.padEnd(4, '0')).slice(0, 4);
    return Uint8Array.of(0x50, ...pupi, 0x00, 0x00, 0x00, 0x00, 0x80, 0x81, 0xe1);
  }

  /** The card left the field: VERIFY states and selections are gone. */
  deselect(): void {
    this.app = 'none';
    this.ef = undefined;
    this.pinOk = false;
    this.keyBOk = false;
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
      if (!this.files_in(this.app).includes(fid)) return encodeResponse(new Uint8Array(), SW.FILE_NOT_FOUND);
      this.ef = fid;
      return encodeResponse(new Uint8Array(), SW.OK);
    }
    return encodeResponse(new Uint8Array(), SW.WRONG_P1P2);
  }

  private files_in(app: App): number[] {
    if (app === 'jpki') {
      const base = [EF.JPKI_AUTH_CERT, EF.JPKI_AUTH_CA_CERT, EF.JPKI_AUTH_KEY];
      return this.counters.pinTries === null ? base : [...base, EF.JPKI_AUTH_PIN];
    }
    if (app === 'face') return [EF.FACE_KEY_B, EF.FACE_KEY_A, EF.FACE_BIRTH_KEY, EF.FACE_RECORD];
    return [];
  }

  private readBinary(c: ReturnType<typeof decodeApdu>): Uint8Array {
    const none = new Uint8Array();
    const file =
      this.app === 'jpki' && this.ef === EF.JPKI_AUTH_CERT
        ? this.files.cert
        : this.app === 'jpki' && this.ef === EF.JPKI_AUTH_CA_CERT
          ? this.files.caCert
          : this.app === 'face' && this.ef === EF.FACE_RECORD
            ? this.files.faceRecord
            : undefined;
    if (this.ef === undefined) return encodeResponse(none, 0x6986);
    if (!file) return encodeResponse(none, 0x6981);
    if (this.app === 'face' && !this.keyBOk) return encodeResponse(none, SW.SECURITY_NOT_SATISFIED);
    const off = ((c.p1 & 0x7f) << 8) | c.p2;
    if (off > file.length) return encodeResponse(none, SW.WRONG_P1P2_OFFSET);
    const avail = file.length - off;
    const le = c.le ?? 0;
    // Le=00 means "up to 256"; an explicit Le beyond the end gets 6Cxx, the exact length.
    if (le !== 256 && le > avail) return encodeResponse(none, 0x6c00 | avail);
    return encodeResponse(file.slice(off, off + Math.min(le || 256, avail)), SW.OK);
  }

  private verify(c: ReturnType<typeof decodeApdu>): Uint8Array {
    const none = new Uint8Array();
    const isPin = this.app === 'jpki' && this.ef === EF.JPKI_AUTH_PIN;
    const isKeyB = this.app === 'face' && this.ef === EF.FACE_KEY_B;
    if (!isPin && !isKeyB)
      return encodeResponse(none, this.app === 'face' ? SW.SECURITY_NOT_SATISFIED : SW.REF_DATA_NOT_FOUND);
    const field = isPin ? 'pinTries' : 'keyBTries';
    const tries = this.counters[field] ?? 0;
    if (!c.data?.length) return encodeResponse(none, tries === 0 ? SW.REF_DATA_BLOCKED : 0x63c0 | tries);
    if (tries === 0) return encodeResponse(none, SW.REF_DATA_BLOCKED);
    if (isPin) this.stats.pinVerifies++;
    else this.stats.keyBVerifies++;
    const expected = utf8(isPin ? this.pin : this.chipKeyB);
    if (bytesEqual(c.data, expected)) {
      this.counters[field] = isPin ? PIN_MAX : KEY_B_MAX;
      this.saveCounters();
      if (isPin) this.pinOk = true;
      else this.keyBOk = true;
      return encodeResponse(none, SW.OK);
    }
    this.counters[field] = tries - 1;
    this.saveCounters();
    return encodeResponse(none, 0x63c0 | (tries - 1));
  }

  private sign(c: ReturnType<typeof decodeApdu>): Uint8Array {
    const none = new Uint8Array();
    const data = c.data ?? none;
    if (!isDigestInfoSha256(data)) return encodeResponse(none, 0x6a80);
    const raw = (key: KeyObject) =>
      new Uint8Array(privateEncrypt({ key, padding: rsa.RSA_PKCS1_PADDING }, data));
    if (c.p2 === 0x80 && this.app === 'jpki') {
      if (this.ef !== EF.JPKI_AUTH_KEY) return encodeResponse(none, 0x6986);
      if (!this.pinOk) return encodeResponse(none, SW.SECURITY_NOT_SATISFIED);
      return this.answer(raw(this.keys.user));
    }
    if (c.p2 === 0x00 && this.app === 'face') return this.answer(raw(this.keys.face));
    return encodeResponse(none, SW.CONDITIONS_NOT_SATISFIED);
  }
}
