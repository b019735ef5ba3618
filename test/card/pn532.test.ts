// The PN532 driver against the PN532 emulator on a wire (in memory with reads cut at random
// boundaries by default, a real pty with FAREADER_TEST_WIRE=pty): every card profile, the fault
// switches, removal, polling events, a baud change and an unplug/replug of the port.
import { EventEmitter, once } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardChannel } from '../../device/card/card-channel.js';
import type { CardModuleEvents } from '../../device/card/card-module.js';
import { MyNumberCardApi } from '../../device/mynumber/mynumber-card.js';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import { Pn532Cmd } from '../../protocol/pn532/frame.js';
import type { MyNumberCard } from '../../sim/card/mynumber-emulator.js';
import { DRIVER_WIRE, wireMissing } from '../helpers/wire.js';
import { makeCard, type Pn532Rig, pn532Rig } from './card-fixture.js';

const skip = wireMissing();
let rig: Pn532Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function ready(
  opts: Parameters<typeof pn532Rig>[0] = {},
  profile: Parameters<typeof makeCard>[0] | MyNumberCard = 'normal',
) {
  rig = await pn532Rig(opts);
  const card = typeof profile === 'string' ? await makeCard(profile) : profile;
  await rig.pn532.init();
  rig.served.emulator.placeCard(card);
  expect(await rig.pn532.pollOnce()).toBe(true);
  return { rig, card, api: rig.api() };
}

const code = async (p: Promise<unknown>): Promise<number | undefined> =>
  p.then(
    () => undefined,
    (e: unknown) => (isReaderError(e) ? e.code : -1),
  );

