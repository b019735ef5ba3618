// The card emulator against an implementation we did not write: pcscd + vsmartcard-vpcd +
// OpenSC (pkcs15-tool, pkcs11-tool with opensc-pkcs11.so, pkcs15-crypt, opensc-tool), with
// `readerctl sim card --vpcd` run as a user runs it. Signatures are checked by openssl.
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missing } from '../helpers/system.js';
import {
  OPENSC_PKCS11,
  type Pcscd,
  pcscdBusy,
  REPO,
  run,
  type Sim,
  type SimEvent,
  startPcscd,
  startSim,
  triesByLabel,
  VPCD_DRIVER,
} from './pcscd-vpcd-rig.js';

function absent(path: string, pkg: string): boolean {
  if (existsSync(path)) return false;
  const msg = `SKIPPED: ${path} not found; install the Debian package '${pkg}' (CI installs it)`;
  if (process.env.CI) throw new Error(msg);
  console.warn(msg);
  return true;
}

const noStack =
  missing('pcscd', 'pcscd') ||
  missing('pkcs15-tool', 'opensc') ||
  missing('openssl', 'openssl') ||
  absent(VPCD_DRIVER, 'vsmartcard-vpcd') ||
  absent(OPENSC_PKCS11, 'opensc-pkcs11');
const busy = noStack ? undefined : pcscdBusy();
if (busy && process.env.CI) throw new Error(busy);
if (busy) console.warn(`SKIPPED: ${busy}`);

const AUTH = 'User Authentication PIN';
const SIGN = 'Digital Signature PIN';

