// hardware/install.sh into a scratch root (DESTDIR), run by dash as /bin/sh runs it: the users
// (systemd-sysusers --root), the folders and their modes and owners, a configuration readerd's
// loader accepts, a 0600 key that is never printed, units systemd-analyze verifies, the voice
// prompts, a second run that changes nothing, and an uninstall that keeps keys and data.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../firmware-host/config.js';
import { loadKeyFile } from '../../platform/keys/keystore.js';
import { missing } from '../helpers/system.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT = join(ROOT, 'hardware', 'install.sh');

/** install.sh sets owners, so it runs as root (CI does); anyone else is told so. */
function notRoot(): boolean {
  if (process.getuid?.() === 0) return false;
  const msg = 'SKIPPED: needs root: hardware/install.sh sets owners and modes (CI runs as root)';
  if (process.env.CI) throw new Error(msg);
  console.warn(msg);
  return true;
}

interface Action {
  action: string;
  path: string;
  detail: string;
}

function install(destdir: string, ...args: string[]): { out: string; actions: Action[] } {
  const out = execFileSync('sh', [SCRIPT, ...args], {
    env: { ...process.env, DESTDIR: destdir },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const actions = args.includes('--json')
    ? out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Action)
    : [];
  return { out, actions };
}

/** Every path under dir with its mode, owner, size and mtime: what "changes nothing" means. */
function snapshot(dir: string): string[] {
  const rows: string[] = [];
  const walk = (p: string): void => {
    const s = statSync(p);
    rows.push(`${p.slice(dir.length)} ${s.mode.toString(8)} ${s.uid}:${s.gid} ${s.size} ${s.mtimeMs}`);
    if (s.isDirectory()) for (const e of readdirSync(p).sort()) walk(join(p, e));
  };
  walk(dir);
  return rows;
}

const modeOf = (p: string): string => (statSync(p).mode & 0o777).toString(8);
const ownerOf = (p: string): string => `${statSync(p).uid}:${statSync(p).gid}`;

/** The unit's settings as key → values (a key may repeat). */
function unitSettings(text: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const hit = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (hit) m.set(hit[1]!, [...(m.get(hit[1]!) ?? []), hit[2]!]);
  }
  return m;
}

