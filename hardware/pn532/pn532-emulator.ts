// An NXP PN532 on HSU, on the device side of a pty: it parses host frames, ACKs each
// command, answers with the real response frames (MI chaining for long R-APDUs, error
// frames for broken commands, NACK → resend), polls Type B with a real ATQB, and carries
// APDUs to the emulated card. Fault switches for testing drivers.
import type { ByteTransport } from '../../device/serial/transport.js';
import { concatBytes } from '../../protocol/bytes.js';
import { BAUD_CODES, encodeTypeBTargets, MI } from '../../protocol/pn532/commands.js';
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
import type { LineRateTransport } from '../serial/line-rate.js';

export interface Pn532Faults {
  /** Do not ACK the Nth command (1-based), once. */
  dropAck?: number;
  /** Flip a byte in the Nth response frame, once. */
  corruptResponse?: number;
  /** Write frames in fragments of 1–3 bytes. */
  splitWrites?: boolean;
  /** Extra delay before each response, ms. */
  slowMs?: number;
  /** Stop answering anything (a hung module). */
  mute?: boolean;
}

/** Data bytes of an InDataExchange answer per frame: 255 − TFI − code − status. */
const CHUNK = 252;

export class Pn532Emulator {
  readonly stats = { commands: 0, responses: 0, nacks: 0, apdus: 0 };
  faults: Pn532Faults;
  private readonly parser = new Pn532Parser();
  private card?: MyNumberCard;
  private activated = false;
  private lastResponse?: Uint8Array;
  private pendingChain?: Uint8Array;
  private pendingBaud?: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private transport: ByteTransport,
    faults: Pn532Faults = {},
  ) {
    this.faults = faults;
    this.attach(transport);
  }

  attach(transport: ByteTransport): void {
    this.transport = transport;
    transport.on('data', (b) => {
      for (const ev of this.parser.push(b)) {
        if (this.faults.mute) continue;
        if (ev.type === 'nack') {
          this.stats.nacks++;
          if (this.lastResponse) this.queue = this.queue.then(() => this.write(this.lastResponse!));
        } else if (ev.type === 'ack') this.onHostAck();
        else if (ev.type === 'frame' && ev.tfi === TFI_HOST) {
          const data = ev.data;
          this.queue = this.queue.then(() => this.onCommand(data)).catch(() => {});
        } else if (ev.type === 'discarded' && /checksum/.test(ev.reason)) {
          this.queue = this.queue.then(() => this.write(ERROR_FRAME));
        }
      }
    });
  }

  placeCard(card: MyNumberCard): void {
    this.card = card;
    this.activated = false;
    card.onRemove = () => this.removeCard();
  }

  removeCard(): void {
    this.card?.deselect();
    this.card = undefined;
    this.activated = false;
    this.pendingChain = undefined;
  }

  private onHostAck(): void {
    // The host's ACK after a SetSerialBaudrate answer: switch now.
    if (this.pendingBaud) {
      (this.transport as LineRateTransport).setBaudRate?.(this.pendingBaud);
      this.pendingBaud = undefined;
    }
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
    if (this.faults.slowMs) await new Promise((r) => setTimeout(r, this.faults.slowMs));
    let frame = encodeFrame(TFI_PN532, data);
    this.lastResponse = frame;
    if (++this.stats.responses === this.faults.corruptResponse) {
      frame = frame.slice();
      frame[frame.length - 3]! ^= 0x20;
    }
    await this.write(frame);
  }

  private async onCommand(d: Uint8Array): Promise<void> {
    this.stats.commands++;
    if (this.stats.commands !== this.faults.dropAck) await this.write(ACK);
    const code = d[0]!;
    const args = d.subarray(1);
    const reply = (...bytes: (number | Uint8Array)[]) =>
      this.respond(
        concatBytes(
          Uint8Array.of(code + 1),
          ...bytes.map((b) => (typeof b === 'number' ? Uint8Array.of(b) : b)),
        ),
      );
    switch (code) {
      case Pn532Cmd.GetFirmwareVersion:
        return reply(0x32, 0x01, 0x06, 0x07);
      case Pn532Cmd.SAMConfiguration:
      case Pn532Cmd.RFConfiguration:
      case Pn532Cmd.SetParameters:
        return reply();
      case Pn532Cmd.GetGeneralStatus:
        return reply(0x00, 0x00, this.activated ? 1 : 0);
      case Pn532Cmd.SetSerialBaudrate: {
        const baud = Object.entries(BAUD_CODES).find(([, c]) => c === args[0])?.[0];
        if (!baud) return this.write(ERROR_FRAME);
        this.pendingBaud = Number(baud);
        return reply();
      }
      case Pn532Cmd.Diagnose:
        // NumTst 6: ISO/IEC 14443-4 card presence detection.
        if (args[0] === 0x06) return reply(this.card && this.activated ? 0x00 : 0x01);
        return reply(0x00);
      case Pn532Cmd.InListPassiveTarget: {
        if (args[1] !== 0x03) return reply(0x00); // only Type B is emulated
        if (!this.card) {
          await new Promise((r) => setTimeout(r, 30)); // a polling cycle that found nothing
          return reply(0x00);
        }
        this.activated = true;
        return this.respond(
          encodeTypeBTargets([{ tg: 1, atqb: this.card.atqb, attribRes: Uint8Array.of(0x00) }]),
        );
      }
      case Pn532Cmd.InRelease:
      case Pn532Cmd.InDeselect:
        this.activated = false;
        this.card?.deselect();
        return reply(0x00);
      case Pn532Cmd.InDataExchange:
        return this.exchange(args, reply);
      default:
        return this.write(ERROR_FRAME);
    }
  }

  private async exchange(
    args: Uint8Array,
    reply: (...b: (number | Uint8Array)[]) => Promise<void>,
  ): Promise<void> {
    const apdu = args.subarray(1);
    if (!this.card || !this.activated) {
      await new Promise((r) => setTimeout(r, 20)); // RF timeout
      return reply(0x01);
    }
    if (apdu.length === 0 && this.pendingChain) return this.sendChunk(reply);
    this.stats.apdus++;
    const r = this.card.process(apdu);
    if (!r) return reply(0x2b); // the card left the field mid-command
    this.pendingChain = r;
    return this.sendChunk(reply);
  }

  private sendChunk(reply: (...b: (number | Uint8Array)[]) => Promise<void>): Promise<void> {
    const all = this.pendingChain!;
    const part = all.subarray(0, CHUNK);
    this.pendingChain = all.length > CHUNK ? all.subarray(CHUNK) : undefined;
    return reply(this.pendingChain ? MI : 0x00, part);
  }
}
