// Request/response engine for SMP over a serial transport: frames requests, matches responses
// by sequence number (the waiter is registered before the write), times out, and passes
// console text through as events. Never fails on noise.
import { EventEmitter } from 'node:events';
import { concatBytes } from '../../protocol/bytes.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { frameSmp, SmpSerialDecoder } from '../../protocol/smp/serial-framing.js';
import {
  decodeSmp,
  encodeSmp,
  rcName,
  responseError,
  SmpOp,
  type SmpPayload,
} from '../../protocol/smp/smp-packet.js';
import type { ByteTransport } from '../serial/transport.js';

export interface SmpLinkEvents {
  console: [text: string];
  discarded: [reason: string];
  /** A response nobody waited for (late, or a wrong sequence number). */
  stray: [seq: number, group: number, id: number];
  frame: [direction: 'tx' | 'rx', body: Uint8Array];
}

export interface SmpRequest {
  readonly group: number;
  readonly id: number;
  readonly write: boolean;
  readonly payload: SmpPayload;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

interface Waiter {
  readonly group: number;
  readonly id: number;
  resolve(p: SmpPayload): void;
  reject(e: Error): void;
}

export class SmpLink extends EventEmitter<SmpLinkEvents> {
  private readonly decoder: SmpSerialDecoder;
  private readonly waiters = new Map<number, Waiter>();
  private seq = 0;
  private lastStray?: { seq: number; group: number; id: number };

  constructor(
    private readonly transport: ByteTransport,
    private readonly opts: { defaultTimeoutMs?: number; version?: 0 | 1; maxPacket?: number } = {},
  ) {
    super();
    this.decoder = new SmpSerialDecoder(opts.maxPacket ?? 8192);
    transport.on('data', (b) => this.onData(b));
    transport.on('close', () => {
      for (const [seq, w] of this.waiters) {
        this.waiters.delete(seq);
        w.reject(
          new ReaderError(ErrorCode.Link_Disconnected, 'the serial port went away', { disconnected: true }),
        );
      }
    });
  }

  private onData(chunk: Uint8Array): void {
    for (const ev of this.decoder.push(chunk)) {
      if (ev.type === 'console') this.emit('console', ev.text);
      else if (ev.type === 'discarded') this.emit('discarded', ev.reason);
      else this.onPacket(ev.body);
    }
  }

  private onPacket(body: Uint8Array): void {
    this.emit('frame', 'rx', body);
    let pkt: ReturnType<typeof decodeSmp>;
    try {
      pkt = decodeSmp(body);
    } catch (e) {
      this.emit('discarded', (e as Error).message);
      return;
    }
    const { seq, group, id, op } = pkt.header;
    const w = this.waiters.get(seq);
    if (!w || w.group !== group || w.id !== id || (op !== SmpOp.readResponse && op !== SmpOp.writeResponse)) {
      this.lastStray = { seq, group, id };
      this.emit('stray', seq, group, id);
      return;
    }
    this.waiters.delete(seq);
    w.resolve(pkt.payload);
  }

  /** Sends a request; resolves with the response map, or rejects with a named error. */
  request(req: SmpRequest): Promise<SmpPayload> {
    const seq = this.seq;
    this.seq = (this.seq + 1) & 0xff;
    const timeoutMs = req.timeoutMs ?? this.opts.defaultTimeoutMs ?? 3000;
    const body = encodeSmp(
      {
        op: req.write ? SmpOp.write : SmpOp.read,
        version: this.opts.version ?? 0,
        flags: 0,
        group: req.group,
        seq,
        id: req.id,
      },
      req.payload,
    );
    return new Promise<SmpPayload>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(seq);
        // A request that timed out no longer listens to its signal (a long upload would
        // otherwise pile one listener per lost chunk on it).
        req.signal?.removeEventListener('abort', onAbort);
        const stray = this.lastStray;
        const hint =
          stray && stray.group === req.group && stray.id === req.id && stray.seq !== seq
            ? `; the target answered with sequence number ${stray.seq} instead of ${seq}`
            : '';
        reject(
          new ReaderError(
            ErrorCode.Link_Timeout,
            `no answer to SMP group ${req.group} command ${req.id} in ${timeoutMs} ms${hint}`,
            {
              seq,
              wrongSeq: hint !== '',
            },
          ),
        );
      }, timeoutMs);
      const onAbort = (): void => {
        clearTimeout(timer);
        this.waiters.delete(seq);
        reject(new ReaderError(ErrorCode.Op_Canceled, 'canceled', { canceled: true }));
      };
      if (req.signal?.aborted) return onAbort();
      req.signal?.addEventListener('abort', onAbort, { once: true });
      const done = (): void => {
        clearTimeout(timer);
        req.signal?.removeEventListener('abort', onAbort);
      };
      this.waiters.set(seq, {
        group: req.group,
        id: req.id,
        resolve: (p) => {
          done();
          const err = responseError(p);
          if (err) {
            reject(
              new ReaderError(
                ErrorCode.Link_PeerError,
                `target refused group ${req.group} command ${req.id}: ${rcName(err.rc, err.group)} (${err.group === undefined ? '' : `group ${err.group} `}rc ${err.rc})${err.reason ? `: ${err.reason}` : ''}${err.rc === 12 && err.group === undefined ? '; it speaks SMP version 2 only' : ''}`,
                { rc: err.rc, group: err.group },
              ),
            );
          } else resolve(p);
        },
        reject: (e) => {
          done();
          reject(e);
        },
      });
      this.emit('frame', 'tx', body);
      this.transport
        .write(concatBytes(...frameSmp(body)))
        .catch((e: Error) => this.waiters.get(seq)?.reject(e));
    });
  }
}
