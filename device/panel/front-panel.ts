// The front panel through johnny-five: a status LED pair (green, red), an active buzzer and an
// optional 12-key keypad. The IO (a Firmata board over serial, or a Linux IO plugin) is
// injected by the composition root; nothing here opens a port.
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type * as J5 from 'johnny-five';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';

const require = createRequire(import.meta.url);

/** The johnny-five classes the panel uses. */
type Five = Pick<typeof J5, 'Board' | 'Led' | 'Pin' | 'Button'>;

/**
 * Each from its own module: johnny-five's index loads all of its ~40 components (127 ms of
 * readerd's start, on its critical path, against 45 ms for these four, measured idle).
 */
function five(): Five {
  return {
    Board: require('johnny-five/lib/board.js'),
    Led: require('johnny-five/lib/led/index.js'),
    Pin: require('johnny-five/lib/pin.js'),
    Button: require('johnny-five/lib/button.js'),
  };
}

export interface PanelPinMap {
  readonly ledGreen: number;
  readonly ledRed: number;
  readonly buzzer: number;
  readonly keys: Readonly<Record<string, number>>;
}

export type PanelLight = 'off' | 'ready' | 'busy' | 'ok' | 'error' | 'attention';
export type BeepPattern = 'key' | 'ok' | 'error' | 'attention';

const BEEPS: Record<BeepPattern, readonly number[]> = {
  key: [30],
  ok: [80, 60, 80],
  error: [400],
  attention: [120, 80, 120, 80, 120],
};

export interface FrontPanelEvents {
  key: [key: string];
  error: [error: Error];
  /** The IO went away after the panel was up (cable pulled, port closed, Firmata error). */
  lost: [why: Error];
}

/** The IO's digital input reports (Firmata and the IO plugins johnny-five drives). */
interface DigitalReadIo {
  digitalRead(pin: number, handler: (value: number) => void): unknown;
}

/** Contact bounce: falling edges closer than this to the last release are the same press. */
const KEY_BOUNCE_MS = 20;

/**
 * A key's presses from its pulled-up input: each fall from high to low is one press, however
 * soon the release follows it (both may come in one read). The IO reports the whole port on
 * every change, so unchanged values are ignored; a fall within the bounce time of the last
 * rise is contact bounce.
 */
function watchKey(io: DigitalReadIo, pin: number, onPress: () => void): void {
  let last = 1;
  let releasedAt = Number.NEGATIVE_INFINITY;
  io.digitalRead(pin, (value) => {
    const v = value ? 1 : 0;
    if (v === last) return;
    last = v;
    const now = performance.now();
    if (v === 1) releasedAt = now;
    else if (now - releasedAt >= KEY_BOUNCE_MS) onPress();
  });
}

export class FrontPanel extends EventEmitter<FrontPanelEvents> {
  private blink?: NodeJS.Timeout;
  private beeping = Promise.resolve();
  /** PWM level of a lit LED (255 = full: a plain on). */
  private level = 255;
  private light: PanelLight = 'off';

  private constructor(
    private readonly board: J5.Board,
    private readonly green: J5.Led,
    private readonly red: J5.Led,
    private readonly buzzer: J5.Pin,
  ) {
    super();
  }

