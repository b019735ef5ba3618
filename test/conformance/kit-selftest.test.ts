// The kit's self-test: the whole catalogue against the emulated reference appliance (its
// broker outside readerd, so every case applies) passes; the three reports are written; the
// HTML report renders in headless Chromium and its links land; `readerctl conformance` runs
// against `npm start -- --bench`.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunReport, testableClauses } from '../../tools/conformance/report.js';
import { CATALOGUE } from '../../tools/conformance/run.js';
import { type KitRig, startKitRig } from '../helpers/kit-rig.js';
import { missing } from '../helpers/system.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe.skipIf(missing('socat', 'socat'))('the conformance kit against the reference appliance', () => {
  let k: KitRig;
  let dir: string;
  let report: RunReport;

  beforeAll(async () => {
    k = await startKitRig();
    dir = k.dir;
    report = await k.run({ chromium: '/usr/bin/chromium' });
  }, 480_000);
  afterAll(() => k?.close());

  it('every case passes, with steps, and the monitor saw every kind of message', () => {
    const failed = report.cases.filter((c) => c.status !== 'passed').map((c) => `${c.id}: ${c.reason}`);
    expect(failed).toEqual([]);
    expect(report.cases.map((c) => c.id)).toEqual(CATALOGUE.map((c) => c.id));
    for (const c of report.cases) expect(c.steps.length, c.id).toBeGreaterThan(0);
    expect(report.passed).toBe(true);
    expect(report.monitorViolations).toEqual([]);
  });

  it('clause coverage: device clauses covered; the terminal-side ones listed apart', () => {
    const testable = testableClauses().map((c) => c.id);
    expect(testable.length).toBeGreaterThan(40);
    const uncovered = report.uncovered.map((c) => c.id);
    // The kit runs the broker (--broker-control), so it sees the CONNECT packet (§1.1, CONN-01):
    // every device clause has a case; the terminal's own duties (§4.6, §7.5, §9) are apart.
    expect(uncovered).toEqual([]);
    expect(report.terminalSide.map((c) => c.id)).toEqual(['4.6', '7.5', '9.1', '9.2', '9.3']);
    expect(report.verdict).toBe('passed');
  });

  it('the certificate names the reader from its signed birth, and says the run was emulated', () => {
    expect(report.identity).toMatchObject({
      deviceId: k.rig.deviceId,
      model: expect.stringMatching(/^fareader emulated appliance/),
      serial: `EMU-${k.rig.deviceId}`,
      firmwareVersion: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
      keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
      emulated: true,
    });
    expect(report.environment).toMatchObject({
      emulated: true,
      broker: expect.stringMatching(/^aedes run by the kit/),
    });
    // The first thing in the page's body is the emulated banner, before the title.
    const page = readFileSync(join(dir, 'report', 'conformance.html'), 'utf8');
    const body = page.slice(page.indexOf('<body>') + 6).trimStart();
    expect(body).toMatch(
      /^<p id="emulated">EMULATED RUN — the reader, the patient, the card, the bench were emulated/,
    );
    expect(page).toContain(`EMU-${k.rig.deviceId}`);
  });

  it('the JUnit and JSON reports hold every case', () => {
    const junit = readFileSync(join(dir, 'report', 'conformance.junit.xml'), 'utf8');
    expect(junit).toMatch(/^<\?xml version="1.0"/);
    expect(junit.match(/<testcase /g)).toHaveLength(CATALOGUE.length);
    expect(junit).toContain('failures="0"');
    const json = JSON.parse(readFileSync(join(dir, 'report', 'conformance.json'), 'utf8'));
    expect(json.cases).toHaveLength(CATALOGUE.length);
    expect(json.passed).toBe(true);
  });

  it.skipIf(missing('chromium', 'chromium'))(
    'the HTML report renders in Chromium and its links land',
    async () => {
      const browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu'],
      });
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`file://${join(dir, 'report', 'conformance.html')}`);
        expect(await page.textContent('#verdict')).toContain('passed');
        expect(await page.locator('#cases tr').count()).toBe(CATALOGUE.length + 1);
        // Every in-page link has its target.
        const broken = await page.evaluate(() =>
          [...document.querySelectorAll('a[href^="#"]')]
            .map((a) => a.getAttribute('href')!.slice(1))
            .filter((id) => !document.getElementById(id)),
        );
        expect(broken).toEqual([]);
        await page.click('#cases a[href="#case-PIN-01"]');
        expect(page.url()).toMatch(/#case-PIN-01$/);
        expect(await page.locator('#case-PIN-01').isVisible()).toBe(true);
        await page.click('#case-PIN-01 a[href="#clause-12.1"]');
        expect(await page.textContent('#clause-12\\.1')).toContain('PIN-01');
        expect(await page.textContent('#uncovered')).toContain('Every testable device clause');
        expect(await page.textContent('#terminal-side')).toContain('§9.1');
        expect(await page.textContent('#verdict')).toMatch(/passed .*0 device clauses uncovered/);
        expect(await page.textContent('#certificate')).toContain(`EMU-${k.rig.deviceId}`);
        await page.screenshot({
          path: join(ROOT, 'test-results', 'conformance-report.png'),
          fullPage: false,
        });
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    },
  );
});

describe.skipIf(missing('socat', 'socat'))('readerctl conformance against npm start -- --bench', () => {
  let demo: ChildProcess | undefined;
  afterAll(async () => {
    if (demo && demo.exitCode === null) {
      demo.kill('SIGINT');
      await once(demo, 'exit');
    }
  });

  it('runs the kit from the command line and writes the three reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fareader-demo-bench-'));
    demo = spawn(process.execPath, [join(ROOT, 'bin', 'demo.mjs'), '--bench', '--dir', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    demo.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const deadline = Date.now() + 60_000;
    while (!/readerctl\.mjs conformance (.*)\n/.test(out)) {
      if (Date.now() > deadline || demo.exitCode !== null)
        throw new Error(`npm start -- --bench did not get ready:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const args = /readerctl\.mjs conformance (.*)\n/.exec(out)![1]!.split(' ');
    const outDir = join(dir, 'report');
    const kit = spawn(
      process.execPath,
      [
        join(ROOT, 'bin', 'readerctl.mjs'),
        'conformance',
        ...args,
        '--only',
        'LINK-01,CMD-05,SES-02,LIFE-02,MON-01',
        '--out',
        outDir,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let kitOut = '';
    kit.stdout!.on('data', (d: Buffer) => {
      kitOut += d.toString();
    });
    const [code] = await once(kit, 'exit');
    expect(kitOut).toContain('PASS SES-02');
    expect(kitOut).toContain('N/A  LIFE-02'); // the demo's broker lives inside readerd
    expect(code, kitOut).toBe(0);
    for (const f of ['conformance.html', 'conformance.junit.xml', 'conformance.json'])
      expect(existsSync(join(outDir, f)), f).toBe(true);
  }, 180_000);
});
