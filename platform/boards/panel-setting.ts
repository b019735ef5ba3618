// The front panel's wiring as a board profile and readerd's configuration both describe it;
// here, below both, so the board table does not import the appliance's config (no cycle).
export interface PanelPins {
  readonly ledGreen: number;
  readonly ledRed: number;
  readonly buzzer: number;
  /** Keypad keys "0".."9", "*" (cancel), "#" (enter) → digital input pins. */
  readonly keys: Readonly<Record<string, number>>;
}

/**
 * The front panel's johnny-five IO: a Firmata board on a serial port, or an IO plugin (an npm
 * package or module path exporting the IO class, e.g. a Linux GPIO plugin) built with `options`.
 */
export type PanelSetting =
  | { readonly io: 'firmata'; readonly path: string; readonly baudRate: number; readonly pins: PanelPins }
  | {
      readonly io: 'plugin';
      readonly module: string;
      readonly options: Readonly<Record<string, unknown>>;
      readonly pins: PanelPins;
    };
