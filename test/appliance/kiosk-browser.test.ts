// The kiosk screen in a real headless Chromium (Debian's chromium through playwright-core),
// following the session live: a face session and a PIN session on the last try, clicked
// through as a patient would. Screenshots of every step are kept in test-results/kiosk/.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACES_DIR } from '../../hardware/card/card-profiles.js';
import { ApplianceRig } from '../../tools/demo/appliance-rig.js';
import { missing } from '../helpers/system.js';

const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'kiosk');

describe.skipIf(missing('chromium', 'chromium') || missing('socat', 'socat'))(
  'the kiosk screen in Chromium',
  () => {
    let rig: ApplianceRig;
    let browser: Browser;
    let page: Page;
    const errors: string[] = [];
    const screen = (name: string) =>
      page.waitForSelector(`#screen[data-screen="${name}"]`, { timeout: 30_000 });
    const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      [rig, browser] = await Promise.all([
        ApplianceRig.start({
          dir: mkdtempSync(join(tmpdir(), 'fareader-kiosk-')),
          config: { session: { consents: ['medication', 'health-checkup'] } },
        }),
        chromium.launch({
          executablePath: '/usr/bin/chromium',
          args: ['--headless', '--no-sandbox', '--disable-gpu'],
        }),
      ]);
      page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(rig.kioskUrl);
    }, 90_000);
    afterAll(async () => {
      await browser?.close();
      await rig?.close();
    });

    it('a face session, in Japanese', async () => {
      await screen('idle');
      expect(await page.textContent('h1')).toBe('マイナンバーカードを置いてください');
      await shot('face-1-idle');
      await rig.patient.placeCard(
        await rig.card('kiosk-face', 'normal', 'img20.jpg'),
        join(FACES_DIR, 'img21.jpg'),
      );
      await screen('choosing-method');
      await shot('face-2-choose');
      await page.click('[data-testid="method-face"]');
      await screen('consenting');
      expect(await page.textContent('[data-testid="consent-kind"]')).toBe('薬剤情報');
      await shot('face-3-consent');
      await page.click('[data-testid="consent-yes"]');
      await page.waitForSelector('[data-testid="consent-kind"]:has-text("特定健診等情報")');
      await page.click('[data-testid="consent-no"]');
      await screen('done');
      expect(await page.textContent('[data-testid="result"]')).toBe('確認が完了しました');
      await shot('face-4-done');
      const r = [...rig.results.values()].at(-1)!;
      expect(r).toMatchObject({ method: 'FACE', outcome: 'VERIFIED' });
      expect(r.consents.map((c) => c.granted)).toEqual([true, false]);
      await rig.patient.leave();
      await screen('idle');
    });

    it('a PIN session on the last try, in English: digits masked, warning confirmed', async () => {
      await page.click('[data-testid="lang"]');
      expect(await page.textContent('h1')).toBe('Please place your My Number card');
      await rig.patient.placeCard(await rig.card('kiosk-pin', 'pin-last-try', 'img20.jpg'));
      await screen('choosing-method');
      await page.click('[data-testid="method-pin"]');
      await screen('entering-pin');
      expect(await page.textContent('[data-testid="tries-left"]')).toContain('1');
      for (const d of '1234') await page.click(`[data-testid="key-${d}"]`);
      expect(await page.textContent('[data-testid="pin-dots"]')).toBe('●●●●');
      expect(await page.content()).not.toContain('1234');
      await shot('pin-1-pad');
      await page.click('[data-testid="pin-ok"]');
      await screen('confirming-last-try');
      expect(await page.textContent('h1')).toBe('You have one try left');
      await shot('pin-2-last-try');
      await page.click('[data-testid="confirm-last-try"]');
      await screen('consenting');
      await page.click('[data-testid="consent-yes"]');
      await page.waitForSelector('[data-testid="consent-kind"]:has-text("Health check-up")');
      await page.click('[data-testid="consent-yes"]');
      await screen('done');
      expect(await page.textContent('[data-testid="result"]')).toBe('Your identity has been confirmed');
      await shot('pin-3-done');
      expect([...rig.results.values()].at(-1)).toMatchObject({ method: 'PIN', outcome: 'VERIFIED' });
      await rig.patient.leave();
      await screen('idle');
    });

    it('a cancelled session shows why it failed; no page errors', async () => {
      await rig.patient.placeCard(await rig.card('kiosk-cancel', 'normal', 'img20.jpg'));
      await screen('choosing-method');
      await page.click('[data-testid="cancel"]');
      await screen('done');
      expect(await page.textContent('#screen')).toContain('Cancelled');
      await shot('cancel-1-done');
      await rig.patient.leave();
      await screen('idle');
      expect(errors).toEqual([]);
    });
  },
);
