// An emulated card in vsmartcard-vpcd's virtual reader: like vicc, the card side connects to
// vpcd (a pcscd reader driver listening on TCP, port 35963 by default) and answers what it
// sends, so pcscd and every PC/SC application (OpenSC, a terminal's own software) see a card.
// The card leaving the field closes the connection; it is placed again by reconnecting.
import { connect, type Socket } from 'node:net';
import { decodeResponse } from '../../protocol/apdu/apdu.js';
import { toHex } from '../../protocol/bytes.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { decodeVpcdMessage, encodeVpcdFrame, VpcdFramer } from '../../protocol/vpcd/vpcd.js';

/** What vpcd needs from a card. */
export interface VpcdCard {
  readonly atr: Uint8Array;
  /** One C-APDU; undefined when the card left the field during it. */
  process(apdu: Uint8Array): Uint8Array | undefined;
  /** Power off or reset: selections and VERIFY states are gone. */
  deselect(): void;
}

/** What happened on the link; APDUs by header and status word only (never VERIFY data). */
export type VpcdEvent =
  | { readonly event: 'connected'; readonly host: string; readonly port: number }
  | { readonly event: 'power-on' | 'power-off' | 'reset' }
  | { readonly event: 'apdu'; readonly header: string; readonly sw: string }
  | { readonly event: 'card-removed' }
  | { readonly event: 'disconnected'; readonly reason: string };

export interface VpcdOptions {
  readonly host: string;
  readonly port: number;
  /** How long to keep trying while vpcd is not listening (pcscd starting, restarting) [30 s]. */
  readonly connectTimeoutMs?: number;
  readonly onEvent?: (e: VpcdEvent) => void;
}

export interface ServedVpcdCard {
  /** Takes the card out of the reader and stops reconnecting. */
  stop(): Promise<void>;
  /** Settles when serving ends: resolved after stop(), rejected when vpcd stays away. */
  readonly done: Promise<void>;
}

const RETRY_MS = 200;
/** Out of the reader for longer than pcscd's 400 ms presence poll, so hosts see the removal. */
const REMOVED_MS = 1500;

function connectOnce(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ host, port });
    s.once('connect', () => {
      s.removeAllListeners('error');
      // One small frame per answer: Nagle's wait for an ACK would add ~40 ms to every APDU.
      s.setNoDelay(true);
      resolve(s);
    });
    s.once('error', (e) => {
      s.destroy();
      reject(e);
    });
  });
}

/** Keeps `card` in vpcd's reader until stop(), placing it again whenever it was removed. */
export function serveCardToVpcd(card: VpcdCard, o: VpcdOptions): ServedVpcdCard {
  const timeoutMs = o.connectTimeoutMs ?? 30_000;
  const emit = (e: VpcdEvent) => o.onEvent?.(e);
  let stopped = false;
  let socket: Socket | undefined;
  let wake: (() => void) | undefined;

  const connectWithin = async (): Promise<Socket | undefined> => {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (!stopped) {
      try {
        return await connectOnce(o.host, o.port);
      } catch (e) {
        last = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      }
      if (Date.now() >= deadline) {
        throw new ReaderError(
          ErrorCode.Link_Timeout,
          `vpcd is not listening on ${o.host}:${o.port} (${last}) after ${Math.round(timeoutMs / 1000)} s: is pcscd running with vsmartcard-vpcd's reader driver?`,
          { host: o.host, port: o.port, cause: last },
        );
      }
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, RETRY_MS);
      });
    }
    return undefined;
  };

  /** One connection: answers vpcd until either side ends it; says why. */
  const session = (s: Socket): Promise<string> =>
    new Promise((resolve) => {
      const framer = new VpcdFramer();
      const end = (why: string) => {
        s.destroy();
        resolve(why);
      };
      s.on('data', (chunk: Buffer) => {
        for (const payload of framer.push(new Uint8Array(chunk))) {
          const m = decodeVpcdMessage(payload);
          if (m.kind === 'get-atr') s.write(encodeVpcdFrame(card.atr));
          else if (m.kind === 'power-off' || m.kind === 'reset' || m.kind === 'power-on') {
            if (m.kind !== 'power-on') card.deselect();
            emit({ event: m.kind });
          } else if (m.kind === 'apdu') {
            const r = card.process(m.apdu);
            if (!r) {
              emit({ event: 'card-removed' });
              end('card removed');
              return;
            }
            emit({
              event: 'apdu',
              header: toHex(m.apdu.subarray(0, 4)),
              sw: decodeResponse(r).sw.toString(16).padStart(4, '0'),
            });
            s.write(encodeVpcdFrame(r));
          }
          // Unknown control codes: vpcd waits for no answer to those, so none is sent.
        }
      });
      s.on('error', (e) => end((e as NodeJS.ErrnoException).code ?? e.message));
      s.on('close', () => resolve(stopped ? 'stopped' : 'vpcd closed the connection'));
    });

  const run = async (): Promise<void> => {
    while (!stopped) {
      const s = await connectWithin();
      if (!s) return;
      socket = s;
      emit({ event: 'connected', host: o.host, port: o.port });
      const why = await session(s);
      socket = undefined;
      card.deselect();
      emit({ event: 'disconnected', reason: why });
      if (why === 'card removed' && !stopped)
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, REMOVED_MS);
        });
    }
  };

  const done = run();
  return {
    done,
    async stop() {
      stopped = true;
      socket?.destroy();
      wake?.();
      await done.catch(() => undefined);
    },
  };
}
