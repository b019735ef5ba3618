// The kiosk's liveness challenge screen in a real headless Chromium on the three screen sizes of
// kiosk-browser.test.ts (1024×600, 1280×800, 1920×1080), fed by readerd with liveness required:
// the emulator's live subject stands at the camera, and when the first prompt falls due every
// screen shows it over the face outline with the countdown, the step and the attempt count,
// photographed in test-results/kiosk/, every control inside the viewport.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXTS } from '../../firmware-host/kiosk/texts/index.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';
import { ApplianceRig } from '../../tools/demo/appliance-rig.js';
import { missing } from '../helpers/system.js';

const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'kiosk');
const SIZES = [
  { width: 1024, height: 600 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const ja = TEXTS.ja;

/** Controls the page shows that lie (partly) outside the viewport, as "testid: box". */
function controlsOutside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const w = window.innerWidth;
    const h = window.innerHeight;
    for (const e of document.querySelectorAll('button, [data-testid], input, svg')) {
      const r = e.getBoundingClientRect();
      const style = getComputedStyle(e);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
      if (r.left < 0 || r.top < 0 || r.right > w + 0.5 || r.bottom > h + 0.5)
        out.push(`${e.getAttribute('data-testid') ?? e.tagName}: ${JSON.stringify(r)}`);
    }
    return out;
  });
}

describe.skipIf(missing('chromium', 'chromium') || missing('socat', 'socat') || missing('ffmpeg', 'ffmpeg'))(
  'the liveness challenge on the kiosk in Chromium',
  () => {
    let rig: ApplianceRig;
    let browser: Browser;
    let pages: Page[];
    const errors: string[] = [];

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      [rig, browser] = await Promise.all([
        ApplianceRig.start({
          dir: mkdtempSync(join(tmpdir(), 'fareader-kiosk-challenge-')),
          liveness: 'required',
          challengeSeed: 3,
          config: { session: { consents: [], attemptTimeoutMs: 20_000 } },
        }),
        chromium.launch({
          executablePath: '/usr/bin/chromium',
          args: ['--headless', '--no-sandbox', '--disable-gpu'],
        }),
      ]);
      pages = await Promise.all(SIZES.map((viewport) => browser.newPage({ viewport })));
      for (const p of pages) {
        p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        p.on('pageerror', (e) => errors.push(e.message));
        await p.goto(rig.kioskUrl);
      }
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await rig?.close();
    }, 120_000);

    it('shows the prompt over the face outline, the countdown, the step and the attempt, inside every screen', async () => {
      const page = pages[0]!;
      await rig.patient.placeCard(
        await rig.card('kiosk-challenge', 'normal', 'img20.jpg'),
        join(FACES_DIR, 'img21.jpg'),
      );
      await page.waitForSelector('[data-testid="method-face"]', { timeout: 60_000 });
      await page.click('[data-testid="method-face"]');
      // The first prompt falls due after the baseline and a random wait: slow under load.
      const seen: string[] = [];
      for (let i = 0; i < 600; i++) {
        const v = (await (await fetch(new URL('/api/view', rig.kioskUrl))).json()) as {
          screen: string;
          challenge?: { kind: string };
        };
        if (seen.at(-1) !== v.screen) seen.push(v.screen);
        if (v.challenge?.kind === 'prompt' || v.screen === 'done') break;
        await new Promise((r) => setTimeout(r, 500));
      }
      await Promise.all(
        pages.map((p) =>
          p.waitForSelector('[data-testid="challenge"]', { timeout: 30_000 }).catch(() => {
            throw new Error(
              `no challenge on the screen; screens: ${seen.join(' → ')}\n${rig.lines.slice(-30).join('\n')}`,
            );
          }),
        ),
      );
      const prompts = Object.entries(ja)
        .filter(([k]) => k.startsWith('challenge-'))
        .map(([, v]) => v);
      for (const p of pages) {
        const { width, height } = p.viewportSize()!;
        await p.screenshot({ path: join(SHOTS, `challenge-${width}x${height}.png`) });
        expect(prompts).toContain(await p.textContent('[data-testid="challenge"]'));
        expect(await p.locator('#screen .stage svg ellipse').count()).toBe(1);
        expect(await p.textContent('[data-testid="challenge-countdown"]')).toMatch(
          new RegExp(`^\\d+ ${ja.challengeSeconds}$`),
        );
        expect(await p.textContent('[data-testid="challenge-info"]')).toMatch(
          new RegExp(`${ja.challengeStep} \\d/\\d · ${ja.challengeAttempt} 1/1`),
        );
        expect(await controlsOutside(p), `challenge at ${width}×${height}`).toEqual([]);
      }
      await page.click('[data-testid="cancel"]');
      await page.click('[data-testid="cancel-confirm"]');
      await page.waitForSelector('#screen[data-screen="done"]', { timeout: 60_000 });
      expect(errors).toEqual([]);
    }, 600_000);
  },
);