  /** Waits for the IO to be ready (Firmata handshake), then sets up the pins. */
  static async open(io: unknown, pins: PanelPinMap, timeoutMs = 10_000): Promise<FrontPanel> {
    const j5 = five();
    const board = new j5.Board({ io, repl: false, debug: false, sigint: false } as J5.BoardOption);
    const events = board as unknown as EventEmitter;
    let panel: FrontPanel | undefined;
    // johnny-five re-emits the IO's errors on the board (and its own connect timeout fires even
    // after we gave up): an 'error' nobody listens to would end the process, so one always does.
    const lost = (e: Error): void => void panel?.emit('lost', e);
    events.on('error', (e: Error) =>
      lost(new ReaderError(ErrorCode.Link_Disconnected, `front panel: ${e.message}`)),
    );
    for (const ev of ['close', 'disconnect'])
      events.on(ev, () => lost(new ReaderError(ErrorCode.Link_Disconnected, 'the front panel went away')));
    const ready = new Promise<void>((resolve, reject) => {
      const t = setTimeout(
        () =>
          reject(
            new ReaderError(ErrorCode.Link_Timeout, `the front panel did not answer within ${timeoutMs} ms`),
          ),
        timeoutMs,
      );
      (board as unknown as EventEmitter).once('ready', () => {
        clearTimeout(t);
        resolve();
      });
      (board as unknown as EventEmitter).once('error', (e: Error) => {
        clearTimeout(t);
        reject(new ReaderError(ErrorCode.Link_Disconnected, `front panel: ${e.message}`));
      });
    });
    await ready.catch((e: unknown) => {
      forget(j5, board);
      throw e;
    });
    const opt = { board };
    panel = new FrontPanel(
      board,
      new j5.Led({ pin: pins.ledGreen, ...opt }),
      new j5.Led({ pin: pins.ledRed, ...opt }),
      new j5.Pin({ pin: pins.buzzer, type: 'digital', mode: 1, ...opt } as J5.PinOption),
    );
    for (const [key, pin] of Object.entries(pins.keys)) {
      // johnny-five sets the key up as a pulled-up input; its press event is not used: Button's
      // 7 ms trailing debounce drops a press whose down and up reports are read together (the
      // event loop late by more than the press, e.g. under load), so a keyed PIN digit vanished.
      new j5.Button({ pin, isPullup: true, ...opt } as J5.ButtonOption);
      watchKey(io as DigitalReadIo, pin, () => panel?.emit('key', key));
    }
    return panel;
  }

  /** LED brightness in percent (the LED pins are PWM pins on the boards we know). */
  setBrightness(percent: number): void {
    this.level = Math.max(1, Math.min(255, Math.round((255 * percent) / 100)));
    this.show(this.light);
  }

  show(light: PanelLight): void {
    clearInterval(this.blink);
    this.light = light;
    const lit = (led: J5.Led, on: boolean): void => {
      if (!on) led.off();
      else if (this.level >= 255) led.on();
      else led.brightness(this.level);
    };
    const set = (g: boolean, r: boolean): void => {
      lit(this.green, g);
      lit(this.red, r);
    };
    switch (light) {
      case 'off':
        return set(false, false);
      case 'ready':
      case 'ok':
        return set(true, false);
      case 'error':
        return set(false, true);
      case 'busy':
      case 'attention': {
        // Both LEDs blink together: amber on a two-colour LED.
        let on = true;
        set(true, light === 'attention');
        this.blink = setInterval(
          () => {
            on = !on;
            set(on, on && light === 'attention');
          },
          light === 'busy' ? 500 : 250,
        );
        this.blink.unref();
        return;
      }
    }
  }

  /** Queues a beep pattern (on/off durations in ms, starting with on). */
  beep(pattern: BeepPattern): Promise<void> {
    const steps = BEEPS[pattern];
    this.beeping = this.beeping.then(async () => {
      for (let i = 0; i < steps.length; i++) {
        if (i % 2 === 0) this.buzzer.high();
        else this.buzzer.low();
        await new Promise((r) => setTimeout(r, steps[i]));
      }
      this.buzzer.low();
    });
    return this.beeping;
  }

  async close(): Promise<void> {
    clearInterval(this.blink);
    await this.beeping;
    this.green.off();
    this.red.off();
    this.buzzer.low();
    // Let the last writes leave before the port closes.
    await new Promise((r) => setTimeout(r, 20));
    forget(five(), this.board);
  }
}

/**
 * johnny-five keeps every Board it made in a module-wide list and never drops one; a panel that
 * is absent and retried forever would grow it without bound. A board we gave up is taken out.
 */
function forget(j5: Five, board: J5.Board): void {
  const cache = (j5.Board as unknown as { cache: J5.Board[] }).cache;
  const i = cache.indexOf(board);
  if (i >= 0) cache.splice(i, 1);
}
