// The PN532 emulator's command set, byte for byte, over an in-memory wire: what a host other
// than our driver may send (libnfc, nfcpy, a vendor tool) gets the answer a real chip gives.
import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryTransportPair } from '../../device/serial/memory-transport.js';
import type { ByteTransport } from '../../device/serial/transport.js';
import { concatBytes, fromHex, toHex } from '../../protocol/bytes.js';
import { ACK, encodeFrame, type Pn532Event, Pn532Parser, TFI_HOST } from '../../protocol/pn532/frame.js';
import type { MyNumberCard } from '../../sim/card/mynumber-emulator.js';
import { type Pn532ChipOptions, Pn532Emulator } from '../../sim/pn532/pn532-emulator.js';
import { crcB } from '../../sim/pn532/type-b-picc.js';
import { makeCard } from './card-fixture.js';

const WAKE = Uint8Array.of(0x55, 0x55, ...new Array(14).fill(0));

/** A host on the other end of the wire: sends commands, reads what comes back. */
class Host {
  readonly wire: ByteTransport;
  readonly emulator: Pn532Emulator;
  private readonly parser = new Pn532Parser();
  private events: Pn532Event[] = [];
  private wake?: () => void;

  constructor(chip: Pn532ChipOptions = {}) {
    const { host, device } = createMemoryTransportPair();
    this.wire = host;
    this.emulator = new Pn532Emulator(device, {}, chip);
    this.wire.on('data', (b) => {
      this.events.push(...this.parser.push(b));
      this.wake?.();
    });
  }

  async raw(b: Uint8Array): Promise<void> {
    await this.wire.write(b);
  }

  send(hex: string): Promise<void> {
    return this.raw(encodeFrame(TFI_HOST, fromHex(hex)));
  }

  /** The next event, or undefined when nothing comes within ms. */
  async next(ms = 500): Promise<Pn532Event | undefined> {
    const deadline = Date.now() + ms;
    while (this.events.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.wake = () => {
          clearTimeout(t);
          r();
        };
      });
    }
    return this.events.shift();
  }

  /** Sends a command, expects the ACK, returns the answer: hex of the data after TFI, or 'error'. */
  async cmd(hex: string, ms = 1000): Promise<string | undefined> {
    await this.send(hex);
    expect((await this.next())?.type).toBe('ack');
    const ev = await this.next(ms);
    if (!ev) return undefined;
    if (ev.type === 'error-frame') return 'error';
    if (ev.type !== 'frame') throw new Error(`unexpected ${ev.type}`);
    return toHex(ev.data);
  }

  async awake(): Promise<this> {
    await this.raw(WAKE);
    expect(await this.cmd('1401')).toBe('15');
    return this;
  }
}

let card: MyNumberCard;
beforeAll(async () => {
  card = await makeCard('normal');
}, 60_000);

/** InListPassiveTarget Type B with the card in the field. */
async function listed(h: Host): Promise<string> {
  h.emulator.placeCard(card);
  const r = await h.cmd('4a010300');
  expect(r).toBe(`4b0101${toHex(card.atqb)}0101`); // Tg 1, ATQB, ATTRIB_RES = CID 1
  return r!;
}

