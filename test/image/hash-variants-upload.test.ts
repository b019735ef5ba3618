// imgtool's SHA-512 and pure-Ed25519 images (`--sha 512`, `--pure`) through `readerctl flash
// upload --test --reset` to target emulators built as MCUboot/Zephyr are for them: img_mgmt
// lists the hash TLV of the build's type (IMAGE_TLV_SHA = SHA512 with
// CONFIG_MCUBOOT_BOOTLOADER_USES_SHA512, img_mgmt_priv.h), bootutil validates only its own hash
// type, and a pure build verifies the signature over the image itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { toHex } from '../../protocol/bytes.js';
import { publicKeyFromPem } from '../../protocol/link/keys.js';
import { imageHash } from '../../protocol/mcuboot/image.js';
import { PtyPair } from '../../sim/pty/pty-pair.js';
import { type ServedTarget, serveSmpTarget } from '../../sim/smp-target/serve.js';
import type { SmpTargetOptions } from '../../sim/smp-target/smp-target.js';
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

async function target(build: Partial<SmpTargetOptions>): Promise<string> {
  const pty = await PtyPair.create('hash-variants');
  const served = await serveSmpTarget(pty.devicePath, {
    signingKey: publicKeyFromPem(readFileSync(fx('k-ed25519.pub.pem'), 'utf8')),
    ed: opensslEd25519,
    rebootMs: 100,
    bufSize: 4096,
    ...build,
  });
  rig = { pty, served };
  return pty.hostPath;
}

const upload = (name: string, port: string) =>
  run(
    'flash',
    'upload',
    fx(`${name}.img`),
    '--port',
    port,
    '--key',
    fx('k-ed25519.pub.pem'),
    '--test',
    '--reset',
  );

describe.skipIf(missing('socat', 'socat'))('SHA-512 and pure imgtool images through flash upload', () => {
  it.each([
    ['ed25519-sha512', { imageHash: 'sha512' }],
    ['ed25519-pure', { pureSignatures: true }],
  ] as const)(
    '%s is listed by its SHA512 TLV and boots on a board built for it',
    async (name, build) => {
      const port = await target(build);
      const up = await upload(name, port);
      expect(up.err).toBe('');
      expect(up.code).toBe(0);
      expect(up.out).toMatch(/booted version 1\.2\.3\.4/);
      const hash = toHex(imageHash(new Uint8Array(readFileSync(fx(`${name}.img`)))));
      expect(hash).toMatch(/^[0-9a-f]{128}$/);
      const list = await run('flash', 'list', '--port', port);
      expect(list.out).toContain(`slot 0: version 1.2.3.4\n  hash  ${hash}\n  flags bootable`);
      // img_mgmt_state_write takes the 64-byte hash (IMAGE_SHA_LEN) and refuses a 32-byte one.
      expect((await run('flash', 'confirm', hash, '--port', port)).code).toBe(0);
      const short = await run('flash', 'test', hash.slice(0, 64), '--smp-v2', '--port', port);
      expect(short.err).toMatch(/invalid hash \(group 1 rc 24\)/);
    },
    120_000,
  );

  it('a SHA-256 build lists no SHA-512 image, as Zephyr finds no SHA256 TLV in it', async () => {
    const port = await target({});
    const up = await upload('ed25519-sha512', port);
    expect(up.code).toBe(5);
    expect(up.err).toMatch(/does not list the uploaded image/);
  }, 120_000);

  it('a pure build never boots an image whose signature is over the digest', async () => {
    const port = await target({ pureSignatures: true });
    const up = await upload('ed25519-sha512', port);
    expect(up.code).toBe(5);
    expect(up.out).toMatch(/uploaded and listed in slot 1/);
    expect(up.err).toMatch(/the bootloader did not boot the uploaded image/);
  }, 120_000);
});
