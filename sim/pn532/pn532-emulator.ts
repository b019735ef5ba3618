// An NXP PN532 on HSU, on the device side of a pty: it parses host frames, ACKs each
// command, answers the user manual's command set with the response frames a real chip sends
// (error frames only where the chip sends them), sleeps after PowerDown and at power-on
// (LowVbat) until the 0x55 wake-up preamble, lets the host abort a running command with an
// ACK, and carries ISO-DEP blocks to the emulated Type B card. Fault switches for testing
// drivers.
import type { ByteTransport } from '../../device/serial/transport.js';
import { BAUD_CODES } from '../../protocol/pn532/commands.js';
import {
  ACK,
  ERROR_FRAME,
  encodeFrame,
  Pn532Cmd,
  Pn532Parser,
  TFI_HOST,
  TFI_PN532,
} from '../../protocol/pn532/frame.js';
import type { MyNumberCard } from '../card/mynumber-emulator.js';
import { type Answer, ERROR_ANSWER, NO_ANSWER, Pn532Chip, type Pn532ChipOptions, pause } from './chip.js';
import * as ini from './initiator-commands.js';
import * as sys from './system-commands.js';

export type { Pn532ChipOptions } from './chip.js';

export interface Pn532Faults {
  /** Do not ACK the Nth command (1-based), once. */
  dropAck?: number;
  /** Flip a byte in the Nth response frame, once. */
  corruptResponse?: number;
  /** Write frames in fragments of 1–3 bytes. */
  splitWrites?: boolean;
  /** Extra delay before each response, ms. */
  slowMs?: number;
  /**
   * Delay after the card has answered and before the PN532 answers, ms: the command has reached
   * the card, so a host's abort ACK now only discards the answer (the card has acted on it).
   */
  lateAnswerMs?: number;
  /** Stop answering anything (a hung module). */
  mute?: boolean;
}

type Handler = (chip: Pn532Chip, args: Uint8Array, signal: AbortSignal) => Answer | Promise<Answer>;

/** Commands a PN532 answers by itself (the emulator handles PowerDown and the baud rate). */
const HANDLERS: Readonly<Record<number, Handler>> = {
  [Pn532Cmd.Diagnose]: sys.diagnose,
  [Pn532Cmd.GetFirmwareVersion]: sys.firmwareVersion,
  [Pn532Cmd.GetGeneralStatus]: sys.generalStatus,
  [Pn532Cmd.ReadRegister]: sys.readRegister,
  [Pn532Cmd.WriteRegister]: sys.writeRegister,
  12: sys.readGpio,
  14: sys.writeGpio,
  [Pn532Cmd.SetParameters]: sys.setParameters,
  [Pn532Cmd.SAMConfiguration]: sys.samConfiguration,
  [Pn532Cmd.RFConfiguration]: sys.rfConfiguration,
  [Pn532Cmd.InDataExchange]: ini.inDataExchange,
  [Pn532Cmd.InCommunicateThru]: ini.inCommunicateThru,
  [Pn532Cmd.InDeselect]: ini.inDeselect,
  70: ini.jumpNoPartner(0x46), // InJumpForPSL
  [Pn532Cmd.InListPassiveTarget]: ini.inListPassiveTarget,
  78: ini.notAcceptable(0x4e), // InPSL: no DEP target
  80: ini.notAcceptable(0x50), // InATR: no DEP target
  [Pn532Cmd.InRelease]: ini.inRelease,
  [Pn532Cmd.InSelect]: ini.inSelect,
  86: ini.jumpNoPartner(0x56), // InJumpForDEP
  88: () => NO_ANSWER, // RFRegulationTest: transmits until the next command
  96: ini.inAutoPoll,
  // Target mode: TgInitAsTarget waits for an initiator (none comes) until aborted; the
  // others need an initiator that activated us.
  140: () => NO_ANSWER,
  134: ini.notAcceptable(0x86),
  136: ini.notAcceptable(0x88),
  138: () => Uint8Array.of(0x8b, 0x00, 0x00), // TgGetTargetStatus: not activated
  142: ini.notAcceptable(0x8e),
  144: ini.notAcceptable(0x90),
  146: ini.notAcceptable(0x92),
  148: ini.notAcceptable(0x94),
};

type Power = 'lowvbat' | 'powerdown' | 'normal';

export class Pn532Emulator {
  /** aborts: by the host's ACK; superseded: by the host's next command frame. */
  readonly stats = { commands: 0, responses: 0, nacks: 0, apdus: 0, aborts: 0, superseded: 0 };
  faults: Pn532Faults;
  readonly chip: Pn532Chip;
  private readonly parser = new Pn532Parser();
  private lastResponse?: Uint8Array;
  private pendingBaud?: number;
  private queue: Promise<void> = Promise.resolve();
  /**
   * Commands heard and not yet answered: the host's ACK, or its next command, aborts them. A
   * real chip starts a command as its frame ends; here it may still wait its turn, or come in
   * the same read as the ACK (or command) that aborts it, and must not run then either.
   */
  private readonly unanswered = new Set<AbortController>();
  /** At power-on the PN532 is in LowVbat: asleep until the host wakes it. */
  private power: Power = 'lowvbat';
  /** Bytes that came while stalled (see stall()), heard when the stall ends. */
  private held?: Uint8Array[];

  constructor(
    private transport: ByteTransport,
    faults: Pn532Faults = {},
    chip: Pn532ChipOptions = {},
  ) {
    this.faults = faults;
    this.chip = new Pn532Chip(chip);
    this.attach(transport);
  }

  private readonly hear = (b: Uint8Array): void => this.onData(b);