describe.skipIf(notRoot() || missing('systemd-sysusers', 'systemd') || missing('espeak-ng', 'espeak-ng'))(
  'hardware/install.sh in a scratch root',
  () => {
    const dirs: string[] = [];
    const scratch = (): string => {
      const d = mkdtempSync(join(tmpdir(), 'fareader-destdir-'));
      dirs.push(d);
      return d;
    };
    afterAll(() => {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });
    const dest = scratch();
    const at = (p: string): string => join(dest, p);

    it('installs users, folders, config, key, units, rules and voice prompts, and says so', () => {
      const { out, actions } = install(dest, '--json');
      const done = (path: string): string | undefined => actions.find((a) => a.path === path)?.action;
      expect(done('user fareader')).toBe('created');
      expect(done('/etc/fareader/keys/device.key')).toBe('created');
      expect(done('/usr/lib/systemd/system/fareader-readerd.service')).toBe('installed');
      expect(done('/usr/lib/udev/rules.d/60-fareader.rules')).toBe('installed');
      expect(done('/var/lib/fareader/voice')).toBe('rendered');

      // The users, written by systemd-sysusers into the scratch root's passwd.
      const passwd = readFileSync(at('etc/passwd'), 'utf8');
      const [, uid, gid] = /^fareader:x:(\d+):(\d+):/m.exec(passwd) ?? [];
      expect(uid, passwd).toBeDefined();
      expect(passwd).toMatch(/^fareader-kiosk:x:\d+:\d+:.*:\/usr\/sbin\/nologin$/m);
      const user = `${uid}:${gid}`;

      expect([modeOf(at('etc/fareader')), ownerOf(at('etc/fareader'))]).toEqual(['750', `0:${gid}`]);
      expect([modeOf(at('etc/fareader/keys')), ownerOf(at('etc/fareader/keys'))]).toEqual(['700', user]);
      expect([modeOf(at('etc/fareader/trust')), ownerOf(at('etc/fareader/trust'))]).toEqual(['750', user]);
      expect([modeOf(at('var/lib/fareader')), ownerOf(at('var/lib/fareader'))]).toEqual(['700', user]);
      expect([modeOf(at('etc/fareader/readerd.json')), ownerOf(at('etc/fareader/readerd.json'))]).toEqual([
        '640',
        `0:${gid}`,
      ]);

      // readerd's own loader accepts the default configuration, and it names what was installed.
      const config = loadConfig(at('etc/fareader/readerd.json'));
      expect(config.deviceId).toBe('reader-01');
      expect(config.dataDir).toBe('/var/lib/fareader');
      expect(config.keys).toEqual({
        deviceKey: '/etc/fareader/keys/device.key',
        trustedTerminalsDir: '/etc/fareader/trust',
      });

      // The key: 0600, the user's, loadable by the keystore, and no part of it on the output.
      const keyFile = at(config.keys.deviceKey);
      expect([modeOf(keyFile), ownerOf(keyFile)]).toEqual(['600', user]);
      expect(loadKeyFile(keyFile).publicKey).toHaveLength(32);
      const body = readFileSync(keyFile, 'utf8')
        .split('\n')
        .filter((l) => l && !l.startsWith('-----'));
      expect(body.length).toBeGreaterThan(0);
      for (const l of body) expect(out).not.toContain(l);

      // The units and rules are the project's files, byte for byte.
      for (const [from, to] of [
        ['hardware/systemd/fareader-readerd.service', 'usr/lib/systemd/system/fareader-readerd.service'],
        ['hardware/systemd/fareader-kiosk.service', 'usr/lib/systemd/system/fareader-kiosk.service'],
        ['hardware/udev/60-fareader.rules', 'usr/lib/udev/rules.d/60-fareader.rules'],
      ] as const)
        expect(readFileSync(at(to), 'utf8'), to).toBe(readFileSync(join(ROOT, from), 'utf8'));

      // Voice prompts rendered into the data folder, the service user's.
      const wavs = readdirSync(at('var/lib/fareader/voice')).filter((f) => f.endsWith('.wav'));
      expect(wavs.length).toBeGreaterThan(100);
      expect(ownerOf(at(`var/lib/fareader/voice/${wavs[0]}`))).toBe(user);
    }, 180_000);

    it.skipIf(missing('systemd-analyze', 'systemd'))(
      'systemd-analyze verifies the installed unit, and it runs what was installed',
      () => {
        const unit = at('usr/lib/systemd/system/fareader-readerd.service');
        expect(() => execFileSync('systemd-analyze', ['verify', unit], { stdio: 'pipe' })).not.toThrow();
        const s = unitSettings(readFileSync(unit, 'utf8'));
        const sysusers = readFileSync(at('usr/lib/sysusers.d/fareader.conf'), 'utf8');
        expect(sysusers).toMatch(new RegExp(`^u ${s.get('User')![0]} `, 'm'));
        expect(s.get('Group')).toEqual(['fareader']);
        expect(s.get('ExecStart')).toEqual([
          '/usr/bin/node /opt/fareader/bin/readerd.mjs --config /etc/fareader/readerd.json',
        ]);
        expect(s.get('WorkingDirectory')).toEqual(['/opt/fareader']);
        expect(statSync(join(ROOT, 'bin', 'readerd.mjs')).isFile()).toBe(true);
        const config = loadConfig(at('etc/fareader/readerd.json'));
        expect(s.get('ReadWritePaths')).toEqual([config.dataDir, config.keys.trustedTerminalsDir]);
        expect(s.get('StateDirectory')).toEqual(['fareader']);
      },
    );

    it("the unit's Documentation= names a README section that exists", () => {
      const doc = /^Documentation=file:\/\/\/opt\/fareader\/README\.md#([a-z0-9-]+)$/m.exec(
        readFileSync(join(ROOT, 'hardware', 'systemd', 'fareader-readerd.service'), 'utf8'),
      );
      expect(doc).not.toBeNull();
      // GitHub's anchor for a heading: lower case, spaces to hyphens, punctuation dropped.
      const anchors = readFileSync(join(ROOT, 'README.md'), 'utf8')
        .split('\n')
        .filter((l) => /^#{1,6} /.test(l))
        .map((l) =>
          l
            .replace(/^#+ /, '')
            .toLowerCase()
            .replace(/[^\p{L}\p{N} _-]/gu, '')
            .replace(/ /g, '-'),
        );
      expect(anchors).toContain(doc![1]);
    });

    it('a second run changes nothing and says so', () => {
      const before = snapshot(dest);
      const { out } = install(dest);
      expect(out.trim().split('\n').at(-1)).toBe('nothing to do: already installed');
      for (const line of out.trim().split('\n').slice(0, -1))
        expect(line).toMatch(/^(unchanged|kept|skipped) /);
      expect(snapshot(dest)).toEqual(before);
    }, 60_000);

    it('--help lists the options and exit codes; an unknown option is a usage error', () => {
      expect(install(scratch(), '--help').out).toMatch(
        /--uninstall[\s\S]*Exit codes: 0 ok, 1 a step failed, 2 usage/,
      );
      let status: number | null = null;
      try {
        install(scratch(), '--frobnicate');
      } catch (e) {
        status = (e as { status: number | null }).status;
      }
      expect(status).toBe(2);
    });

    it('keeps an existing key but takes away group and other access', () => {
      const other = scratch();
      install(other, '--no-voice');
      const key = join(other, 'etc/fareader/keys/device.key');
      const bytes = readFileSync(key);
      chmodSync(key, 0o644);
      expect(install(other, '--no-voice').out).toMatch(
        /^fixed +\/etc\/fareader\/keys\/device\.key +\(?mode 0600/m,
      );
      expect(modeOf(key)).toBe('600');
      expect(readFileSync(key).equals(bytes)).toBe(true);
      expect(install(other, '--no-voice').out).toMatch(/^kept +\/etc\/fareader\/keys\/device\.key/m);
    }, 60_000);

    it('--dry-run into an empty root changes nothing and says what it would do', () => {
      const empty = scratch();
      const { out } = install(empty, '--dry-run', '--no-voice');
      expect(readdirSync(empty)).toEqual([]);
      expect(out).toMatch(/^would create +user fareader/m);
      expect(out).toMatch(/^would install +\/usr\/lib\/systemd\/system\/fareader-readerd\.service/m);
      expect(out).toMatch(/^would create +\/etc\/fareader\/keys\/device\.key/m);
    });

    it('never overwrites a configuration, uninstall keeps one that was changed; the Mosquitto snippet', () => {
      const other = scratch();
      install(other, '--no-voice', '--with-mosquitto', '--device-id', 'front-desk-2');
      const mosquitto = join(other, 'etc/mosquitto/conf.d/fareader.conf');
      expect(readFileSync(mosquitto, 'utf8')).toBe(
        readFileSync(join(ROOT, 'hardware/mosquitto/fareader.conf'), 'utf8'),
      );
      expect(install(other, '--no-voice', '--with-mosquitto', '--json').actions.at(-1)?.action).toBe(
        'nothing to do',
      );
      const path = join(other, 'etc/fareader/readerd.json');
      expect(loadConfig(path).deviceId).toBe('front-desk-2');
      const edited = readFileSync(path, 'utf8').replace('"embedded"', '"mqtts://broker.clinic.lan:8883"');
      writeFileSync(path, edited);
      expect(install(other, '--no-voice').out).toMatch(/^kept +\/etc\/fareader\/readerd\.json/m);
      expect(readFileSync(path, 'utf8')).toBe(edited);
      expect(install(other, '--uninstall').out).toMatch(
        /^kept +\/etc\/fareader\/readerd\.json +\(changed locally\)/m,
      );
      expect(readFileSync(path, 'utf8')).toBe(edited);
      expect(() => statSync(mosquitto)).toThrow();
    }, 60_000);

    it('uninstall removes what it installed but the keys and data; --purge removes those too', () => {
      const { out } = install(dest, '--uninstall');
      for (const p of [
        'usr/lib/systemd/system/fareader-readerd.service',
        'usr/lib/systemd/system/fareader-kiosk.service',
        'usr/lib/udev/rules.d/60-fareader.rules',
        'usr/lib/sysusers.d/fareader.conf',
        'etc/fareader/readerd.json',
      ])
        expect(() => statSync(at(p)), p).toThrow();
      expect(out).toMatch(/^removed +\/usr\/lib\/systemd\/system\/fareader-readerd\.service$/m);
      expect(modeOf(at('etc/fareader/keys/device.key'))).toBe('600');
      expect(statSync(at('etc/fareader/trust')).isDirectory()).toBe(true);
      expect(readdirSync(at('var/lib/fareader/voice')).length).toBeGreaterThan(0);
      expect(install(dest, '--uninstall').out.trim().split('\n').at(-1)).toBe(
        'nothing to do: already uninstalled',
      );
      expect(install(dest, '--uninstall', '--purge').out).toMatch(/^purged +\/etc\/fareader$/m);
      expect(() => statSync(at('etc/fareader'))).toThrow();
      expect(() => statSync(at('var/lib/fareader'))).toThrow();
    }, 60_000);
  },
);
