// --broker-control against the emulated reader configured as a real one would be: its
// broker.url names the kit's host and port, no username (the kit's aedes admits its key-bound
// credentials). The kit starts the broker, the reader finds it by reconnecting, and the cases
// only the broker's owner can run apply: CONN-01 (the CONNECT packet and its Will), LIFE-02
// (the Will published when the reader dies), OUT-01 (an outage). The certificate's PDF is
// printed beside the HTML, and its first page, drawn by pdf.js, is not blank and has the verdict.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplianceRig } from '../../tools/demo/appliance-rig.js';
import { freePort } from '../../tools/rig/mosquitto.js';
import { renderFirstPage } from '../helpers/pdf-page.js';
import { RIG_TEST_SEED } from '../helpers/rig-seed.js';
import { missing } from '../helpers/system.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe.skipIf(missing('socat', 'socat') || missing('chromium', 'chromium'))(
  'readerctl conformance --broker-control',
  () => {
    let rig: ApplianceRig;
    let dir: string;
    let port: number;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'fareader-kit-broker-'));
      port = await freePort();
      // Nothing listens there yet: the reader keeps trying, as one installed before the kit runs.
      rig = await ApplianceRig.start({
        challengeSeed: RIG_TEST_SEED,
        dir,
        brokerUrl: `mqtt://127.0.0.1:${port}`,
        terminal: false,
        config: { session: { patientTimeoutMs: 4000, consents: [] } },
      });
    }, 120_000);
    afterAll(() => rig?.close());

    it('the kit runs the broker; CONNECT, Will and outage cases pass; the PDF shows the verdict', async () => {
      const bench = await rig.serveBench();
      const out = join(dir, 'report');
      const kit = spawn(
        process.execPath,
        [
          join(ROOT, 'bin', 'readerctl.mjs'),
          'conformance',
          ...['--broker', `mqtt://127.0.0.1:${port}`, '--broker-control', '--device', rig.deviceId],
          ...[
            '--terminal-key',
            join(dir, 'keys', 'terminal.key'),
            '--trust',
            join(dir, 'keys', 'trusted-devices'),
          ],
          ...['--patient', 'emulated', '--bench', bench, '--redelivery-wait', '6000'],
          ...['--only', 'IDENT-01,CONN-01,LIFE-02,OUT-01', '--out', out],
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let text = '';
      kit.stdout!.on('data', (d: Buffer) => {
        text += d.toString();
      });
      kit.stderr!.on('data', (d: Buffer) => {
        text += d.toString();
      });
      const [code] = await once(kit, 'exit');
      expect(text).toContain(`broker: aedes run by the kit on 127.0.0.1:${port}`);
      for (const id of ['IDENT-01', 'CONN-01', 'LIFE-02', 'OUT-01'])
        expect(text, text).toContain(`PASS ${id}`);
      expect(code, text).toBe(0);
      // The emulated run says so before anything else in the summary.
      expect(text).toMatch(/\nEMULATED RUN: reader emulated \(its birth says emulated = true\);/);
      expect(text).toContain(`reader: fareader emulated appliance (pn532), serial EMU-${rig.deviceId}`);
      const report = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8'));
      expect(report.environment.broker).toMatch(
        /^aedes run by the kit on 127\.0\.0\.1:\d+ \(key-bound credentials/,
      );
      // Other device clauses are left out by --only: each reason says what to add.
      expect(report.uncovered.find((c: { id: string }) => c.id === '3.3').why).toBe(
        'left out by --only: add LIFE-01 to --only, or run without --only',
      );

      const page = await renderFirstPage(join(out, 'conformance.pdf'));
      writeFileSync(join(ROOT, 'test-results', 'conformance-pdf-page1.png'), page.png);
      expect(page.pages).toBeGreaterThan(1);
      // A page of text and tables inks a few percent of its pixels; a blank one none.
      expect(page.inked).toBeGreaterThan(0.02);
      expect(page.png.subarray(1, 4).toString()).toBe('PNG');
      expect(page.text).toContain('EMULATED RUN');
      expect(page.text).toMatch(/incomplete\s+4 passed · 0 failed · 0 not applicable/);
      expect(page.text).toContain(`EMU-${rig.deviceId}`);
    }, 240_000);
  },
);
