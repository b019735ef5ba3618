// An APDU channel to the card, independent of the module: 61xx (GET RESPONSE) and 6Cxx (wrong
// Le) handled here once, long files read by offset, and an APDU trace without secrets.
import {
  type CommandApdu,
  decodeResponse,
  encodeApdu,
  type ResponseApdu,
  swMeaning,
} from '../../protocol/apdu/apdu.js';
import { encodedLength } from '../../protocol/apdu/ber-tlv.js';
import { concatBytes, toHex } from '../../protocol/bytes.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { apdu as cmd } from '../../protocol/mynumber/mynumber.js';
import type { CardModule } from './card-module.js';

export interface TraceEntry {
  readonly command: string;
  readonly sw: string;
  readonly responseBytes: number;
  readonly ms: number;
}

export class CardChannel {
  readonly trace: TraceEntry[] = [];
  /** The card refused an extended-length READ BINARY once: it is not asked again. */
  private shortReadsOnly = false;

  constructor(
    private readonly module: CardModule,
    private readonly opts: {
      signal?: AbortSignal;
      timeoutMs?: number;
      onTrace?: (e: TraceEntry) => void;
    } = {},
  ) {}

  /** Exchanges one command; follows 61xx and 6Cxx. `secret` keeps the data out of the trace. */
  async transmit(c: CommandApdu, secret = false): Promise<ResponseApdu> {
    let r = await this.raw(c, secret);
    // 6Cxx asks for the same command again with Le = xx; never a VERIFY (INS 20): sent twice it
    // would spend a second PIN try, and a VERIFY has no Le to correct.
    if (r.sw >> 8 === 0x6c && c.ins !== 0x20) r = await this.raw({ ...c, le: r.sw & 0xff || 256 }, secret);
    let data = r.data;
    let guard = 0;
    while (r.sw >> 8 === 0x61) {
      if (++guard > 64) throw new ReaderError(ErrorCode.Card_Status, 'the card keeps answering 61xx');
      r = await this.raw({ cla: 0x00, ins: 0xc0, p1: 0, p2: 0, le: r.sw & 0xff || 256 }, false);
      data = concatBytes(data, r.data);
    }
    return { data, sw: r.sw };
  }

  private async raw(c: CommandApdu, secret: boolean): Promise<ResponseApdu> {
    const t0 = performance.now();
    const bytes = encodeApdu(c);
    const r = decodeResponse(
      await this.module.transmit(bytes, { signal: this.opts.signal, timeoutMs: this.opts.timeoutMs }),
    );
    const e: TraceEntry = {
      command: secret ? `${toHex(bytes.subarray(0, 5))} [data withheld]` : toHex(bytes),
      sw: r.sw.toString(16).padStart(4, '0'),
      responseBytes: r.data.length,
      ms: Math.round((performance.now() - t0) * 10) / 10,
    };
    this.trace.push(e);
    this.opts.onTrace?.(e);
    return r;
  }

  /** Like transmit, but anything other than 9000 is an error naming the status word. */
  async expectOk(c: CommandApdu, what: string, secret = false): Promise<Uint8Array> {
    const r = await this.transmit(c, secret);
    if (r.sw !== 0x9000) {
      throw new ReaderError(
        ErrorCode.Card_Status,
        `${what}: the card answered ${r.sw.toString(16)} (${swMeaning(r.sw)})`,
        { sw: r.sw },
      );
    }
    return r.data;
  }

  /**
   * Reads the selected EF holding one BER-TLV object: a first READ BINARY as large as the module
   * returns unchained, for the length; the rest in as few READ BINARYs as the module carries. A
   * module that chains long answers (the PN532's MI bit) gets the rest in extended-length READ
   * BINARYs: every further 250 bytes then cost the PN532 a three-byte "next part" frame instead of
   * a whole APDU the card must parse and answer (the card-face record is ~70 of them).
   *
   * `first`: a part wanted before the rest (the chip photo, decoded and embedded while the rest
   * comes in). Its range is asked for with the first read's bytes; one inside the file and past
   * them is read right after it and handed to `got` (a view into the file being read), then the
   * rest in order. No range, or one outside: the file in order.
   */
  async readTlvFile(
    what: string,
    maxBytes = 0x7fff,
    first?: {
      range(head: Uint8Array, total: number): { readonly start: number; readonly end: number } | undefined;
      got(bytes: Uint8Array): void;
    },
  ): Promise<Uint8Array> {
    // A short file answers the full-sized first read with 6Cxx, followed in transmit.
    const step = Math.min(256, this.module.maxResponseData);
    const head = await this.expectOk(cmd.readBinary(0, step), `reading ${what}`);
    const total = encodedLength(head);
    if (total > maxBytes)
      throw new ReaderError(ErrorCode.Card_Status, `${what} claims ${total} bytes, more than ${maxBytes}`);
    const file = new Uint8Array(total);
    const have = Math.min(head.length, total);
    file.set(head.subarray(0, have));
    const r = first?.range(file.subarray(0, have), total);
    if (
      r &&
      Number.isInteger(r.start) &&
      Number.isInteger(r.end) &&
      have <= r.start &&
      r.start < r.end &&
      r.end <= total
    ) {
      await this.readInto(file, r.start, r.end, what);
      first!.got(file.subarray(r.start, r.end));
      await this.readInto(file, have, r.start, what);
      await this.readInto(file, r.end, total, what);
    } else await this.readInto(file, have, total, what);
    return file;
  }

  /** Bytes [from, to) of the selected EF into `file`, in as few READ BINARYs as the module carries. */
  private async readInto(file: Uint8Array, from: number, to: number, what: string): Promise<void> {
    const step = Math.min(256, this.module.maxResponseData);
    const chained = this.module.maxChainedResponse ?? 0;
    let have = from;
    while (have < to) {
      const rest = to - have;
      if (rest > step && chained > step && !this.shortReadsOnly) {
        // Le is exactly what is left (or the module's bound): never past the end of the range.
        const r = await this.transmit(cmd.readBinary(have, Math.min(rest, chained)));
        if (r.sw === 0x9000 && r.data.length > 0) {
          const n = Math.min(r.data.length, rest);
          file.set(r.data.subarray(0, n), have);
          have += n;
          continue;
        }
        // A card without extended length (6700, 6A86, …): short reads from here on, for this
        // card. A READ BINARY changes nothing on the card, so asking again is harmless.
        this.shortReadsOnly = true;
        continue;
      }
      const part = await this.expectOk(
        cmd.readBinary(have, Math.min(step, rest)),
        `reading ${what} at ${have}`,
      );
      if (part.length === 0)
        throw new ReaderError(ErrorCode.Card_Status, `${what} ended at ${have} of ${file.length} bytes`);
      const n = Math.min(part.length, rest);
      file.set(part.subarray(0, n), have);
      have += n;
    }
  }
}
