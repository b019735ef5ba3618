// A CCID reader unplugged and plugged back is used again without a restart (issue 13, defect 5).
import { describe, expect, it } from 'vitest';
import { HotplugCcidModule } from '../../device/ccid/ccid-hotplug.js';
import { CCID_READERS } from '../../platform/devices/ccid-readers.js';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import { EmulatedCcidDevice, EmulatedUsbBus } from '../../sim/ccid/ccid-emulator.js';
import { makeCard } from './card-fixture.js';

const SELECT_JPKI = Uint8Array.from([
  0x00, 0xa4, 0x04, 0x0c, 0x0a, 0xd3, 0x92, 0xf0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01,
]);
const next = (m: HotplugCcidModule, ev: 'card' | 'removed') => new Promise((r) => m.once(ev, r));

describe('CCID hot-plug in the composition root', () => {
  it('unplugged mid-use, plugged back: the card module reports removal, then the new card, and works', async () => {
    const bus = new EmulatedUsbBus();
    const first = new EmulatedCcidDevice(CCID_READERS[0]!);
    bus.plug(first);
    const m = new HotplugCcidModule(bus, CCID_READERS, { timeoutMs: 1000 });
    const errors: Error[] = [];
    m.on('error', (e) => errors.push(e));
    await m.start();
    let placed = next(m, 'card');
    first.placeCard(await makeCard());
    await placed;
    expect((await m.transmit(SELECT_JPKI)).subarray(-2)).toEqual(Uint8Array.of(0x90, 0x00));

    const removed = next(m, 'removed');
    bus.unplug(first);
    await removed;
    expect(m.cardPresent).toBe(false);
    expect(errors.some((e) => isReaderError(e, ErrorCode.Link_Disconnected))).toBe(true);
    expect(isReaderError(await m.transmit(SELECT_JPKI).catch((e: unknown) => e), ErrorCode.Card_NoCard)).toBe(
      true,
    );

    // Plugged back (a new device object, as the bus reports it) with the card still on it.
    const again = new EmulatedCcidDevice(CCID_READERS[0]!, 'EMU0001');
    again.placeCard(await makeCard());
    placed = next(m, 'card');
    bus.plug(again);
    await placed;
    expect(m.cardPresent).toBe(true);
    expect((await m.transmit(SELECT_JPKI)).subarray(-2)).toEqual(Uint8Array.of(0x90, 0x00));
    await m.close();
  });

  it('an unplug reported twice (interrupt endpoint, then the bus) does not throw after the reader was dropped', async () => {
    const bus = new EmulatedUsbBus();
    const dev = new EmulatedCcidDevice(CCID_READERS[0]!);
    bus.plug(dev);
    let reader: import('../../device/ccid/ccid-reader.js').CcidReader | undefined;
    const { watchCcidReaders } = await import('../../device/ccid/ccid-reader.js');
    const errors: Error[] = [];
    const stop = watchCcidReaders(bus, CCID_READERS, (r) => {
      reader = r;
      // The owner drops the reader at its first disconnect, as HotplugCcidModule does.
      const onError = (e: Error): void => {
        errors.push(e);
        r.off('error', onError);
      };
      r.on('error', onError);
    });
    for (let i = 0; i < 100 && !reader; i++) await new Promise((r) => setTimeout(r, 10));
    expect(reader).toBeDefined();
    reader!.lost(new Error('interrupt endpoint failed'));
    // Before the fix this second report emitted 'error' with no listener: an uncaught throw.
    expect(() => reader!.lost(new Error('unplugged'))).not.toThrow();
    expect(errors).toHaveLength(1);
    stop();
    await reader!.close();
  });

  it('no reader at start is a card-module error naming the known readers', async () => {
    const m = new HotplugCcidModule(new EmulatedUsbBus(), CCID_READERS);
    const e = await m.start(100).catch((x: unknown) => x);
    expect(isReaderError(e, ErrorCode.Card_Module)).toBe(true);
    await m.close();
  });
});
