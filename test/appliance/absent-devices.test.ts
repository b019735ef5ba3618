// readerd with configured devices that are not there (issue 16, item 1): the panel, the PN532
// or the CCID reader's bus, the face camera absent at boot. readerd keeps running with no
// stack trace, names each missing device on /healthz and in the debug shell's `status`, and
// takes each device up when it is plugged in; a session then runs on them. `"panel": null`
// switches a board profile's panel off.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerialPortTransport } from '../../device/serial/serialport-transport.js';
import { parseConfig } from '../../firmware-host/config.js';
import { ApplianceRig } from '../../tools/demo/appliance-rig.js';
import { RIG_TEST_SEED } from '../helpers/rig-seed.js';
import { missing } from '../helpers/system.js';

type Device = { state: 'ok' | 'missing' | 'off'; detail?: string; where?: string };
type Health = { ok: boolean; missing: string[]; devices: Record<string, Device> };

async function health(rig: ApplianceRig): Promise<{ code: number; body: Health }> {
  const r = await fetch(new URL('/healthz', rig.kioskUrl));
  return { code: r.status, body: (await r.json()) as Health };
}

/** Polls /healthz until `ok` says so; every wait has its bound. */
async function healthUntil(
  rig: ApplianceRig,
  ok: (h: Health) => boolean,
  timeoutMs = 40_000,
): Promise<Health> {
  const deadline = Date.now() + timeoutMs;
  let last: Health | undefined;
  while (Date.now() < deadline) {
    last = (await health(rig)).body;
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`/healthz never matched: ${JSON.stringify(last)}`);
}

async function shellStatus(path: string): Promise<string> {
  const port = await SerialPortTransport.open({ path, baudRate: 115200 });
  let out = '';
  port.on('data', (d) => {
    out += Buffer.from(d).toString('latin1');
  });
  try {
    await port.write(new TextEncoder().encode('status\r'));
    const deadline = Date.now() + 10_000;
    while (!out.endsWith('readerd> ')) {
      if (Date.now() > deadline) throw new Error(`no prompt after status: ${JSON.stringify(out)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return out;
  } finally {
    await port.close();
  }
}

/** What readerd wrote: no line of a stack trace, no minified source. */
function expectNoStackTrace(rig: ApplianceRig): void {
  expect(rig.lines.filter((l) => /^\s+at |Emitted 'error' event/.test(l) || l.length > 4000)).toEqual([]);
  expect(rig.readerd?.exitCode).toBeNull();
}

describe.skipIf(missing('socat', 'socat'))('readerd with absent devices', () => {
  describe('PN532, panel and face camera absent at boot', () => {
    let rig: ApplianceRig;
    beforeAll(async () => {
      rig = await ApplianceRig.start({
        challengeSeed: RIG_TEST_SEED,
        dir: mkdtempSync(join(tmpdir(), 'fareader-absent-')),
        absent: ['panel', 'pn532', 'faceCamera'],
      });
    }, 90_000);
    afterAll(() => rig?.close());

    it('keeps running and names each missing device on /healthz and in the debug shell', async () => {
      const h = await health(rig);
      expect(h.code).toBe(503);
      expect(h.body.missing.sort()).toEqual(['cardModule', 'faceCamera', 'panel']);
      expect(h.body.devices.panel).toMatchObject({ state: 'missing', detail: expect.stringMatching(/./) });
      expect(h.body.devices.cardModule).toMatchObject({ state: 'missing' });
      expect(h.body.devices.faceCamera).toMatchObject({ state: 'missing' });
      expect(h.body.devices.cardFaceCamera).toMatchObject({ state: 'ok' });
      const sh = await shellStatus(rig.hw.shellPty!.devicePath);
      expect(sh).toMatch(/missing: .*cardModule.*faceCamera.*panel|missing: .*panel/);
      expect(sh).toMatch(/devices: .*"panel":\{"state":"missing"/);
      expectNoStackTrace(rig);
    });

    it('takes each device up when it is plugged in, then a session runs on them', async () => {
      await rig.hw.plug('faceCamera');
      await rig.hw.plug('pn532');
      await rig.hw.plug('panel');
      const h = await healthUntil(rig, (x) => x.missing.length === 0);
      expect(Object.values(h.devices).map((d) => d.state)).toEqual(['ok', 'ok', 'ok', 'ok']);
      expect((await health(rig)).code).toBe(200);
      const card = await rig.card('back-again', 'normal', 'img1.jpg');
      await rig.patient.placeCard(card);
      const v = await rig.patient.waitFor('choosing-method');
      await rig.patient.choose('pin');
      await rig.patient.enterPin('1234');
      await rig.patient.consent();
      const r = await rig.result(v.sessionId!);
      expect({ method: r.method, outcome: r.outcome, detail: r.detail }).toMatchObject({
        method: 'PIN',
        outcome: 'VERIFIED',
      });
      await rig.patient.leave();
      expectNoStackTrace(rig);
    }, 90_000);

    it('a panel pulled out while running is missing, then back', async () => {
      await rig.hw.unplug('panel');
      await healthUntil(rig, (x) => x.devices.panel?.state === 'missing');
      await rig.hw.plug('panel');
      await healthUntil(rig, (x) => x.devices.panel?.state === 'ok');
      expectNoStackTrace(rig);
    }, 90_000);
  });

  describe("the CCID reader's USB bus absent at boot", () => {
    let rig: ApplianceRig;
    beforeAll(async () => {
      rig = await ApplianceRig.start({
        challengeSeed: RIG_TEST_SEED,
        dir: mkdtempSync(join(tmpdir(), 'fareader-absent-ccid-')),
        cardModule: 'ccid',
        absent: ['ccid'],
      });
    }, 90_000);
    afterAll(() => rig?.close());

    it('is missing, then found when the bus comes, and sees a card', async () => {
      const h = await health(rig);
      expect(h.body.devices.cardModule).toMatchObject({ state: 'missing' });
      await rig.hw.plug('ccid');
      await healthUntil(rig, (x) => x.devices.cardModule?.state === 'ok');
      await rig.hw.placeCard(await rig.card('ccid-late', 'normal', 'img1.jpg'));
      await rig.patient.waitFor('choosing-method');
      await rig.patient.cancel();
      await rig.patient.leave();
      expectNoStackTrace(rig);
    }, 90_000);
  });
});

describe('"panel": null', () => {
  it("switches the board profile's panel off", () => {
    const base = {
      deviceId: 'r1',
      dataDir: 'data',
      keys: { deviceKey: 'k', trustedTerminalsDir: 't' },
      board: 'rpi5-uvc-pn532',
    };
    expect(parseConfig(base, '/tmp').appliance?.panel).toMatchObject({ io: 'firmata' });
    expect(parseConfig({ ...base, panel: null }, '/tmp').appliance?.panel).toBeUndefined();
  });
});
