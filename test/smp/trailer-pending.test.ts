// imgtool's padded images (`--pad`, `--pad --confirm`: the slot's image trailer at the end)
// uploaded with readerctl flash to the target emulator, which treats the trailer as MCUboot
// does: the image is pending from the moment it is in the slot, for a test (image-ok unset)
// or for good (image-ok set), and boots at the next reset. Vectors: ../shared/fixtures/mcuboot.
import { createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { PtyPair } from '../../sim/pty/pty-pair.js';
import { serveSmpTarget } from '../../sim/smp-target/serve.js';
import { runReaderctl } from '../helpers/readerctl.js';
import { missing } from '../helpers/system.js';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'mcuboot');
const runAsync = runReaderctl;

/** The raw Ed25519 key of imgtool's k-ed25519.pub.pem: the key this emulated MCUboot holds. */
const bootKey = (): Uint8Array =>
  new Uint8Array(
    createPublicKey(readFileSync(join(fixtures, 'k-ed25519.pub.pem')))
      .export({ type: 'spki', format: 'der' })
      .subarray(12),
  );

const noFixture = !existsSync(join(fixtures, 'ed25519-pad.img'));
// The golden images sit beside the project (../shared): without them CI must fail, not skip.
if (noFixture && process.env.CI) throw new Error(`imgtool fixtures not found in ${fixtures}`);
const skip = missing('socat', 'socat') || noFixture;

describe.skipIf(skip)('imgtool --pad images through readerctl flash', () => {
  it.each([
    ['ed25519-pad.img', '--test', false],
    ['ed25519-pad-confirm.img', '--confirm', true],
  ] as const)(
    '%s uploads with %s --reset and boots (confirmed: %s)',
    async (file, mark, permanent) => {
      const pty = await PtyPair.create('padded');
      const served = await serveSmpTarget(pty.devicePath, {
        signingKey: bootKey(),
        ed: opensslEd25519,
        rebootMs: 100,
      });
      try {
        const up = await runAsync(
          'flash',
          'upload',
          join(fixtures, file),
          '--port',
          pty.hostPath,
          mark,
          '--reset',
        );
        expect(up.err).toBe('');
        expect(up.code).toBe(0);
        expect(up.out).toMatch(/uploaded and listed in slot 1: 393216 bytes/);
        expect(up.out).toContain(
          `its image trailer already marks it for ${permanent ? 'good' : 'a test boot'}`,
        );
        // Zephyr writes the build number after a dot (dfu_boot_ver_str), not imgtool's "+".
        expect(up.out).toMatch(/booted version 1\.2\.3\.4/);
        expect(served.target.flash.confirmed).toBe(permanent);
      } finally {
        await served.close();
        await pty.close();
      }
    },
    120_000,
  );
});
