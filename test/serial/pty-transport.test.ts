// What stays on real ptys now that the driver suites run on the in-memory pair: the serialport
// transport itself (socat's ptys and node-serialport are what we did not write), keeping the
// contract the in-memory pair copies, and the emulators bound to a pty as readerctl sim and the
// demo bind them. The whole driver suites run on ptys with FAREADER_TEST_WIRE=pty.
import { afterEach, describe, expect, it } from 'vitest';
import { SerialPortTransport } from '../../device/serial/serialport-transport.js';
import { waitForOpen } from '../../device/serial/transport.js';
import { Uploader } from '../../device/smp/uploader.js';
import { concatBytes } from '../../protocol/bytes.js';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import { PtyPair } from '../../sim/pty/pty-pair.js';
import { makeCard, type Pn532Rig, pn532Rig } from '../card/card-fixture.js';
import { missing } from '../helpers/system.js';
import { type SmpBench, smpBench } from '../smp/smp-fixture.js';

const noSocat = missing('socat', 'socat');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const bytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 13) & 0xff);

/** Resolves once `t` has received n bytes (bounded), with what it received. */
function receive(t: SerialPortTransport, n: number): Promise<Uint8Array> {
  const got: Uint8Array[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${got.length} reads in 5 s`)), 5000);
    t.on('data', (b) => {
      got.push(b);
      const all = concatBytes(...got);
      if (all.length >= n) {
        clearTimeout(timer);
        resolve(all);
      }
    });
  });
}

describe.skipIf(noSocat)('the serialport transport on a socat pty', () => {
  it('carries bytes in order both ways, drains, and refuses writes once closed', async () => {
    const pty = await PtyPair.create('transport');
    cleanups.push(() => pty.close());
    const host = await SerialPortTransport.open({ path: pty.hostPath, baudRate: 115200 });
    const device = await SerialPortTransport.open({ path: pty.devicePath, baudRate: 115200 });
    cleanups.push(() => device.close());
    const atDevice = receive(device, 3000);
    const atHost = receive(host, 10);
    await host.write(bytes(3000));
    await host.drain();
    await device.write(bytes(10));
    expect(await atDevice).toEqual(bytes(3000));
    expect(await atHost).toEqual(bytes(10));
    await host.close();
    const e = await host.write(bytes(1)).catch((x: unknown) => x);
    expect(isReaderError(e, ErrorCode.Link_Disconnected)).toBe(true);
  });

  it('a pulled cable closes with a lost line flagged disconnected, and the reopening transport comes back', async () => {
    const pty = await PtyPair.create('transport');
    cleanups.push(() => pty.close());
    const host = await SerialPortTransport.open({ path: pty.hostPath, baudRate: 115200, reopenEveryMs: 20 });
    cleanups.push(() => host.close());
    const closed = new Promise<Error | undefined>((resolve) => host.once('close', resolve));
    await pty.unplug();
    await host.write(bytes(1)).catch(() => {}); // on a pty, a write is what reveals the loss
    const lost = await closed;
    expect(isReaderError(lost, ErrorCode.Link_Disconnected) && lost.context.disconnected).toBe(true);
    expect(host.isOpen).toBe(false);
    const early = await waitForOpen(host, 20).catch((x: unknown) => x);
    expect(isReaderError(early, ErrorCode.Link_Disconnected)).toBe(true);
    const back = waitForOpen(host, 10_000);
    await pty.replug();
    await back;
    expect(host.isOpen).toBe(true);
    expect(host.listenerCount('open')).toBe(0);
  });
});

describe.skipIf(noSocat)('emulators bound to a pty', () => {
  it('the PN532 emulator: our driver reads a card, and finds it again after the cable is pulled', async () => {
    const rig: Pn532Rig = await pn532Rig({
      kind: 'pty',
      driver: { pollIntervalMs: 50, ackTimeoutMs: 200, retries: 2 },
    });
    cleanups.push(() => rig.close());
    const errors: Error[] = [];
    rig.pn532.on('error', (e) => errors.push(e));
    await rig.pn532.init();
    rig.served.emulator.placeCard(await makeCard());
    const nextCard = () => new Promise((resolve) => rig.pn532.once('card', resolve));
    rig.pn532.startPolling();
    await nextCard();
    expect((await rig.api().readUserAuthCertificate())[0]).toBe(0x30);
    await rig.wire.unplug();
    await rig.wire.replug();
    await nextCard();
    expect(errors.some((e) => isReaderError(e, ErrorCode.Link_Disconnected))).toBe(true);
    expect((await rig.api().readUserAuthCertificate())[0]).toBe(0x30);
  });

  it('the SMP target: an upload resumes after the cable is pulled and the image is listed', async () => {
    const b: SmpBench = await smpBench({ kind: 'pty', bufSize: 512, bufCount: 2, baudRate: 230400 });
    cleanups.push(() => b.close());
    const img = b.image(30 * 1024);
    const recovered: string[] = [];
    const up = new Uploader(b.link);
    up.on('recovered', (w) => recovered.push(w));
    const done = up.upload(img, {
      params: await b.client.params(),
      chunkTimeoutMs: 400,
      firstChunkTimeoutMs: 3000,
      waitForPort: (ms, signal) => waitForOpen(b.host, ms, signal),
    });
    await new Promise((r) => setTimeout(r, 400));
    await b.wire.unplug();
    await new Promise((r) => setTimeout(r, 300));
    await b.wire.replug();
    await done;
    expect(recovered.join('\n')).toMatch(/port went away/);
    const list = await b.client.imageList();
    expect(list.find((s) => s.slot === 1)?.bootable).toBe(true);
  });
});
