// What a case needs from the kit's setup, and — when it is missing — what to give the kit so
// the case runs. A report that only says "needs brokerControl" leaves a certifier guessing;
// each reason here names the option or the setup that provides it.
import type { Capability } from './kit.js';

/** For each capability: what gives it to the kit (an option, or how to set the reader up). */
export const HOW_TO_PROVIDE: Readonly<Record<Capability, string>> = {
  patient:
    'run with --patient emulated --bench URL (the emulated bench) or --patient operator (a person at the bench follows the prompts)',
  cardStats:
    "run with --patient emulated --bench URL: only the emulated card counts the reader's APDUs and PIN verifications",
  restart:
    'run with --patient emulated --bench URL, or --patient operator (you stop and start the reader when asked)',
  kill: 'run with --patient emulated --bench URL, or --patient operator (you cut the reader’s power when asked)',
  externalBroker:
    "the reader's broker runs inside the reader, so no broker outlives it to publish its Will: point the reader's broker.url at an external broker and run without --broker-embedded, or run with --broker-control",
  brokerControl:
    "run with --broker-control so the kit runs the broker the reader connects to (set the reader's broker.url to the --broker URL, no username: the kit admits its key-bound credentials)",
};

/** The reason a case is not applicable: what is missing and what provides each. */
export function notApplicableReason(missing: readonly Capability[]): string {
  return `needs ${missing.join(', ')}: ${missing.map((m) => HOW_TO_PROVIDE[m]).join('; ')}`;
}

export interface CatalogueEntry {
  readonly id: string;
  readonly clauses: readonly string[];
  readonly needs?: readonly Capability[];
}

/**
 * Why a device clause has no case in this run, and what to give the kit so it has one: a case
 * left out by --only, a case whose needs this setup lacks, or no case in the catalogue at all.
 */
export function uncoveredReason(
  clause: string,
  catalogue: readonly CatalogueEntry[],
  selected: ReadonlySet<string>,
  capabilities: ReadonlySet<Capability>,
): string {
  const covering = catalogue.filter((c) => c.clauses.includes(clause));
  if (covering.length === 0)
    return 'no case of this kit covers it: it is not observable from outside the reader with this kit version';
  const runnable = covering.filter((c) => (c.needs ?? []).every((n) => capabilities.has(n)));
  const unselected = runnable.filter((c) => !selected.has(c.id));
  if (unselected.length)
    return `left out by --only: add ${unselected.map((c) => c.id).join(' or ')} to --only, or run without --only`;
  const best = [...covering].sort(
    (a, b) => missingOf(a, capabilities).length - missingOf(b, capabilities).length,
  )[0]!;
  return `${best.id} ${notApplicableReason(missingOf(best, capabilities))}`;
}

function missingOf(c: CatalogueEntry, capabilities: ReadonlySet<Capability>): Capability[] {
  return (c.needs ?? []).filter((n) => !capabilities.has(n));
}
