// The staff screen's pairing section (SPEC §15): "pair a terminal" opens the reader's pairing
// window, the code both sides show is returned to be shown large, and staff confirm or refuse
// it. Behind the staff PIN like every /api/staff route; the code is no secret (staff compare
// it aloud), the terminal's key id is public, and nothing else of the pairing is sent.
import type { ServerResponse } from 'node:http';
import { isReaderError } from '../../../protocol/errors.js';
import type { PairingStatus } from '../../link/pairing-window.js';

/** What the section drives: the reader's pairing window. */
export interface StaffPairing {
  status(): PairingStatus;
  open(): PairingStatus;
  confirm(): PairingStatus;
  refuse(): PairingStatus;
}

const ACTIONS = ['open', 'confirm', 'refuse'] as const;

/** GET pairing: the window's state; POST pairing {action}: open, confirm or refuse. */
export async function pairingRoute(
  p: StaffPairing,
  method: string | undefined,
  body: () => Promise<unknown>,
  res: ServerResponse,
): Promise<void> {
  const send = (status: number, b: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(b));
  };
  if (method === 'GET') return send(200, { pairing: p.status() });
  const action = ((await body()) as { action?: unknown } | undefined)?.action;
  if (!ACTIONS.includes(action as (typeof ACTIONS)[number]))
    return send(400, { error: 'action: open, confirm or refuse' });
  try {
    send(200, { pairing: p[action as (typeof ACTIONS)[number]]() });
  } catch (e) {
    // Open twice, confirm before a code: the window's own one-line reason.
    if (!isReaderError(e)) throw e;
    send(409, { error: e.message, pairing: p.status() });
  }
}
