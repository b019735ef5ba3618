// The broker down at boot (issue 16, item 2): readerd serves the kiosk and runs sessions while
// it waits; the kiosk unit waits for /readyz (answered), not /healthz (503 without a broker);
// the session's result is kept in the outbox and delivered once the broker comes.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedBroker, startEmbeddedBroker } from '../../firmware-host/link/broker.js';
import { loadKeyFile, loadTrustDir } from '../../platform/keys/keystore.js';
import { connectMqtt } from '../../platform/link/mqtt-client.js';
import { createLogger } from '../../platform/log.js';
import { ApplianceRig, freePort } from '../../tools/demo/appliance-rig.js';
import type { ResultRecord } from '../../tools/terminal/result-json.js';
import { ReferenceTerminal } from '../../tools/terminal/terminal.js';
import { RIG_TEST_SEED } from '../helpers/rig-seed.js';
import { missing } from '../helpers/system.js';

const KIOSK_UNIT = join(import.meta.dirname, '..', '..', 'hardware', 'systemd', 'fareader-kiosk.service');

describe.skipIf(missing('socat', 'socat'))('readerd with the broker down at boot', () => {
  let rig: ApplianceRig;
  let port: number;
  let dir: string;
  let broker: EmbeddedBroker | undefined;
  let terminal: ReferenceTerminal | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fareader-nobroker-'));
    port = await freePort();
    // Nothing listens on this port yet: the site broker is down.
    rig = await ApplianceRig.start({
      dir,
      challengeSeed: RIG_TEST_SEED,
      brokerUrl: `mqtt://127.0.0.1:${port}`,
      terminal: false,
    });
  }, 90_000);
  afterAll(async () => {
    await terminal?.stop().catch(() => {});
    await rig?.close();
    await broker?.close();
  });

  it('the kiosk unit waits for /readyz, which answers while /healthz is 503', async () => {
    const unit = readFileSync(KIOSK_UNIT, 'utf8');
    const pre = unit.split('\n').find((l) => l.startsWith('ExecStartPre='));
    expect(pre).toContain('http://127.0.0.1:8080/readyz');
    expect(pre).not.toContain('/healthz');
    const ready = await fetch(new URL('/readyz', rig.kioskUrl));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true });
    const h = await fetch(new URL('/healthz', rig.kioskUrl));
    expect(h.status).toBe(503);
    expect(((await h.json()) as { link: { connected: boolean } }).link.connected).toBe(false);
    const page = await fetch(rig.kioskUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
  });

  it('a session runs without the broker; its result is delivered when the broker comes', async () => {
    const card = await rig.card('no-broker', 'normal', 'img1.jpg');
    await rig.patient.placeCard(card);
    const v = await rig.patient.waitFor('choosing-method');
    await rig.patient.choose('pin');
    await rig.patient.enterPin('1234');
    expect((await rig.patient.consent()).screen).toBe('done');
    await rig.patient.leave();
    const h = (await (await fetch(new URL('/healthz', rig.kioskUrl))).json()) as {
      link: { connected: boolean; outboxPending: number };
    };
    expect(h.link).toMatchObject({ connected: false, outboxPending: 1 });

    broker = await startEmbeddedBroker({ port });
    const keys = join(dir, 'keys');
    terminal = new ReferenceTerminal({
      terminalId: 'terminal-1',
      broker: { url: `mqtt://127.0.0.1:${port}` },
      key: loadKeyFile(join(keys, 'terminal.key')),
      trustedDevices: loadTrustDir(join(keys, 'trusted-devices')),
      dataDir: join(dir, 'terminal'),
      outDir: join(dir, 'terminal', 'results'),
      log: createLogger('terminal', { level: 'warn', format: 'pretty' }),
      connect: connectMqtt,
    });
    const got = new Promise<ResultRecord>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no result within 60 s of the broker coming')), 60_000);
      terminal!.on('result', (rec: ResultRecord) => {
        if (rec.sessionId !== v.sessionId) return;
        clearTimeout(t);
        resolve(rec);
      });
    });
    await terminal.start();
    expect(await got).toMatchObject({ method: 'PIN', outcome: 'VERIFIED' });
  }, 120_000);
});