describe.skipIf(noStack || busy !== undefined)(
  'card emulator in pcscd through vsmartcard-vpcd, used by OpenSC',
  () => {
    let dir: string;
    let state: string;
    let pcscd: Pcscd;
    let sim: Sim | undefined;

    const der = (p: string) => new Uint8Array(readFileSync(join(state, p)));
    const pemToDer = (pem: string) => new Uint8Array(new X509Certificate(pem).raw);
    const counterEvents = (events: SimEvent[]) => events.filter((e) => e.event === 'counters');

    async function placeCard(profile: string, extra: string[] = []): Promise<Sim> {
      // A test that failed half-way, or was filtered out, leaves its card in the reader.
      if (sim) await removeCard();
      sim = startSim(pcscd.port, profile, state, extra);
      await pcscd.cardPresent(true);
      return sim;
    }

    async function removeCard(): Promise<SimEvent> {
      const s = sim!;
      sim = undefined;
      const { stopped } = await s.stop();
      await pcscd.cardPresent(false);
      expect(stopped).toBeDefined();
      return stopped!;
    }

    async function readCert(id: string): Promise<Uint8Array> {
      const file = join(dir, `cert-${id}.pem`);
      const r = await run('pkcs15-tool', ['--read-certificate', id, '-o', file]);
      expect(r.code, r.out).toBe(0);
      return pemToDer(readFileSync(file, 'utf8'));
    }

    async function tries(): Promise<Record<string, number>> {
      const r = await run('pkcs15-tool', ['--list-pins']);
      expect(r.code, r.out).toBe(0);
      return triesByLabel(r.out);
    }

    async function tokenFlags(): Promise<string> {
      const r = await run('pkcs11-tool', ['--module', OPENSC_PKCS11, '--list-slots']);
      expect(r.code, r.out).toBe(0);
      return (
        /token label\s*:\s*JPKI \(User Authentication PIN\)[\s\S]*?token flags\s*:\s*(.*)/.exec(r.out)?.[1] ??
        ''
      );
    }

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'fareader-opensc-'));
      state = join(dir, 'state');
      writeFileSync(join(dir, 'data.txt'), 'challenge from a clinic terminal\n');
      pcscd = await startPcscd(dir);
    }, 60_000);

    afterAll(async () => {
      if (sim) await sim.stop().catch(() => undefined);
      await pcscd?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }, 30_000);

    it('normal card: OpenSC binds it, reads our certificates byte for byte and lists 3 and 5 tries', async () => {
      await placeCard('normal');
      const dump = await run('pkcs15-tool', ['--dump']);
      expect(dump.code, dump.out).toBe(0);
      expect(dump.out).toContain('PKCS#15 Card [JPKI]');
      expect(await readCert('01')).toEqual(der('cards/sim-normal/jpki/cert.der'));
      expect(await readCert('03')).toEqual(der('ca/cert.der'));
      expect(await readCert('04')).toEqual(der('sign-ca/cert.der'));
      // The signature certificate names the holder: without the password the card answers 69 82.
      const guarded = await run('pkcs15-tool', ['--read-certificate', '02']);
      expect(guarded.code).not.toBe(0);
      expect(sim!.events).toContainEqual(
        expect.objectContaining({ event: 'apdu', header: '00b00000', sw: '6982' }),
      );
      expect(await tries()).toEqual({ [AUTH]: 3, [SIGN]: 5 });
    }, 120_000);

    it.each(['SHA1', 'SHA256', 'SHA384', 'SHA512'])(
      'pkcs11-tool --sign %s-RSA-PKCS with the test PIN verifies with openssl against the certificate',
      async (hash) => {
        const sig = join(dir, `sig-${hash}`);
        const r = await run('pkcs11-tool', [
          ...['--module', OPENSC_PKCS11, '--token-label', 'JPKI (User Authentication PIN)'],
          ...['--login', '--pin', '1234', '--sign', '--id', '01', '--mechanism', `${hash}-RSA-PKCS`],
          ...['-i', join(dir, 'data.txt'), '-o', sig],
        ]);
        expect(r.code, r.out).toBe(0);
        const pub = join(dir, 'auth-pub.pem');
        writeFileSync(
          pub,
          new X509Certificate(der('cards/sim-normal/jpki/cert.der')).publicKey.export({
            type: 'spki',
            format: 'pem',
          }),
        );
        const v = await run('openssl', [
          'dgst',
          `-${hash.toLowerCase()}`,
          '-verify',
          pub,
          '-signature',
          sig,
          join(dir, 'data.txt'),
        ]);
        expect(v.out).toContain('Verified OK');
      },
      60_000,
    );

    it('signs with the signature key after the signature password (pkcs15-crypt), then the certificate reads', async () => {
      const digest = join(dir, 'data.sha256');
      const d = await run('openssl', ['dgst', '-sha256', '-binary', '-out', digest, join(dir, 'data.txt')]);
      expect(d.code, d.out).toBe(0);
      const sig = join(dir, 'sig-sign-key');
      const r = await run('pkcs15-crypt', [
        ...['--sign', '--key', '02', '--pin', 'ABC123', '--sha-256', '--pkcs1'],
        ...['-i', digest, '-o', sig],
      ]);
      expect(r.code, r.out).toBe(0);
      const pub = join(dir, 'sign-pub.pem');
      writeFileSync(
        pub,
        new X509Certificate(der('cards/sim-normal/jpki-sign/cert.der')).publicKey.export({
          type: 'spki',
          format: 'pem',
        }),
      );
      const v = await run('openssl', [
        'dgst',
        '-sha256',
        '-verify',
        pub,
        '-signature',
        sig,
        join(dir, 'data.txt'),
      ]);
      expect(v.out).toContain('Verified OK');
      const read = join(dir, 'cert-02.pem');
      const c = await run('pkcs15-tool', [
        '--verify-pin',
        '--auth-id',
        '02',
        '--pin',
        'ABC123',
        '--read-certificate',
        '02',
        '-o',
        read,
      ]);
      expect(c.code, c.out).toBe(0);
      expect(pemToDer(readFileSync(read, 'utf8'))).toEqual(der('cards/sim-normal/jpki-sign/cert.der'));
    }, 60_000);

    it('tries left unchanged after all that; only the one wrong VERIFY the test sends decrements', async () => {
      const s = sim!;
      expect(await tries()).toEqual({ [AUTH]: 3, [SIGN]: 5 });
      expect(counterEvents(s.events)).toEqual([]);
      // The test's own VERIFY with a wrong PIN, as raw APDUs: select JPKI AP, EF 0018, VERIFY "0000".
      const r = await run('opensc-tool', [
        ...['-r', '0', '-s', '00A4040C0AD392F000260100000001', '-s', '00A4020C020018'],
        ...['-s', '002000800430303030'],
      ]);
      expect(r.out).toMatch(/SW1=0x63, SW2=0xC2/);
      expect(await tries()).toEqual({ [AUTH]: 2, [SIGN]: 5 });
      const stopped = await removeCard();
      expect(counterEvents(s.events)).toEqual([
        { event: 'counters', pinTries: 2, signPinTries: 5, keyBTries: 10 },
      ]);
      expect(stopped.counters).toEqual({ pinTries: 2, signPinTries: 5, keyBTries: 10 });
      // Four pkcs11-tool logins and the test's VERIFY; two signature-password VERIFYs.
      expect(stopped.stats).toMatchObject({ pinVerifies: 5, signPinVerifies: 2, myNumberApSelected: 0 });
      const counters = JSON.parse(readFileSync(join(state, 'cards/sim-normal/counters.json'), 'utf8'));
      expect(counters.pinTries).toBe(2);
    }, 60_000);

    it.each([
      ['pin-last-try', [], 1, 'final user PIN try'],
      ['pin-blocked', [], 0, 'user PIN locked'],
      ['pin-blocked', ['--contactless'], 0, 'user PIN locked'],
    ] as const)(
      'profile %s %j binds: certificate readable, PIN shown as %i tries, nothing decremented',
      async (profile, extra, left, flag) => {
        const s = await placeCard(profile, [...extra]);
        expect(await readCert('01')).toEqual(der(`cards/sim-${profile}/jpki/cert.der`));
        expect(await tries()).toEqual({ [AUTH]: left, [SIGN]: 5 });
        expect(await tokenFlags()).toContain(flag);
        const stopped = await removeCard();
        expect(counterEvents(s.events)).toEqual([]);
        expect(stopped.counters).toEqual({ pinTries: left, signPinTries: 5, keyBTries: 10 });
        expect(stopped.stats).toMatchObject({ pinVerifies: 0, signPinVerifies: 0 });
      },
      60_000,
    );

    it('profile removed-mid-command: pcscd sees the card leave during a command and come back', async () => {
      const s = await placeCard('removed-mid-command');
      // Its sixth APDU takes the card out: OpenSC's binding fails half-way, as with a real card.
      const dump = await run('pkcs15-tool', ['--dump']);
      const names = () => s.events.map((e) => e.event);
      expect(names(), dump.out).toContain('card-removed');
      // Back in the reader once vpcd took the new connection.
      const deadline = Date.now() + 20_000;
      while (names().filter((n) => n === 'connected').length < 2) {
        if (Date.now() > deadline) throw new Error(`the card did not come back: ${names().join(' ')}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      await pcscd.cardPresent(true);
      expect(names().filter((n) => n === 'connected')).toHaveLength(2);
      expect(await readCert('01')).toEqual(der('cards/sim-removed-mid-command/jpki/cert.der'));
      const stopped = await removeCard();
      expect(stopped.counters).toEqual({ pinTries: 3, signPinTries: 5, keyBTries: 10 });
    }, 60_000);
  },
);

describe('readerctl sim card (no pcscd needed)', () => {
  const cli = (...args: string[]) =>
    run(process.execPath, [join(REPO, 'bin', 'readerctl.mjs'), 'sim', 'card', ...args]);

  it('has --help, refuses bad arguments in one line, and says when vpcd is not listening', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('--vpcd [HOST:PORT]');
    const noVpcd = await cli('--profile', 'normal');
    expect(noVpcd.code).toBe(2);
    expect(noVpcd.out).toMatch(/needs --vpcd/);
    const badProfile = await cli('--vpcd', '--profile', 'gold');
    expect(badProfile.code).toBe(2);
    expect(badProfile.out.split('\n')[0]).toMatch(/--profile is one of normal/);
    const badPort = await cli('--vpcd', 'localhost:99999');
    expect(badPort.code).toBe(2);
    const state = mkdtempSync(join(tmpdir(), 'fareader-simcard-'));
    // Port 1 on localhost: nothing listens there.
    const away = await cli('--vpcd', '127.0.0.1:1', '--wait', '1', '--state', state);
    rmSync(state, { recursive: true, force: true });
    expect(away.code).toBe(4);
    expect(away.out).toMatch(/vpcd is not listening on 127\.0\.0\.1:1 .*is pcscd running/);
    expect(away.out.trim().split('\n')).toHaveLength(2);
  }, 60_000);
});
