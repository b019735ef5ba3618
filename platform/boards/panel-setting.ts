// The front panel's wiring as a board profile and readerd's configuration both describe it;
// here, below both, so the board table does not import the appliance's config (no cycle). The
// schema is the description: readerd parses `$.panel` with it, and the types are inferred.
import { resolve } from 'node:path';
import { anyObject, type Infer, int, mapped, object, record, str, variants } from '../config-schema.js';

const pin = (description: string, dflt: number) => int({ min: 0, max: 127, default: dflt, description });

export const panelPinsSchema = object(
  {
    ledGreen: pin('green LED pin', 5),
    ledRed: pin('red LED pin', 6),
    buzzer: pin('buzzer pin', 3),
    keys: record(/^[0-9*#]$/, 'keys are "0".."9", "*" and "#"', pin("a key's input pin", 0), {
      description: 'keypad keys "0".."9", "*" (cancel), "#" (enter) → digital input pins',
    }),
  },
  { description: 'LEDs, buzzer and keys → pins', defaultText: "from `board`, else an Arduino Nano's" },
);

/**
 * The front panel's johnny-five IO: a Firmata board on a serial port, or an IO plugin (an npm
 * package or module path exporting the IO class, e.g. a Linux GPIO plugin) built with `options`.
 */
export const panelSchema = variants(
  'io',
  {
    firmata: {
      path: str({ description: 'serial port of the StandardFirmata board', defaultText: 'from `board`' }),
      baudRate: int({
        min: 1200,
        max: 1_000_000,
        default: 57600,
        description: "the Firmata board's line rate",
      }),
      pins: panelPinsSchema,
    },
    plugin: {
      // A package name, or a module file relative to the configuration file.
      module: mapped(
        str({
          description: 'a johnny-five IO plugin package, or a module file relative to the configuration',
        }),
        (name, cx) => (name.startsWith('.') ? resolve(cx.baseDir, name) : name),
      ),
      options: anyObject({ description: "the plugin's own options" }),
      pins: panelPinsSchema,
    },
  },
  {
    default: 'firmata',
    defaultText: 'from `board`, else `firmata`',
    description:
      "the front panel (LEDs, buzzer, 12 keys); from `board`, else none; `null` switches a board's panel off. A panel that is absent or does not answer is named on /healthz and retried; the reader runs without it",
  },
);

export type PanelSetting = Infer<typeof panelSchema>;
export type PanelPins = Infer<typeof panelPinsSchema>;
