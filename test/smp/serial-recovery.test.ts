// readerctl flash against a board held in MCUboot serial recovery (boot_serial.c): uploads go
// straight to the primary slot, the list carries no flags, image state writes and mcumgr
// params are not supported, and a reset boots the application, which then answers as Zephyr.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { loadKeyFile } from '../../platform/keys/keystore.js';
import { toHex } from '../../protocol/bytes.js';
import { imageHash } from '../../protocol/mcuboot/image.js';
import { SMP_HEADER_BYTES } from '../../protocol/smp/smp-packet.js';
import { PtyPair } from '../../sim/pty/pty-pair.js';
import { serveSmpTarget } from '../../sim/smp-target/serve.js';
import { type LinkKeys, makeLinkKeys } from '../../tools/rig/link-fixture.js';
import { runReaderctl } from '../helpers/readerctl.js';
import { missing } from '../helpers/system.js';
import { cbor2Decode, missingCbor2 } from './cbor2.js';

const readerctl = join(import.meta.dirname, '..', '..', 'bin', 'readerctl.mjs');
const runAsync = runReaderctl;

const keys: LinkKeys = makeLinkKeys();
afterAll(() => keys.cleanup());
const f = (n: string) => join(keys.dir, n);
const sign = (key: string, version: string, out: string) =>
  spawnSync(process.execPath, [readerctl, 'image', 'sign', '-k', key, '-v', version, f('fw.bin'), f(out)])
    .status;

describe.skipIf(missing('socat', 'socat') || missingCbor2())(
  'readerctl flash and MCUboot serial recovery',
  () => {
    it('uploads to the primary slot, lists without flags, boots the application at the reset', async () => {
      const pty = await PtyPair.create('recovery');
      const served = await serveSmpTarget(pty.devicePath, {
        signingKey: loadKeyFile(keys.deviceKeyFile).publicKey,
        ed: opensslEd25519,
        serialRecovery: true,
        bufSize: 1024,
        rebootMs: 100,
      });
      const answers: Uint8Array[] = [];
      served.target.on('response', (b) => answers.push(b.slice(SMP_HEADER_BYTES)));
      const port = ['--port', pty.hostPath];
      try {
        writeFileSync(
          f('fw.bin'),
          new Uint8Array(5001).map((_, i) => (i * 5) & 0xff),
        );
        expect(sign(keys.deviceKeyFile, '1.2.3', 'fw.img')).toBe(0);
        expect(sign(keys.terminalKeyFile, '6.6.6', 'foreign.img')).toBe(0);
        const hash = toHex(imageHash(new Uint8Array(readFileSync(f('fw.img')))));

        // Not signed by the key the bootloader holds: bs_list does not list it.
        const foreign = await runAsync('flash', 'upload', f('foreign.img'), ...port);
        expect(foreign.code).toBe(5);
        expect(foreign.err).toMatch(/does not list the uploaded image/);

        const up = await runAsync('flash', 'upload', f('fw.img'), ...port);
        expect(up.err).toBe('');
        expect(up.code).toBe(0);
        expect(up.out).toMatch(/chunks for a 1024-byte buffer, 1 in flight/); // params: rc 8, defaults
        expect(up.out).toMatch(/uploaded and listed in slot 0/);
        const list = await runAsync('flash', 'list', ...port);
        expect(list.out).toBe(`image 0 slot 0: version 1.2.3\n  hash  ${hash}\n  flags - (not reported)\n`);
        const test = await runAsync('flash', 'test', hash, ...port);
        expect(test.code).toBe(5);
        expect(test.err).toMatch(/not supported \(rc 8\)/);
        expect((await runAsync('flash', 'echo', 'hi', ...port)).out).toBe('hi\n');

        // Every answer as a Python client reads it: upload answers carry rc 0 and the offset.
        const decoded = cbor2Decode(answers).map((a) => (a as { value: unknown }).value);
        expect(decoded).toContainEqual({ rc: 0, off: readFileSync(f('fw.img')).length });
        expect(decoded).toContainEqual({ rc: 8 });
        expect(decoded).toContainEqual({ images: [{ slot: 0, hash: { $bytes: hash }, version: '1.2.3' }] });

        const reset = await runAsync('flash', 'reset', ...port);
        expect(reset.code).toBe(0);
        await new Promise((r) => setTimeout(r, 400));
        expect(served.target.inSerialRecovery).toBe(false);
        const app = await runAsync('flash', 'list', ...port);
        expect(app.out).toMatch(/slot 0: version 1\.2\.3[\s\S]*flags bootable confirmed active/);
      } finally {
        await served.close();
        await pty.close();
      }
    }, 120_000); // a dozen CLI runs, each a Node start-up
  },
);
