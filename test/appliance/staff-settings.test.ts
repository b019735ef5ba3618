// The staff screen's settings survive a readerd restart (issue 16): kept in the data dir with
// mode 0600, checked when read back; a file of garbage gives the defaults and a warning, and
// readerd starts as usual.
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashStaffPin } from '../../firmware-host/kiosk/staff/staff-pin.js';
import type { StaffSettings } from '../../firmware-host/kiosk/staff/staff-routes.js';
import { loadStaffSettings, saveStaffSettings } from '../../firmware-host/kiosk/staff/staff-settings-file.js';
import { NANO_PANEL_PINS } from '../../platform/boards/profiles.js';
import { createLogger } from '../../platform/log.js';
import { ApplianceRig } from '../../tools/demo/appliance-rig.js';
import { RIG_TEST_SEED } from '../helpers/rig-seed.js';
import { missing } from '../helpers/system.js';

const STAFF_PIN = '135792';
const DEFAULTS: StaffSettings = { volume: 80, defaultLang: 'ja', brightness: 100 };

describe('the staff settings file', () => {
  it('round-trips at mode 0600; garbage, wrong types and unknown keys give the defaults and a warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fareader-staff-file-'));
    const warnings: string[] = [];
    const log = createLogger('t', { level: 'warn', format: 'json', write: (l: string) => warnings.push(l) });
    const f = join(dir, 'staff-settings.json');
    expect(loadStaffSettings(f, DEFAULTS, log)).toEqual(DEFAULTS);
    expect(warnings).toEqual([]); // no file yet: nothing to warn about
    saveStaffSettings(f, { volume: 30, defaultLang: 'vi', brightness: 40 });
    expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(loadStaffSettings(f, DEFAULTS, log)).toEqual({ volume: 30, defaultLang: 'vi', brightness: 40 });
    for (const bad of [
      '\x00\xff{{',
      '{"volume":30,"defaultLang":"vi"',
      '{"volume":"loud","defaultLang":"vi","brightness":40}',
      '{"volume":30,"defaultLang":"xx","brightness":40}',
      '{"volume":30,"defaultLang":"vi","brightness":0}',
      '{"volume":30,"defaultLang":"vi","brightness":40,"pin":"1234"}',
      '[]',
      'null',
    ]) {
      writeFileSync(f, bad);
      expect(loadStaffSettings(f, DEFAULTS, log), bad).toEqual(DEFAULTS);
    }
    expect(warnings).toHaveLength(8);
    expect(warnings[0]).toContain('staff settings unreadable: the configured defaults are used');
  });
});

describe.skipIf(missing('socat', 'socat'))('staff settings across a readerd restart', () => {
  let rig: ApplianceRig;
  const api = (path: string, init?: RequestInit) => fetch(new URL(path, rig.kioskUrl), init);
  const post = (path: string, body: unknown, token?: string) =>
    api(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const login = async (): Promise<string> =>
    ((await (await post('/api/staff/login', { pin: STAFF_PIN })).json()) as { token: string }).token;
  const settings = async (): Promise<StaffSettings> => {
    const token = await login();
    const r = await api('/api/staff/status', { headers: { authorization: `Bearer ${token}` } });
    return ((await r.json()) as { settings: StaffSettings }).settings;
  };
  const file = (): string => join(rig.configFile, '..', 'data', 'staff-settings.json');
  const restart = async (): Promise<void> => {
    await rig.stopReaderd();
    await rig.startReaderd();
  };

  beforeAll(async () => {
    rig = await ApplianceRig.start({
      challengeSeed: RIG_TEST_SEED,
      dir: mkdtempSync(join(tmpdir(), 'fareader-staff-restart-')),
      config: { kiosk: { staff: { pinHash: hashStaffPin(STAFF_PIN), maxTries: 5, lockoutMs: 60_000 } } },
    });
  }, 120_000);
  afterAll(() => rig?.close());

  it('what staff set is what readerd starts with; a garbage file: defaults and a warning', async () => {
    const first = await settings();
    expect(first.defaultLang).toBe('ja');
    // The staff screen and /healthz (the shell's status) name the reader as its birth does.
    const token = await login();
    const info = await (
      await api('/api/staff/status', { headers: { authorization: `Bearer ${token}` } })
    ).json();
    expect(info).toMatchObject({ serial: `EMU-${rig.deviceId}`, emulated: true });
    const health = (await (await api('/healthz')).json()) as { reader: Record<string, unknown> };
    expect(health.reader).toMatchObject({
      deviceId: rig.deviceId,
      model: expect.stringMatching(/^fareader emulated appliance/),
      serial: `EMU-${rig.deviceId}`,
    });
    expect(existsSync(file())).toBe(false);
    const changed = await post(
      '/api/staff/settings',
      { volume: 35, defaultLang: 'pt', brightness: 40 },
      await login(),
    );
    expect(changed.status).toBe(200);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    await restart();
    expect(await settings()).toEqual({ volume: 35, defaultLang: 'pt', brightness: 40 });
    // Applied, not only shown: the panel's LEDs at 40 %, the next patient greeted in Portuguese.
    const board = rig.hw.panel!.board;
    const deadline = Date.now() + 10_000;
    while (board.levels[NANO_PANEL_PINS.ledGreen] !== 102 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(board.levels[NANO_PANEL_PINS.ledGreen]).toBe(102); // 40 % of 255
    await rig.patient.placeCard(await rig.card('staff-restart', 'normal', 'img1.jpg'));
    expect(((await rig.patient.waitFor('choosing-method')) as { lang?: string }).lang).toBe('pt');
    await rig.patient.cancel();
    await rig.patient.leave();
    await rig.patient.waitReady();

    writeFileSync(file(), '{"volume": 35, "defaultLang": "pt", "bright');
    await restart();
    expect(await settings()).toEqual({ volume: first.volume, defaultLang: 'ja', brightness: 100 });
    expect(rig.lines.some((l) => l.includes('staff settings unreadable'))).toBe(true);
    expect(readFileSync(file(), 'utf8')).toContain('"bright'); // left as found until staff save again
  }, 180_000);
});
