// A Zephyr build without CONFIG_MCUMGR_SMP_SUPPORT_ORIGINAL_PROTOCOL answers SMP version 1
// with MGMT_ERR_UNSUPPORTED_TOO_OLD (smp.c); `readerctl flash --smp-v2` speaks version 2 to
// it, and reads its group errors (`err: {group, rc}`) by the group's own codes.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { loadKeyFile } from '../../platform/keys/keystore.js';
import { PtyPair } from '../../sim/pty/pty-pair.js';
import { serveSmpTarget } from '../../sim/smp-target/serve.js';
import { type LinkKeys, makeLinkKeys } from '../../tools/rig/link-fixture.js';
import { runReaderctl } from '../helpers/readerctl.js';
import { missing } from '../helpers/system.js';

const readerctl = join(import.meta.dirname, '..', '..', 'bin', 'readerctl.mjs');
const runAsync = runReaderctl;

const keys: LinkKeys = makeLinkKeys();
afterAll(() => keys.cleanup());

describe.skipIf(missing('socat', 'socat'))('readerctl flash --smp-v2', () => {
  it('talks to a target without the original protocol; v1 gets a clear refusal', async () => {
    const pty = await PtyPair.create('smp-v2');
    const served = await serveSmpTarget(pty.devicePath, {
      signingKey: loadKeyFile(keys.deviceKeyFile).publicKey,
      ed: opensslEd25519,
      originalProtocol: false,
      rebootMs: 100,
    });
    const versions = new Set<number>();
    served.target.on('request', (b) => versions.add((b[0]! >> 3) & 3));
    const port = ['--port', pty.hostPath];
    try {
      const v1 = await runAsync('flash', 'list', ...port);
      expect(v1.code).toBe(5);
      expect(v1.err).toMatch(/protocol version too old \(rc 12\); it speaks SMP version 2 only/);
      versions.clear();

      const fw = join(keys.dir, 'fw.bin');
      writeFileSync(fw, new Uint8Array(4000).fill(3));
      const img = join(keys.dir, 'fw.img');
      expect(
        spawnSync(process.execPath, [
          readerctl,
          'image',
          'sign',
          '-k',
          keys.deviceKeyFile,
          '-v',
          '2.1.0',
          fw,
          img,
        ]).status,
      ).toBe(0);
      const up = await runAsync('flash', 'upload', img, '--smp-v2', '--test', '--reset', ...port);
      expect(up.err).toBe('');
      expect(up.out).toMatch(/booted version 2\.1\.0/);
      const wrong = await runAsync('flash', 'test', 'ab'.repeat(32), '--smp-v2', ...port);
      expect(wrong.code).toBe(5);
      expect(wrong.err).toMatch(/hash not found \(group 1 rc 8\)/);
      expect([...versions]).toEqual([1]); // every request had a version 2 header
    } finally {
      await served.close();
      await pty.close();
    }
  }, 90_000);
});
