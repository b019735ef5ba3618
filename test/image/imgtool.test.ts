// Our MCUboot image code against upstream imgtool 2.4's golden vectors
// (../shared/fixtures/mcuboot/): same bytes when signing, imgtool's images verify, our reader
// shows what `imgtool dumpinfo` printed, tampering and out-of-range options are refused.
// The CLI runs as a child process (bin/readerctl.mjs) where the user would run it.
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { afterAll, describe, expect, it } from 'vitest';
import { toHex } from '../../protocol/bytes.js';
import { keyPairFromPem } from '../../protocol/link/keys.js';
import {
  buildImage,
  ed25519Verifier,
  parseImage,
  parseVersion,
  TlvType,
  validateImage,
  verifyImage,
} from '../../protocol/mcuboot/image.js';
import { describeImage } from '../../tools/image/image-info.js';
import { loadImageKey, nodeImageVerifier } from '../../tools/image/image-keys.js';
import { missing } from '../helpers/system.js';
import { parseDumpinfo } from './dumpinfo.js';

const FIX = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'mcuboot');
const fx = (n: string): string => join(FIX, n);
const readerctl = join(import.meta.dirname, '..', '..', 'bin', 'readerctl.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'imgtool-vectors-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const out = (n: string): string => join(tmp, n);

type Run = { code: number | null; out: string; err: string };
const runAsync = (...args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    const p = spawn(process.execPath, [readerctl, ...args]);
    let o = '';
    let e = '';
    p.stdout.on('data', (d) => (o += d));
    p.stderr.on('data', (d) => (e += d));
    p.on('exit', (code) => resolve({ code, out: o, err: e }));
  });

/** The fixture keys are world-readable; readerctl signs only with a key kept private. */
function privateCopy(name: string): string {
  const dst = out(name);
  if (!existsSync(dst)) {
    copyFileSync(fx(name), dst);
    chmodSync(dst, 0o600);
  }
  return dst;
}

const IMGTOOL_OPTS = ['-H', '0x200', '--pad-header', '--align', '4', '-v', '1.2.3+4', '-S', '0x60000'];
const ED25519_VARIANTS: [string, string[]][] = [
  ['ed25519-plain', []],
  ['ed25519-seccnt7', ['--security-counter', '7']],
  ['ed25519-ramload', ['--load-addr', '0x20000000']],
  ['ed25519-sha512', ['--sha', '512']],
  ['ed25519-pure', ['--pure']],
  ['ed25519-pad', ['--pad']],
  ['ed25519-pad-confirm', ['--pad', '--confirm']],
  ['ed25519-fullkey', ['--public-key-format', 'full']],
];
const IMAGES: [string, string][] = [
  ...ED25519_VARIANTS.map(([n]) => [n, 'k-ed25519'] as [string, string]),
  ['ecdsa-p256', 'k-ecdsa-p256'],
  ['rsa-2048', 'k-rsa-2048'],
];
const bytesOf = (n: string): Uint8Array => new Uint8Array(readFileSync(fx(n)));
const app = bytesOf('app.bin');

