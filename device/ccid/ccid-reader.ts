// A USB CCID contactless reader over the WebUSB API: claims the CCID interface, follows card
// presence on the interrupt endpoint (NotifySlotChange), powers the card on and reads its
// pseudo-ATR, and exchanges APDUs with XfrBlock, checking bSeq (stale replies are dropped)
// and honouring time extensions. Every wait has a timeout; a transmit's AbortSignal aborts the
// running command on the wire (class request ABORT + PC_to_RDR_Abort, CCID 1.1 §5.3.1).
import { EventEmitter } from 'node:events';
import {
  CCID_REQUEST_ABORT,
  CcidError,
  type CcidMessage,
  CcidMsg,
  decodeCcid,
  encodeCcid,
  parseSlotChange,
  replyStatus,
} from '../../protocol/ccid/ccid.js';
import { ErrorCode, isReaderError, ReaderError } from '../../protocol/errors.js';
import type { CardModule, CardModuleEvents } from '../card/card-module.js';
import { CCID_CLASS, type ReaderId, type UsbBusLike, type UsbDeviceLike } from './webusb.js';

export interface CcidOptions {
  readonly timeoutMs?: number;
  /** How long the reader may take to confirm an abort (default 1000 ms). */
  readonly abortTimeoutMs?: number;
  /** Time extensions accepted for one command before giving up. */
  readonly maxTimeExtensions?: number;
}

const canceled = (what: string): ReaderError =>
  new ReaderError(ErrorCode.Op_Canceled, `${what}: canceled`, { canceled: true });

/** Settles with `p`, or rejects at the timeout or when `signal` aborts (checked first). */
const withTimeout = <T>(p: Promise<T>, ms: number, what: string, signal?: AbortSignal): Promise<T> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(canceled(what));
    const onAbort = (): void => {
      clearTimeout(t);
      reject(canceled(what));
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      reject(new ReaderError(ErrorCode.Link_Timeout, `${what}: no answer in ${ms} ms`));
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        clearTimeout(t);
        signal?.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        signal?.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });

export async function findCcidReaders(
  usb: UsbBusLike,
  table: readonly ReaderId[],
): Promise<{ device: UsbDeviceLike; id: ReaderId }[]> {
  const out: { device: UsbDeviceLike; id: ReaderId }[] = [];
  for (const device of await usb.getDevices()) {
    const id = table.find((r) => r.vendorId === device.vendorId && r.productId === device.productId);
    if (id) out.push({ device, id });
  }
  return out;
}

export class CcidReader extends EventEmitter<CardModuleEvents> implements CardModule {
  cardPresent = false;
  readonly maxResponseData = 256;
  atr?: Uint8Array;
  private seq = 0;
  private lock: Promise<unknown> = Promise.resolve();
  private ep = { bulkIn: 0, bulkOut: 0, intIn: 0 };
  private iface = 0;
  private closed = false;
  private gone = false;
  private readonly timeoutMs: number;
  /**
   * The bulk IN transfer in flight, if a wait gave up on it (timeout, abort): the next read
   * takes its result instead of queueing a second transfer that would receive a later reply.
   */
  private bulkInFlight?: Promise<Awaited<ReturnType<UsbDeviceLike['transferIn']>>>;
  readonly stats = { aborts: 0 };

  constructor(
    private readonly device: UsbDeviceLike,
    readonly name: string,
    private readonly opts: CcidOptions = {},
  ) {
    super();
    this.timeoutMs = opts.timeoutMs ?? 3000;
  }

  async open(): Promise<void> {
    const d = this.device;
    if (!d.opened) await d.open();
    if (!d.configuration) await d.selectConfiguration(1);
    const iface = d.configuration?.interfaces.find((i) => i.alternate.interfaceClass === CCID_CLASS);
    if (!iface) throw new ReaderError(ErrorCode.Card_Module, `${this.name} has no CCID interface`);
    const ep = (dir: 'in' | 'out', type: 'bulk' | 'interrupt') =>
      iface.alternate.endpoints.find((e) => e.direction === dir && e.type === type)?.endpointNumber;
    const bulkIn = ep('in', 'bulk');
    const bulkOut = ep('out', 'bulk');
    const intIn = ep('in', 'interrupt');
    if (bulkIn === undefined || bulkOut === undefined)
      throw new ReaderError(ErrorCode.Card_Module, `${this.name}: CCID bulk endpoints missing`);
    this.ep = { bulkIn, bulkOut, intIn: intIn ?? 0 };
    this.iface = iface.interfaceNumber;
    await d.claimInterface(this.iface);
    const status = await this.request(CcidMsg.GetSlotStatus, new Uint8Array());
    if (replyStatus(status).icc !== 'absent') await this.powerOn();
    if (intIn !== undefined) void this.listen();
  }

