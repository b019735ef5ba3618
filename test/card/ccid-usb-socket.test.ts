// The emulated USB cable between the rig's process and the emulated appliance's readerd: the
// CCID driver (as readerd composes it, a HotplugCcidModule) on a SocketUsbBus, the CCID
// emulator's bus served on a Unix socket. The same card, plug and unplug, and a reader process
// that goes away while its transfers wait.
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CardChannel } from '../../device/card/card-channel.js';
import { HotplugCcidModule } from '../../device/ccid/ccid-hotplug.js';
import { MyNumberCardApi } from '../../device/mynumber/mynumber-card.js';
import { CCID_READERS } from '../../platform/devices/ccid-readers.js';
import { createLogger } from '../../platform/log.js';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import { EmulatedCcidDevice, EmulatedUsbBus } from '../../sim/ccid/ccid-emulator.js';
import { SocketUsbBus } from '../../sim/ccid/usb-socket-bus.js';
import { serveUsbBus } from '../../sim/ccid/usb-socket-server.js';
import { lineReader } from '../../sim/ccid/usb-socket-wire.js';
import { makeCard } from './card-fixture.js';

const quiet = createLogger('test', { level: 'error', write: () => {} });
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function served() {
  const bus = new EmulatedUsbBus();
  const device = new EmulatedCcidDevice(CCID_READERS[0]!);
  bus.plug(device);
  const path = join(mkdtempSync(join(tmpdir(), 'fareader-usb-')), 'usb.sock');
  const server = await serveUsbBus(bus, path);
  cleanups.push(() => server.close());
  return { bus, device, path };
}

async function readerOn(path: string) {
  const usb = new SocketUsbBus(path, quiet);
  const module = new HotplugCcidModule(usb, CCID_READERS, { timeoutMs: 2000 });
  const errors: Error[] = [];
  module.on('error', (e) => errors.push(e));
  await module.start();
  cleanups.push(async () => {
    await module.close();
    usb.close();
  });
  return { usb, module, errors, api: new MyNumberCardApi(new CardChannel(module)) };
}

describe('the CCID reader over the emulated USB cable', () => {
  it('readerd’s CCID module finds the reader and reads the card end to end', async () => {
    const { device, path } = await served();
    const { module, api } = await readerOn(path);
    expect(module.name).toBe(CCID_READERS[0]!.name);
    const card = await makeCard();
    const placed = once(module, 'card');
    device.placeCard(card);
    await placed;
    expect((await api.readUserAuthCertificate())[0]).toBe(0x30);
    expect(await api.verifyPin('1234')).toEqual({ triesLeftBefore: 3 });
    expect(await api.signDigest(new Uint8Array(32))).toHaveLength(256);
    expect((await api.readCardFace(card.printedKeyB)).photo.length).toBeGreaterThan(1000);
    expect(card.stats.pinVerifies).toBe(1);
    const removed = once(module, 'removed');
    device.removeCard();
    await removed;
    expect(module.cardPresent).toBe(false);
  });

  it('an unplugged reader is a lost link; plugged back, it is used again', async () => {
    const { bus, device, path } = await served();
    const { module, errors, api } = await readerOn(path);
    bus.unplug(device);
    await expect.poll(() => errors.some((e) => isReaderError(e, ErrorCode.Link_Disconnected))).toBe(true);
    const again = new EmulatedCcidDevice(CCID_READERS[0]!, 'EMU0002');
    const placed = once(module, 'card');
    bus.plug(again);
    again.placeCard(await makeCard());
    await placed;
    expect((await api.readUserAuthCertificate())[0]).toBe(0x30);
  });

  it('a reader process that goes away leaves nothing waiting: the next one sees the card', async () => {
    const { device, path } = await served();
    const first = await readerOn(path);
    // Gone without closing anything, as a killed process: its interrupt read was waiting.
    first.usb.close();
    await expect.poll(() => device.opened).toBe(false);
    const next = await readerOn(path);
    const placed = once(next.module, 'card');
    device.placeCard(await makeCard());
    await placed;
    expect((await next.api.readUserAuthCertificate())[0]).toBe(0x30);
  });

  it('the rig’s end skips lines that are not requests and answers the next one', async () => {
    const { path } = await served();
    const s = createConnection(path);
    cleanups.push(() => void s.destroy());
    await once(s, 'connect');
    s.write('\u0000garbage{{\n{"no":"id"}\n{"id":7,"op":"getDevices"}\n');
    const [line] = (await once(s, 'data')) as [Buffer];
    const reply = JSON.parse(line.toString().split('\n')[0]!) as {
      id: number;
      ok: boolean;
      value: unknown[];
    };
    expect(reply).toMatchObject({ id: 7, ok: true });
    expect(reply.value).toHaveLength(1);
  });

  it('readerd’s end drops lines that are neither replies nor plug events and keeps working', async () => {
    // A rig's end we write by hand, so each line and each chunk boundary is ours to choose.
    const path = join(mkdtempSync(join(tmpdir(), 'fareader-usb-')), 'usb.sock');
    const sockets: Socket[] = [];
    const server = createServer((s) => {
      sockets.push(s);
      s.on(
        'data',
        lineReader((line) => {
          const { id } = JSON.parse(line) as { id: number };
          const reply = Buffer.from(
            `${JSON.stringify({
              id,
              ok: true,
              value: [{ dev: 1, vendorId: 0x04e6, productId: 0x5116, productName: '読取機' }],
            })}\n`,
          );
          s.write(
            [
              'null',
              '5',
              '"x"',
              '{}',
              '{"id":"a"}',
              '{"event":"connect"}',
              '{"event":"connect","device":{"dev":"1"}}',
              '{"id":',
              '',
            ].join('\n'),
          );
          // The multi-byte 読 split between two writes (its first byte in the first).
          const cut = reply.indexOf(Buffer.from('読')) + 1;
          s.write(reply.subarray(0, cut));
          setTimeout(() => s.write(reply.subarray(cut)), 20);
        }),
      );
    });
    await new Promise<void>((r) => server.listen(path, r));
    cleanups.push(async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    });
    const usb = new SocketUsbBus(path, quiet);
    cleanups.push(() => usb.close());
    const first = await usb.getDevices();
    expect(first.map((d) => d.productName)).toEqual(['読取機']);
    expect(usb.dropped).toBe(8);
    // Later traffic over the same cable still works.
    expect((await usb.getDevices()).map((d) => d.productName)).toEqual(['読取機']);
    expect(usb.dropped).toBe(16);
    expect(sockets).toHaveLength(1);
  });

  it('a bus whose rig went away, or was not there yet, finds it again when it is back', async () => {
    const bus = new EmulatedUsbBus();
    bus.plug(new EmulatedCcidDevice(CCID_READERS[0]!));
    const path = join(mkdtempSync(join(tmpdir(), 'fareader-usb-')), 'usb.sock');
    const usb = new SocketUsbBus(path, quiet);
    cleanups.push(() => usb.close());
    // Nothing serves yet: the first connect fails, the bus is empty.
    expect(await usb.getDevices()).toEqual([]);
    let server = await serveUsbBus(bus, path);
    expect(await usb.getDevices()).toHaveLength(1);
    const gone: unknown[] = [];
    usb.addEventListener('disconnect', (e) => gone.push(e.device));
    await server.close();
    await expect.poll(() => gone.length).toBe(1);
    expect(await usb.getDevices()).toEqual([]);
    server = await serveUsbBus(bus, path);
    cleanups.push(() => server.close());
    expect(await usb.getDevices()).toHaveLength(1);
  });
});
