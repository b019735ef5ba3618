// Cancellation to the wire on a CCID reader (issue 13, defect 3): a transmit's AbortSignal
// aborts the running command with the class request ABORT and PC_to_RDR_Abort (CCID 1.1
// §5.3.1); the caller gets a typed Op_Canceled; the reader is usable afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import { CardChannel } from '../../device/card/card-channel.js';
import { CcidReader, findCcidReaders } from '../../device/ccid/ccid-reader.js';
import { MyNumberCardApi } from '../../device/mynumber/mynumber-card.js';
import { CCID_READERS } from '../../platform/devices/ccid-readers.js';
import { CcidMsg } from '../../protocol/ccid/ccid.js';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import { EmulatedCcidDevice, EmulatedUsbBus } from '../../sim/ccid/ccid-emulator.js';
import { makeCard } from './card-fixture.js';

/** Counts the XfrBlocks the host sends and can run a hook on the n-th. */
class CountingDevice extends EmulatedCcidDevice {
  xfrBlocks = 0;
  onXfrBlock?: (n: number) => void;
  override async transferOut(endpoint: number, data: Uint8Array) {
    if (data[0] === CcidMsg.XfrBlock) {
      this.xfrBlocks++;
      this.onXfrBlock?.(this.xfrBlocks);
    }
    return super.transferOut(endpoint, data);
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function rig() {
  const bus = new EmulatedUsbBus();
  const device = new CountingDevice(CCID_READERS[0]!);
  bus.plug(device);
  const [found] = await findCcidReaders(bus, CCID_READERS);
  const reader = new CcidReader(found!.device, found!.id.name, { timeoutMs: 5000 });
  await reader.open();
  cleanups.push(() => reader.close());
  const card = await makeCard();
  const placed = new Promise((r) => reader.once('card', r));
  device.placeCard(card);
  await placed;
  return { device, reader, card };
}

const SELECT_JPKI = Uint8Array.from([
  0x00, 0xa4, 0x04, 0x0c, 0x0a, 0xd3, 0x92, 0xf0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01,
]);

describe('CCID transmit honours its AbortSignal', () => {
  it('aborts a command the card holds: ABORT request and PC_to_RDR_Abort, Op_Canceled, reader usable after', async () => {
    const { device, reader } = await rig();
    device.faults = { holdXfrBlock: true };
    const ac = new AbortController();
    device.onXfrBlock = () => queueMicrotask(() => ac.abort());
    const e = await reader.transmit(SELECT_JPKI, { signal: ac.signal }).catch((x: unknown) => x);
    expect(isReaderError(e, ErrorCode.Op_Canceled)).toBe(true);
    expect((e as { context: { canceled?: boolean } }).context.canceled).toBe(true);
    expect(device.stats).toMatchObject({ abortRequests: 1, aborts: 1, apdus: 0 });
    expect(reader.stats.aborts).toBe(1);
    // The aborted command's CMD_ABORTED reply is not taken for the next command's answer.
    device.faults = {};
    device.onXfrBlock = undefined;
    const r = await reader.transmit(SELECT_JPKI);
    expect(r.subarray(-2)).toEqual(Uint8Array.of(0x90, 0x00));
  });

  it('an already aborted signal sends nothing', async () => {
    const { device, reader } = await rig();
    const ac = new AbortController();
    ac.abort();
    const e = await reader.transmit(SELECT_JPKI, { signal: ac.signal }).catch((x: unknown) => x);
    expect(isReaderError(e, ErrorCode.Op_Canceled)).toBe(true);
    expect(device.xfrBlocks).toBe(0);
  });

  it("a patient's cancel during the photo's READ BINARY loop stops within one APDU", async () => {
    const { device, reader, card } = await rig();
    const full = new MyNumberCardApi(new CardChannel(reader));
    await full.readCardFace(card.printedKeyB);
    const apdusForWholeRead = device.xfrBlocks;
    device.xfrBlocks = 0;
    const ac = new AbortController();
    const cancelAt = 6;
    device.onXfrBlock = (n) => {
      if (n === cancelAt) ac.abort();
    };
    const api = new MyNumberCardApi(new CardChannel(reader, { signal: ac.signal }));
    const e = await api.readCardFace(card.printedKeyB).catch((x: unknown) => x);
    expect(isReaderError(e, ErrorCode.Op_Canceled)).toBe(true);
    expect(apdusForWholeRead).toBeGreaterThan(cancelAt + 2);
    // The APDU in flight when the cancel came is the last one sent.
    expect(device.xfrBlocks).toBe(cancelAt);
  });
});
