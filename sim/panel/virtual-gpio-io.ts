// A johnny-five IO plugin for a board's GPIO header with nothing behind it but memory: the
// shape a Linux GPIO IO plugin has (pins with modes, digital read callbacks, PWM writes),
// so the panel's plugin path is exercised without hardware. Keys are pressed by pulling a
// pulled-up input low; LEDs and buzzer are read back from the pin levels.
import { EventEmitter } from 'node:events';

const MODES = { INPUT: 0, OUTPUT: 1, ANALOG: 2, PWM: 3, SERVO: 4, PULLUP: 11 } as const;

interface Pin {
  supportedModes: number[];
  mode: number;
  value: number;
  report: number;
  analogChannel: number;
}

export default class VirtualGpioIo extends EventEmitter {
  /** Every instance made, so a test can reach the board readerd's panel was given. */
  static readonly instances: VirtualGpioIo[] = [];
  readonly name = 'VirtualGpio';
  readonly MODES = MODES;
  readonly HIGH = 1;
  readonly LOW = 0;
  readonly pins: Pin[];
  readonly analogPins: number[] = [];
  readonly RESOLUTION = { ADC: 1023, DAC: null, PWM: 255 };
  isReady = false;
  private readonly readers = new Map<number, (value: number) => void>();

  constructor(options: { pinCount?: number } = {}) {
    super();
    this.pins = Array.from({ length: options.pinCount ?? 28 }, () => ({
      supportedModes: [MODES.INPUT, MODES.OUTPUT, MODES.PWM, MODES.PULLUP],
      mode: MODES.INPUT,
      value: 0,
      report: 0,
      analogChannel: 127,
    }));
    VirtualGpioIo.instances.push(this);
    // A GPIO chip is there at once; johnny-five still expects the events.
    setImmediate(() => {
      this.isReady = true;
      this.emit('connect');
      this.emit('ready');
    });
  }

  pinMode(pin: number, mode: number): this {
    const p = this.pins[pin];
    if (!p) throw new Error(`GPIO ${pin} does not exist`);
    p.mode = mode;
    if (mode === MODES.PULLUP) p.value = 1;
    return this;
  }

  digitalWrite(pin: number, value: number): this {
    const p = this.pins[pin]!;
    // On an input, HIGH enables the pull-up (the Arduino convention johnny-five follows).
    p.value = value ? 1 : 0;
    if (p.mode === MODES.INPUT) this.readers.get(pin)?.(p.value);
    return this;
  }

  analogWrite(pin: number, value: number): this {
    this.pins[pin]!.value = value;
    return this;
  }

  pwmWrite(pin: number, value: number): this {
    return this.analogWrite(pin, value);
  }

  digitalRead(pin: number, handler: (value: number) => void): this {
    this.pins[pin]!.report = 1;
    this.readers.set(pin, handler);
    handler(this.pins[pin]!.value);
    return this;
  }

  /** A key press on a pulled-up input: low for `holdMs`, then released. */
  async press(pin: number, holdMs = 40): Promise<void> {
    const set = (v: number): void => {
      this.pins[pin]!.value = v;
      this.readers.get(pin)?.(v);
    };
    set(0);
    await new Promise((r) => setTimeout(r, holdMs));
    set(1);
    await new Promise((r) => setTimeout(r, holdMs));
  }

  close(): void {
    this.readers.clear();
  }
}
