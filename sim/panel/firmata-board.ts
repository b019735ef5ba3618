// An Arduino-class board running StandardFirmata, as the front panel: 20 pins (Uno/Nano
// layout), digital in/out/pull-up everywhere, PWM on 3, 5, 6, 9, 10, 11, analog on 14..19.
// It parses what the host sends (Firmata 2.5 MIDI-style messages and sysex), answers the
// version, firmware, capability, analog-mapping and pin-state queries, keeps pin modes and
// levels, and reports input ports that the host asked for. Keys are pressed by pulling their
// (pulled-up) pin low.
import { EventEmitter } from 'node:events';
import type { ByteTransport } from '../../device/serial/transport.js';

const F = {
  DIGITAL_MESSAGE: 0x90,
  ANALOG_MESSAGE: 0xe0,
  REPORT_ANALOG: 0xc0,
  REPORT_DIGITAL: 0xd0,
  SET_PIN_MODE: 0xf4,
  SET_DIGITAL_PIN_VALUE: 0xf5,
  REPORT_VERSION: 0xf9,
  SYSTEM_RESET: 0xff,
  START_SYSEX: 0xf0,
  END_SYSEX: 0xf7,
  QUERY_FIRMWARE: 0x79,
  CAPABILITY_QUERY: 0x6b,
  CAPABILITY_RESPONSE: 0x6c,
  ANALOG_MAPPING_QUERY: 0x69,
  ANALOG_MAPPING_RESPONSE: 0x6a,
  PIN_STATE_QUERY: 0x6d,
  PIN_STATE_RESPONSE: 0x6e,
  EXTENDED_ANALOG: 0x6f,
  SAMPLING_INTERVAL: 0x7a,
} as const;

export const PinMode = { INPUT: 0, OUTPUT: 1, ANALOG: 2, PWM: 3, PULLUP: 0x0b } as const;

const PIN_COUNT = 20;
const PWM_PINS = new Set([3, 5, 6, 9, 10, 11]);
const FIRMWARE = 'StandardFirmata.ino';
/** Data bytes that follow each MIDI-style command (by its high nibble, or the whole byte). */
function dataLength(cmd: number): number | undefined {
  const hi = cmd & 0xf0;
  if (hi === F.DIGITAL_MESSAGE || hi === F.ANALOG_MESSAGE) return 2;
  if (hi === F.REPORT_ANALOG || hi === F.REPORT_DIGITAL) return 1;
  if (cmd === F.SET_PIN_MODE || cmd === F.SET_DIGITAL_PIN_VALUE) return 2;
  if (cmd === F.REPORT_VERSION || cmd === F.SYSTEM_RESET) return 0;
  return undefined;
}

export interface FirmataBoardEvents {
  /** An output pin changed: level 0/1, or a PWM duty 0..255. */
  output: [pin: number, value: number];
  mode: [pin: number, mode: number];
}

export class FirmataBoard extends EventEmitter<FirmataBoardEvents> {
  readonly modes = new Array<number>(PIN_COUNT).fill(PinMode.OUTPUT);
  readonly levels = new Array<number>(PIN_COUNT).fill(0);
  private readonly reporting = new Set<number>();
  private readonly pressed = new Set<number>();
  private transport!: ByteTransport;
  private cmd?: number;
  private data: number[] = [];
  private sysex?: number[];
  readonly stats = { messages: 0, discarded: 0 };

  constructor(transport: ByteTransport) {
    super();
    this.attach(transport);
  }

  /** Listens on this transport from now on (a reopened port, or the same end after a replug). */
  attach(transport: ByteTransport): void {
    this.transport?.off('data', this.hear);
    this.transport = transport;
    transport.on('data', this.hear);
  }

  private readonly hear = (b: Uint8Array): void => {
    for (const byte of b) this.onByte(byte);
  };

  private send(bytes: number[]): void {
    this.transport.write(Uint8Array.from(bytes)).catch(() => {});
  }

  private onByte(b: number): void {
    if (this.sysex) {
      if (b === F.END_SYSEX) {
        const msg = this.sysex;
        this.sysex = undefined;
        this.onSysex(msg);
      } else if (b & 0x80) {
        this.stats.discarded++; // a command inside a sysex: the sysex was cut, start over
        this.sysex = undefined;
        this.onByte(b);
      } else if (this.sysex.length < 256) this.sysex.push(b);
      return;
    }
    if (b === F.START_SYSEX) {
      this.sysex = [];
      return;
    }
    if (b & 0x80) {
      const n = dataLength(b);
      if (n === undefined) {
        this.stats.discarded++;
        this.cmd = undefined;
        return;
      }
      this.cmd = b;
      this.data = [];
      if (n === 0) this.onCommand(b, []);
      return;
    }
    if (this.cmd === undefined) {
      this.stats.discarded++;
      return;
    }
    this.data.push(b);
    if (this.data.length === dataLength(this.cmd)) {
      const cmd = this.cmd;
      this.cmd = undefined;
      this.onCommand(cmd, this.data);
    }
  }

