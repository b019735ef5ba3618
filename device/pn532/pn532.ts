// NXP PN532 over HSU: the request engine (ACK timeout → retransmit, corrupted answer → NACK,
// error frame → retransmit, response timeout → ACK to abort), initialisation with the Type B
// support bit checked, Type B polling as a loop that emits card present / removed (presence
// checked with an ISO-DEP R(NAK) through InCommunicateThru, as libnfc does: the PN532 has no
// working Diagnose attention test), APDU exchange with MI chaining, baud-rate change, and
// recovery when the port comes back.
import { EventEmitter } from 'node:events';
import { concatBytes } from '../../protocol/bytes.js';
import { ErrorCode, isReaderError, ReaderError } from '../../protocol/errors.js';
import {
  BAUD_CODES,
  type FirmwareVersion,
  MI,
  parseFirmwareVersion,
  parseTypeBTargets,
  SUPPORT_TYPE_B,
} from '../../protocol/pn532/commands.js';
import {
  ACK,
  encodeFrame,
  NACK,
  Pn532Cmd,
  Pn532Parser,
  Pn532Status,
  pn532CommandName,
  TFI_HOST,
  TFI_PN532,
} from '../../protocol/pn532/frame.js';
import type { CardModule, CardModuleEvents } from '../card/card-module.js';
import type { ByteTransport } from '../serial/transport.js';

export interface Pn532Options {
  /** The PN532 ACKs within ~15 ms; slow USB-serial adapters need more. */
  readonly ackTimeoutMs?: number;
  /**
   * A command that is never repeated ('wait-for-answer') and whose ACK did not come: how much
   * longer its answer is awaited while the module gives no sign of life (no byte but zeros). A
   * module that sends nothing fails within ackTimeoutMs + this, far below the session's stage
   * timeouts (5 s); any byte from it (a late ACK, a damaged one) means the full response timeout.
   */
  readonly noAckWaitMs?: number;
  readonly responseTimeoutMs?: number;
  /** Retransmissions after a missing ACK or an error frame, and NACKs for a corrupted answer. */
  readonly retries?: number;
  readonly pollIntervalMs?: number;
  readonly onFrame?: (dir: 'tx' | 'rx', frame: string) => void;
}

type Failure = 'ack-timeout' | 'response-timeout' | 'error-frame' | 'canceled';

interface Waiter {
  readonly code: number;
  /**
   * 'ack' until this command's ACK, 'no-ack' after the ACK timeout of a command awaited past a
   * missing ACK while the module is silent, 'response' once acknowledged. An answer of its code
   * in any stage is taken: its ACK may be lost or damaged (dropping the answer would lose a
   * VERIFY's verdict the card has already given); an abandoned command's late ACK and answer are
   * kept away by the line test before the next command (`outOfStep`, `resync`).
   */
  stage: 'ack' | 'no-ack' | 'response';
  /** A byte other than zero came from the module since the command was written: it is alive. */
  heard: boolean;
  nacks: number;
  /** The ACK is in (or, past a missing one, the module showed life): now wait for the response. */
  acked(): void;
  resolve(data: Uint8Array): void;
  fail(reason: Failure | Error): void;
  /** Only an answer this accepts is the command's (the line test's echo). */
  readonly accept?: (data: Uint8Array) => boolean;
}

const canceled = (what: string): ReaderError =>
  new ReaderError(ErrorCode.Op_Canceled, `${what} was canceled`, { canceled: true });

/** Waits ms, or less when the signal fires; the timer never outlives the wait. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Passive activation retries of one poll (RFConfiguration item 5): 15 Type B attempts, ~150 ms
 * on the emulated chip (one REQB every 10 ms), while the host waits on the answer.
 */
const PASSIVE_ACTIVATION_RETRIES = 0x0e;

/**
 * How long a field reset keeps the field off: ISO/IEC 14443-3's reset time is 5 ms at least;
 * 8 leaves room for a timer that fires early and for the off command's answer on its way.
 */
const FIELD_OFF_MS = 8;

/** How long the line test after an abandoned command may take to come back. */
const RESYNC_TIMEOUT_MS = 1000;

/** Status codes meaning the card is no longer answering in the field. */
const GONE = new Set([0x01, 0x0a, 0x29, 0x2b]);

