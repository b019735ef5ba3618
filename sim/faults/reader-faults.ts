// The misbehaviours of the conformance kit's reference appliance (its can-fail proof), as a
// table: each fault wraps one seam of the reader's composition. A fault names what the kit
// must catch; test/conformance/kit-faults.test.ts lists the cases that catch each one.
import type { LinkParts, ReaderSeams } from '../../firmware-host/reader-composition.js';
import { counterResetOnOpen, unsignedResults, willless } from './link-faults.js';
import { confirmLastTryUnasked, dropCancel } from './session-faults.js';

type Decorate = (seams: ReaderSeams) => ReaderSeams;

/** Decorates the link's parts, after any decoration already there. */
const linkPart =
  (f: (parts: LinkParts) => LinkParts): Decorate =>
  (s) => ({ ...s, linkParts: (p) => f(s.linkParts ? s.linkParts(p) : p) });

export const READER_FAULTS = {
  /** Results leave unsigned (a bare envelope); everything else is sealed as before. */
  unsignedResults: linkPart((p) => ({ ...p, sealer: unsignedResults(p.sealer) })),
  /** The result counter starts again at 1 every time the reader starts. */
  counterResetOnRestart: linkPart((p) => ({ ...p, outbox: counterResetOnOpen(p.outbox) })),
  /** The link connects without its Will: a dead reader is never announced. */
  noWill: linkPart((p) => ({ ...p, connect: willless(p.connect) })),
  /** A terminal's cancel is answered OK and ignored. */
  ignoreCancel: (s) => ({
    ...s,
    commands: (h, service) => dropCancel(s.commands ? s.commands(h, service) : h, service),
  }),
  /** The last PIN try is confirmed on the patient's behalf. */
  verifyOnLastTryUnasked: (s) => ({
    ...s,
    onSessionService: (service) => {
      s.onSessionService?.(service);
      confirmLastTryUnasked(service);
    },
  }),
} as const satisfies Record<string, Decorate>;

export type ReaderFault = keyof typeof READER_FAULTS;

export const FAULT_NAMES = Object.keys(READER_FAULTS) as ReaderFault[];

/** The seams with each fault's decorator applied, in the order given. */
export function withFaults(seams: ReaderSeams, faults: readonly ReaderFault[]): ReaderSeams {
  return faults.reduce<ReaderSeams>((s, f) => READER_FAULTS[f](s), seams);
}