  private onCommand(cmd: number, d: number[]): void {
    this.stats.messages++;
    const hi = cmd & 0xf0;
    if (hi === F.DIGITAL_MESSAGE) {
      const port = cmd & 0x0f;
      const value = d[0]! | (d[1]! << 7);
      for (let i = 0; i < 8; i++) {
        const pin = port * 8 + i;
        if (pin >= PIN_COUNT) continue;
        const bit = (value >> i) & 1;
        if (this.modes[pin] === PinMode.OUTPUT) this.setOutput(pin, bit);
        // Writing HIGH to an input enables its pull-up (the classic Arduino way).
        else if (this.modes[pin] === PinMode.INPUT && bit && !this.pressed.has(pin)) this.setInput(pin, 1);
      }
    } else if (hi === F.ANALOG_MESSAGE) {
      this.setOutput(cmd & 0x0f, d[0]! | (d[1]! << 7));
    } else if (hi === F.REPORT_DIGITAL) {
      const port = cmd & 0x0f;
      if (d[0]) {
        this.reporting.add(port);
        this.reportPort(port);
      } else this.reporting.delete(port);
    } else if (cmd === F.SET_PIN_MODE) {
      const [pin, mode] = d as [number, number];
      if (pin >= PIN_COUNT) return;
      this.modes[pin] = mode;
      // A pull-up input reads high until its key pulls it low.
      if (mode === PinMode.PULLUP) this.levels[pin] = 1;
      this.emit('mode', pin, mode);
    } else if (cmd === F.SET_DIGITAL_PIN_VALUE) {
      this.setOutput(d[0]!, d[1]! ? 1 : 0);
    } else if (cmd === F.REPORT_VERSION) {
      this.send([F.REPORT_VERSION, 2, 5]);
    } else if (cmd === F.SYSTEM_RESET) {
      this.reporting.clear();
      this.modes.fill(PinMode.OUTPUT);
      this.levels.fill(0);
    }
  }

  private setOutput(pin: number, value: number): void {
    if (pin >= PIN_COUNT || this.levels[pin] === value) return;
    this.levels[pin] = value;
    this.emit('output', pin, value);
  }

  private onSysex(m: number[]): void {
    this.stats.messages++;
    const [cmd, ...d] = m;
    switch (cmd) {
      case F.QUERY_FIRMWARE: {
        const name = [...FIRMWARE].flatMap((c) => [c.charCodeAt(0) & 0x7f, c.charCodeAt(0) >> 7]);
        return this.send([F.START_SYSEX, F.QUERY_FIRMWARE, 2, 5, ...name, F.END_SYSEX]);
      }
      case F.CAPABILITY_QUERY: {
        const out: number[] = [F.START_SYSEX, F.CAPABILITY_RESPONSE];
        for (let pin = 0; pin < PIN_COUNT; pin++) {
          out.push(PinMode.INPUT, 1, PinMode.OUTPUT, 1, PinMode.PULLUP, 1);
          if (PWM_PINS.has(pin)) out.push(PinMode.PWM, 8);
          if (pin >= 14) out.push(PinMode.ANALOG, 10);
          out.push(0x7f);
        }
        return this.send([...out, F.END_SYSEX]);
      }
      case F.ANALOG_MAPPING_QUERY: {
        const map = Array.from({ length: PIN_COUNT }, (_, p) => (p >= 14 ? p - 14 : 0x7f));
        return this.send([F.START_SYSEX, F.ANALOG_MAPPING_RESPONSE, ...map, F.END_SYSEX]);
      }
      case F.PIN_STATE_QUERY: {
        const pin = d[0] ?? 0;
        if (pin >= PIN_COUNT) return;
        const state = this.levels[pin]!;
        return this.send([
          F.START_SYSEX,
          F.PIN_STATE_RESPONSE,
          pin,
          this.modes[pin]!,
          state & 0x7f,
          (state >> 7) & 0x7f,
          F.END_SYSEX,
        ]);
      }
      case F.EXTENDED_ANALOG: {
        const [pin = 0, lsb = 0, msb = 0] = d;
        return this.setOutput(pin, lsb | (msb << 7));
      }
      case F.SAMPLING_INTERVAL:
        return;
      default:
        this.stats.discarded++;
    }
  }

  private reportPort(port: number): void {
    let value = 0;
    for (let i = 0; i < 8; i++) {
      const pin = port * 8 + i;
      if (pin < PIN_COUNT && (this.modes[pin] === PinMode.INPUT || this.modes[pin] === PinMode.PULLUP))
        value |= (this.levels[pin]! & 1) << i;
    }
    this.send([F.DIGITAL_MESSAGE | port, value & 0x7f, (value >> 7) & 0x7f]);
  }

  /** Sets an input pin's level (a key pulls its pulled-up pin low) and reports its port. */
  setInput(pin: number, level: 0 | 1): void {
    if (pin >= PIN_COUNT || this.levels[pin] === level) return;
    this.levels[pin] = level;
    const port = pin >> 3;
    if (this.reporting.has(port)) this.reportPort(port);
  }

  /** A key press: low for `holdMs`, then released. */
  async press(pin: number, holdMs = 60): Promise<void> {
    this.pressed.add(pin);
    this.setInput(pin, 0);
    await new Promise((r) => setTimeout(r, holdMs));
    this.pressed.delete(pin);
    this.setInput(pin, 1);
    await new Promise((r) => setTimeout(r, holdMs));
  }
}