describe('readerctl image sign = imgtool sign (Ed25519 is deterministic)', () => {
  it('gives imgtool’s bytes for every variant, with the same command line', async () => {
    const key = privateCopy('k-ed25519.pem');
    const runs = await Promise.all(
      ED25519_VARIANTS.map(([name, extra]) =>
        runAsync('image', 'sign', '-k', key, ...IMGTOOL_OPTS, ...extra, fx('app.bin'), out(`${name}.img`)),
      ),
    );
    for (const [i, [name]] of ED25519_VARIANTS.entries()) {
      expect(runs[i]!.err, name).toBe('');
      expect(runs[i]!.code, name).toBe(0);
      expect(toHex(sha256(readFileSync(out(`${name}.img`)))), name).toBe(
        toHex(sha256(bytesOf(`${name}.img`))),
      );
    }
  });

  it('gives imgtool’s unsigned image with --unsigned; --security-counter auto is imgtool’s', async () => {
    const [r, auto] = await Promise.all([
      runAsync('image', 'sign', '--unsigned', ...IMGTOOL_OPTS, fx('app.bin'), out('unsigned.img')),
      runAsync(
        'image',
        'sign',
        '--unsigned',
        ...IMGTOOL_OPTS,
        '--security-counter',
        'auto',
        fx('app.bin'),
        out('auto.img'),
      ),
    ]);
    expect(r.code).toBe(0);
    expect(Buffer.compare(readFileSync(out('unsigned.img')), readFileSync(fx('unsigned.img')))).toBe(0);
    expect(auto.code).toBe(0);
    // imgtool: (major << 24) + (minor << 16) + revision.
    expect(describeImage(parseImage(new Uint8Array(readFileSync(out('auto.img'))))).securityCounter).toBe(
      0x01020003,
    );
  });

  it('writes KEYHASH = imgtool getpubhash: SHA-256 of the DER key (SHA-512 for SHA-512 images)', () => {
    for (const k of ['k-ed25519', 'k-ecdsa-p256', 'k-rsa-2048']) {
      const hex = readFileSync(fx(`${k}.keyhash.hex`), 'utf8').trim();
      const pubhashC = readFileSync(fx(`${k}.pubhash.c`), 'utf8');
      expect([...pubhashC.matchAll(/0x([0-9a-f]{2})/g)].map((m) => m[1]).join('')).toBe(hex);
      const key = loadImageKey(fx(`${k}.pub.pem`)).trusted;
      expect(toHex(sha256(key.publicKey)), k).toBe(hex);
    }
    const ed = loadImageKey(fx('k-ed25519.pub.pem')).trusted.publicKey;
    const keyhash = (img: Uint8Array) =>
      toHex(parseImage(img).tlvs.find((t) => t.type === TlvType.KEYHASH)!.value);
    const kp = keyPairFromPem(readFileSync(fx('k-ed25519.pem'), 'utf8'));
    const base = { version: parseVersion('1.2.3+4'), key: kp };
    expect(keyhash(buildImage(app, base))).toBe(readFileSync(fx('k-ed25519.keyhash.hex'), 'utf8').trim());
    expect(keyhash(buildImage(app, { ...base, hash: 'sha512' }))).toBe(toHex(sha512(ed)));
    // …and that is what imgtool's SHA-512 image carries (its dumpinfo shows 64 bytes).
    const dump = parseDumpinfo(readFileSync(fx('ed25519-sha512.dumpinfo.txt'), 'utf8'));
    expect(dump.area.tlvs.find((t) => t.name === 'KEYHASH')!.data).toBe(toHex(sha512(ed)));
  });

  it('prints imgtool getpubhash’s output byte for byte with readerctl image keyhash', async () => {
    const keys = ['k-ed25519', 'k-ecdsa-p256', 'k-rsa-2048'];
    const runs = await Promise.all(
      keys.map((k) => runAsync('image', 'keyhash', '-k', fx(`${k}.pub.pem`), '--lang', 'c')),
    );
    for (const [i, k] of keys.entries())
      expect(runs[i]!.out, k).toBe(readFileSync(fx(`${k}.pubhash.c`), 'utf8'));
  });

  it('signs with ECDSA P-256 and RSA-2048 keys as imgtool lays them out; OpenSSL verifies the signatures', () => {
    for (const [name, k] of [
      ['ecdsa-p256', 'k-ecdsa-p256'],
      ['rsa-2048', 'k-rsa-2048'],
    ] as const) {
      const signer = loadImageKey(privateCopy(`${k}.pem`)).signer!;
      const ours = buildImage(app, { version: parseVersion('1.2.3+4'), signer });
      const theirs = parseImage(bytesOf(`${name}.img`));
      const p = parseImage(ours);
      expect(p.hashed).toEqual(theirs.hashed);
      // Same hash and KEYHASH; the signature differs (ECDSA and PSS are randomised) but verifies.
      expect(p.tlvs.slice(0, 2)).toEqual(theirs.tlvs.slice(0, 2));
      expect(p.tlvs[2]!.type).toBe(theirs.tlvs[2]!.type);
      expect(validateImage(ours, [loadImageKey(fx(`${k}.pub.pem`)).trusted], nodeImageVerifier).ok).toBe(
        true,
      );
      if (missing('openssl', 'openssl')) continue;
      writeFileSync(out(`${name}.region`), p.hashed);
      writeFileSync(out(`${name}.sig`), p.tlvs[2]!.value);
      const pss = name.startsWith('rsa')
        ? ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:32']
        : [];
      const r = spawnSync(
        'openssl',
        [
          'dgst',
          '-sha256',
          ...pss,
          '-verify',
          fx(`${k}.pub.pem`),
          '-signature',
          out(`${name}.sig`),
          out(`${name}.region`),
        ],
        { encoding: 'utf8' },
      );
      expect(r.stdout.trim(), name).toBe('Verified OK');
    }
  });
  it('signs with an ECDSA P-384 key over SHA-384 (KEYHASH with SHA-384, as imgtool), OpenSSL agrees', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    writeFileSync(out('p384.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(out('p384.pub.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
    const s = await runAsync(
      'image',
      'sign',
      '-k',
      out('p384.pem'),
      '-v',
      '3.0.0',
      fx('app.bin'),
      out('p384.img'),
    );
    expect(s.code, s.err).toBe(0);
    const p = parseImage(new Uint8Array(readFileSync(out('p384.img'))));
    const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
    expect(p.tlvs.map((t) => t.type)).toEqual([TlvType.SHA384, TlvType.KEYHASH, TlvType.ECDSA_SIG]);
    expect(p.tlvs[1]!.value).toEqual(sha384(spki));
    const v = await runAsync('image', 'verify', '-k', out('p384.pub.pem'), out('p384.img'));
    expect(v.out).toMatch(/OK \(SHA384 hash and ECDSA P-384 signature verify/);
    if (missing('openssl', 'openssl')) return;
    writeFileSync(out('p384.region'), p.hashed);
    writeFileSync(out('p384.sig'), p.tlvs[2]!.value);
    const r = spawnSync(
      'openssl',
      ['dgst', '-sha384', '-verify', out('p384.pub.pem'), '-signature', out('p384.sig'), out('p384.region')],
      { encoding: 'utf8' },
    );
    expect(r.stdout.trim()).toBe('Verified OK');
  });
});

describe('imgtool’s images read back and verify', () => {
  it('every signed image verifies with readerctl image verify (Ed25519, SHA-512, pure, PUBKEY, ECDSA-P256, RSA-2048)', async () => {
    const runs = await Promise.all(
      IMAGES.map(([img, k]) =>
        runAsync('image', 'verify', '--json', '-k', fx(`${k}.pub.pem`), fx(`${img}.img`)),
      ),
    );
    for (const [i, [img]] of IMAGES.entries()) {
      const r = runs[i]!;
      expect(r.code, `${img}: ${r.out}${r.err}`).toBe(0);
      const j = JSON.parse(r.out);
      expect(j.ok).toBe(true);
      // imgtool verify's own words about the same image.
      const said = readFileSync(fx(`${img}.verify.txt`), 'utf8');
      expect(said).toMatch(/Image was correctly validated/);
      const digest = /Image digest: ([0-9a-f]+)/.exec(said)?.[1];
      if (digest) expect(j.hash.digest, img).toBe(digest);
      const overImage = /Image signature over image: ([0-9a-f]+)/.exec(said)?.[1];
      if (overImage) {
        expect(j.pure).toBe(true);
        expect(
          toHex(parseImage(bytesOf(`${img}.img`)).tlvs.find((t) => t.type === TlvType.ED25519)!.value),
        ).toBe(overImage);
      }
    }
  });

  it('verifies against several keys, as a bootloader built with several', async () => {
    const keys = ['k-ed25519', 'k-ecdsa-p256', 'k-rsa-2048'].flatMap((k) => ['-k', fx(`${k}.pub.pem`)]);
    const runs = await Promise.all(
      ['rsa-2048', 'ecdsa-p256'].map((img) => runAsync('image', 'verify', ...keys, fx(`${img}.img`))),
    );
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    expect(runs[0]!.out).toMatch(/RSA-2048 signature verify with .*k-rsa-2048\.pub\.pem/);
    expect(runs[1]!.out).toMatch(/ECDSA P-256 signature verify with .*k-ecdsa-p256\.pub\.pem/);
  });

  it('reports the unsigned image as unsigned, and an unknown key as another key', async () => {
    const unsigned = await runAsync('image', 'verify', '-k', fx('k-ed25519.pub.pem'), fx('unsigned.img'));
    expect(unsigned.code).toBe(5);
    expect(unsigned.out).toMatch(/not signed/);
    const other = await runAsync('image', 'verify', '-k', fx('k-ed25519.pub.pem'), fx('ecdsa-p256.img'));
    expect(other.code).toBe(5);
    expect(other.out).toMatch(/signed with another key/);
    expect(other.out).not.toMatch(/not signed/);
  });

  it('names the algorithm a verifier cannot check instead of calling the image unsigned', () => {
    for (const [img, k, label] of [
      ['ecdsa-p256', 'k-ecdsa-p256', 'ECDSA'],
      ['rsa-2048', 'k-rsa-2048', 'RSA-2048-PSS'],
    ] as const) {
      const check = validateImage(
        bytesOf(`${img}.img`),
        [loadImageKey(fx(`${k}.pub.pem`)).trusted],
        ed25519Verifier(),
      );
      expect(check.ok).toBe(false);
      expect(check.problems.map((p) => p.message)).toEqual([
        `unsupported algorithm ${label}: this verifier cannot check it`,
      ]);
    }
  });

  it('shows every image as imgtool dumpinfo does: header, TLVs, trailer', async () => {
    const names = [...IMAGES.map(([n]) => n), 'unsigned'];
    // Part through the CLI, part through the library: the same description either way.
    const cli = await Promise.all(
      names.slice(0, 4).map((n) => runAsync('image', 'info', '--json', fx(`${n}.img`))),
    );
    for (const [i, name] of names.entries()) {
      const dump = parseDumpinfo(readFileSync(fx(`${name}.dumpinfo.txt`), 'utf8'));
      const info =
        i < cli.length ? JSON.parse(cli[i]!.out) : describeImage(parseImage(bytesOf(`${name}.img`)));
      if (i < cli.length)
        expect(info).toEqual(JSON.parse(JSON.stringify(describeImage(parseImage(bytesOf(`${name}.img`))))));
      const h = dump.header;
      expect(info.header, name).toMatchObject({
        magic: h.magic,
        loadAddr: h.load_addr,
        hdrSize: h.hdr_size,
        protectedTlvSize: h.protected_tlv_size,
        imgSize: h.img_size,
        flags: h.flags,
        flagNames: h.flagNames,
        version: h.version,
      });
      const tlvs = (prot: boolean) =>
        info.tlvs
          .filter((t: { protected: boolean }) => t.protected === prot)
          .map((t: { type: string; typeId: number; length: number; value: string }) => ({
            name: t.type,
            type: t.typeId,
            len: t.length,
            data: t.value,
          }));
      expect(tlvs(false), name).toEqual(dump.area.tlvs);
      expect(info.tlvArea, name).toEqual({
        offset: dump.area.offset,
        magic: dump.area.magic,
        size: dump.area.size,
      });
      if (dump.protectedArea) {
        expect(tlvs(true), name).toEqual(dump.protectedArea.tlvs);
        const { offset, magic, size } = dump.protectedArea;
        expect(info.protectedTlvArea, name).toEqual({ offset, magic, size });
      } else expect(info.protectedTlvArea, name).toBeUndefined();
      if (dump.trailer) {
        expect(info.trailer, name).toMatchObject({
          magic: dump.trailer.magic,
          imageOk: dump.trailer.imageOk,
          copyDone: dump.trailer.copyDone,
          swapInfo: dump.trailer.swapInfo,
          swapSize: dump.trailer.swapSize ?? 0xffffffff,
        });
      } else expect(info.trailer, name).toBeUndefined();
    }
    // The security counter decoded from imgtool's protected SEC_CNT TLV.
    expect(describeImage(parseImage(bytesOf('ed25519-seccnt7.img'))).securityCounter).toBe(7);
  });
});

describe('refusals', () => {
  it('refuses a flipped bit anywhere in header, payload, protected TLVs, hash, KEYHASH or signature', async () => {
    for (const [img, k] of [...IMAGES, ['ed25519-seccnt7', 'k-ed25519'] as [string, string]]) {
      const bytes = bytesOf(`${img}.img`);
      const keys = [loadImageKey(fx(`${k}.pub.pem`)).trusted];
      const p = parseImage(bytes);
      const positions = new Set<number>();
      for (let i = 0; i < 32; i++) positions.add(i); // every header byte
      for (let i = 32; i < p.hashed.length; i += 397) positions.add(i); // header padding, body, protected TLVs
      positions.add(p.hashed.length - 1);
      for (let i = p.hashed.length + 4; i < p.totalSize; i += 7) positions.add(i); // TLV headers and values
      for (const pos of positions) {
        const bit = 1 << (pos % 8);
        const t = bytes.slice();
        t[pos]! ^= bit;
        let ok: boolean;
        try {
          ok = validateImage(t, keys, nodeImageVerifier).ok;
        } catch {
          ok = false; // refused as malformed
        }
        expect(ok, `${img}: bit ${bit} at 0x${pos.toString(16)} flipped`).toBe(false);
      }
    }
    const t = bytesOf('ed25519-plain.img');
    t[0x1234]! ^= 0x10;
    writeFileSync(out('flipped.img'), t);
    const r = await runAsync('image', 'verify', '-k', fx('k-ed25519.pub.pem'), out('flipped.img'));
    expect(r.code).toBe(5);
    expect(r.out).toMatch(/changed after signing/);
  });

  it('refuses a signature with no KEYHASH or PUBKEY before it, as MCUboot skips it', () => {
    const p = parseImage(bytesOf('ed25519-plain.img'));
    // Rebuild the TLV area without the KEYHASH entry: SHA256 then ED25519 only.
    const kept = p.tlvs.filter((t) => t.type !== TlvType.KEYHASH);
    const total = 4 + kept.reduce((n, t) => n + 4 + t.value.length, 0);
    const area = new Uint8Array(total);
    const dv = new DataView(area.buffer);
    dv.setUint16(0, 0x6907, true);
    dv.setUint16(2, total, true);
    let o = 4;
    for (const t of kept) {
      dv.setUint16(o, t.type, true);
      dv.setUint16(o + 2, t.value.length, true);
      area.set(t.value, o + 4);
      o += 4 + t.value.length;
    }
    const img = new Uint8Array([...p.hashed, ...area]);
    const kp = keyPairFromPem(readFileSync(fx('k-ed25519.pem'), 'utf8'));
    const check = verifyImage(img, kp.publicKey);
    expect(check.ok).toBe(false);
    expect(check.problems.map((x) => x.code)).toEqual(['no-key-tlv']);
  });

  it('refuses out-of-range options with exit 2, one line, and writes nothing', async () => {
    const key = privateCopy('k-ed25519.pem');
    const cases: [string[], RegExp][] = [
      [['--security-counter', '0x100000000'], /--security-counter .* out of range/],
      [['--security-counter=-1'], /--security-counter .* not a whole number/],
      [['--load-addr', '4294967296'], /--load-addr .* out of range/],
      [['--header-size', '0x10000'], /--header-size .* out of range/],
      [['--header-size', '16'], /--header-size .* out of range/],
      [['-v', '256.0.0'], /out of range/],
      [['-v', '1.2.65536'], /out of range/],
      [['-v', '1.2.3+4294967296'], /out of range/],
      [['--align', '3'], /--align 3 is not one of/],
      [['-S', '0x5000', '--pad'], /exceeds the slot size/],
      [['--sha', '384'], /cannot be used with --sha 384/],
      [['--pure', '--sha', '256'], /--pure images are hashed with SHA-512/],
      [['--pad', '-S', '0x100000000'], /--slot-size .* out of range/],
    ];
    const runs = await Promise.all(
      cases.map(([extra], i) =>
        runAsync('image', 'sign', '-k', key, '-v', '1.2.3', ...extra, fx('app.bin'), out(`refused-${i}.img`)),
      ),
    );
    for (const [i, [extra, msg]] of cases.entries()) {
      const r = runs[i]!;
      expect(r.code, extra.join(' ')).toBe(2);
      // One line saying what was refused, ending with the pointer to the subcommand's --help.
      const [first, ...rest] = r.err.trim().split('\n');
      expect(first, extra.join(' ')).toMatch(msg);
      expect(first, extra.join(' ')).toMatch(/ Try 'readerctl image sign --help'\.$/);
      expect(rest, extra.join(' ')).toEqual([]);
      expect(existsSync(out(`refused-${i}.img`)), extra.join(' ')).toBe(false);
    }
  });

  it('refuses a library build whose fields do not fit, before signing', () => {
    const kp = keyPairFromPem(readFileSync(fx('k-ed25519.pem'), 'utf8'));
    const v = parseVersion('1.0.0');
    expect(() => buildImage(app, { version: v, key: kp, securityCounter: 2 ** 32 })).toThrow(/out of range/);
    expect(() => buildImage(app, { version: v, key: kp, loadAddr: -1 })).toThrow(/out of range/);
    expect(() => buildImage(app, { version: { ...v, major: 256 }, key: kp })).toThrow(
      /major .* out of range/,
    );
  });
});