export class Pn532 extends EventEmitter<CardModuleEvents> implements CardModule {
  readonly name = 'pn532';
  /** InDataExchange answers carry 252 bytes (255 − TFI − code − status): 250 data + SW. */
  readonly maxResponseData = 250;
  /**
   * A longer answer comes in MI-flagged parts of 252 bytes, each fetched with a bare
   * `D4 40 Tg`; 8 KiB (33 parts) keeps a chain well inside transmit's guard of 64 parts.
   */
  readonly maxChainedResponse = 8192;
  cardPresent = false;
  firmware?: FirmwareVersion;
  private readonly parser = new Pn532Parser();
  private waiter?: Waiter;
  private lock: Promise<unknown> = Promise.resolve();
  private tg = 1;
  /** The CID the PN532 gave the card in ATTRIB (0 = none), for raw ISO-DEP blocks. */
  private cid = 0;
  private polling = false;
  /** A poll went unanswered: a card may sit activated (deaf to REQB) in the field. */
  private fieldSuspect = false;
  private pollDone?: Promise<void>;
  /** Fires when polling stops: ends the loop's sleeps and its wait for the port. */
  private pollStop?: AbortController;
  private lastUse = 0;
  /**
   * A command was abandoned (canceled, timed out): its ACK and answer may still be on the wire,
   * or buffered unread behind a busy event loop. Before the next command the driver sends a
   * Diagnose line test (NumTst 0) with a fresh nonce and drops everything until its echo comes
   * back: what follows the echo is the next command's (UM0701 §7.2.1; the UART keeps order).
   */
  private outOfStep = false;
  /**
   * The port went away since the last init: the module (powered by the USB adapter) must be
   * woken and set up again, even when no command was running and the port came straight back.
   * 'unreported' when no failed command has told the error listeners yet.
   */
  private lineLost?: 'reported' | 'unreported';
  private readonly o: Required<Omit<Pn532Options, 'onFrame'>> & Pick<Pn532Options, 'onFrame'>;

  constructor(
    private readonly transport: ByteTransport,
    opts: Pn532Options = {},
  ) {
    super();
    this.o = {
      ackTimeoutMs: 100,
      noAckWaitMs: 1000,
      responseTimeoutMs: 1000,
      retries: 3,
      pollIntervalMs: 150,
      ...opts,
    };
    transport.on('data', (b) => this.onData(b));
    transport.on('close', () => {
      this.lineLost = this.waiter ? 'reported' : 'unreported';
      this.waiter?.fail(
        new ReaderError(ErrorCode.Link_Disconnected, 'the PN532 serial port went away', {
          disconnected: true,
        }),
      );
      this.markRemoved();
    });
  }

  private onData(b: Uint8Array): void {
    const waiting = this.waiter;
    // Zeros alone are no sign of life: the previous frame's postamble (0x00) can come in a read
    // of its own after that frame was taken and the next command written.
    if (waiting && b.some((x) => x !== 0)) {
      waiting.heard = true;
      // Past a missing ACK, a byte from the module (a late or damaged ACK, the answer's start):
      // it is alive and working on the command, whose answer is awaited in full.
      if (waiting.stage === 'no-ack') waiting.acked();
    }
    for (const ev of this.parser.push(b)) {
      const w = this.waiter;
      if (ev.type === 'frame')
        this.o.onFrame?.(
          'rx',
          `${pn532CommandName(ev.data[0] ?? 0)} ${Buffer.from(ev.data).toString('hex')}`,
        );
      if (!w) continue;
      if (ev.type === 'ack' && w.stage === 'ack') w.acked();
      // The line test waits for its own echo only: an error frame or answer before it is stale.
      else if (ev.type === 'error-frame') {
        if (!w.accept) w.fail('error-frame');
      } else if (ev.type === 'frame' && ev.tfi === TFI_PN532 && ev.data[0] === w.code + 1) {
        if (!w.accept || w.accept(ev.data)) w.resolve(ev.data);
      } else if (
        ev.type === 'discarded' &&
        w.stage === 'response' &&
        /checksum/.test(ev.reason) &&
        w.nacks < this.o.retries
      ) {
        // A damaged answer: ask for it again rather than repeat the command.
        w.nacks++;
        void this.transport.write(NACK).catch(() => {});
      }
    }
  }

