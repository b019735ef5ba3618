// readerd's start when one device's first try fails (the face camera) or the kiosk cannot
// listen: what the others opened meanwhile (the PN532's and the debug shell's serial lines,
// the front panel's, the cameras, the vision workers) is closed before the start throws its
// first failure. This test is its own composition root: emulators behind socat ptys, a face
// camera that fails, vision workers that only count their close.
import { mkdtempSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Appliance, startAppliance } from '../../firmware-host/appliance.js';
import { parseConfig } from '../../firmware-host/config.js';
import type { DeviceLink } from '../../firmware-host/link/device-link.js';
import { Outbox } from '../../firmware-host/link/outbox.js';
import type { OpenedCamera } from '../../firmware-host/open-devices.js';
import type { VisionWorkers } from '../../firmware-host/vision/vision-workers.js';
import { createLogger } from '../../platform/log.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { serveFirmataPanel } from '../../sim/panel/serve.js';
import { servePn532 } from '../../sim/pn532/serve.js';
import { PtyPair } from '../../sim/pty/pty-pair.js';
import { missing } from '../helpers/system.js';

/** The serial lines (pty slaves) this process holds open. */
function openTtys(): Set<string> {
  const out = new Set<string>();
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      out.add(readlinkSync(join('/proc/self/fd', fd)));
    } catch {
      // Closed while listed.
    }
  }
  return out;
}

interface Closed {
  vision: number;
  faceCamera: number;
}

function fakeVision(closed: Closed): VisionWorkers {
  return {
    matcher: {} as VisionWorkers['matcher'],
    reader: {} as VisionWorkers['reader'],
    load: () => Promise.resolve(),
    state: () => ({}) as ReturnType<VisionWorkers['state']>,
    memory: async () => ({}),
    close: async () => {
      closed.vision++;
    },
  };
}

function faceCamera(closed: Closed, ready: () => Promise<void>): OpenedCamera {
  return {
    nextFrame: () => Promise.reject(new ReaderError(ErrorCode.Camera_Failed, 'no frames in this test')),
    status: () => ({ state: 'missing', where: 'test' }),
    ready,
    close: async () => {
      closed.faceCamera++;
    },
  };
}

describe.skipIf(missing('socat', 'socat'))('readerd start that fails', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fareader-start-failure-'));
  const log = createLogger('t', { level: 'error', format: 'pretty' });
  let pn532Pty: PtyPair;
  let panelPty: PtyPair;
  let shellPty: PtyPair;
  let served: { close(): Promise<void> }[] = [];
  let held: Server;
  let heldPort: number;
  const outbox = () => new Outbox(join(mkdtempSync(join(dir, 'o-')), 'outbox.sqlite'));
  const link = (o: Outbox) =>
    ({
      outbox: o,
      onCommand: undefined,
      publishResult: () => {},
      publishEvent: () => {},
    }) as unknown as DeviceLink;

  beforeAll(async () => {
    [pn532Pty, panelPty, shellPty] = await Promise.all([
      PtyPair.create('pn532'),
      PtyPair.create('panel'),
      PtyPair.create('shell'),
    ]);
    served = await Promise.all([servePn532(pn532Pty.devicePath), serveFirmataPanel(panelPty.devicePath)]);
    // The kiosk's port, held by another listener.
    held = createServer();
    await new Promise<void>((r) => held.listen(0, '127.0.0.1', () => r()));
    heldPort = (held.address() as { port: number }).port;
  }, 30_000);
  afterAll(async () => {
    held?.close();
    for (const s of served) await s.close().catch(() => {});
    for (const p of [pn532Pty, panelPty, shellPty]) await p?.close();
  });

  const configWith = (kioskPort: number) =>
    parseConfig(
      {
        deviceId: 'r1',
        dataDir: 'data',
        keys: { deviceKey: 'k', trustedTerminalsDir: 't' },
        cardModule: { type: 'pn532', path: pn532Pty.hostPath, baudRate: 115200 },
        cameras: { face: { kind: 'still', path: 'f.jpg' }, cardFace: { kind: 'still', path: 'c.jpg' } },
        panel: { io: 'firmata', path: panelPty.hostPath },
        debugShell: { path: shellPty.hostPath },
        kiosk: { enabled: true, port: kioskPort },
      },
      dir,
    ).appliance!;

  /** The pty slaves of the devices, as /proc/self/fd names them. */
  const devices = () => [pn532Pty, panelPty, shellPty].map((p) => realpathSync(p.hostPath));

  async function expectClosedAfter(
    start: Promise<Appliance>,
    closed: Closed,
    failure: RegExp,
  ): Promise<void> {
    await expect(start).rejects.toThrow(failure);
    const open = openTtys();
    expect(devices().filter((d) => open.has(d))).toEqual([]);
    expect(closed).toEqual({ vision: 1, faceCamera: 1 });
  }

  it('closes the serial lines, the panel, the cameras and the workers when the face camera fails', async () => {
    const closed: Closed = { vision: 0, faceCamera: 0 };
    const o = outbox();
    try {
      const start = startAppliance(
        configWith(0),
        link(o),
        log,
        {
          usbBus: () => {
            throw new Error('no USB in this test');
          },
          faceCamera: () =>
            faceCamera(closed, () =>
              Promise.reject(new ReaderError(ErrorCode.Camera_Failed, 'the face camera failed in this test')),
            ),
        },
        Date.now,
        undefined,
        undefined,
        fakeVision(closed),
      );
      await expectClosedAfter(start, closed, /the face camera failed in this test/);
    } finally {
      o.close();
    }
  }, 60_000);

  it('closes them too when the kiosk cannot listen, after the debug shell started', async () => {
    const closed: Closed = { vision: 0, faceCamera: 0 };
    const o = outbox();
    try {
      const start = startAppliance(
        configWith(heldPort),
        link(o),
        log,
        {
          usbBus: () => {
            throw new Error('no USB in this test');
          },
          faceCamera: () => faceCamera(closed, () => Promise.resolve()),
        },
        Date.now,
        undefined,
        undefined,
        fakeVision(closed),
      );
      await expectClosedAfter(start, closed, /EADDRINUSE/);
    } finally {
      o.close();
    }
  }, 60_000);
});
