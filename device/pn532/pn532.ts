// NXP PN532 over HSU as a card module, speaking through the request engine (pn532-link.ts):
// initialisation with the Type B support bit checked, Type B polling as a loop that emits card
// present / removed (presence checked with an ISO-DEP R(NAK) through InCommunicateThru, as libnfc
// does: the PN532 has no working Diagnose attention test), APDU exchange with MI chaining,
// baud-rate change, and recovery when the port comes back.
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
import { ACK, Pn532Cmd, Pn532Status } from '../../protocol/pn532/frame.js';
import type { CardModule, CardModuleEvents } from '../card/card-module.js';
import type { ByteTransport } from '../serial/transport.js';
import { canceled, Pn532Link, type Pn532LinkOptions, sleep } from './pn532-link.js';

export interface Pn532Options extends Pn532LinkOptions {
  readonly pollIntervalMs?: number;
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
  private readonly link: Pn532Link;
  private tg = 1;
  /** The CID the PN532 gave the card in ATTRIB (0 = none), for raw ISO-DEP blocks. */
  private cid = 0;
  private polling = false;
  /** A poll went unanswered: a card may sit activated (deaf to REQB) in the field. */
  private fieldSuspect = false;
  private pollDone?: Promise<void>;
  /** Fires when polling stops: ends the loop's sleeps and its wait for the port. */
  private pollStop?: AbortController;
  /**
   * The port went away since the last init: the module (powered by the USB adapter) must be
   * woken and set up again, even when no command was running and the port came straight back.
   * 'unreported' when no failed command has told the error listeners yet.
   */
  private lineLost?: 'reported' | 'unreported';
  private readonly pollIntervalMs: number;
  /** Repeats of a poll whose ACK did not come, and restarts of an answer's chain. */
  private readonly retries: number;

  constructor(
    private readonly transport: ByteTransport,
    opts: Pn532Options = {},
  ) {
    super();
    this.link = new Pn532Link(transport, opts);
    this.pollIntervalMs = opts.pollIntervalMs ?? 150;
    this.retries = opts.retries ?? 3;
    transport.on('close', () => {
      this.lineLost = this.link.busy ? 'reported' : 'unreported';
      this.link.failPending(
        new ReaderError(ErrorCode.Link_Disconnected, 'the PN532 serial port went away', {
          disconnected: true,
        }),
      );
      this.markRemoved();
    });
  }

  /**
   * Sends one command and returns the response data (from the response code on): see
   * Pn532Link.command for `resend`.
   */
  command(
    code: number,
    params: Uint8Array = new Uint8Array(),
    timeoutMs?: number,
    signal?: AbortSignal,
    resend: boolean | 'wait-for-answer' = true,
  ): Promise<Uint8Array> {
    return this.link.command(code, params, timeoutMs, signal, resend);
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
        if (i >= this.retries) {
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
              await pause(this.pollIntervalMs - (performance.now() - t0));
            continue;
          }
          await pause(this.pollIntervalMs);
          if (
            !this.polling ||
            !this.cardPresent ||
            performance.now() - this.link.lastUse < this.pollIntervalMs
          )
            continue;
          if (!(await this.isPresent())) this.markRemoved();
        } catch (e) {
          if (!this.polling) break;
          this.emit('error', e as Error);
          if (isReaderError(e, ErrorCode.Link_Disconnected)) this.lineLost = 'reported';
          else await pause(this.pollIntervalMs);
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
        if (restarts++ >= this.retries) {
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
