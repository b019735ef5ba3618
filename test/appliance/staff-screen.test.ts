// The kiosk's staff screen (issue 16): behind a staff PIN kept only as a hash, locked after
// wrong tries; it shows the reader's id, key id, versions, devices and the last sessions'
// outcomes without personal data, runs self-tests, and sets volume, the default language and
// the panel's brightness. Driven in Chromium at 1024×600, with a screenshot.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashStaffPin, StaffGate, staffHashProblem } from '../../firmware-host/kiosk/staff/staff-pin.js';
import { NANO_PANEL_PINS } from '../../platform/boards/profiles.js';
import { ApplianceRig } from '../../tools/demo/appliance-rig.js';
import { RIG_TEST_SEED } from '../helpers/rig-seed.js';
import { missing } from '../helpers/system.js';

const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'staff');
const STAFF_PIN = '246813';

describe('the staff PIN gate', () => {
  it('keeps a salted hash, counts wrong tries, locks, and unlocks after the lockout', () => {
    const hash = hashStaffPin(STAFF_PIN);
    expect(hash).not.toContain(STAFF_PIN);
    expect(hashStaffPin(STAFF_PIN)).not.toBe(hash); // salted
    expect(staffHashProblem(hash)).toBeUndefined();
    expect(staffHashProblem(STAFF_PIN)).toMatch(/never the PIN itself/);
    let now = 0;
    const gate = new StaffGate({ pinHash: hash, maxTries: 3, lockoutMs: 60_000, now: () => now });
    expect(gate.login('000000')).toEqual({ ok: false, why: 'wrong', triesLeft: 2 });
    expect(gate.login(undefined)).toEqual({ ok: false, why: 'wrong', triesLeft: 1 });
    expect(gate.login('111111')).toMatchObject({ ok: false, why: 'locked', retryAfterMs: 60_000 });
    // Locked: even the right PIN is refused until the lockout ends.
    now = 30_000;
    expect(gate.login(STAFF_PIN)).toMatchObject({ ok: false, why: 'locked', retryAfterMs: 30_000 });
    now = 60_001;
    const ok = gate.login(STAFF_PIN);
    expect(ok.ok).toBe(true);
    expect(gate.check(ok.ok ? ok.token : '')).toBe(true);
    expect(gate.check('not-the-token')).toBe(false);
    now += 10 * 60_000;
    expect(gate.check(ok.ok ? ok.token : '')).toBe(false); // the staff session expired
  });
});

describe.skipIf(missing('chromium', 'chromium') || missing('socat', 'socat'))('the staff screen', () => {
  let rig: ApplianceRig;
  let browser: Browser;
  let page: Page;
  const api = (path: string, init?: RequestInit) => fetch(new URL(path, rig.kioskUrl), init);
  const post = (path: string, body: unknown, token?: string) =>
    api(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const key = async (k: string) => page.click(`[data-testid="key-${k}"]`);
  const typePin = async (pin: string) => {
    for (const d of pin) await key(d);
    await key('enter');
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [rig, browser] = await Promise.all([
      ApplianceRig.start({
        challengeSeed: RIG_TEST_SEED,
        dir: mkdtempSync(join(tmpdir(), 'fareader-staff-')),
        config: { kiosk: { staff: { pinHash: hashStaffPin(STAFF_PIN), maxTries: 3, lockoutMs: 600_000 } } },
      }),
      chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu'],
      }),
    ]);
    page = await browser.newPage({ viewport: { width: 1024, height: 600 } });
    // One patient first: the staff screen lists the outcome, not the person.
    const card = await rig.card('staff-patient', 'normal', 'img1.jpg');
    await rig.patient.placeCard(card);
    const v = await rig.patient.waitFor('choosing-method');
    await rig.patient.choose('pin');
    await rig.patient.enterPin('1234');
    await rig.patient.consent();
    await rig.result(v.sessionId!);
    await rig.patient.leave();
    await rig.patient.waitReady();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await rig?.close();
  });

  it('nothing without the PIN; a wrong PIN says how many tries are left', async () => {
    expect((await api('/api/staff/status')).status).toBe(401);
    await page.goto(new URL('/staff', rig.kioskUrl).href);
    await typePin('999999');
    await page.waitForSelector('[data-testid="login-msg"]:has-text("残り2回")');
    expect(await page.isVisible('[data-testid="panel"]')).toBe(false);
  });

  it('the right PIN opens it: identity, versions, devices, recent outcomes without personal data', async () => {
    await typePin(STAFF_PIN);
    await page.waitForSelector('[data-testid="panel"]:visible');
    await page.waitForSelector('[data-testid="recent"] tr');
    const info = await page.textContent('[data-testid="info"]');
    expect(info).toContain(rig.deviceId);
    expect(info).toMatch(/[0-9a-f]{16}/); // key id
    expect(info).toContain('readerd');
    expect(await page.textContent('[data-testid="devices"]')).toMatch(/cardModule.*ok/);
    const recent = (await page.textContent('[data-testid="recent"]')) ?? '';
    expect(recent).toContain('verified');
    // No session ids, names or card numbers anywhere on the staff screen.
    const all = (await page.textContent('body')) ?? '';
    expect(all).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(all).not.toContain('staff-patient');
    await page.screenshot({ path: join(SHOTS, 'staff-1024x600.png') });
    const outside = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, select')]
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return (
            r.width > 0 &&
            (r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5 || r.left < 0 || r.top < 0)
          );
        })
        .map((e) => e.getAttribute('data-testid') ?? e.textContent),
    );
    expect(outside).toEqual([]);
  }, 60_000);

  it('brightness reaches the panel LEDs, the default language the next patient, self-tests run', async () => {
    const board = rig.hw.panel!.board;
    await page.fill('[data-testid="brightness"]', '50');
    await page.dispatchEvent('[data-testid="brightness"]', 'change');
    const deadline = Date.now() + 10_000;
    while (board.levels[NANO_PANEL_PINS.ledGreen] !== 128 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(board.levels[NANO_PANEL_PINS.ledGreen]).toBe(128); // 50 % of 255, PWM
    await page.selectOption('[data-testid="lang"]', 'en');
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="lang"]') as HTMLSelectElement).value === 'en',
    );
    await new Promise((r) => setTimeout(r, 300));
    await rig.patient.placeCard(await rig.card('staff-next', 'normal', 'img1.jpg'));
    expect(((await rig.patient.waitFor('choosing-method')) as { lang?: string }).lang).toBe('en');
    await rig.patient.cancel();
    await rig.patient.leave();
    await rig.patient.waitReady();
    await page.click('[data-testid="test-camera"]');
    await page.waitForSelector('[data-testid="testout"]:has-text("face camera")');
    expect(await page.textContent('[data-testid="testout"]')).toMatch(/face camera: 320x240 frame/); // the live scene's camera (--face-size)
  }, 60_000);

  it('locks after the configured wrong tries; the PIN never reaches the log', async () => {
    for (let i = 0; i < 2; i++) expect((await post('/api/staff/login', { pin: '000000' })).status).toBe(401);
    const locked = await post('/api/staff/login', { pin: '000000' });
    expect(locked.status).toBe(429);
    expect((await post('/api/staff/login', { pin: STAFF_PIN })).status).toBe(429);
    expect(rig.lines.some((l) => l.includes(STAFF_PIN))).toBe(false);
    expect(rig.lines.some((l) => l.includes('staff screen locked'))).toBe(true);
  });
});
