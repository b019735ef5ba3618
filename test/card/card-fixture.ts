// A PN532 driver and the PN532 emulator on the two ends of a real pty, with emulated cards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CardChannel } from '../../device/card/card-channel.js';
import { MyNumberCardApi } from '../../device/mynumber/mynumber-card.js';
import { Pn532, type Pn532Options } from '../../device/pn532/pn532.js';
import { SerialPortTransport } from '../../device/serial/serialport-transport.js';
import type { ProfileName } from '../../hardware/card/card-profiles.js';
import { MyNumberCard } from '../../hardware/card/mynumber-emulator.js';
import type { Pn532Faults } from '../../hardware/pn532/pn532-emulator.js';
import { type ServedPn532, servePn532 } from '../../hardware/pn532/serve.js';
import { PtyPair } from '../../hardware/pty/pty-pair.js';

/** One state folder for the whole run: keys and certificates are made once. */
export const CARD_STATE = join(tmpdir(), 'fareader-test-cards');

export async function makeCard(
  profile: ProfileName = 'normal',
  opts: { useGetResponse?: boolean; fresh?: boolean } = {},
): Promise<MyNumberCard> {
  const stateDir = opts.fresh ? mkdtempSync(join(tmpdir(), 'fareader-card-')) : CARD_STATE;
  // Counters persist per card: a fresh id per test keeps tests independent.
  const cardId = `${profile}-${Math.random().toString(36).slice(2, 8)}`;
  return MyNumberCard.create({ stateDir, cardId, profile, useGetResponse: opts.useGetResponse });
}

export interface Pn532Rig {
  readonly pty: PtyPair;
  readonly served: ServedPn532;
  readonly host: SerialPortTransport;
  readonly pn532: Pn532;
  api(): MyNumberCardApi;
  close(): Promise<void>;
}

export async function pn532Rig(
  opts: { baudRate?: number; faults?: Pn532Faults; driver?: Pn532Options } = {},
): Promise<Pn532Rig> {
  const pty = await PtyPair.create('pn532');
  const served = await servePn532(pty.devicePath, { baudRate: opts.baudRate ?? 115200, faults: opts.faults });
  const host = await SerialPortTransport.open({
    path: pty.hostPath,
    baudRate: opts.baudRate ?? 115200,
    reopenEveryMs: 50,
  });
  const pn532 = new Pn532(host, opts.driver);
  return {
    pty,
    served,
    host,
    pn532,
    api: () => new MyNumberCardApi(new CardChannel(pn532)),
    close: async () => {
      await pn532.close();
      await host.close();
      await served.close();
      await pty.close();
    },
  };
}

export function cleanupCardState(): void {
  rmSync(CARD_STATE, { recursive: true, force: true });
}
