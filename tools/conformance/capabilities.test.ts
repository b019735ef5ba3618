// Every "not applicable" and "uncovered" reason says what to give the kit so the clause runs.
import { describe, expect, it } from 'vitest';
import { HOW_TO_PROVIDE, notApplicableReason, uncoveredReason } from './capabilities.js';
import type { Capability } from './kit.js';
import { CATALOGUE } from './run.js';

const ALL = Object.keys(HOW_TO_PROVIDE) as Capability[];

describe('actionable reasons', () => {
  it('names the option or setup that provides each capability', () => {
    expect(notApplicableReason(['brokerControl'])).toBe(
      "needs brokerControl: run with --broker-control so the kit runs the broker the reader connects to (set the reader's broker.url to the --broker URL, no username: the kit admits its key-bound credentials)",
    );
    // Each capability any case needs has a way to provide it, and that way names an option.
    const needed = new Set(CATALOGUE.flatMap((c) => c.needs ?? []));
    for (const n of needed) expect(HOW_TO_PROVIDE[n], n).toMatch(/--[a-z-]+/);
  });

  it('an uncovered clause says which case would cover it and what that case needs', () => {
    const none = new Set<Capability>();
    const all = new Set(CATALOGUE.map((c) => c.id));
    // §1.1 is covered only by CONN-01, which needs the kit's own broker.
    expect(uncoveredReason('1.1', CATALOGUE, all, none)).toMatch(
      /^CONN-01 needs brokerControl: run with --broker-control/,
    );
    // Left out by --only: say which ids to add.
    expect(uncoveredReason('1.1', CATALOGUE, new Set(['LINK-01']), new Set(ALL))).toBe(
      'left out by --only: add CONN-01 to --only, or run without --only',
    );
    // §12.1 needs a patient: the reason says how to give the kit one.
    expect(uncoveredReason('12.1', CATALOGUE, all, none)).toMatch(
      /^PIN-01 needs patient, cardStats: run with --patient emulated --bench URL/,
    );
    expect(uncoveredReason('99.9', CATALOGUE, all, none)).toMatch(/^no case of this kit covers it/);
  });
});
