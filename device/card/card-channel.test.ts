// CardChannel.readTlvFile against a small card that keeps one BER-TLV file: extended-length
// reads when the module chains long answers, and short reads again for a card that refuses them;
// a part asked for first (the chip photo) read before the rest.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { decodeApdu, encodeResponse } from '../../protocol/apdu/apdu.js';
import { CardChannel } from './card-channel.js';
import type { CardModule, CardModuleEvents } from './card-module.js';

/** A 3000-byte SEQUENCE behind READ BINARY; `extended: false` answers 6700 to any Le over 256. */
class OneFileCard extends EventEmitter<CardModuleEvents> implements CardModule {
  readonly name = 'one-file card';
  readonly cardPresent = true;
  readonly maxResponseData = 250;
  readonly reads: number[] = [];
  readonly file: Uint8Array;

  constructor(
    readonly maxChainedResponse: number | undefined,
    private readonly extended: boolean,
  ) {
    super();
    const body = Uint8Array.from({ length: 2996 }, (_, i) => (i * 7) & 0xff);
    this.file = Uint8Array.of(0x30, 0x82, body.length >> 8, body.length & 0xff, ...body);
  }

  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    const c = decodeApdu(apdu);
    if (c.ins !== 0xb0) return encodeResponse(new Uint8Array(), 0x6d00);
    const le = c.le ?? 0;
    this.reads.push(le);
    if (le > 256 && !this.extended) return encodeResponse(new Uint8Array(), 0x6700);
    const off = (c.p1 << 8) | c.p2;
    return encodeResponse(this.file.slice(off, off + le), 0x9000);
  }

  async close(): Promise<void> {}
}

describe('CardChannel.readTlvFile', () => {
  it('reads the rest of a long file in extended-length READ BINARYs when the module chains', async () => {
    const card = new OneFileCard(1024, true);
    expect(await new CardChannel(card).readTlvFile('the file')).toEqual(card.file);
    expect(card.reads).toEqual([250, 1024, 1024, 702]);
  });

  it('keeps to short reads for a module that does not chain', async () => {
    const card = new OneFileCard(undefined, true);
    expect(await new CardChannel(card).readTlvFile('the file')).toEqual(card.file);
    expect(card.reads).toHaveLength(Math.ceil(3000 / 250));
    expect(Math.max(...card.reads)).toBe(250);
  });

  it('reads a range the first bytes point at before the rest, hands it over, and gives the same file', async () => {
    const card = new OneFileCard(1024, true);
    const got: Uint8Array[] = [];
    const file = await new CardChannel(card).readTlvFile('the file', undefined, {
      range: (head, total) => {
        expect(head).toEqual(card.file.subarray(0, 250));
        expect(total).toBe(3000);
        return { start: 2000, end: 2600 };
      },
      got: (bytes) => got.push(bytes.slice()),
    });
    expect(file).toEqual(card.file);
    expect(got).toEqual([card.file.subarray(2000, 2600)]);
    // The range first, then what is before it, then what is after it.
    expect(card.reads).toEqual([250, 600, 1024, 726, 400]);
  });

  it('reads in order when the range is outside the file or inside its first bytes', async () => {
    for (const range of [
      { start: 100, end: 400 },
      { start: 2900, end: 3100 },
      { start: 500, end: 500 },
    ]) {
      const card = new OneFileCard(1024, true);
      let handed = 0;
      const file = await new CardChannel(card).readTlvFile('the file', undefined, {
        range: () => range,
        got: () => handed++,
      });
      expect(file).toEqual(card.file);
      expect(handed).toBe(0);
      expect(card.reads).toEqual([250, 1024, 1024, 702]);
    }
  });

  it('goes back to short reads, for good, when the card refuses extended length', async () => {
    const card = new OneFileCard(1024, false);
    const ch = new CardChannel(card);
    expect(await ch.readTlvFile('the file')).toEqual(card.file);
    expect(card.reads.filter((le) => le > 256)).toEqual([1024]);
    card.reads.length = 0;
    expect(await ch.readTlvFile('the file')).toEqual(card.file);
    expect(Math.max(...card.reads)).toBe(250);
  });
});

/** Answers every command 6C10 ("wrong Le, use 16"): counts what it was sent. */
class WrongLeCard extends EventEmitter<CardModuleEvents> implements CardModule {
  readonly name = '6Cxx card';
  readonly cardPresent = true;
  readonly maxResponseData = 250;
  readonly maxChainedResponse = undefined;
  readonly sent: number[] = [];

  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    this.sent.push(decodeApdu(apdu).ins);
    return encodeResponse(new Uint8Array(), 0x6c10);
  }

  async close(): Promise<void> {}
}

describe('CardChannel.transmit', () => {
  it('repeats a command with the Le a 6Cxx asks for, but never a VERIFY (a second PIN try)', async () => {
    const card = new WrongLeCard();
    const ch = new CardChannel(card);
    await ch.transmit({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 4 });
    expect(card.sent).toEqual([0xb0, 0xb0]);
    card.sent.length = 0;
    const r = await ch.transmit(
      { cla: 0, ins: 0x20, p1: 0, p2: 0x80, data: Uint8Array.of(0x31, 0x32, 0x33, 0x34) },
      true,
    );
    expect(card.sent).toEqual([0x20]);
    expect(r.sw).toBe(0x6c10);
  });
});