  /** Listens on this transport from now on (a reopened port, or the same end after a replug). */
  attach(transport: ByteTransport): void {
    this.transport.off('data', this.hear);
    this.transport = transport;
    transport.on('data', this.hear);
  }

  /**
   * A loaded host: the emulator's process is not scheduled for ms, so the bytes that arrive
   * meanwhile are heard at the end, in one read (a command frame and the host's abort ACK after
   * it together). A testing switch, as the faults are.
   */
  stall(ms: number): void {
    if (this.held) return;
    const held: Uint8Array[] = [];
    this.held = held;
    setTimeout(() => {
      this.held = undefined;
      if (held.length) this.onData(Buffer.concat(held));
    }, ms);
  }

  private onData(b: Uint8Array): void {
    if (this.held) {
      this.held.push(b.slice());
      return;
    }
    if (this.power !== 'normal') {
      // HSU activity wakes the chip; the bytes that woke it are lost. Hosts send 55 55 00…
      // first so that only the preamble is.
      this.power = 'normal';
      if (b[0] !== 0x55) return;
      let i = 0;
      while (b[i] === 0x55) i++;
      b = b.subarray(i);
    }
    for (const ev of this.parser.push(b)) {
      if (this.faults.mute) continue;
      if (ev.type === 'nack') {
        this.stats.nacks++;
        const last = this.lastResponse;
        if (last) this.queue = this.queue.then(() => this.write(last));
      } else if (ev.type === 'ack') this.onHostAck();
      else if (ev.type === 'frame' && ev.tfi === TFI_HOST) {
        // A command frame aborts the command still running (user manual §6.2.1.3, p. 38): the
        // chip never queues one behind another.
        this.abortUnanswered('superseded');
        const data = ev.data;
        const ctl = new AbortController();
        this.unanswered.add(ctl);
        this.queue = this.queue.then(() => this.onCommand(data, ctl)).catch(() => {});
      } else if (ev.type === 'discarded' && /checksum/.test(ev.reason)) {
        this.queue = this.queue.then(() => this.write(ERROR_FRAME));
      }
    }
  }

  placeCard(card: MyNumberCard): void {
    this.chip.placeCard(card);
    card.onRemove = () => this.removeCard();
  }

  removeCard(): void {
    this.chip.removeCard();
  }

  private onHostAck(): void {
    // The host's ACK after a SetSerialBaudrate answer: switch now.
    if (this.pendingBaud) {
      void this.transport.setBaudRate?.(this.pendingBaud).catch(() => {});
      this.pendingBaud = undefined;
      return;
    }
    // Otherwise an ACK aborts the command in progress (user manual §6.2.1.3).
    this.abortUnanswered('aborts');
  }

  private abortUnanswered(by: 'aborts' | 'superseded'): void {
    for (const ctl of this.unanswered) {
      if (!ctl.signal.aborted) this.stats[by]++;
      ctl.abort();
    }
    this.unanswered.clear();
  }

  private async write(frame: Uint8Array): Promise<void> {
    if (!this.faults.splitWrites) return this.transport.write(frame).catch(() => {});
    for (let o = 0; o < frame.length; ) {
      const n = 1 + (o % 3);
      await this.transport.write(frame.subarray(o, o + n)).catch(() => {});
      await new Promise((r) => setTimeout(r, 1));
      o += n;
    }
  }

  private async respond(data: Uint8Array): Promise<void> {
    let frame = encodeFrame(TFI_PN532, data);
    this.lastResponse = frame;
    if (++this.stats.responses === this.faults.corruptResponse) {
      frame = frame.slice();
      frame[frame.length - 3]! ^= 0x20;
    }
    await this.write(frame);
  }

  private async onCommand(d: Uint8Array, ctl: AbortController): Promise<void> {
    this.stats.commands++;
    if (this.stats.commands !== this.faults.dropAck) await this.write(ACK);
    try {
      // Aborted as it began (its frame and the ACK after it heard together): nothing ran.
      if (ctl.signal.aborted) return;
      if (this.faults.slowMs) await pause(this.faults.slowMs, ctl.signal);
      const answer = await this.answer(d[0]!, d.subarray(1), ctl.signal);
      if (this.faults.lateAnswerMs) await pause(this.faults.lateAnswerMs, new AbortController().signal);
      if (ctl.signal.aborted || answer === NO_ANSWER) return;
      if (answer === ERROR_ANSWER) return this.write(ERROR_FRAME);
      await this.respond(answer);
    } finally {
      this.unanswered.delete(ctl);
    }
  }

  private async answer(code: number, args: Uint8Array, signal: AbortSignal): Promise<Answer> {
    if (code === Pn532Cmd.InDataExchange) this.stats.apdus++;
    if (code === Pn532Cmd.SetSerialBaudrate) {
      const baud = Object.entries(BAUD_CODES).find(([, c]) => c === args[0])?.[0];
      if (!baud || args.length !== 1) return ERROR_ANSWER;
      this.pendingBaud = Number(baud);
      return Uint8Array.of(0x11);
    }
    if (code === Pn532Cmd.PowerDown) return this.powerDown(args);
    const handler = HANDLERS[code];
    return handler ? handler(this.chip, args, signal) : ERROR_ANSWER;
  }

  /** PowerDown WakeUpEnable [GenerateIRQ]: answer, then sleep with the RF field off. */
  private powerDown(args: Uint8Array): Answer {
    if (args.length < 1 || args.length > 2) return ERROR_ANSWER;
    // Sleep once the answer is out: the next bytes from the host wake the chip.
    this.queue = this.queue.then(() => {
      this.chip.setField(false);
      this.power = 'powerdown';
    });
    return Uint8Array.of(0x17, 0x00);
  }
}
