// Pairing end to end (SPEC §15, issue 18): readerd on the emulated appliance with its embedded
// broker (aedes) and no terminal key in its trust folder, staff at its kiosk's staff screen
// (Chromium) and its debug shell (`pair`), and `readerctl terminal pair --json` as a clinic's
// installer runs it. A refusal on the staff screen, where the code is shown large, trusts
// nothing on either side; then the same code on both sides, confirmed on both,
// writes each key into the other's trust folder, and a patient's result reaches the
// reference terminal, verified, over the broker that refused that terminal before.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerialPortTransport } from '../../device/serial/serialport-transport.js';
import { hashStaffPin } from '../../firmware-host/kiosk/staff/staff-pin.js';
import { loadKeyFile, loadTrustDir } from '../../platform/keys/keystore.js';
import { connectMqtt } from '../../platform/link/mqtt-client.js';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import { keyIdHex } from '../../protocol/link/keys.js';
import { ApplianceRig } from '../../tools/demo/appliance-rig.js';
import { quietLog } from '../../tools/rig/link-pair.js';
import type { ResultRecord } from '../../tools/terminal/result-json.js';
import { ReferenceTerminal } from '../../tools/terminal/terminal.js';
import { readerctlBin } from '../helpers/readerctl.js';
import { RIG_TEST_SEED } from '../helpers/rig-seed.js';
import { missing } from '../helpers/system.js';

