// imgtool's slot-padded images (`imgtool sign --pad`, with and without --confirm) through
// `readerctl flash upload --test --reset` to the target emulator, whose bootloader holds
// imgtool's Ed25519 key: accepted before the port is opened, uploaded, booted.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { publicKeyFromPem } from '../../protocol/link/keys.js';
import { PtyPair } from '../../sim/pty/pty-pair.js';
import { type ServedTarget, serveSmpTarget } from '../../sim/smp-target/serve.js';
import { runReaderctl } from '../helpers/readerctl.js';
import { missing } from '../helpers/system.js';

const FIX = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'mcuboot');
const fx = (n: string): string => join(FIX, n);
const run = runReaderctl;

let rig: { pty: PtyPair; served: ServedTarget } | undefined;
afterEach(async () => {
  await rig?.served.close();
  await rig?.pty.close();
  rig = undefined;
});

describe.skipIf(missing('socat', 'socat'))('padded imgtool images through flash upload', () => {
  it.each(['ed25519-pad', 'ed25519-pad-confirm'])(
    '%s uploads with --test --reset and boots in the target emulator',
    async (name) => {
      const pty = await PtyPair.create('padded');
      const served = await serveSmpTarget(pty.devicePath, {
        signingKey: publicKeyFromPem(readFileSync(fx('k-ed25519.pub.pem'), 'utf8')),
        ed: opensslEd25519,
        rebootMs: 100,
        bufSize: 4096,
      });
      rig = { pty, served };
      const img = fx(`${name}.img`);
      const up = await run(
        'flash',
        'upload',
        img,
        '--port',
        pty.hostPath,
        '--json',
        '--key',
        fx('k-ed25519.pub.pem'),
        '--test',
        '--reset',
      );
      expect(up.err).toBe('');
      expect(up.code).toBe(0);
      const events = up.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      // The whole slot image went up, trailer included, and the bootloader booted it.
      expect(events.find((e) => e.event === 'uploaded')).toMatchObject({ bytes: 0x60000, slot: 1 });
      // imgtool's `-v 1.2.3+4` is listed as a target writes it: Zephyr's img_mgmt
      // (dfu_boot_ver_str) and MCUboot's bs_list_img_ver both print the build number after a
      // dot, "1.2.3.4"; "+4" is only imgtool's own notation.
      expect(events.find((e) => e.event === 'booted')).toMatchObject({ version: '1.2.3.4' });
      const list = await run('flash', 'list', '--port', pty.hostPath);
      expect(list.out).toMatch(/slot 0: version 1\.2\.3\.4[\s\S]*active/);
    },
    120_000,
  );

  it('still refuses bytes after the TLVs that are not a trailer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'padded-'));
    try {
      const bytes = readFileSync(fx('ed25519-pad.img'));
      bytes[bytes.length - 1]! ^= 1; // boot magic damaged: now just stray bytes
      writeFileSync(join(dir, 'bad.img'), bytes);
      const r = await run('flash', 'upload', join(dir, 'bad.img'), '--port', '/dev/does-not-exist');
      expect(r.code).toBe(3);
      expect(r.err).toMatch(/stray bytes after the TLV area \(no image trailer/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks ECDSA-P256 and RSA-2048 images with their own keys before opening the port', async () => {
    const runs = await Promise.all([
      run(
        'flash',
        'upload',
        fx('ecdsa-p256.img'),
        '--key',
        fx('k-ecdsa-p256.pub.pem'),
        '--port',
        '/dev/does-not-exist',
      ),
      run(
        'flash',
        'upload',
        fx('rsa-2048.img'),
        '--key',
        fx('k-rsa-2048.pub.pem'),
        '--port',
        '/dev/does-not-exist',
      ),
      run(
        'flash',
        'upload',
        fx('ecdsa-p256.img'),
        '--key',
        fx('k-ed25519.pub.pem'),
        '--port',
        '/dev/does-not-exist',
      ),
    ]);
    // The image passed its check: only then is the (missing) port opened.
    for (const r of runs.slice(0, 2)) {
      expect(r.code).toBe(4);
      expect(r.err).toMatch(/cannot open \/dev\/does-not-exist/);
    }
    expect(runs[2]!.code).toBe(3); // an image problem, as flash --help documents
    expect(runs[2]!.err).toMatch(/signed with another key/);
  });
});
