// Signed refusals are not timeouts, and a result with a nonce from another --data folder is
// refused once, not every ack timeout forever (issue 16, item 4). readerd and the terminal on a
// real Mosquitto; readerctl terminal run as a person runs it.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkTestResult } from '../../firmware-host/link-test.js';
import { createKeyFile } from '../../platform/keys/keystore.js';
import { COMMANDS } from '../../tools/cli/specs/index.js';
import { type LinkKeys, makeLinkKeys, until } from '../../tools/rig/link-fixture.js';
import { makeDevice, makeTerminal } from '../../tools/rig/link-pair.js';
import { Mosquitto } from '../../tools/rig/mosquitto.js';
import { runReaderctl } from '../helpers/readerctl.js';
import { type ReaderdProcess, startReaderd, writeReaderConfig } from '../helpers/readerd-process.js';
import { missing } from '../helpers/system.js';

const EXIT_UNTRUSTED = 6;

describe.skipIf(missing('mosquitto', 'mosquitto'))('readerctl terminal against readerd', () => {
  let keys: LinkKeys;
  let broker: Mosquitto;
  let readerd: ReaderdProcess;
  const base = (): string[] => [
    '--broker',
    broker.url,
    '--trust-dir',
    keys.trustDevicesDir,
    '--device',
    keys.deviceId,
  ];

  beforeAll(async () => {
    keys = makeLinkKeys();
    broker = await Mosquitto.start(keys.dir);
    readerd = startReaderd(['-c', writeReaderConfig(keys, broker.url)]);
    await readerd.waitFor(/"msg":"ready"/, 20_000);
  }, 40_000);
  afterAll(async () => {
    readerd?.proc.kill('SIGTERM');
    await readerd?.exit();
    await broker?.stop();
    keys?.cleanup();
  });

  it('an untrusted terminal key gets the signed UNKNOWN_KEY said in one line, exit 6', async () => {
    const stranger = join(keys.dir, 'stranger.key');
    createKeyFile(stranger);
    const data = join(keys.dir, 'stranger-data');
    const r = await runReaderctl(
      'terminal',
      'start-session',
      ...base(),
      '--key',
      stranger,
      '--data',
      data,
      '--json',
    );
    expect(r.code, r.err).toBe(EXIT_UNTRUSTED);
    expect(COMMANDS.terminal!.exitCodes.map((c) => c.code)).toContain(EXIT_UNTRUSTED);
    expect(JSON.parse(r.out)).toMatchObject({ type: 'response', status: 'RESPONSE_STATUS_UNKNOWN_KEY' });
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/refused the command: RESPONSE_STATUS_UNKNOWN_KEY/);
    expect(lines[0]).toMatch(/keys trust add .*stranger\.key\.pub\.pem/);
    expect(r.err).not.toMatch(/no response/);
    // Without --json: nothing on stdout, the same one line on stderr.
    const text = await runReaderctl('terminal', 'rebirth', ...base(), '--key', stranger, '--data', data);
    expect(text.code).toBe(EXIT_UNTRUSTED);
    expect(text.out).toBe('');
    expect(text.err.trim().split('\n')).toHaveLength(1);
  });

  it('a trusted terminal: cancel, mode and rebirth answer with JSON (exit 0, or 4 refused)', async () => {
    const data = join(keys.dir, 'cli-data');
    for (const [sub, extra] of [
      ['cancel', []],
      ['mode', ['--mode', 'maintenance']],
      ['rebirth', []],
      ['start-session', []],
    ] as const) {
      const r = await runReaderctl(
        'terminal',
        sub,
        ...base(),
        ...extra,
        '--key',
        keys.terminalKeyFile,
        '--data',
        data,
        '--json',
      );
      expect([0, 4], `${sub}: ${r.err}`).toContain(r.code);
      expect(JSON.parse(r.out)).toMatchObject({ type: 'response' });
    }
  });

  it('terminal run --json prints JSON lines and stops on SIGTERM', async () => {
    const { spawn } = await import('node:child_process');
    const { readerctlBin } = await import('../helpers/readerctl.js');
    const p = spawn(process.execPath, [
      readerctlBin,
      'terminal',
      'run',
      '--broker',
      broker.url,
      '--trust-dir',
      keys.trustDevicesDir,
      '--key',
      keys.terminalKeyFile,
      '--data',
      join(keys.dir, 'run-data'),
      '--json',
    ]);
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    await until(() => out.includes('"type":"ready"'), 15_000, 'ready line');
    await until(() => out.includes('"type":"device-state"'), 15_000, 'the retained birth');
    p.kill('SIGTERM');
    await new Promise((r) => p.on('exit', r));
    for (const line of out.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });
});

describe.skipIf(missing('mosquitto', 'mosquitto'))('a nonce the running terminal never issued', () => {
  it('is quarantined once and acknowledged, so the device stops sending it', async () => {
    const keys = makeLinkKeys();
    const broker = await Mosquitto.start(keys.dir);
    const device = makeDevice(keys, broker.url, { ackTimeoutMs: 300 });
    const terminal = makeTerminal(keys, broker.url);
    const rejected: { reason: string; detail: string }[] = [];
    terminal.on('rejected', (r: { reason: string; detail: string }) => rejected.push(r));
    try {
      await terminal.start();
      await device.start();
      // As if `start-session --data elsewhere` had issued it: this terminal's store has no such nonce.
      device.publishResult(linkTestResult('s-elsewhere', randomBytes(32), Date.now()));
      await until(() => device.outbox.pendingCount === 0, 10_000, 'the result acknowledged');
      // Several ack timeouts later, still the one refusal: the device does not send it again.
      await new Promise((r) => setTimeout(r, 1500));
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.reason).toBe('quarantined:nonce-unknown');
      expect(rejected[0]!.detail).toMatch(/never issued .*--data folder/);
      expect(terminal.quarantinedCount()).toBe(1);
      // Kept as received, never exported as a check.
      const results = join(keys.dir, 'terminal', 'results', keys.deviceId);
      expect(existsSync(results) ? readdirSync(results) : []).toEqual([]);
    } finally {
      await device.stop(0);
      await terminal.stop();
      device.outbox.close();
      await broker.stop();
      keys.cleanup();
    }
  });
});