/** Staff at the debug shell's serial line: everything it printed, searched as it arrives. */
async function shell(path: string) {
  const port = await SerialPortTransport.open({ path, baudRate: 115200 });
  let out = '';
  port.on('data', (d) => {
    out += Buffer.from(d).toString('latin1');
  });
  const waitFor = async (re: RegExp, from: number, timeoutMs = 15_000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = re.exec(out.slice(from));
      if (m) return m[0];
      if (Date.now() > deadline)
        throw new Error(`no ${re} from the shell: ${JSON.stringify(out.slice(from))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return {
    /** Types a line; resolves with the first match of `re` in what follows. */
    async cmd(line: string, re: RegExp): Promise<string> {
      const from = out.length;
      await port.write(new TextEncoder().encode(`${line}\r`));
      return waitFor(re, from);
    },
    close: () => port.close(),
  };
}

/** `readerctl terminal pair --json`, its JSON lines read as they come, y/n written to stdin. */
function pairCli(args: string[]) {
  const p: ChildProcessWithoutNullStreams = spawn(process.execPath, [
    readerctlBin,
    'terminal',
    'pair',
    '--json',
    ...args,
  ]);
  const lines: Record<string, string>[] = [];
  let buf = '';
  let err = '';
  p.stdout.on('data', (d) => {
    buf += d;
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      lines.push(JSON.parse(buf.slice(0, i)));
      buf = buf.slice(i + 1);
    }
  });
  p.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => p.on('exit', (c) => r(c)));
  return {
    lines,
    get err() {
      return err;
    },
    exited,
    async line(type: string, timeoutMs = 20_000): Promise<Record<string, string>> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const l = lines.find((x) => x.type === type);
        if (l) return l;
        if (Date.now() > deadline) throw new Error(`no ${type} line: ${JSON.stringify(lines)} ${err}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    answer: (yes: boolean) => p.stdin.write(yes ? 'y\n' : 'n\n'),
  };
}

const pems = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pem')) : [];

const STAFF_PIN = '135790';

describe.skipIf(missing('socat', 'socat') || missing('chromium', 'chromium'))(
  'pairing readerd and the reference terminal',
  () => {
    let rig: ApplianceRig;
    let browser: Browser;
    let sh: Awaited<ReturnType<typeof shell>>;
    let terminal: ReferenceTerminal | undefined;
    let dir: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'fareader-pairing-readerd-'));
      [rig, browser] = await Promise.all([
        ApplianceRig.start({
          challengeSeed: RIG_TEST_SEED,
          dir,
          terminal: false,
          trust: false,
          config: {
            session: { consents: [] },
            kiosk: { staff: { pinHash: hashStaffPin(STAFF_PIN), maxTries: 3, lockoutMs: 600_000 } },
          },
        }),
        chromium.launch({
          executablePath: '/usr/bin/chromium',
          args: ['--headless', '--no-sandbox', '--disable-gpu'],
        }),
      ]);
      sh = await shell(rig.hw.shellPty!.devicePath);
    }, 90_000);
    afterAll(async () => {
      await sh?.close();
      await browser?.close();
      await terminal?.stop().catch(() => {});
      await rig?.close();
    });

    it('refused on the staff screen: nothing trusted; confirmed on both: trusted both ways, and a result flows', async () => {
      const keys = join(dir, 'keys');
      const deviceTrust = join(keys, 'trusted-terminals');
      const terminalTrust = join(keys, 'trusted-devices');
      const cliArgs = [
        '--device',
        rig.deviceId,
        '--broker',
        rig.brokerAddress,
        '--key',
        join(keys, 'terminal.key'),
        '--trust-dir',
        terminalTrust,
        '--timeout',
        '60',
      ];
      const terminalKey = loadKeyFile(join(keys, 'terminal.key'));
      const makeTerminal = () =>
        new ReferenceTerminal({
          terminalId: 'terminal-1',
          broker: { url: rig.brokerAddress },
          key: terminalKey,
          trustedDevices: loadTrustDir(terminalTrust),
          dataDir: join(dir, 'terminal'),
          outDir: join(dir, 'terminal', 'results'),
          log: quietLog,
          connect: connectMqtt,
        });
      // Before pairing the reader's broker does not know the terminal.
      const stranger = makeTerminal();
      const refusedLogin = await stranger.start(3000).catch((e) => e);
      await stranger.stop().catch(() => {});
      // The broker refuses its key-bound login (CONNACK 4), and start says so (exit 6 in the CLI).
      expect(isReaderError(refusedLogin, ErrorCode.Mqtt_UnknownKey)).toBe(true);

      // A first attempt, from the staff screen, which the staff refuse there.
      const page = await browser.newPage({ viewport: { width: 1024, height: 600 } });
      await page.goto(new URL('/staff', rig.kioskUrl).href);
      for (const d of STAFF_PIN) await page.click(`[data-testid="key-${d}"]`);
      await page.click('[data-testid="key-enter"]');
      await page.click('[data-testid="pair-open"]');
      await page.waitForSelector('[data-testid="pair-msg"]:has-text("readerctl terminal pair")');
      const first = pairCli(cliArgs);
      const firstCode = (await first.line('code')).code!;
      // The code, large, as the terminal shows it; the shell sees the same window.
      await page.waitForSelector(
        `[data-testid="pair-code"]:has-text("${firstCode.slice(0, 3)} ${firstCode.slice(3)}")`,
      );
      await sh.cmd('pair status', new RegExp(`pairing code ${firstCode} for terminal terminal-1`));
      await page.click('[data-testid="pair-refuse"]');
      await page.waitForSelector('[data-testid="pair-msg"]:has-text("refused on the reader")');
      expect(await first.exited).toBe(1);
      expect(first.err).toMatch(
        /^readerctl: pairing ended, nothing trusted: the reader ended it: refused on the reader\n$/,
      );
      expect(pems(deviceTrust)).toEqual([]);
      expect(pems(terminalTrust)).toEqual([]);

      // The second: both show the same code, both staff confirm.
      await sh.cmd('pair', /pairing window open/);
      const second = pairCli(cliArgs);
      const code = (await second.line('code')).code!;
      expect(code).toMatch(/^\d{6}$/);
      expect((await second.line('code')).keyId).toBe(
        keyIdHex(loadKeyFile(join(keys, 'device.key')).publicKey),
      );
      await sh.cmd(
        'pair status',
        new RegExp(
          `pairing code ${code} for terminal terminal-1 \\(key ${keyIdHex(terminalKey.publicKey)}\\)`,
        ),
      );
      await sh.cmd('pair confirm', /confirmed here; waiting for the terminal's confirmation/);
      // Confirmed on the reader alone: nothing trusted yet on either side.
      expect(pems(deviceTrust)).toEqual([]);
      expect(pems(terminalTrust)).toEqual([]);
      second.answer(true);
      expect(await second.exited).toBe(0);
      expect(await second.line('paired')).toMatchObject({ type: 'paired', deviceId: rig.deviceId });
      await sh.cmd('pair status', /paired: terminal terminal-1 \(key [0-9a-f]{16}\) is trusted/);
      expect(pems(deviceTrust)).toEqual(['terminal-1.pem']);
      expect(pems(terminalTrust)).toEqual([`${rig.deviceId}.pem`]);

      // Each side now talks signed: the broker admits the terminal, and a patient's result flows.
      terminal = makeTerminal();
      const results: ResultRecord[] = [];
      terminal.on('result', (r: ResultRecord) => results.push(r));
      await terminal.start();
      await rig.patient.placeCard(await rig.card('paired', 'normal', 'img1.jpg'));
      const v = await rig.patient.waitFor('choosing-method');
      await rig.patient.choose('pin');
      await rig.patient.enterPin('1234');
      const deadline = Date.now() + 60_000;
      while (!results.some((r) => r.sessionId === v.sessionId)) {
        if (Date.now() > deadline) throw new Error('no result at the paired terminal');
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(results.find((r) => r.sessionId === v.sessionId)).toMatchObject({
        deviceId: rig.deviceId,
        method: 'PIN',
        outcome: 'VERIFIED',
      });
    }, 180_000);
  },
);
