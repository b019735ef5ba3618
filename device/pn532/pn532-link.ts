// NXP PN532 over HSU, the request engine: one command at a time, ACK timeout → retransmit,
// corrupted answer → NACK, error frame → retransmit, response timeout → ACK to abort, and after
// an abandoned command a line test before the next one. The card module (pn532.ts) speaks
// through it; nothing here knows about cards.
import { concatBytes } from '../../protocol/bytes.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import {
  ACK,
  encodeFrame,
  NACK,
  Pn532Cmd,
  Pn532Parser,
  pn532CommandName,
  TFI_HOST,
  TFI_PN532,
} from '../../protocol/pn532/frame.js';
import type { ByteTransport } from '../serial/transport.js';

export interface Pn532LinkOptions {
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

export const canceled = (what: string): ReaderError =>
  new ReaderError(ErrorCode.Op_Canceled, `${what} was canceled`, { canceled: true });

/** Waits ms, or less when the signal fires; the timer never outlives the wait. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
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

/** How long the line test after an abandoned command may take to come back. */
const RESYNC_TIMEOUT_MS = 1000;

export class Pn532Link {
  private readonly parser = new Pn532Parser();
  private waiter?: Waiter;
  private lock: Promise<unknown> = Promise.resolve();
  private answeredAt = 0;
  /**
   * A command was abandoned (canceled, timed out): its ACK and answer may still be on the wire,
   * or buffered unread behind a busy event loop. Before the next command the driver sends a
   * Diagnose line test (NumTst 0) with a fresh nonce and drops everything until its echo comes
   * back: what follows the echo is the next command's (UM0701 §7.2.1; the UART keeps order).
   */
  private outOfStep = false;
  private readonly o: Required<Omit<Pn532LinkOptions, 'onFrame'>> & Pick<Pn532LinkOptions, 'onFrame'>;

  constructor(
    private readonly transport: ByteTransport,
    opts: Pn532LinkOptions = {},
  ) {
    // Per option, so an option given as undefined gets its default too.
    this.o = {
      ackTimeoutMs: opts.ackTimeoutMs ?? 100,
      noAckWaitMs: opts.noAckWaitMs ?? 1000,
      responseTimeoutMs: opts.responseTimeoutMs ?? 1000,
      retries: opts.retries ?? 3,
      onFrame: opts.onFrame,
    };
    transport.on('data', (b) => this.onData(b));
  }

  /** When the last command was answered (performance.now()): the polling loop's idle check. */
  get lastUse(): number {
    return this.answeredAt;
  }

  /** A command is on the wire, waiting for its ACK or answer. */
  get busy(): boolean {
    return this.waiter !== undefined;
  }

  /** Fails the command on the wire, if any (the port went away). */
  failPending(e: Error): void {
    this.waiter?.fail(e);
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
          this.answeredAt = performance.now();
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
}
