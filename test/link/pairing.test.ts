import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Aedes } from 'aedes';
import { afterEach, describe, expect, it } from 'vitest';
import { linkTestResult } from '../../firmware-host/link-test.js';
import { loadTrustDir } from '../../platform/keys/keystore.js';
import { connectMqtt } from '../../platform/link/mqtt-client.js';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import { generateKeyPair, keyIdHex } from '../../protocol/link/keys.js';
import { until } from '../../tools/rig/link-fixture.js';
import { quietLog } from '../../tools/rig/link-pair.js';
import { ReferenceTerminal } from '../../tools/terminal/terminal.js';
import {
  closeOpened,
  DEVICE,
  nothingTrusted,
  open,
  pairFromTerminal,
  pemsIn,
  reader,
  type Side,
  TERMINAL,
} from './pairing-fixture.js';

afterEach(closeOpened);

describe('pairing over the broker', () => {
  it('codes match, keys are trusted only after both confirm, then results flow, across a rotation', async () => {
    const s = await reader();
    // Outside a window the broker admits no pairing connection.
    const early = await pairFromTerminal(s, async () => true).catch((e) => e);
    expect(isReaderError(early, ErrorCode.Mqtt_NotConnected)).toBe(true);

    s.window.open();
    let terminalCode = '';
    const paired = pairFromTerminal(s, async (code) => {
      terminalCode = code;
      // The staff compare: the reader shows the same code, and nothing is trusted yet.
      const shown = s.window.status();
      expect(shown).toMatchObject({ phase: 'comparing', code, terminalId: TERMINAL });
      expect(shown.terminalKeyId).toBe(keyIdHex(s.terminalKey.publicKey));
      nothingTrusted(s);
      // The reader's staff confirm first: still nothing trusted until the terminal confirms.
      s.window.confirm();
      expect(s.deviceTrust.size).toBe(0);
      return true;
    });
    const done = await paired;
    expect(done.code).toMatch(/^\d{6}$/);
    expect(done.code).toBe(terminalCode);
    expect(done.keyId).toBe(keyIdHex(s.deviceKey.publicKey));
    await until(() => s.window.status().phase === 'paired', 5000, 'the reader to trust the terminal');
    expect(pemsIn(s.deviceTrustDir)).toEqual([`${TERMINAL}.pem`]);
    expect(pemsIn(s.terminalTrustDir)).toEqual([`${DEVICE}.pem`]);
    expect([...s.deviceTrust.values()].map((t) => t.keyId)).toEqual([keyIdHex(s.terminalKey.publicKey)]);

    // Each side now talks signed as before pairing: the broker admits the terminal's own login.
    const terminal = new ReferenceTerminal({
      terminalId: TERMINAL,
      broker: { url: s.url },
      key: s.terminalKey,
      trustedDevices: loadTrustDir(s.terminalTrustDir),
      dataDir: join(s.dir, 'terminal'),
      outDir: join(s.dir, 'terminal', 'results'),
      log: quietLog,
      connect: connectMqtt,
    });
    open.push({ close: () => terminal.stop() });
    await terminal.start();
    s.link.publishResult(linkTestResult('after-pairing', new Uint8Array(), Date.now()));
    await until(() => terminal.acceptedCount(DEVICE) === 1 && s.link.outbox.pendingCount === 0);
    // A rotation after pairing: the terminal follows the announced key, results keep flowing.
    const next = generateKeyPair();
    s.link.rotateKey(next);
    for (let i = 0; i < 3; i++)
      s.link.publishResult(linkTestResult(`rotated-${i}`, new Uint8Array(), Date.now()));
    await until(() => terminal.acceptedCount(DEVICE) === 4 && s.link.outbox.pendingCount === 0);
    expect(terminal.trustedKeyIds(DEVICE)).toContain(keyIdHex(next.publicKey));
  });

  it('a refusal on either side, or the timeout, trusts nothing', async () => {
    const s = await reader(undefined, 1500);
    // Refused on the terminal: the reader hears the abort.
    s.window.open();
    const refusedHere = await pairFromTerminal(s, async () => false).catch((e) => e);
    expect(isReaderError(refusedHere, ErrorCode.Mqtt_PairingEnded)).toBe(true);
    await until(() => s.window.status().phase === 'ended');
    expect(s.window.status().reason).toMatch(/refused on the terminal/);
    nothingTrusted(s);

    // Refused on the reader while the terminal's staff already said yes.
    s.window.open();
    const refusedThere = await pairFromTerminal(s, async () => {
      s.window.refuse();
      return true;
    }).catch((e) => e);
    expect(isReaderError(refusedThere, ErrorCode.Mqtt_PairingEnded)).toBe(true);
    expect((refusedThere as Error).message).toMatch(/refused on the reader/);
    nothingTrusted(s);

    // Nobody confirms on the reader: its window times out, and the terminal is told.
    s.window.open();
    const timedOut = await pairFromTerminal(s, async () => true).catch((e) => e);
    expect(isReaderError(timedOut, ErrorCode.Mqtt_PairingEnded)).toBe(true);
    expect((timedOut as Error).message).toMatch(/timed out/);
    expect(s.window.status()).toMatchObject({ phase: 'ended', reason: 'timed out' });
    nothingTrusted(s);
  });

  it('a second terminal in the window ends it with nothing trusted', async () => {
    const s = await reader();
    s.window.open();
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    // The first terminal reaches the codes and waits for its staff.
    const first = pairFromTerminal(s, async () => {
      await held;
      return true;
    }).catch((e) => e);
    await until(() => s.window.status().phase === 'comparing');
    const second = await pairFromTerminal(s, async () => true, {
      terminalId: 'intruder',
      key: generateKeyPair(),
      timeoutMs: 5000,
    }).catch((e) => e);
    release();
    expect(s.window.status().phase).toBe('ended');
    expect(s.window.status().reason).toMatch(/second terminal/);
    expect(isReaderError(await first, ErrorCode.Mqtt_PairingEnded)).toBe(true);
    expect(isReaderError(second)).toBe(true);
    nothingTrusted(s);
  });

  it("sends the reader's confirm only once the terminal's key is stored: a failed store ends it, the terminal trusts nothing", async () => {
    const s = await reader(undefined, undefined, quietLog, () => {
      throw new Error('disk full');
    });
    s.window.open();
    const outcome = await pairFromTerminal(s, async () => {
      s.window.confirm(); // the reader's staff first: its confirm must wait for the store
      return true;
    }).catch((e) => e);
    expect(isReaderError(outcome, ErrorCode.Mqtt_PairingEnded)).toBe(true);
    expect((outcome as Error).message).toMatch(/could not be stored: disk full/);
    expect(s.window.status().phase).toBe('ended');
    nothingTrusted(s);
  });

  it('with no broker fails as not connected after the connect timeout, and a CONNACK 5 as an unknown key', async () => {
    // A port nobody listens on.
    const gone = createServer().listen(0, '127.0.0.1');
    await once(gone, 'listening');
    const port = (gone.address() as { port: number }).port;
    await new Promise<void>((r) => gone.close(() => r()));
    const s = { url: `mqtt://127.0.0.1:${port}`, terminalKey: generateKeyPair() } as Side;
    const none = await pairFromTerminal(s, async () => true, { timeoutMs: 60_000 }).catch((e) => e);
    expect(isReaderError(none, ErrorCode.Mqtt_NotConnected)).toBe(true);
    expect((none as Error).message).toMatch(/no broker answered/);
    // A broker that answers CONNACK 5 (not authorised), as a site broker with no pairing account.
    const aedes = await Aedes.createBroker({
      authenticate: (_c, _u, _p, done) => {
        const e = Object.assign(new Error('not authorised'), { returnCode: 5 as const });
        done(e, false);
      },
    });
    const server = createServer((sock) => aedes.handle(sock)).listen(0, '127.0.0.1');
    await once(server, 'listening');
    open.push({
      close: async () => {
        await new Promise<void>((r) => aedes.close(() => r()));
        server.close();
      },
    });
    s.url = `mqtt://127.0.0.1:${(server.address() as { port: number }).port}`;
    const refused = await pairFromTerminal(s, async () => true, { timeoutMs: 60_000 }).catch((e) => e);
    expect(isReaderError(refused, ErrorCode.Mqtt_UnknownKey)).toBe(true);
  });
});