  private async listen(): Promise<void> {
    while (!this.closed) {
      let r: Awaited<ReturnType<UsbDeviceLike['transferIn']>>;
      try {
        r = await this.device.transferIn(this.ep.intIn, 8);
      } catch (e) {
        if (!this.closed) this.lost(e as Error);
        return;
      }
      if (this.closed) return;
      if (r.status !== 'ok' || !r.data) continue;
      const bytes = new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength);
      if (bytes[0] !== CcidMsg.NotifySlotChange) continue;
      const slot = parseSlotChange(bytes)[0];
      if (!slot?.changed) continue;
      if (slot.present && !this.cardPresent) await this.powerOn().catch((e: Error) => this.emit('error', e));
      else if (!slot.present) this.markRemoved();
    }
  }

  /** The device went away (unplugged, or its endpoint failed). */
  lost(e: Error): void {
    // The interrupt loop and the bus's disconnect event both report one unplug: say it once,
    // or the second 'error' finds no listener (the owner dropped us) and Node throws.
    if (this.gone) return;
    this.gone = true;
    this.markRemoved();
    this.emit(
      'error',
      new ReaderError(ErrorCode.Link_Disconnected, `${this.name} went away: ${e.message}`, {
        disconnected: true,
      }),
    );
  }

  private markRemoved(): void {
    if (!this.cardPresent) return;
    this.cardPresent = false;
    this.atr = undefined;
    this.emit('removed');
  }

  private async powerOn(): Promise<void> {
    const r = await this.request(CcidMsg.IccPowerOn, new Uint8Array());
    if (replyStatus(r).failed) return;
    this.atr = r.data;
    this.cardPresent = true;
    this.emit('card', { id: r.data, module: this.name });
  }

  private readBulkIn(): Promise<Awaited<ReturnType<UsbDeviceLike['transferIn']>>> {
    const p = this.bulkInFlight ?? this.device.transferIn(this.ep.bulkIn, 65544);
    this.bulkInFlight = p;
    const done = (): void => {
      if (this.bulkInFlight === p) this.bulkInFlight = undefined;
    };
    p.then(done, done);
    return p;
  }

  /** The next reply with bSeq `seq` (garbled and stale ones skipped), time extensions followed. */
  private async reply(
    seq: number,
    what: string,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<CcidMessage> {
    let extensions = 0;
    for (;;) {
      const r = await withTimeout(this.readBulkIn(), timeoutMs, what, signal);
      if (r.status !== 'ok' || !r.data)
        throw new ReaderError(ErrorCode.Link_Protocol, `${this.name} bulk IN ${r.status}`);
      let m: CcidMessage;
      try {
        m = decodeCcid(new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength));
      } catch {
        continue; // garbled: keep waiting for ours
      }
      if (m.seq !== seq) continue; // stale reply to an earlier command
      if (replyStatus(m).timeExtension) {
        if (++extensions > (this.opts.maxTimeExtensions ?? 20))
          throw new ReaderError(ErrorCode.Link_Timeout, `${this.name}: too many time extensions`);
        continue;
      }
      return m;
    }
  }

  /**
   * Aborts the command with bSeq `seq` (CCID 1.1 §5.3.1): the class request ABORT on the
   * control pipe, then PC_to_RDR_Abort with the same bSlot and bSeq; the reader answers the
   * aborted command (CMD_ABORTED) and the abort (SlotStatus). Best effort, bounded.
   */
  private async abortOnWire(seq: number): Promise<void> {
    this.stats.aborts++;
    const ms = this.opts.abortTimeoutMs ?? 1000;
    try {
      await withTimeout(
        this.device.controlTransferOut?.(
          {
            requestType: 'class',
            recipient: 'interface',
            request: CCID_REQUEST_ABORT,
            value: (seq << 8) | 0,
            index: this.iface,
          },
          undefined,
        ) ?? Promise.resolve({ status: 'ok' }),
        ms,
        `${this.name} ABORT request`,
      );
      const out = encodeCcid({
        type: CcidMsg.Abort,
        slot: 0,
        seq,
        b7: 0,
        b8: 0,
        b9: 0,
        data: new Uint8Array(),
      });
      await withTimeout(this.device.transferOut(this.ep.bulkOut, out), ms, `${this.name} bulk OUT`);
      for (;;) {
        const m = await this.reply(seq, `${this.name} abort confirmation`, ms);
        if (m.type === CcidMsg.SlotStatus) return;
      }
    } catch {
      // A reader that does not confirm: later replies are told apart by bSeq all the same.
    }
  }

  /** One bulk exchange, serialised; replies with another bSeq are stale and skipped. */
  private request(
    type: number,
    data: Uint8Array,
    b7 = 0,
    timeoutMs = this.timeoutMs,
    signal?: AbortSignal,
  ): Promise<CcidMessage> {
    const what = `${this.name} ${type.toString(16)}`;
    const run = async (): Promise<CcidMessage> => {
      // Canceled while it waited for the lock: nothing was sent.
      if (signal?.aborted) throw canceled(what);
      const seq = this.seq;
      this.seq = (this.seq + 1) & 0xff;
      const out = encodeCcid({ type, slot: 0, seq, b7, b8: 0, b9: 0, data });
      await withTimeout(this.device.transferOut(this.ep.bulkOut, out), timeoutMs, `${this.name} bulk OUT`);
      try {
        return await this.reply(seq, `${what} reply`, timeoutMs, signal);
      } catch (e) {
        if (isReaderError(e, ErrorCode.Op_Canceled)) await this.abortOnWire(seq);
        throw e;
      }
    };
    const p = this.lock.then(run, run);
    this.lock = p.catch(() => {});
    return p;
  }

  async transmit(
    apdu: Uint8Array,
    opts: { timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<Uint8Array> {
    if (opts.signal?.aborted) throw canceled(`${this.name} XfrBlock`);
    if (!this.cardPresent) throw new ReaderError(ErrorCode.Card_NoCard, 'no card on the reader');
    const r = await this.request(CcidMsg.XfrBlock, apdu, 0, opts.timeoutMs, opts.signal);
    const st = replyStatus(r);
    if (st.failed) {
      if (r.b8 === 0xfe || st.icc === 'absent') {
        this.markRemoved();
        throw new ReaderError(
          ErrorCode.Card_Removed,
          `the card left the reader (${CcidError[r.b8] ?? r.b8})`,
        );
      }
      throw new ReaderError(
        ErrorCode.Card_Status,
        `${this.name} XfrBlock failed: ${CcidError[r.b8] ?? `error 0x${r.b8.toString(16)}`}`,
      );
    }
    if (r.type !== CcidMsg.DataBlock)
      throw new ReaderError(
        ErrorCode.Link_Protocol,
        `${this.name} answered XfrBlock with message 0x${r.type.toString(16)}`,
      );
    return r.data;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.device.releaseInterface(this.iface).catch(() => {});
    await this.device.close().catch(() => {});
  }
}

/** Follows readers coming and going on the bus: a new matching reader is opened automatically. */
export function watchCcidReaders(
  usb: UsbBusLike,
  table: readonly ReaderId[],
  onReader: (r: CcidReader) => void,
  opts: CcidOptions = {},
): () => void {
  const readers = new Map<UsbDeviceLike, CcidReader>();
  const add = (device: UsbDeviceLike): void => {
    const id = table.find((r) => r.vendorId === device.vendorId && r.productId === device.productId);
    if (!id || readers.has(device)) return;
    const reader = new CcidReader(device, id.name, opts);
    readers.set(device, reader);
    reader.open().then(
      () => onReader(reader),
      // Nobody holds a reader that never opened (onReader was not called): forget it, so the
      // next plug-in tries again, instead of emitting an 'error' no one listens to (a throw).
      () => {
        readers.delete(device);
        void reader.close();
      },
    );
  };
  const onConnect = (ev: { device: UsbDeviceLike }): void => add(ev.device);
  const onDisconnect = (ev: { device: UsbDeviceLike }): void => {
    const r = readers.get(ev.device);
    if (!r) return;
    readers.delete(ev.device);
    r.lost(new Error('unplugged'));
    void r.close();
  };
  usb.addEventListener('connect', onConnect);
  usb.addEventListener('disconnect', onDisconnect);
  void usb.getDevices().then((ds) => ds.forEach(add));
  return () => {
    usb.removeEventListener('connect', onConnect);
    usb.removeEventListener('disconnect', onDisconnect);
    for (const r of readers.values()) void r.close();
  };
}