  private attempt(
    frame: Uint8Array,
    code: number,
    timeoutMs: number,
    signal?: AbortSignal,
    waitForAnswer = false,
    accept?: (data: Uint8Array) => boolean,
  ): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout;
      const onAbort = (): void => w.fail('canceled');
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.waiter = undefined;
      };
      const arm = (ms: number, reason: Failure): void => {
        clearTimeout(timer);
        timer = setTimeout(() => w.fail(reason), ms);
      };
      const w: Waiter = {
        code,
        accept,
        stage: 'ack',
        heard: false,
        nacks: 0,
        acked: () => {
          w.stage = 'response';
          arm(timeoutMs, 'response-timeout');
        },
        resolve: (d) => {
          done();
          resolve(d);
        },
        fail: (r) => {
          done();
          reject(r);
        },
      };
      // Register before writing: a fast ACK must never slip past.
      this.waiter = w;
      if (waitForAnswer) {
        // No ACK in time is not taken as a lost frame: the answer may still come (a loaded host).
        // A module heard from since the write waits the response timeout; a silent one only
        // noAckWaitMs more, then fails as not acknowledged (a dead module, not a slow card).
        timer = setTimeout(() => {
          if (w.stage !== 'ack') return;
          if (w.heard) w.acked();
          else {
            w.stage = 'no-ack';
            arm(Math.min(this.o.noAckWaitMs, timeoutMs), 'ack-timeout');
          }
        }, this.o.ackTimeoutMs);
      } else arm(this.o.ackTimeoutMs, 'ack-timeout');
      signal?.addEventListener('abort', onAbort, { once: true });
      this.o.onFrame?.('tx', `${pn532CommandName(code)} ${Buffer.from(frame).toString('hex')}`);
      this.transport
        .write(frame)
        .catch((e: Error) =>
          w.fail(new ReaderError(ErrorCode.Link_Disconnected, e.message, { disconnected: true })),
        );
    });
  }

  /**
   * Sends one command and returns the response data (from the response code on). `resend:
   * 'wait-for-answer'` neither repeats nor aborts it after a missing ACK, it waits for the answer
   * up to the response timeout (a command that must not be repeated and whose answer must not
   * be lost, as the request for an answer's next part) while the module shows life; a module
   * silent for noAckWaitMs past the ACK timeout fails it as not acknowledged. `resend: false`
   * never repeats it after a missing ACK: the ACK may only be late and the command already on its
   * way to the card, and a repeated VERIFY would spend a second PIN try.
   */
  command(
    code: number,
    params: Uint8Array = new Uint8Array(),
    timeoutMs = this.o.responseTimeoutMs,
    signal?: AbortSignal,
    resend: boolean | 'wait-for-answer' = true,
  ): Promise<Uint8Array> {
    const run = async (): Promise<Uint8Array> => {
      if (signal?.aborted) throw canceled(pn532CommandName(code));
      const frame = encodeFrame(TFI_HOST, concatBytes(Uint8Array.of(code), params));
      for (let i = 0; ; i++) {
        // Between a command's own repeats the old pause stands (a repeat's answer is as good as
        // the first's); the line test comes before the next command, with outOfStep left set.
        if (i === 0 && this.outOfStep) await this.resync(signal);
        try {
          const r = await this.attempt(frame, code, timeoutMs, signal, resend === 'wait-for-answer');
          this.lastUse = performance.now();
          return r;
        } catch (e) {
          if (e instanceof Error) throw e;
          const reason = e as Failure;
          if (reason !== 'error-frame') this.outOfStep = true;
          if (reason === 'canceled') {
            // An ACK from the host aborts the command in the PN532 (user manual §6.2.1.3).
            await this.transport.write(ACK).catch(() => {});
            throw canceled(pn532CommandName(code));
          }
          if (reason === 'response-timeout') {
            await this.transport.write(ACK).catch(() => {}); // abort the command in the PN532
            throw new ReaderError(
              ErrorCode.Link_Timeout,
              `PN532 did not answer ${pn532CommandName(code)} within ${timeoutMs} ms`,
              { reason },
            );
          }
          if (reason === 'ack-timeout' && resend !== true) {
            // Abort it and let a late answer go by, so the next command gets its own answer.
            await this.transport.write(ACK).catch(() => {});
            await sleep(this.o.ackTimeoutMs, signal).catch(() => {});
            throw new ReaderError(
              ErrorCode.Link_Timeout,
              `PN532 did not acknowledge ${pn532CommandName(code)}; not repeated, the card may have received it`,
              { reason },
            );
          }
          if (i >= this.o.retries) {
            throw new ReaderError(
              ErrorCode.Link_Timeout,
              reason === 'ack-timeout'
                ? `PN532 did not acknowledge ${pn532CommandName(code)} after ${i + 1} attempts: is the module powered and the baud rate right?`
                : `PN532 rejected ${pn532CommandName(code)} frames ${i + 1} times`,
              { reason },
            );
          }
          if (reason === 'ack-timeout') {
            // The ACK may only be late (a loaded host, a slow adapter): then the command runs
            // and its answer is on the way. Abort it and let that answer arrive with nobody
            // waiting, or the repeated command's ACK and answer would be taken by the next
            // command, every answer one command late from then on.
            await this.transport.write(ACK).catch(() => {});
            await sleep(this.o.ackTimeoutMs, signal);
            if (signal?.aborted) throw canceled(pn532CommandName(code));
          }
        }
      }
    };
    const p = this.lock.then(run, run);
    this.lock = p.catch(() => {});
    return p;
  }

  /**
   * The line test after an abandoned command: Diagnose NumTst 0 with a fresh nonce; every ACK,
   * answer and error frame before its echo is dropped. Not repeated by itself: a module that
   * does not echo fails the command that wanted to run (the next one tries again).
   */
  private async resync(signal?: AbortSignal): Promise<void> {
    const nonce = crypto.getRandomValues(new Uint8Array(6));
    const params = concatBytes(Uint8Array.of(0x00), nonce);
    const frame = encodeFrame(TFI_HOST, concatBytes(Uint8Array.of(Pn532Cmd.Diagnose), params));
    const echo = concatBytes(Uint8Array.of(Pn532Cmd.Diagnose + 1), params);
    const same = (d: Uint8Array): boolean => d.length === echo.length && d.every((x, k) => x === echo[k]);
    try {
      await this.attempt(frame, Pn532Cmd.Diagnose, RESYNC_TIMEOUT_MS, signal, true, same);
      this.outOfStep = false;
    } catch (e) {
      if (e instanceof Error) throw e;
      await this.transport.write(ACK).catch(() => {});
      if (e === 'canceled') throw canceled('the PN532 line test');
      throw new ReaderError(
        ErrorCode.Link_Timeout,
        'PN532 did not echo the line test after an abandoned command: is the module powered?',
        { reason: e as Failure },
      );
    }
  }

  /** Wake-up from LowVbat, SAM normal mode, firmware with Type B support. */
  async init(): Promise<FirmwareVersion> {
    await this.transport.write(Uint8Array.of(0x55, 0x55, ...new Array(14).fill(0)));
    await this.command(Pn532Cmd.SAMConfiguration, Uint8Array.of(0x01, 0x14, 0x01));
    const fw = parseFirmwareVersion(await this.command(Pn532Cmd.GetFirmwareVersion));
    if (fw.ic !== 0x32)
      throw new ReaderError(ErrorCode.Card_Module, `IC 0x${fw.ic.toString(16)} is not a PN532`);
    if (!(fw.support & SUPPORT_TYPE_B)) {
      throw new ReaderError(
        ErrorCode.Card_Module,
        'this PN53x firmware does not support ISO/IEC 14443 Type B: My Number cards cannot be read',
      );
    }
    // Passive activation retries: the reset value FF makes InListPassiveTarget wait for a card
    // for ever (only an abort ends it, and a card activated as the abort lands is then never
    // found again: it ignores REQB); a bounded count makes each poll a search window in the
    // chip, a card answering within one activation attempt of landing, and "no target" after.
    await this.command(Pn532Cmd.RFConfiguration, Uint8Array.of(0x05, 0xff, 0x01, PASSIVE_ACTIVATION_RETRIES));
    // Field off and on: a card left activated by an earlier session (or another host) starts
    // again from IDLE and answers REQB; an activated card would ignore it.
    await this.resetField();
    this.fieldSuspect = false;
    this.firmware = fw;
    this.lineLost = undefined;
    return fw;
  }

  /**
   * One Type B poll (the chip's search window): true when a card was found (and activated).
   * `signal` (polling stopped) aborts the search with an ACK.
   */
  async pollOnce(signal?: AbortSignal): Promise<boolean> {
    const targets = parseTypeBTargets(await this.listPassiveTypeB(signal));
    const t = targets[0];
    if (!t) return false;
    this.tg = t.tg;
    // ATTRIB_RES: MBLI | CID; a card that does not support CID (protocol info FO bit 0) has none.
    this.cid = t.atqb[11]! & 0x01 && t.attribRes.length > 0 ? t.attribRes[0]! & 0x0f : 0;
    this.cardPresent = true;
    this.emit('card', { id: t.atqb, module: this.name });
    return true;
  }

  private markRemoved(): void {
    if (!this.cardPresent) return;
    this.cardPresent = false;
    this.emit('removed');
  }

  /**
   * InListPassiveTarget for one Type B card. After a missing ACK it is repeated only behind a
   * field off and on: the chip may have run it with its ACK and answer late (a loaded host)
   * and activated the card, which then ignores every REQB; command()'s own repeat would ask it
   * in vain. An aborted poll (polling stopped) leaves the same doubt for the next one.
   */
  private async listPassiveTypeB(signal?: AbortSignal): Promise<Uint8Array> {
    for (let i = 0; ; i++) {
      if (this.fieldSuspect) {
        await this.resetField();
        this.fieldSuspect = false;
      }
      try {
        const params = Uint8Array.of(0x01, 0x03, 0x00);
        return await this.command(Pn532Cmd.InListPassiveTarget, params, 1000, signal, false);
      } catch (e) {
        this.fieldSuspect = true;
        if (!isReaderError(e, ErrorCode.Link_Timeout) || e.context.reason !== 'ack-timeout') throw e;
        if (i >= this.o.retries) {
          throw new ReaderError(
            ErrorCode.Link_Timeout,
            `PN532 did not acknowledge InListPassiveTarget after ${i + 1} attempts: is the module powered and the baud rate right?`,
            { reason: 'ack-timeout' },
            { cause: e },
          );
        }
      }
    }
  }

  /**
   * RF field off and on: every card in it powers up again in IDLE, once the field was off for
   * ISO/IEC 14443-3's reset time (5 ms at least); through a shorter gap a card keeps its state.
   */
  private async resetField(): Promise<void> {
    await this.command(Pn532Cmd.RFConfiguration, Uint8Array.of(0x01, 0x00));
    await sleep(FIELD_OFF_MS);
    await this.command(Pn532Cmd.RFConfiguration, Uint8Array.of(0x01, 0x01));
  }

  /** Polls until stopped: card present / removed events; presence checked while idle. */
  startPolling(): void {
    if (this.polling) return;
    this.polling = true;
    const stop = new AbortController();
    this.pollStop = stop;
    const pause = (ms: number) => sleep(ms, stop.signal);
    this.pollDone = (async () => {
      while (this.polling) {
        try {
          if (this.lineLost) {
            await this.reconnect(stop.signal);
            continue;
          }
          if (!this.cardPresent) {
            // The chip searched for the window; a chip quicker than the polling period rests
            // for the rest of it, so the host is not woken more often than every period.
            const t0 = performance.now();
            if (!(await this.pollOnce(stop.signal)))
              await pause(this.o.pollIntervalMs - (performance.now() - t0));
            continue;
          }
          await pause(this.o.pollIntervalMs);
          if (!this.polling || !this.cardPresent || performance.now() - this.lastUse < this.o.pollIntervalMs)
            continue;
          if (!(await this.isPresent())) this.markRemoved();
        } catch (e) {
          if (!this.polling) break;
          this.emit('error', e as Error);
          if (isReaderError(e, ErrorCode.Link_Disconnected)) this.lineLost = 'reported';
          else await pause(this.o.pollIntervalMs);
        }
      }
    })();
  }

  /** After a lost line: once the port is back, wake and initialise the module again. */
  private async reconnect(signal: AbortSignal): Promise<void> {
    if (this.lineLost === 'unreported') {
      this.lineLost = 'reported';
      this.emit(
        'error',
        new ReaderError(ErrorCode.Link_Disconnected, 'the PN532 serial port went away', {
          disconnected: true,
        }),
      );
    }
    await this.portBack(signal);
    if (this.polling) await this.init();
  }

  /** Until the port is open again, 60 s at most, or polling stops: no listener or timer left. */
  private portBack(signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const back = (): void => {
        clearTimeout(timer);
        this.transport.off('open', back);
        signal.removeEventListener('abort', back);
        resolve();
      };
      const timer = setTimeout(back, 60_000);
      this.transport.on('open', back);
      signal.addEventListener('abort', back, { once: true });
      // A port that came back before the loop got here (a quick replug) sends no more 'open'.
      if (signal.aborted || this.transport.isOpen) back();
    });
  }

  /**
   * ISO-DEP presence check: an R(NAK) block sent raw through InCommunicateThru. A card in
   * the field answers R(ACK) (or repeats its last block) without changing its block number,
   * so the firmware's own ISO-DEP state stays valid; a card gone gives an RF timeout.
   */
  async isPresent(): Promise<boolean> {
    const rNak = this.cid ? Uint8Array.of(0xba, this.cid) : Uint8Array.of(0xb2);
    const d = await this.command(Pn532Cmd.InCommunicateThru, rNak);
    return (d[1] ?? 0xff) === 0x00 && d.length > 2;
  }

  async stopPolling(): Promise<void> {
    this.polling = false;
    this.pollStop?.abort();
    await this.pollDone;
  }

  /** One C-APDU; a fired signal aborts the running InDataExchange (ACK) with Op_Canceled. */
  async transmit(
    apdu: Uint8Array,
    opts: { timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<Uint8Array> {
    if (opts.signal?.aborted) throw canceled('the APDU exchange');
    if (!this.cardPresent) throw new ReaderError(ErrorCode.Card_NoCard, 'no card in the field');
    const parts: Uint8Array[] = [];
    const whole = concatBytes(Uint8Array.of(this.tg), apdu);
    let params = whole;
    let restarts = 0;
    for (let i = 0; i < 64; i++) {
      const next = params !== whole;
      // The polling loop's presence check may run between two parts (each is its own command):
      // once it found the card gone, the next poll drops the chip's target, and the part would
      // only be refused (0x27).
      if (next && !this.cardPresent) throw new ReaderError(ErrorCode.Card_Removed, 'the card left the field');
      let d: Uint8Array;
      try {
        // No InDataExchange is repeated or aborted when its ACK is late (a loaded host): its
        // answer is awaited up to the response timeout (from a silent module, noAckWaitMs).
        // Repeated, a VERIFY (INS 20) costs a second PIN try, a request for the next MI part gets
        // the part after the one handed over, and the first attempt's late ACK and answer are
        // taken for the repeat's while the repeat's own answer is taken by the next command:
        // every answer one APDU late.
        d = await this.command(
          Pn532Cmd.InDataExchange,
          params,
          opts.timeoutMs ?? 2000,
          opts.signal,
          'wait-for-answer',
        );
      } catch (e) {
        // A part never came: only the whole APDU again gives a chain known to be complete. Not
        // when the module went silent (no ACK, no byte): it is gone, not one part.
        if (!next || !isReaderError(e, ErrorCode.Link_Timeout) || e.context.reason === 'ack-timeout') throw e;
        if (restarts++ >= this.o.retries) {
          throw new ReaderError(
            ErrorCode.Link_Timeout,
            `PN532 did not answer the request for an answer's next part, ${restarts} times`,
            { reason: e.context.reason },
            { cause: e },
          );
        }
        parts.length = 0;
        params = whole;
        i = -1;
        continue;
      }
      const status = d[1] ?? 0xff;
      const err = status & 0x3f;
      if (err) {
        // 0x27 (no such target) once the card was found gone: the chip forgot it at the next poll.
        if (GONE.has(err) || (err === 0x27 && !this.cardPresent)) {
          this.markRemoved();
          throw new ReaderError(ErrorCode.Card_Removed, `the card left the field (${Pn532Status[err]})`, {
            status: err,
          });
        }
        throw new ReaderError(
          ErrorCode.Card_Status,
          `PN532 InDataExchange failed: ${Pn532Status[err] ?? `error 0x${err.toString(16)}`}`,
          { status: err },
        );
      }
      parts.push(d.subarray(2));
      if (!(status & MI)) return concatBytes(...parts);
      params = Uint8Array.of(this.tg); // more information: ask for the next part
    }
    throw new ReaderError(ErrorCode.Card_Status, 'the R-APDU chain did not end');
  }

  /** SetSerialBaudrate, then ACK, then both sides switch. */
  async setBaudRate(baud: number): Promise<void> {
    const code = BAUD_CODES[baud];
    if (code === undefined) throw new ReaderError(ErrorCode.Usage, `the PN532 has no ${baud} baud setting`);
    await this.command(Pn532Cmd.SetSerialBaudrate, Uint8Array.of(code));
    await this.transport.write(ACK);
    // The ACK must be on the wire at the old rate before our UART switches.
    await this.transport.drain();
    await new Promise((r) => setTimeout(r, 5));
    await this.transport.setBaudRate?.(baud);
  }

  async close(): Promise<void> {
    await this.stopPolling();
  }
}
