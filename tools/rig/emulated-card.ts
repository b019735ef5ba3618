// Emulated My Number cards for the driver tests, the fuzz targets and the bench.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProfileName } from '../../sim/card/card-profiles.js';
import { MyNumberCard } from '../../sim/card/mynumber-emulator.js';

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
