// A USB CCID contactless reader behind the WebUSB interface the `usb` package exposes: a
// device with the CCID interface (bulk OUT, bulk IN, interrupt IN), answering CCID messages
// as the class specification says, with the emulated My Number card in its field, and a bus
// that reports plug and unplug. Fault switches for testing the driver.

import type {
  ReaderId,
  UsbBusLike,
  UsbConnectionEvent,
  UsbDeviceLike,
  UsbInterfaceLike,
  UsbTransferIn,
} from '../../device/ccid/webusb.js';
import {
  CcidMsg,
  decodeCcid,
  encodeCcid,
  encodeSlotChange,
  typeBPseudoAtr,
} from '../../protocol/ccid/ccid.js';
import type { MyNumberCard } from '../card/mynumber-emulator.js';

export interface CcidFaults {
  /** Before each DataBlock, send this many time-extension replies. */
  timeExtensions?: number;
  /** Before each reply, send a stale one (previous bSeq). */
  staleReplies?: boolean;
  /** Delay every reply, ms. */
  slowMs?: number;
  /** Answer nothing at all (a hung reader). */
  mute?: boolean;
  /** Hold each XfrBlock's answer until the host aborts it (a card that takes its time). */
  holdXfrBlock?: boolean;
}

class Queue<T> {
  private items: T[] = [];
  private waiters: { resolve: (v: T) => void; reject: (e: Error) => void }[] = [];
  push(v: T): void {
    const w = this.waiters.shift();
    if (w) w.resolve(v);
    else this.items.push(v);
  }
  next(): Promise<T> {
    const v = this.items.shift();
    if (v !== undefined) return Promise.resolve(v);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }
  /** Ends the transfers waiting here: a later transfer must not lose its data to a dead one. */
  cancel(e: Error): void {
    for (const w of this.waiters.splice(0)) w.reject(e);
  }
  clear(): void {
    this.items = [];
  }
}

const EP = { bulkOut: 2, bulkIn: 2, intIn: 3 } as const;

export class EmulatedCcidDevice implements UsbDeviceLike {
  readonly stats = { messages: 0, apdus: 0, abortRequests: 0, aborts: 0 };
  /** bSeq of the XfrBlock being held (faults.holdXfrBlock), and the ABORT request's bSeq. */
  private held?: number;
  private abortRequested?: number;
  opened = false;
  configuration: UsbDeviceLike['configuration'] = null;
  faults: CcidFaults = {};
  private card?: MyNumberCard;
  private powered = false;
  private claimed = false;
  private readonly bulkIn = new Queue<Uint8Array>();
  private readonly intIn = new Queue<Uint8Array>();
  private gone = false;
  readonly vendorId: number;
  readonly productId: number;
  readonly productName: string;
  readonly serialNumber: string;

  constructor(id: ReaderId, serialNumber = 'EMU0001') {
    this.vendorId = id.vendorId;
    this.productId = id.productId;
    this.productName = id.name;
    this.serialNumber = serialNumber;
  }

  private static readonly interfaces: readonly UsbInterfaceLike[] = [
    {
      interfaceNumber: 0,
      alternate: {
        interfaceClass: 0x0b,
        endpoints: [
          { endpointNumber: EP.bulkOut, direction: 'out', type: 'bulk', packetSize: 64 },
          { endpointNumber: EP.bulkIn, direction: 'in', type: 'bulk', packetSize: 64 },
          { endpointNumber: EP.intIn, direction: 'in', type: 'interrupt', packetSize: 8 },
        ],
      },
    },
  ];

  private check(): void {
    if (this.gone) throw new Error('LIBUSB_ERROR_NO_DEVICE');
  }

  async open(): Promise<void> {
    this.check();
    this.opened = true;
  }
  async close(): Promise<void> {
    this.opened = false;
    this.claimed = false;
    // As libusb cancels a closed handle's transfers: the next host's reads get the data.
    const cancelled = new Error('LIBUSB_TRANSFER_CANCELLED');
    this.bulkIn.cancel(cancelled);
    this.intIn.cancel(cancelled);
  }
  async selectConfiguration(value: number): Promise<void> {
    this.check();
    this.configuration = { configurationValue: value, interfaces: EmulatedCcidDevice.interfaces };
  }
  async claimInterface(n: number): Promise<void> {
    this.check();
    if (!this.opened || n !== 0) throw new Error('LIBUSB_ERROR_NOT_FOUND');
    this.claimed = true;
  }
  async releaseInterface(): Promise<void> {
    this.claimed = false;
  }

  placeCard(card: MyNumberCard): void {
    this.card = card;
    this.powered = false;
    card.onRemove = () => this.removeCard();
    this.intIn.push(encodeSlotChange(true, true));
  }

  removeCard(): void {
    this.card?.deselect();
    this.card = undefined;
    this.powered = false;
    this.intIn.push(encodeSlotChange(false, true));
  }

  /** The bus lost the device: pending and later transfers fail. */
  unplug(): void {
    this.gone = true;
    this.opened = false;
  }

  async transferOut(endpoint: number, data: Uint8Array): Promise<{ status: string; bytesWritten: number }> {
    this.check();
    if (!this.claimed || endpoint !== EP.bulkOut) return { status: 'stall', bytesWritten: 0 };
    let m: ReturnType<typeof decodeCcid>;
    try {
      m = decodeCcid(new Uint8Array(data));
    } catch {
      return { status: 'stall', bytesWritten: 0 };
    }
    this.stats.messages++;
    if (!this.faults.mute) void this.answer(m);
    return { status: 'ok', bytesWritten: data.length };
  }

