// A USB CCID contactless reader over the WebUSB API: claims the CCID interface, follows card
// presence on the interrupt endpoint (NotifySlotChange), powers the card on and reads its
// pseudo-ATR, and exchanges APDUs with XfrBlock, checking bSeq (stale replies are dropped)
// and honouring time extensions. Every wait has a timeout.
import { EventEmitter } from 'node:events';
import {
  CcidError,
  type CcidMessage,
  CcidMsg,
  decodeCcid,
  encodeCcid,
  parseSlotChange,
  replyStatus,
} from '../../protocol/ccid/ccid.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import type { CardModule, CardModuleEvents } from '../card/card-module.js';
import { CCID_CLASS, type ReaderId, type UsbBusLike, type UsbDeviceLike } from './webusb.js';

export interface CcidOptions {
  readonly timeoutMs?: number;
  /** Time extensions accepted for one command before giving up. */
  readonly maxTimeExtensions?: number;
}

const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise((resolve, reject) => {
    const t = setTimeout(
      () => reject(new ReaderError(ErrorCode.Link_Timeout, `${what}: no answer in ${ms} ms`)),
      ms,
    );
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
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
  private readonly timeoutMs: number;

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

  /** One bulk exchange, serialised; replies with another bSeq are stale and skipped. */
  private request(type: number, data: Uint8Array, b7 = 0, timeoutMs = this.timeoutMs): Promise<CcidMessage> {
    const run = async (): Promise<CcidMessage> => {
      const seq = this.seq;
      this.seq = (this.seq + 1) & 0xff;
      const out = encodeCcid({ type, slot: 0, seq, b7, b8: 0, b9: 0, data });
      await withTimeout(this.device.transferOut(this.ep.bulkOut, out), timeoutMs, `${this.name} bulk OUT`);
      let extensions = 0;
      for (;;) {
        const r = await withTimeout(
          this.device.transferIn(this.ep.bulkIn, 65544),
          timeoutMs,
          `${this.name} ${type.toString(16)} reply`,
        );
        if (r.status !== 'ok' || !r.data)
          throw new ReaderError(ErrorCode.Link_Protocol, `${this.name} bulk IN ${r.status}`);
        let m: CcidMessage;
        try {
          m = decodeCcid(new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength));
        } catch {
          continue; // garbled: keep waiting for ours
        }
        if (m.seq !== seq) continue; // stale reply to an earlier command
        const st = replyStatus(m);
        if (st.timeExtension) {
          if (++extensions > (this.opts.maxTimeExtensions ?? 20))
            throw new ReaderError(ErrorCode.Link_Timeout, `${this.name}: too many time extensions`);
          continue;
        }
        return m;
      }
    };
    const p = this.lock.then(run, run);
    this.lock = p.catch(() => {});
    return p;
  }

  async transmit(apdu: Uint8Array, opts: { timeoutMs?: number } = {}): Promise<Uint8Array> {
    if (!this.cardPresent) throw new ReaderError(ErrorCode.Card_NoCard, 'no card on the reader');
    const r = await this.request(CcidMsg.XfrBlock, apdu, 0, opts.timeoutMs);
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
      (e: Error) => reader.emit('error', e),
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