describe.skipIf(skip)(`PN532 driver ↔ emulator on a ${DRIVER_WIRE} wire`, () => {
  it('initialises with the Type B bit checked and reads a normal card end to end', async () => {
    const { rig, card, api } = await ready();
    expect(rig.pn532.firmware).toEqual({ ic: 0x32, version: 1, revision: 6, support: 7 });
    const cert = await api.readUserAuthCertificate();
    expect(cert[0]).toBe(0x30);
    expect((await api.readUserAuthCaCertificate())[0]).toBe(0x30);
    expect(await api.pinState()).toEqual({ kind: 'tries', left: 3 });
    const face = await api.readCardFace(card.printedKeyB);
    expect(face.photo.subarray(0, 2)).toEqual(Uint8Array.of(0xff, 0x4f)); // J2K codestream SOC
    expect(face.birthDate).toMatch(/^\d{8}$/);
    expect(await api.verifyPin('1234')).toEqual({ triesLeftBefore: 3 });
    expect(await api.signDigest(new Uint8Array(32).fill(9))).toHaveLength(256);
    expect(card.stats.myNumberApSelected).toBe(0);
  });

  it('never repeats a VERIFY whose ACK went missing: the card may have it, and a repeat costs a try', async () => {
    // The module runs the command but its ACK is lost and its answer comes after the driver's
    // ACK wait (a loaded host): for each command of verifyPin in turn. A repeated VERIFY would
    // spend a second try; the driver waits for the answer instead, so every run ends with the
    // card's own verdict on the one VERIFY it saw.
    // Six fresh cards (three RSA keys each), made side by side: one after another they took
    // most of the test's time on a loaded machine.
    const cards = await Promise.all(Array.from({ length: 6 }, () => makeCard()));
    for (let k = 1; k <= 6; k++) {
      const { rig, card, api } = await ready({ driver: { ackTimeoutMs: 50 } }, cards[k - 1]);
      rig.served.emulator.faults.dropAck = rig.served.emulator.stats.commands + k;
      rig.served.emulator.faults.lateAnswerMs = 120;
      const r = await code(api.verifyPin('9999'));
      expect(card.stats.pinVerifies).toBe(1);
      expect(r).toBe(ErrorCode.Card_PinWrong);
      await rig.close();
    }
  }, 90_000);

  it("takes a command's answer that comes on time after its lost ACK: a VERIFY's verdict is not thrown away", async () => {
    // The ACK lost (or damaged on the wire) and the answer right behind it, inside the ACK wait:
    // for each command of verifyPin in turn. Nothing was abandoned before, so the answer is this
    // command's; dropping it would end the session as a module error with the try already spent.
    const cards = await Promise.all(Array.from({ length: 4 }, () => makeCard()));
    for (let k = 1; k <= 4; k++) {
      const { rig, card, api } = await ready({}, cards[k - 1]);
      rig.served.emulator.faults.dropAck = rig.served.emulator.stats.commands + k;
      const r = await code(api.verifyPin('9999'));
      expect(card.stats.pinVerifies).toBe(1);
      expect(r, `ACK of command ${k} lost`).toBe(ErrorCode.Card_PinWrong);
      await rig.close();
    }
  }, 60_000);

  it('never spends the last PIN try without the patient, and never retries', async () => {
    const { card, api } = await ready({}, 'pin-last-try');
    expect(await code(api.verifyPin('9999'))).toBe(ErrorCode.Card_LastTryNotConfirmed);
    expect(card.stats.pinVerifies).toBe(0);
    expect(await code(api.verifyPin('9999', { patientConfirmedLastTry: true }))).toBe(
      ErrorCode.Card_PinBlocked,
    );
    expect(card.stats.pinVerifies).toBe(1);
    expect(await api.pinState()).toEqual({ kind: 'blocked' });
    expect(await code(api.verifyPin('1234', { patientConfirmedLastTry: true }))).toBe(
      ErrorCode.Card_PinBlocked,
    );
    expect(card.stats.pinVerifies).toBe(1);
  });

  it('reports a wrong PIN with the tries left, from the card', async () => {
    const { card, api } = await ready();
    const e = await api.verifyPin('0000').catch((x: unknown) => x);
    expect(isReaderError(e, ErrorCode.Card_PinWrong) && e.context.triesLeft).toBe(2);
    expect(card.pinTriesLeft).toBe(2);
  });

  it.each([
    ['pin-blocked', ErrorCode.Card_PinBlocked],
    ['no-pin', ErrorCode.Card_NoPin],
  ] as const)('profile %s: VERIFY refused before anything is sent', async (profile, expected) => {
    const { card, api } = await ready({}, profile);
    expect(await code(api.verifyPin('1234', { patientConfirmedLastTry: true }))).toBe(expected);
    expect(card.stats.pinVerifies).toBe(0);
  });

  it('profile wrong-key-b: 照合番号B refused, the record stays closed', async () => {
    const { card, api } = await ready({}, 'wrong-key-b');
    expect(await code(api.readCardFace(card.printedKeyB))).toBe(ErrorCode.Card_KeyBWrong);
  });

  it('profile expired-cert: the certificate reads and says it expired', async () => {
    const { api } = await ready({}, 'expired-cert');
    const { X509Certificate } = await import('node:crypto');
    const cert = new X509Certificate(await api.readUserAuthCertificate());
    expect(new Date(cert.validTo).getTime()).toBeLessThan(Date.now());
  });

  it('profile removed-mid-command: a typed card-removed error and a removed event', async () => {
    const { rig, card, api } = await ready({}, 'removed-mid-command');
    const removed = once(rig.pn532, 'removed');
    expect(await code(api.readCardFace(card.printedKeyB))).toBe(ErrorCode.Card_Removed);
    await removed;
    expect(rig.pn532.cardPresent).toBe(false);
  });

  it('long answers by 61xx/GET RESPONSE and 6Cxx are followed', async () => {
    rig = await pn532Rig();
    const card = await makeCard('normal', { useGetResponse: true });
    await rig.pn532.init();
    rig.served.emulator.placeCard(card);
    await rig.pn532.pollOnce();
    const api = rig.api();
    await api.verifyPin('1234');
    expect(await api.signDigest(new Uint8Array(32))).toHaveLength(256);
    expect((await api.readCardFace(card.printedKeyB)).photo.length).toBeGreaterThan(1000);
  });

  it('reads long files in extended-length READ BINARYs the PN532 hands over in MI parts: the same bytes, a fraction of the APDUs, no SELECT of the AP already selected', async () => {
    const { rig, card } = await ready({ baudRate: 921600 });
    // The same driver with no chaining offered: every 250 bytes its own READ BINARY, as before.
    const pn532 = rig.pn532;
    const shortOnly = new MyNumberCardApi(
      new CardChannel(
        Object.assign(new EventEmitter<CardModuleEvents>(), {
          name: 'pn532 (short reads)',
          cardPresent: true,
          maxResponseData: pn532.maxResponseData,
          transmit: (a: Uint8Array, o?: { timeoutMs?: number; signal?: AbortSignal }) => pn532.transmit(a, o),
          close: async () => {},
        }),
      ),
    );
    const count = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
      const before = card.stats.apdus;
      const r = await f();
      return [r, card.stats.apdus - before];
    };
    const api = rig.api();
    const [certShort, certShortApdus] = await count(() => shortOnly.readUserAuthCertificate());
    const [cert, certApdus] = await count(() => api.readUserAuthCertificate());
    expect(cert).toEqual(certShort);
    expect(certShort.length).toBeGreaterThan(500);
    // SELECT AP, SELECT EF, the first 250 bytes (for the length), then the rest at once.
    expect(certApdus).toBe(4);
    expect(certShortApdus).toBe(2 + Math.ceil(certShort.length / 250));
    // The PIN state right after, on the same object: the JPKI AP is not selected again.
    const [pin, pinApdus] = await count(() => api.pinState());
    expect(pin).toEqual({ kind: 'tries', left: 3 });
    expect(pinApdus).toBe(2);
    const [faceShort, faceShortApdus] = await count(() => shortOnly.readCardFace(card.printedKeyB));
    const [face, faceApdus] = await count(() => api.readCardFace(card.printedKeyB));
    expect(face.photo).toEqual(faceShort.photo);
    expect(faceApdus).toBeLessThan(faceShortApdus / 5);
    // Every chained part is a bare InDataExchange (Tg only) the PN532 answered from its buffer.
    expect(rig.served.emulator.stats.apdus).toBeGreaterThan(card.stats.apdus);
  });

  it.each([
    ['a dropped ACK', { dropAck: 4 }],
    ['a corrupted response (NACK → resend)', { corruptResponse: 5 }],
    ['split writes', { splitWrites: true }],
    ['slow responses', { slowMs: 15 }],
  ])('survives %s', async (_n, faults) => {
    const { rig, card, api } = await ready({ faults, baudRate: 921600 });
    expect((await api.readUserAuthCertificate())[0]).toBe(0x30);
    if (!('splitWrites' in faults || 'slowMs' in faults)) {
      expect((await api.readCardFace(card.printedKeyB)).photo.length).toBeGreaterThan(1000);
    }
    if ('corruptResponse' in faults) expect(rig.served.emulator.stats.nacks).toBeGreaterThan(0);
  });

  it('a module that stops answering gives a typed timeout once its own ACK timeouts ran out', async () => {
    rig = await pn532Rig({ driver: { ackTimeoutMs: 50, retries: 2 } });
    rig.served.emulator.faults.mute = true;
    // The driver's clock is virtual here (its timers; the wire's turns stay real), so "bounded"
    // is counted in its own timeouts: 3 attempts of a 50 ms ACK wait and the pauses between.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let e: unknown;
      let settled = false;
      void rig.pn532.init().catch((x: unknown) => {
        e = x;
        settled = true;
      });
      let virtualMs = 0;
      while (!settled && virtualMs < 2000) {
        for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
        vi.advanceTimersByTime(10);
        virtualMs += 10;
      }
      for (let i = 0; i < 20 && !settled; i++) await new Promise((r) => setImmediate(r));
      expect(settled).toBe(true);
      expect(isReaderError(e, ErrorCode.Link_Timeout)).toBe(true);
      expect((e as Error).message).toMatch(/did not acknowledge SAMConfiguration after 3 attempts/);
      // 3 ACK waits and the 2 pauses before the repeats, to the 10 ms step.
      expect(virtualMs).toBeGreaterThanOrEqual(5 * 50);
      expect(virtualMs).toBeLessThanOrEqual(5 * 50 + 20);
    } finally {
      vi.useRealTimers();
    }
  });

  it('an APDU to a module gone silent fails as not acknowledged once the no-ACK wait ran out, sent once, long before its response timeout', async () => {
    // A session's stage timeout (5 s) must not be what ends it: the module error must come first.
    let exchanges = 0;
    const r = await pn532Rig({
      driver: {
        ackTimeoutMs: 50,
        noAckWaitMs: 200,
        onFrame: (dir, f) => {
          if (dir === 'tx' && f.startsWith('InDataExchange')) exchanges++;
        },
      },
    });
    rig = r;
    await r.pn532.init();
    r.served.emulator.placeCard(await makeCard());
    expect(await r.pn532.pollOnce()).toBe(true);
    // One whole exchange first: no late byte of the poll (its ACK late on a loaded host) is left
    // on the wire, which would be the module's sign of life.
    const selectJpki = Uint8Array.from(Buffer.from('00a4040c0ad3921000310001010408', 'hex'));
    expect(await r.pn532.transmit(selectJpki)).toEqual(Uint8Array.of(0x90, 0x00));
    exchanges = 0;
    r.served.emulator.faults.mute = true;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let e: unknown;
      let settled = false;
      void r.pn532.transmit(selectJpki, { timeoutMs: 60_000 }).catch((x: unknown) => {
        e = x;
        settled = true;
      });
      let virtualMs = 0;
      while (!settled && virtualMs < 5000) {
        for (let i = 0; i < 20; i++) await new Promise((res) => setImmediate(res));
        vi.advanceTimersByTime(10);
        virtualMs += 10;
      }
      for (let i = 0; i < 20 && !settled; i++) await new Promise((res) => setImmediate(res));
      expect(settled).toBe(true);
      expect(isReaderError(e, ErrorCode.Link_Timeout)).toBe(true);
      expect((e as Error).message).toMatch(/did not acknowledge InDataExchange; not repeated/);
      expect(exchanges).toBe(1);
      // The ACK wait, the no-ACK wait, and the pause that lets a late answer go by, to the step.
      expect(virtualMs).toBeLessThanOrEqual(50 + 200 + 50 + 20);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a poll whose ACK came too late is repeated behind a field reset: the card it activated meanwhile is found', async () => {
    // The chip runs the poll (REQB, ATTRIB) but its ACK is lost and its answer would come
    // after the driver gave up and aborted: the card is activated, and ignores REQB from then on.
    let stateAtReset: string | undefined;
    const r = await pn532Rig({
      driver: {
        ackTimeoutMs: 50,
        onFrame: (dir, f) => {
          if (dir !== 'tx' || !f.startsWith('RFConfiguration') || !em.faults.lateAnswerMs) return;
          stateAtReset = em.chip.picc?.state;
          em.faults.lateAnswerMs = 0;
        },
      },
    });
    rig = r;
    const em = r.served.emulator;
    await r.pn532.init();
    em.placeCard(await makeCard());
    em.faults.dropAck = em.stats.commands + 1;
    em.faults.lateAnswerMs = 120;
    expect(await r.pn532.pollOnce()).toBe(true);
    expect(stateAtReset).toBe('active');
    expect((await r.api().readUserAuthCertificate())[0]).toBe(0x30);
  });

  it('a request for the next MI part whose ACK came too late is neither repeated nor aborted: its answer is awaited, no part is lost', async () => {
    let once = false;
    const r = await pn532Rig({
      driver: {
        ackTimeoutMs: 50,
        onFrame: (dir, f) => {
          // The first bare `D4 40 Tg` (the next part of a chained answer): its ACK is lost and
          // its answer would come after the driver gave up, so the chip has handed that part over.
          if (dir !== 'tx' || !once || f !== 'InDataExchange 0000ff03fdd44001eb00') return;
          once = false;
          em.faults.dropAck = em.stats.commands + 1;
          em.faults.lateAnswerMs = 120;
        },
      },
    });
    rig = r;
    const em = r.served.emulator;
    await r.pn532.init();
    em.placeCard(await makeCard());
    expect(await r.pn532.pollOnce()).toBe(true);
    const expected = await r.api().readUserAuthCertificate();
    once = true;
    const cert = await r.api().readUserAuthCertificate();
    expect(once).toBe(false);
    expect(Buffer.from(cert).equals(Buffer.from(expected))).toBe(true);
  });

  it('a module that goes silent during a chained answer fails it as not acknowledged: the APDU is not sent again', async () => {
    let armed = false;
    let sentAfter = 0;
    const r = await pn532Rig({
      driver: {
        ackTimeoutMs: 50,
        noAckWaitMs: 200,
        onFrame: (dir, f) => {
          if (dir !== 'tx' || !f.startsWith('InDataExchange')) return;
          if (em.faults.mute) sentAfter++;
          // The first bare `D4 40 Tg` (the next part of a chained answer): the module dies.
          if (armed && f === 'InDataExchange 0000ff03fdd44001eb00') {
            armed = false;
            em.faults.mute = true;
          }
        },
      },
    });
    rig = r;
    const em = r.served.emulator;
    await r.pn532.init();
    em.placeCard(await makeCard());
    expect(await r.pn532.pollOnce()).toBe(true);
    armed = true;
    const e = await r
      .api()
      .readUserAuthCertificate()
      .catch((x: unknown) => x);
    expect(isReaderError(e, ErrorCode.Link_Timeout) && e.context.reason).toBe('ack-timeout');
    expect(sentAfter).toBe(0); // nothing after the part request the module never heard
  });

  it('a card that lands while the chip searches is found by that same poll: the search window is in the chip', async () => {
    rig = await pn532Rig();
    await rig.pn532.init();
    const { emulator } = rig.served;
    const card = await makeCard();
    // The card lands as the chip makes its 4th activation attempt of this one InListPassiveTarget.
    let picc = emulator.chip.picc;
    let looks = 0;
    Object.defineProperty(emulator.chip, 'picc', {
      configurable: true,
      get: () => {
        if (!picc && ++looks === 4) emulator.placeCard(card);
        return picc;
      },
      set: (v) => {
        picc = v;
      },
    });
    const before = emulator.stats.commands;
    expect(await rig.pn532.pollOnce()).toBe(true);
    expect(emulator.stats.commands - before).toBe(1);
  });

  it('the polling loop reports cards placed and removed', async () => {
    rig = await pn532Rig({ driver: { pollIntervalMs: 50 } });
    await rig.pn532.init();
    const r = rig;
    // A poll that times out on a loaded machine is reported ('error') and the loop goes on: the
    // events are awaited on their own (events.once would reject on that report).
    const errors: Error[] = [];
    r.pn532.on('error', (e) => errors.push(e));
    const event = <K extends 'card' | 'removed'>(name: K): Promise<CardModuleEvents[K]> =>
      new Promise((resolve) => r.pn532.once(name, ((...a: CardModuleEvents[K]) => resolve(a)) as never));
    r.pn532.startPolling();
    const placed = event('card');
    r.served.emulator.placeCard(await makeCard());
    const [info] = await placed;
    expect(info.id[0]).toBe(0x50);
    const removed = event('removed');
    r.served.emulator.removeCard();
    await removed;
    await r.pn532.stopPolling();
    // Only timeouts, if anything: nothing else went wrong on the line.
    expect(errors.filter((e) => !isReaderError(e, ErrorCode.Link_Timeout))).toEqual([]);
  });

  it('checks presence as a real PN532 allows: R(NAK) through InCommunicateThru, not Diagnose 0x06', async () => {
    const { rig } = await ready();
    // The emulator (real-PN532 mode, the default) refuses the PN533's attention-request test.
    expect(await code(rig.pn532.command(Pn532Cmd.Diagnose, Uint8Array.of(0x06)))).toBe(
      ErrorCode.Link_Timeout,
    );
    expect(await rig.pn532.isPresent()).toBe(true);
    // The probe leaves the firmware's ISO-DEP state alone: APDUs still work after it.
    expect((await rig.api().readUserAuthCertificate())[0]).toBe(0x30);
    rig.served.emulator.removeCard();
    expect(await rig.pn532.isPresent()).toBe(false);
  });

  it('changes the baud rate on both sides and keeps working', async () => {
    const { rig, api } = await ready({ baudRate: 115200 });
    await rig.pn532.setBaudRate(921600);
    expect(rig.host.isOpen).toBe(true);
    expect((await api.readUserAuthCertificate())[0]).toBe(0x30);
    expect(await code(rig.pn532.setBaudRate(12345))).toBe(ErrorCode.Usage);
  });

  it('recovers when the serial port is unplugged and plugged back', async () => {
    rig = await pn532Rig({ driver: { pollIntervalMs: 50, ackTimeoutMs: 80, retries: 1 } });
    const r = rig;
    await r.pn532.init();
    r.served.emulator.placeCard(await makeCard());
    const errors: Error[] = [];
    r.pn532.on('error', (e) => errors.push(e));
    const nextCard = () => new Promise((resolve) => r.pn532.once('card', resolve));
    r.pn532.startPolling();
    await nextCard();
    await r.wire.unplug();
    await r.wire.replug();
    // After the port is back, the driver re-initialises and finds the card again.
    await nextCard();
    expect(errors.some((e) => isReaderError(e, ErrorCode.Link_Disconnected))).toBe(true);
    expect(r.pn532.cardPresent).toBe(true);
    expect((await r.api().readUserAuthCertificate())[0]).toBe(0x30);
  });

  it('a canceled photo read stops within one APDU, with a typed Op_Canceled', async () => {
    const { rig, card } = await ready();
    const ctl = new AbortController();
    let atAbort = -1;
    const channel = new CardChannel(rig.pn532, {
      signal: ctl.signal,
      onTrace: () => {
        if (card.stats.apdus >= 6 && atAbort < 0) {
          atAbort = card.stats.apdus;
          ctl.abort();
        }
      },
    });
    const e = await new MyNumberCardApi(channel).readCardFace(card.printedKeyB).catch((x: unknown) => x);
    expect(isReaderError(e, ErrorCode.Op_Canceled)).toBe(true);
    expect(card.stats.apdus - atAbort).toBeLessThanOrEqual(1);
    // The module is free again: the next session reads normally.
    expect((await rig.api().readUserAuthCertificate())[0]).toBe(0x30);
  });

  it('canceling a running command sends ACK to abort it in the PN532', async () => {
    const { rig } = await ready({ faults: { slowMs: 500 } });
    const ctl = new AbortController();
    const selectJpki = Uint8Array.of(
      0x00,
      0xa4,
      0x04,
      0x0c,
      0x0a,
      0xd3,
      0x92,
      0xf0,
      0x00,
      0x26,
      0x01,
      0x00,
      0x00,
      0x00,
      0x01,
    );
    const running = rig.pn532.transmit(selectJpki, { signal: ctl.signal });
    setTimeout(() => ctl.abort(), 100);
    expect(await code(running)).toBe(ErrorCode.Op_Canceled);
    // The abort ACK reaches the emulator after the rejection: wait for it, not for a fixed time.
    for (let i = 0; i < 200 && rig.served.emulator.stats.aborts < 1; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(rig.served.emulator.stats.aborts).toBe(1);
    expect(await code(rig.pn532.transmit(selectJpki, { signal: AbortSignal.abort() }))).toBe(
      ErrorCode.Op_Canceled,
    );
    rig.served.emulator.faults.slowMs = 0;
    expect(await rig.pn532.transmit(selectJpki)).toEqual(Uint8Array.of(0x90, 0x00));
  });

  const selectJpki = Uint8Array.from(Buffer.from('00a4040c0ad392f000260100000001', 'hex'));
  const selectUnknown = Uint8Array.from(Buffer.from('00a4040c05a000000000', 'hex'));
  /**
   * A SELECT canceled once the card has it, its answer (9000) due 60 ms later, the chip stalled
   * `stallMs` so it hears the abort ACK only after that answer left: then the next SELECT.
   */
  async function cancelWithAnswerOnItsWay(stallMs: number) {
    const { rig } = await ready({ driver: { ackTimeoutMs: 2000 } });
    const em = rig.served.emulator;
    em.faults.lateAnswerMs = 60;
    const ctl = new AbortController();
    const apdus = em.stats.apdus;
    const canceled = rig.pn532.transmit(selectJpki, { signal: ctl.signal });
    for (let i = 0; i < 500 && em.stats.apdus === apdus; i++) await new Promise((r) => setTimeout(r, 2));
    expect(em.stats.apdus).toBe(apdus + 1); // the card has it; its answer comes in 60 ms
    em.stall(stallMs);
    em.faults.lateAnswerMs = 0;
    ctl.abort();
    expect(await code(canceled)).toBe(ErrorCode.Op_Canceled);
    return rig;
  }

  it("a canceled APDU's answer that was already on its way is not taken for the next APDU's (it comes before that one's ACK)", async () => {
    // The chip's answer to the canceled SELECT leaves it just before the host's abort ACK and the
    // next command reach it (the chip's process not scheduled meanwhile): the next command, of
    // the same code, then sees an answer of its code before its own ACK.
    const rig = await cancelWithAnswerOnItsWay(400);
    // 6A82 is this SELECT's own answer; 9000 would be the canceled one's.
    expect(await rig.pn532.transmit(selectUnknown)).toEqual(Uint8Array.of(0x6a, 0x82));
    expect(await rig.pn532.transmit(selectJpki)).toEqual(Uint8Array.of(0x90, 0x00));
  });

  it("a canceled APDU's answer buffered while the host is busy is not taken for the next APDU's, nor is any later answer one late", async () => {
    // The stale answer arrives while the event loop is blocked (a GC pause, a busy readerd): it
    // is read only after the next command is written. The line test's echo tells stale from new.
    const rig = await cancelWithAnswerOnItsWay(90);
    const next = rig.pn532.transmit(selectUnknown);
    await new Promise((r) => setTimeout(r, 30));
    const t = performance.now();
    while (performance.now() - t < 150) {} // the host busy as the stale answer arrives
    expect(await next).toEqual(Uint8Array.of(0x6a, 0x82));
    expect(await rig.pn532.transmit(selectJpki)).toEqual(Uint8Array.of(0x90, 0x00));
    expect(await rig.pn532.transmit(selectUnknown)).toEqual(Uint8Array.of(0x6a, 0x82));
  });

  it('stopPolling returns at once after a disconnect (no timer left waiting for the port)', async () => {
    rig = await pn532Rig({ driver: { pollIntervalMs: 50, ackTimeoutMs: 80, retries: 1 } });
    const r = rig;
    await r.pn532.init();
    const disconnected = new Promise<void>((resolve) =>
      r.pn532.on('error', (e) => {
        if (isReaderError(e, ErrorCode.Link_Disconnected)) resolve();
      }),
    );
    r.pn532.startPolling();
    await r.wire.unplug();
    await disconnected;
    const outcome = await Promise.race([
      r.pn532.stopPolling().then(() => 'stopped'),
      new Promise((resolve) => setTimeout(resolve, 5000, 'still waiting')),
    ]);
    expect(outcome).toBe('stopped');
  });
});