describe('PN532 emulator command set', () => {
  it('sleeps at power-on (LowVbat) until the 55 55 00… wake-up: a bare frame is lost', async () => {
    const h = new Host();
    await h.send('02');
    expect(await h.next(200)).toBeUndefined();
    await h.raw(WAKE);
    expect(await h.cmd('02')).toBe('0332010607');
  });

  it('Diagnose: line test echoes, ROM/RAM/antenna tests pass, unknown tests are refused', async () => {
    const h = await new Host().awake();
    expect(await h.cmd('00006c69626e6663')).toBe('01006c69626e6663');
    expect(await h.cmd('0001')).toBe('0100');
    expect(await h.cmd('0002')).toBe('0100');
    expect(await h.cmd('000700')).toBe('0100');
    expect(await h.cmd('0004 01')).toBe('0180'); // no FeliCa card: 128 polls failed
    expect(await h.cmd('0009')).toBe('error');
  });

  it('Diagnose 0x06 (attention request) is refused like a real PN532; the PN533-like option answers it', async () => {
    const h = await new Host().awake();
    await listed(h);
    expect(await h.cmd('0006')).toBe('error');
    const p = await new Host({ attentionTest: true }).awake();
    await listed(p);
    expect(await p.cmd('0006')).toBe('0100');
    p.emulator.removeCard();
    expect(await p.cmd('0006')).toBe('0101');
  });

  it('ReadRegister/WriteRegister: reset values, several addresses per command, no status byte', async () => {
    const h = await new Host().awake();
    // TxMode, RxMode, ManualRCV, Status2, BitFraming, Control, Version of the CIU
    expect(await h.cmd('06 6302 6303 630d 6338 633d 633c')).toBe('07000000000010');
    expect(await h.cmd('08 6302 83 6303 83 ffb0 3f')).toBe('09');
    expect(await h.cmd('06 6302 6303 ffb0')).toBe('0783833f');
    expect(await h.cmd('06 63')).toBe('error');
    expect(await h.cmd('08 6302')).toBe('error');
  });

  it('RFConfiguration takes every item at its length and refuses other lengths', async () => {
    const h = await new Host().awake();
    for (const item of [
      '0101',
      '02000b0a',
      '0400',
      '05ff0102',
      `0a${'00'.repeat(11)}`,
      `0b${'00'.repeat(8)}`,
      '0c000000',
      `0d${'00'.repeat(9)}`,
    ]) {
      expect(await h.cmd(`32${item}`)).toBe('33');
    }
    expect(await h.cmd('3205ff01')).toBe('error');
    expect(await h.cmd('3203')).toBe('error');
    expect(await h.cmd('04')).toBe('0500010000'); // GetGeneralStatus: no error, field on, no target
  });

  it('finds the Type B card, sets Type B framing, and reports it in GetGeneralStatus', async () => {
    const h = await new Host().awake();
    await listed(h);
    expect(await h.cmd('06 6302 6303')).toBe('078383'); // CRC on, 106 kbps, Type B
    // Err 00, field on, 1 target: Tg 1, 106 kbps both ways, modulation 00; SAM status 00
    expect(await h.cmd('04')).toBe('050001010100000000');
  });

  it('polls for Type A, FeliCa and Jewel find nothing; infinite retries wait until the host aborts with ACK', async () => {
    const h = await new Host().awake();
    h.emulator.placeCard(card);
    expect(await h.cmd('3205ff0102')).toBe('33');
    expect(await h.cmd('4a0100')).toBe('4b00');
    expect(await h.cmd('4a010100ffff0100')).toBe('4b00');
    expect(await h.cmd('4a0104')).toBe('4b00');
    expect(await h.cmd('3205ffffff')).toBe('33');
    expect(await h.cmd('4a0100', 400)).toBeUndefined(); // still polling for a Type A card
    await h.raw(ACK);
    expect(await h.cmd('02')).toBe('0332010607');
  });

  it('an ACK right behind a command aborts that command, even when both come in one read or the chip is still busy', async () => {
    const h = await new Host().awake();
    h.emulator.placeCard(card);
    expect(await h.cmd('3205ff0101')).toBe('33');
    // The poll and the host's abort in one write: the chip ACKs the poll and runs nothing, so
    // the card is not activated behind the host's back (it would ignore the next REQB).
    await h.raw(concatBytes(encodeFrame(TFI_HOST, fromHex('4a010300')), ACK));
    expect((await h.next())?.type).toBe('ack');
    expect(await h.next(200)).toBeUndefined();
    expect(h.emulator.chip.picc?.state).toBe('idle');
    // A command heard while another still runs (a poll for a Type A card that never comes),
    // then the ACK: both are aborted, neither answers.
    expect(await h.cmd('3205ffffff')).toBe('33');
    await h.send('4a0100');
    expect((await h.next())?.type).toBe('ack');
    await h.raw(concatBytes(encodeFrame(TFI_HOST, fromHex('02')), ACK));
    expect((await h.next())?.type).toBe('ack');
    expect(await h.next(200)).toBeUndefined();
    expect(await h.cmd('02')).toBe('0332010607');
  });

  it('a command frame heard while another runs aborts it (user manual p. 38): the new one is answered, the old one never', async () => {
    const h = await new Host().awake();
    expect(await h.cmd('3205ffffff')).toBe('33'); // a poll waits for a card for ever
    await h.send('4a0100'); // no Type A card comes
    expect((await h.next())?.type).toBe('ack');
    expect(await h.next(100)).toBeUndefined();
    expect(await h.cmd('02')).toBe('0332010607'); // queued behind the poll, it got no ACK at all
    expect(await h.next(200)).toBeUndefined(); // nor does the poll answer later
    expect(h.emulator.stats.superseded).toBe(1);
    expect(h.emulator.stats.aborts).toBe(0);
  });

  it('the RF field off for less than 5 ms resets no card (an activated one ignores REQB); 5 ms resets it', async () => {
    let now = 0;
    const h = await new Host({ clock: () => now }).awake();
    expect(await h.cmd('3205ff0101')).toBe('33'); // one retry: a poll that finds nothing ends
    await listed(h);
    expect(h.emulator.chip.picc?.state).toBe('active');
    expect(await h.cmd('320100')).toBe('33'); // field off
    now += 4.9;
    expect(await h.cmd('320101')).toBe('33'); // and on: the card's supply held
    expect(h.emulator.chip.picc?.state).toBe('active');
    expect(await h.cmd('4a010300')).toBe('4b00');
    expect(await h.cmd('320100')).toBe('33');
    now += 5;
    expect(await h.cmd('320101')).toBe('33');
    expect(h.emulator.chip.picc?.state).toBe('idle');
    expect(await h.cmd('4a010300')).toBe(`4b0101${toHex(card.atqb)}0101`);
  });

  it('InAutoPoll: the card as ISO/IEC 14443-4B (type 23); nothing when the field is empty', async () => {
    const h = await new Host().awake();
    h.emulator.placeCard(card);
    const data = `01${toHex(card.atqb)}0101`;
    expect(await h.cmd('601402201023111204')).toBe(
      `610123${(data.length / 2).toString(16).padStart(2, '0')}${data}`,
    );
    h.emulator.removeCard();
    expect(await h.cmd('60010110', 2000)).toBe('6100');
  });

  it('InCommunicateThru: R(NAK) gets R(ACK) from the card, an empty field times out (status 01)', async () => {
    const h = await new Host().awake();
    await listed(h);
    expect(await h.cmd('42ba01')).toBe('4300ab01');
    h.emulator.removeCard();
    expect(await h.cmd('42ba01')).toBe('4301');
    expect(await h.cmd('42')).toBe('4301');
  });

  it('InCommunicateThru with the CRC left to the host: CRC_B checked on the way in, added on the way out', async () => {
    expect(toHex(crcB(new TextEncoder().encode('123456789')))).toBe('6e90'); // CRC_B check value 0x906E
    const h = await new Host().awake();
    await listed(h);
    expect(await h.cmd('08 6302 03 6303 03')).toBe('09');
    const rNak = Uint8Array.of(0xba, 0x01);
    expect(await h.cmd(`42${toHex(concatBytes(rNak, crcB(rNak)))}`)).toBe(
      `4300ab01${toHex(crcB(fromHex('ab01')))}`,
    );
    expect(await h.cmd('42ba010000')).toBe('4301'); // a wrong CRC_B: the card stays silent
  });

  it('raw ISO-DEP through InCommunicateThru: chained I-blocks in the 64-byte frames the PN532 asked for', async () => {
    const h = await new Host().awake();
    await listed(h);
    // I(0) with CID 1: SELECT the JPKI AP, then EF 000A
    expect(await h.cmd('420a0100a4040c0ad392f000260100000001')).toBe('43000a019000');
    expect(await h.cmd('420b0100a4020c02000a')).toBe('43000b019000');
    // READ BINARY 256 bytes: the card chains I-blocks of at most 64 − PCB − CID − CRC = 60 bytes
    let r = (await h.cmd('420a0100b0000000'))!;
    const parts: string[] = [];
    let bn = 0;
    for (;;) {
      expect(r.slice(0, 4)).toBe('4300');
      const pcb = Number.parseInt(r.slice(4, 6), 16);
      expect(pcb & 0x01).toBe(bn);
      parts.push(r.slice(8));
      expect(r.length / 2 - 2).toBeLessThanOrEqual(62);
      bn ^= 1;
      if (!(pcb & 0x10)) break;
      r = (await h.cmd(`42${(0xaa | bn).toString(16)}01`))!; // R(ACK) asks for the next block
    }
    const all = parts.join('');
    expect(parts.length).toBe(5);
    expect(all.endsWith('9000')).toBe(true);
    expect(all.length / 2).toBe(258);
  });

  it('InDataExchange: the firmware runs ISO-DEP itself and hands a long answer over with MI', async () => {
    const h = await new Host().awake();
    await listed(h);
    expect(await h.cmd('4001 00a4040c0ad392f000260100000001')).toBe('41009000');
    expect(await h.cmd('4001 00a4020c02000a')).toBe('41009000');
    const first = (await h.cmd('4001 00b0000000'))!;
    expect(first.slice(0, 4)).toBe('4140'); // MI: more to come
    expect(first.length / 2 - 2).toBe(252);
    const rest = (await h.cmd('4001'))!;
    expect(rest.slice(0, 4)).toBe('4100');
    expect(rest.endsWith('9000')).toBe(true);
    expect((first.length + rest.length) / 2 - 4).toBe(258);
  });

  it('InDeselect puts the card to HALT (exchanges refused); a new poll does not find it', async () => {
    const h = await new Host().awake();
    expect(await h.cmd('3205ff0101')).toBe('33');
    await listed(h);
    expect(await h.cmd('4400')).toBe('4500');
    expect(await h.cmd('4001 00a4040c0ad392f000260100000001')).toBe('4127');
    expect(await h.cmd('4a010300', 300)).toBe('4b00'); // a HALTed card ignores REQB
    expect(await h.cmd('5401')).toBe('5527'); // the new poll forgot the target
  });

  it('InSelect after InDeselect re-activates the same target', async () => {
    const h = await new Host().awake();
    await listed(h);
    expect(await h.cmd('4401')).toBe('4500');
    expect(await h.cmd('5401')).toBe('5500');
    expect(await h.cmd('4001 00a4040c0ad392f000260100000001')).toBe('41009000');
    expect(await h.cmd('5200')).toBe('5300');
    expect(await h.cmd('4001 00a4040c0ad392f000260100000001')).toBe('4127');
  });

  it('PowerDown answers, switches the field off and sleeps until the next wake-up', async () => {
    const h = await new Host().awake();
    await listed(h);
    expect(await h.cmd('16f0')).toBe('1700');
    await h.send('02');
    expect(await h.next(200)).toBeUndefined(); // the frame that woke it is lost
    expect(await h.cmd('04')).toBe('0500000000'); // awake now: field off, no target
    expect(await h.cmd('16')).toBe('error');
  });

  it('SetParameters, SAMConfiguration, GPIO, SetSerialBaudrate and unknown codes', async () => {
    const h = await new Host().awake();
    expect(await h.cmd('1214')).toBe('13');
    expect(await h.cmd('1400')).toBe('error');
    expect(await h.cmd('140214')).toBe('15');
    expect(await h.cmd('0c')).toBe('0d3f0600');
    expect(await h.cmd('0e8000')).toBe('0f');
    expect(await h.cmd('0c')).toBe('0d000600');
    expect(await h.cmd('1004')).toBe('11');
    await h.raw(ACK); // the host's ACK after SetSerialBaudrate: both sides switch
    expect(await h.cmd('1009')).toBe('error');
    expect(await h.cmd('fe')).toBe('error');
  });
});
