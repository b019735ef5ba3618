// A PN532 driver and the PN532 emulator on the two ends of a wire (in memory, or a real pty),
// with emulated cards.
import { rmSync } from 'node:fs';
import { CardChannel } from '../../device/card/card-channel.js';
import { MyNumberCardApi } from '../../device/mynumber/mynumber-card.js';
import { Pn532, type Pn532Options } from '../../device/pn532/pn532.js';
import type { ByteTransport } from '../../device/serial/transport.js';
import { Pn532Emulator, type Pn532Faults } from '../../sim/pn532/pn532-emulator.js';
import { CARD_STATE, makeCard } from '../../tools/rig/emulated-card.js';
import { type Wired, type WireKind, wire } from '../helpers/wire.js';

export { CARD_STATE, makeCard };

export interface Pn532Rig {
  readonly wire: Wired<Pn532Emulator>;
  readonly served: { readonly emulator: Pn532Emulator };
  readonly host: ByteTransport;
  readonly pn532: Pn532;
  api(): MyNumberCardApi;
  close(): Promise<void>;
}

/** The PN532 driver and emulator on a wire: in memory unless the suite or the run asks for a pty. */
export async function pn532Rig(
  opts: { baudRate?: number; faults?: Pn532Faults; driver?: Pn532Options; kind?: WireKind } = {},
): Promise<Pn532Rig> {
  const w = await wire((t) => new Pn532Emulator(t, opts.faults), {
    kind: opts.kind,
    baudRate: opts.baudRate ?? 115200,
  });
  const pn532 = new Pn532(w.host, opts.driver);
  return {
    wire: w,
    served: { emulator: w.emulator },
    host: w.host,
    pn532,
    api: () => new MyNumberCardApi(new CardChannel(pn532)),
    close: async () => {
      await pn532.close();
      await w.close();
    },
  };
}

export function cleanupCardState(): void {
  rmSync(CARD_STATE, { recursive: true, force: true });
}
