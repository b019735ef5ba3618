// MCUboot images (protocol/mcuboot/parse.ts, verify.ts, image.ts) and slot trailers
// (trailer.ts): garbage refused with ReaderError only; a mutated signed image never verifies
// unless it still parses to the very bytes that were signed.
import fc from 'fast-check';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { concatBytes } from '../../protocol/bytes.js';
import { keyPairFromSeed } from '../../protocol/link/keys.js';
import {
  buildImage,
  buildTrailer,
  imageHash,
  parseImage,
  parseTrailer,
  parseVersion,
  trailerLayout,
  verifyImage,
} from '../../protocol/mcuboot/image.js';
import { garbage, hostile } from './arbitraries.js';
import { expectThat, type FuzzTarget, neverThrows, onlyReaderError, property } from './harness.js';

const key = keyPairFromSeed(new Uint8Array(32).fill(7));

/** Valid images of several shapes, built once (signing per input would measure the signer). */
const pool: Uint8Array[] = [];
function buildPool(): void {
  if (pool.length) return;
  const shapes = [
    {},
    { hdrSize: 32 },
    { securityCounter: 3 },
    { loadAddr: 0x20000000 },
    { hash: 'sha512' as const },
    { pure: true },
    { publicKeyFormat: 'full' as const },
    { slot: { slotSize: 8192, pad: true, maxSectors: 8 } },
    { slot: { slotSize: 8192, confirm: true, maxSectors: 8, align: 16 } },
  ];
  for (const [i, s] of shapes.entries()) {
    const body = Uint8Array.from({ length: 64 + i * 37 }, (_, k) => (k * 31 + i) & 0xff);
    pool.push(buildImage(body, { version: parseVersion(`1.${i}.0+${i}`), key, ed: opensslEd25519, ...s }));
  }
  pool.push(buildImage(Uint8Array.of(1, 2, 3), { version: parseVersion('0.0.1') }));
}

const valid: fc.Arbitrary<Uint8Array> = fc.nat().map((i) => {
  buildPool();
  return pool[i % pool.length]!;
});

const trailer = fc
  .record({
    align: fc.constantFrom(1, 2, 4, 8, 16, 32),
    maxSectors: fc.integer({ min: 1, max: 16 }),
    confirm: fc.boolean(),
  })
  .map((o) => buildTrailer(trailerLayout(o), o.confirm));

const same = (b: Uint8Array): Uint8Array => b;

export const mcubootTarget: FuzzTarget = {
  name: 'mcuboot',
  covers: [
    'protocol/mcuboot/parse.ts',
    'protocol/mcuboot/trailer.ts',
    'protocol/mcuboot/verify.ts',
    'protocol/mcuboot/image.ts',
    'protocol/mcuboot/format.ts',
  ],
  async setup() {
    buildPool();
  },
  properties: [
    property<Uint8Array>({
      name: 'image',
      weight: 3,
      arbitrary: hostile(valid, 600),
      check: (img) => {
        const p = onlyReaderError('parseImage', () => parseImage(img));
        if (p) {
          expectThat(p.totalSize + p.padding === img.length, 'image size and padding do not add up');
          expectThat(p.hashed.length <= p.totalSize, 'hashed region beyond the TLV area');
        }
        onlyReaderError('imageHash', () => imageHash(img));
        const check = onlyReaderError('verifyImage', () => verifyImage(img, key.publicKey, opensslEd25519));
        // Verified means the hash covers bytes someone signed: a changed byte there must fail.
        if (check?.ok && p)
          expectThat(
            pool.some((v) => sameRegion(v, img, p.hashed.length)),
            'an image whose hashed region matches no signed image verified',
          );
      },
      toBytes: same,
      fromBytes: same,
    }),
    property<Uint8Array>({
      name: 'trailer',
      arbitrary: hostile(
        fc.tuple(garbage(64), trailer).map(([g, t]) => concatBytes(g, t)),
        300,
      ),
      check: (b) => {
        const t = neverThrows('parseTrailer', () => parseTrailer(b));
        if (t) expectThat(t.maxAlign >= 1 && t.maxAlign <= 1024, `max-align ${t.maxAlign}`);
      },
      toBytes: same,
      fromBytes: same,
    }),
  ],
};

/** Whether `img` holds `v`'s first `n` bytes (the region its hash covers). */
function sameRegion(v: Uint8Array, img: Uint8Array, n: number): boolean {
  if (v.length < n || img.length < n) return false;
  for (let i = 0; i < n; i++) if (v[i] !== img[i]) return false;
  return true;
}
