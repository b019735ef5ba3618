// MyNumberCardApi's SELECT cache (an application already selected is not selected again in
// one operation) never outlives the card it was made on or a command that went wrong: after
// the card is gone and another placed, or any answer other than 9000 / 63Cx, the next command
// sequence starts with SELECT again.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CardChannel } from '../../device/card/card-channel.js';
import type { CardModuleEvents } from '../../device/card/card-module.js';
import { MyNumberCardApi } from '../../device/mynumber/mynumber-card.js';
import { ErrorCode, isReaderError, ReaderError } from '../../protocol/errors.js';
import { MyNumberCard } from '../../sim/card/mynumber-emulator.js';
import { CARD_STATE } from './card-fixture.js';

/** A module holding one emulated card (or none), counting SELECT by AID, with one 6A82 on demand. */
class TestModule extends EventEmitter<CardModuleEvents> {
  readonly name = 'select-cache test module';
  readonly maxResponseData = 250;
  card?: MyNumberCard;
  selectAids = 0;
  /** The next SELECT EF is answered 6A82 (file not found), once. */
  refuseNextEf = false;
  get cardPresent(): boolean {
    return this.card !== undefined;
  }
  async transmit(a: Uint8Array): Promise<Uint8Array> {
    if (!this.card) throw new ReaderError(ErrorCode.Card_Removed, 'the card was removed');
    if (a[1] === 0xa4 && a[2] === 0x04) this.selectAids++;
    if (a[1] === 0xa4 && a[2] === 0x02 && this.refuseNextEf) {
      this.refuseNextEf = false;
      return new Uint8Array([0x6a, 0x82]);
    }
    return this.card.process(a)!;
  }
  async close(): Promise<void> {}
}
const module = (): TestModule => new TestModule();

const newCard = (id: string) => MyNumberCard.create({ stateDir: CARD_STATE, cardId: `${id}-${Date.now()}` });

describe('MyNumberCardApi SELECT cache', () => {
  it('selects the application once for the certificate and the PIN state, again after the card was removed and another placed', async () => {
    const m = module();
    m.card = await newCard('select-cache-a');
    const api = new MyNumberCardApi(new CardChannel(m));
    const first = await api.readUserAuthCertificate();
    expect(await api.pinState()).toEqual({ kind: 'tries', left: 3 });
    expect(m.selectAids).toBe(1);
    m.card = undefined;
    m.emit('removed');
    const gone = await api.pinState().catch((e: unknown) => e);
    expect(isReaderError(gone) && gone.code).toBe(ErrorCode.Card_Removed);
    const b = await newCard('select-cache-b');
    m.card = b;
    const second = await api.readUserAuthCertificate();
    expect(m.selectAids).toBe(2);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(false);
    expect(await api.pinState()).toEqual({ kind: 'tries', left: 3 });
    expect(m.selectAids).toBe(2);
  });

  it('selects again after a 6Axx answer', async () => {
    const m = module();
    m.card = await newCard('select-cache-c');
    const api = new MyNumberCardApi(new CardChannel(m));
    await api.readUserAuthCertificate();
    m.refuseNextEf = true;
    const e = await api.readUserAuthCaCertificate().catch((x: unknown) => x);
    expect(isReaderError(e) && e.code).toBe(ErrorCode.Card_Status);
    expect(m.selectAids).toBe(1);
    expect((await api.readUserAuthCaCertificate())[0]).toBe(0x30);
    expect(m.selectAids).toBe(2);
    // A 6A82 the API takes as an answer (no PIN EF) forgets the selection too.
    m.refuseNextEf = true;
    expect(await api.pinState()).toEqual({ kind: 'no-pin' });
    expect(await api.pinState()).toEqual({ kind: 'tries', left: 3 });
    expect(m.selectAids).toBe(3);
  });
});