  /** The CCID class request ABORT (bRequest 1, wValue = bSeq << 8 | bSlot). */
  async controlTransferOut(setup: {
    requestType: string;
    recipient: string;
    request: number;
    value: number;
    index: number;
  }): Promise<{ status: string }> {
    this.check();
    if (setup.requestType !== 'class' || setup.recipient !== 'interface' || setup.request !== 0x01)
      return { status: 'stall' };
    this.stats.abortRequests++;
    this.abortRequested = setup.value >> 8;
    return { status: 'ok' };
  }

  async transferIn(endpoint: number): Promise<UsbTransferIn> {
    this.check();
    const q = endpoint === EP.intIn ? this.intIn : endpoint === EP.bulkIn ? this.bulkIn : undefined;
    if (!q) return { status: 'stall' };
    const b = await q.next();
    this.check();
    return { status: 'ok', data: new DataView(b.buffer, b.byteOffset, b.byteLength) };
  }

  private iccStatus(): number {
    return !this.card ? 0x02 : this.powered ? 0x00 : 0x01;
  }

  private async answer(m: ReturnType<typeof decodeCcid>): Promise<void> {
    if (this.faults.slowMs) await new Promise((r) => setTimeout(r, this.faults.slowMs));
    const reply = (type: number, b7: number, b8 = 0, data: Uint8Array = new Uint8Array()) => {
      if (this.faults.staleReplies)
        this.bulkIn.push(
          encodeCcid({ type, slot: 0, seq: (m.seq - 1) & 0xff, b7, b8, b9: 0, data: new Uint8Array() }),
        );
      this.bulkIn.push(encodeCcid({ type, slot: 0, seq: m.seq, b7, b8, b9: 0, data }));
    };
    const failAbsent = (type: number) => reply(type, 0x40 | 0x02, 0xfe);
    switch (m.type) {
      case CcidMsg.IccPowerOn:
        if (!this.card) return failAbsent(CcidMsg.DataBlock);
        this.powered = true;
        return reply(CcidMsg.DataBlock, 0x00, 0, typeBPseudoAtr(this.card.atqb));
      case CcidMsg.IccPowerOff:
        this.powered = false;
        this.card?.deselect();
        return reply(CcidMsg.SlotStatus, this.iccStatus());
      case CcidMsg.GetSlotStatus:
        return reply(CcidMsg.SlotStatus, this.iccStatus());
      case CcidMsg.XfrBlock: {
        if (!this.card) return failAbsent(CcidMsg.DataBlock);
        if (!this.powered) return reply(CcidMsg.DataBlock, 0x40 | 0x01, 0xfe);
        for (let i = 0; i < (this.faults.timeExtensions ?? 0); i++) {
          this.bulkIn.push(
            encodeCcid({
              type: CcidMsg.DataBlock,
              slot: 0,
              seq: m.seq,
              b7: 0x80,
              b8: 1,
              b9: 0,
              data: new Uint8Array(),
            }),
          );
          await new Promise((r) => setTimeout(r, 5));
        }
        if (this.faults.holdXfrBlock) {
          this.held = m.seq; // answered CMD_ABORTED when the host aborts it
          return;
        }
        this.stats.apdus++;
        const r = this.card.process(m.data);
        if (!r) return failAbsent(CcidMsg.DataBlock);
        return reply(CcidMsg.DataBlock, 0x00, 0, r);
      }
      case CcidMsg.Abort: {
        // Only after the control request for the same bSeq (§5.3.1); otherwise slot busy.
        if (this.abortRequested !== m.seq) return reply(CcidMsg.SlotStatus, 0x40 | this.iccStatus(), 0xe0);
        this.abortRequested = undefined;
        this.stats.aborts++;
        if (this.held === m.seq) {
          this.held = undefined;
          reply(CcidMsg.DataBlock, 0x40 | this.iccStatus(), 0xff); // CMD_ABORTED
        }
        return reply(CcidMsg.SlotStatus, this.iccStatus());
      }
      default:
        return reply(CcidMsg.SlotStatus, 0x40 | this.iccStatus(), 0x00); // command not supported
    }
  }
}

export class EmulatedUsbBus implements UsbBusLike {
  private readonly devices = new Set<EmulatedCcidDevice>();
  private readonly listeners = {
    connect: new Set<(e: UsbConnectionEvent) => void>(),
    disconnect: new Set<(e: UsbConnectionEvent) => void>(),
  };

  async getDevices(): Promise<UsbDeviceLike[]> {
    return [...this.devices];
  }
  addEventListener(type: 'connect' | 'disconnect', l: (e: UsbConnectionEvent) => void): void {
    this.listeners[type].add(l);
  }
  removeEventListener(type: 'connect' | 'disconnect', l: (e: UsbConnectionEvent) => void): void {
    this.listeners[type].delete(l);
  }
  plug(d: EmulatedCcidDevice): void {
    this.devices.add(d);
    for (const l of this.listeners.connect) l({ device: d });
  }
  unplug(d: EmulatedCcidDevice): void {
    this.devices.delete(d);
    d.unplug();
    for (const l of this.listeners.disconnect) l({ device: d });
  }
}
