// Every fuzz target, in the order `npm run fuzz` and `npm test` run them.
import { apduTarget } from './apdu.fuzz.js';
import { cardEmulatorTarget } from './card-emulator.fuzz.js';
import { cardReaderTarget } from './card-reader.fuzz.js';
import { ccidTarget } from './ccid.fuzz.js';
import { consoleTarget } from './console.fuzz.js';
import { deviceLinkTarget } from './device-link.fuzz.js';
import type { FuzzTarget } from './harness.js';
import { linkTarget } from './link.fuzz.js';
import { mcubootTarget } from './mcuboot.fuzz.js';
import { mynumberTarget } from './mynumber.fuzz.js';
import { pn532Target } from './pn532.fuzz.js';
import { pn532EmulatorTarget } from './pn532-emulator.fuzz.js';
import { smpTarget } from './smp.fuzz.js';
import { smpTargetTarget } from './smp-target.fuzz.js';
import { terminalTarget } from './terminal.fuzz.js';
import { vpcdTarget } from './vpcd.fuzz.js';

export const targets: readonly FuzzTarget[] = [
  pn532Target,
  apduTarget,
  ccidTarget,
  vpcdTarget,
  smpTarget,
  mcubootTarget,
  linkTarget,
  mynumberTarget,
  consoleTarget,
  cardEmulatorTarget,
  cardReaderTarget,
  pn532EmulatorTarget,
  smpTargetTarget,
  deviceLinkTarget,
  terminalTarget,
];
