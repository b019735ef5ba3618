// readerctl image and readerctl flash as an engineer runs them, against the emulator on a pty.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { loadKeyFile } from '../../platform/keys/keystore.js';
import { PtyPair } from '../../sim/pty/pty-pair.js';
import { serveSmpTarget } from '../../sim/smp-target/serve.js';
import { type LinkKeys, makeLinkKeys } from '../../tools/rig/link-fixture.js';
import { runReaderctl } from '../helpers/readerctl.js';
import { missing } from '../helpers/system.js';

const root = join(import.meta.dirname, '..', '..');
const readerctl = join(root, 'bin', 'readerctl.mjs');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [readerctl, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
/** Async run, so the emulator in this process keeps answering while the CLI talks to it. */
const runAsync = runReaderctl;

const keys: LinkKeys = makeLinkKeys();
afterAll(() => keys.cleanup());
const f = (n: string) => join(keys.dir, n);

describe('readerctl image', () => {
  it('signs, shows and verifies an image, and explains tampering and a wrong key', () => {
    writeFileSync(
      f('fw.bin'),
      new Uint8Array(3000).map((_, i) => i & 0xff),
    );
    const s = run(
      'image',
      'sign',
      '--key',
      keys.deviceKeyFile,
      '--version',
      '1.4.2+7',
      '--security-counter',
      '3',
      f('fw.bin'),
      f('fw.img'),
    );
    expect(s.code).toBe(0);
    expect(s.out).toMatch(/version 1\.4\.2\+7/);
    const info = JSON.parse(run('image', 'info', f('fw.img'), '--json').out);
    expect(info.version).toBe('1.4.2+7');
    expect(info.tlvs.map((t: { type: string }) => t.type)).toEqual([
      'SEC_CNT',
      'SHA256',
      'KEYHASH',
      'ED25519',
    ]);
    expect(run('image', 'verify', '--key', `${keys.deviceKeyFile}`, f('fw.img')).code).toBe(0);
    const wrong = run('image', 'verify', '--key', keys.terminalKeyFile, f('fw.img'));
    expect(wrong.code).toBe(5);
    expect(wrong.out).toMatch(/signed with another key/);
    const img = readFileSync(f('fw.img'));
    img[600]! ^= 1;
    writeFileSync(f('tampered.img'), img);
    expect(run('image', 'verify', '--key', keys.deviceKeyFile, f('tampered.img')).out).toMatch(
      /changed after signing/,
    );
    writeFileSync(f('bad.img'), new Uint8Array(100));
    const bad = run('image', 'info', f('bad.img'));
    expect(bad.code).toBe(3); // 'readerctl image': 3 = malformed image (its --help)
    expect(bad.err).toMatch(/bad image magic/);
  });
});

describe.skipIf(missing('socat', 'socat'))('readerctl flash', () => {
  it('uploads, lists the hash, tests and resets; refuses bad images before touching the port', async () => {
    const pty = await PtyPair.create('flash-cli');
    const served = await serveSmpTarget(pty.devicePath, {
      signingKey: loadKeyFile(keys.deviceKeyFile).publicKey,
      ed: opensslEd25519,
      faults: { noise: true },
      rebootMs: 100,
    });
    try {
      writeFileSync(
        f('fw2.bin'),
        new Uint8Array(20_000).map((_, i) => (i * 3) & 0xff),
      );
      run('image', 'sign', '--key', keys.deviceKeyFile, '--version', '2.0.0', f('fw2.bin'), f('fw2.img'));
      const up = await runAsync(
        'flash',
        'upload',
        f('fw2.img'),
        '--port',
        pty.hostPath,
        '--json',
        '--key',
        keys.deviceKeyFile,
        '--test',
        '--reset',
      );
      expect(up.err).toBe('');
      expect(up.code).toBe(0);
      const events = up.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(events.some((e) => e.event === 'progress')).toBe(true);
      expect(events.find((e) => e.event === 'uploaded')).toMatchObject({
        bytes: readFileSync(f('fw2.img')).length,
        slot: 1,
      });
      expect(events.find((e) => e.event === 'booted')).toMatchObject({ version: '2.0.0', confirmed: false });
      await new Promise((r) => setTimeout(r, 300));
      const list = await runAsync('flash', 'list', '--port', pty.hostPath);
      expect(list.out).toMatch(/slot 0: version 2\.0\.0[\s\S]*flags bootable active/);
      const echo = await runAsync('flash', 'echo', 'hi there', '--port', pty.hostPath);
      expect(echo.out.trim()).toBe('hi there');
      const sh = await runAsync('flash', 'shell', '--port', pty.hostPath, '--', 'version');
      expect(sh.out).toMatch(/fareader-panel 2\.0\.0/);

      // Problems found before the port is opened: wrong key, not signed, not an image.
      const wrongKey = await runAsync(
        'flash',
        'upload',
        f('fw2.img'),
        '--port',
        pty.hostPath,
        '--key',
        keys.terminalKeyFile,
      );
      expect(wrongKey.code).toBe(3); // 'readerctl flash': 3 = image or key problem (its --help)
      expect(wrongKey.err).toMatch(/signed with another key/);
      const notImage = await runAsync('flash', 'upload', f('fw2.bin'), '--port', pty.hostPath);
      expect(notImage.code).toBe(3);
      expect(notImage.err).toMatch(/bad image magic/);
      // The image under test is confirmed first: until then the target refuses a new upload
      // (img_mgmt: no free slot, as the old image waits in slot 1 for a revert).
      const confirm = await runAsync('flash', 'confirm', '--port', pty.hostPath);
      expect(confirm.code).toBe(0);
      expect(confirm.out).toMatch(/slot 0: version 2\.0\.0[\s\S]*flags bootable confirmed active/);
      // An image the target's bootloader does not trust is never reported as flashed.
      run(
        'image',
        'sign',
        '--key',
        keys.terminalKeyFile,
        '--version',
        '9.9.9',
        f('fw2.bin'),
        f('foreign.img'),
      );
      // A Zephyr target accepts and lists it (img_mgmt checks no signature; "bootable" is a
      // header flag); MCUboot refuses it at the reset, so only --reset can tell.
      const foreign = await runAsync(
        'flash',
        'upload',
        f('foreign.img'),
        '--port',
        pty.hostPath,
        '--test',
        '--reset',
      );
      expect(foreign.code).toBe(5);
      expect(foreign.err).toMatch(/did not boot the uploaded image \(running: version 2\.0\.0\)/);
      expect(foreign.out).not.toMatch(/booted version/);
      const noPort = run('flash', 'list', '--port', '/dev/does-not-exist');
      expect(noPort.code).toBe(4);
      expect(noPort.err).toMatch(/cannot open \/dev\/does-not-exist/);
    } finally {
      await served.close();
      await pty.close();
    }
  }, 120_000); // a dozen CLI runs, each a Node start-up
});
