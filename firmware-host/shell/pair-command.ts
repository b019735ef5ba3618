// The debug shell's `pair` (SPEC §15): staff open a pairing window on the reader, read the
// code both sides show, and confirm or refuse it here. The code is no secret (staff compare
// it aloud); the keys are public; nothing else of the pairing is printed.
import type { PairingStatus, PairingWindow } from '../link/pairing-window.js';

export const PAIR_HELP = [
  'pair                 open a pairing window for a terminal (then: readerctl terminal pair)',
  'pair status|confirm|refuse',
];

/** One status as shell lines. */
export function pairingLines(s: PairingStatus, deviceId = '<this reader>'): string[] {
  const secs = s.remainingMs === undefined ? '' : ` (${Math.ceil(s.remainingMs / 1000)} s left)`;
  switch (s.phase) {
    case 'closed':
      return ['no pairing window (type pair to open one)'];
    case 'waiting':
      return [`pairing window open${secs}: on the terminal run readerctl terminal pair --device ${deviceId}`];
    case 'comparing':
      return [
        `pairing code ${s.code} for terminal ${s.terminalId} (key ${s.terminalKeyId})${secs}`,
        s.confirmedHere
          ? "confirmed here; waiting for the terminal's confirmation"
          : `same code on the terminal? pair confirm, else pair refuse${s.confirmedThere ? ' (the terminal confirmed)' : ''}`,
      ];
    case 'paired':
      return [`paired: terminal ${s.terminalId} (key ${s.terminalKeyId}) is trusted`];
    case 'ended':
      return [`pairing ended, nothing trusted: ${s.reason}`];
  }
}

export function runPair(w: PairingWindow | undefined, args: readonly string[], deviceId?: string): string[] {
  if (!w) return ['pairing is not available on this reader'];
  switch (args[0] ?? 'open') {
    case 'open':
      return pairingLines(w.open(), deviceId);
    case 'status':
      return pairingLines(w.status(), deviceId);
    case 'confirm':
      return pairingLines(w.confirm(), deviceId);
    case 'refuse':
      return pairingLines(w.refuse(), deviceId);
    default:
      return ['usage: pair [open|status|confirm|refuse]'];
  }
}
