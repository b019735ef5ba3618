// imgtool sign: header (RAM_LOAD with a load address), body, protected TLVs (security counter),
// then the hash TLV, SIG_PURE, KEYHASH or PUBKEY, the signature; optionally padded to the slot
// with the trailer. Byte-identical to imgtool 2.4 for Ed25519 (deterministic signatures); the
// signer is injected so ECDSA/RSA keys can sign through a host's crypto.
import { concatBytes } from '../bytes.js';
import { ErrorCode, ReaderError } from '../errors.js';
import { type Ed25519, tweetnaclEd25519 } from '../link/ed25519.js';
import { type KeyPair, publicKeyToDer } from '../link/keys.js';
import {
  digestOf,
  ERASED,
  type HashAlgorithm,
  HEADER_BYTES,
  hashTlvOf,
  IMAGE_MAGIC,
  ImageFlag,
  type ImageVersion,
  type SignatureAlgorithm,
  signatureTlvOf,
  TLV_INFO_MAGIC,
  TLV_PROT_INFO_MAGIC,
  TlvType,
} from './format.js';
import { buildTrailer, trailerLayout, trailerSize } from './trailer.js';

export interface SignInput {
  /** Header, body and protected TLVs: what pure signatures (and ECDSA/RSA, hashing it) sign. */
  readonly region: Uint8Array;
  /** The image hash TLV's value: what Ed25519 signs unless pure. */
  readonly digest: Uint8Array;
  readonly hash: HashAlgorithm;
  readonly pure: boolean;
}

export interface ImageSigner {
  readonly algorithm: SignatureAlgorithm;
  /** The public key as MCUboot embeds and hashes it: DER SubjectPublicKeyInfo (PKCS#1 for RSA). */
  readonly publicKey: Uint8Array;
  /** Image hashes imgtool allows with this key; the first is its default. */
  readonly hashes: readonly HashAlgorithm[];
  readonly supportsPure: boolean;
  sign(input: SignInput): Uint8Array;
}

/** Ed25519 as imgtool signs: over the digest, or over the image itself with --pure. */
export function ed25519Signer(key: KeyPair, ed: Ed25519 = tweetnaclEd25519): ImageSigner {
  return {
    algorithm: 'ed25519',
    publicKey: publicKeyToDer(key.publicKey),
    hashes: ['sha256', 'sha512'],
    supportsPure: true,
    sign: (i) => ed.sign(i.pure ? i.region : i.digest, key.secretKey),
  };
}

export interface PadOptions {
  /** Slot size (imgtool -S): the image plus its trailer must fit. */
  readonly slotSize: number;
  /** Pad to the slot and write the trailer with the boot magic (imgtool --pad). */
  readonly pad?: boolean;
  /** Also set image-ok in the trailer (imgtool --confirm; implies pad). */
  readonly confirm?: boolean;
  readonly align?: number;
  readonly maxSectors?: number;
  readonly maxAlign?: number;
}

export interface BuildOptions {
  readonly version: ImageVersion;
  /** An Ed25519 key pair (signed with `ed`), or give `signer`; neither makes an unsigned image. */
  readonly key?: KeyPair;
  readonly ed?: Ed25519;
  readonly signer?: ImageSigner;
  /** Header size (imgtool -H); the header is padded with 0xff as `--pad-header` does. */
  readonly hdrSize?: number;
  /** Non-zero sets IMAGE_F_RAM_LOAD (imgtool --load-addr). */
  readonly loadAddr?: number;
  /** Security counter, as a protected TLV (imgtool --security-counter). */
  readonly securityCounter?: number;
  /** Image hash (imgtool --sha); the key's default when unset, SHA-512 with `pure`. */
  readonly hash?: HashAlgorithm;
  /** Sign the image itself, not its digest (imgtool --pure; Ed25519 only). */
  readonly pure?: boolean;
  /** KEYHASH (default) or the whole key as PUBKEY (imgtool --public-key-format full). */
  readonly publicKeyFormat?: 'hash' | 'full';
  readonly slot?: PadOptions;
}

const usage = (msg: string): ReaderError => new ReaderError(ErrorCode.Usage, msg);

function checkUint(name: string, v: number | undefined, max: number, min = 0): void {
  if (v === undefined) return;
  if (!Number.isInteger(v) || v < min || v > max) {
    throw usage(
      `${name} ${v} is out of range: the image holds ${min}..${max} (0x${max.toString(16)}); nothing was written`,
    );
  }
}

function tlvArea(magic: number, entries: readonly { type: number; value: Uint8Array }[]): Uint8Array {
  const total = 4 + entries.reduce((n, e) => n + 4 + e.value.length, 0);
  if (total > 0xffff) throw usage(`TLV area of ${total} bytes does not fit its 16-bit length`);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint16(0, magic, true);
  dv.setUint16(2, total, true);
  let p = 4;
  for (const e of entries) {
    dv.setUint16(p, e.type, true);
    dv.setUint16(p + 2, e.value.length, true);
    out.set(e.value, p + 4);
    p += 4 + e.value.length;
  }
  return out;
}

function u32le(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, true);
  return b;
}

function chooseHash(opts: BuildOptions, signer: ImageSigner | undefined): HashAlgorithm {
  if (opts.pure) {
    if (!signer?.supportsPure)
      throw usage('--pure needs an Ed25519 key (MCUboot signs pure with Ed25519 only)');
    if (opts.hash && opts.hash !== 'sha512') throw usage('--pure images are hashed with SHA-512 (--sha 512)');
    return 'sha512';
  }
  if (!signer) return opts.hash ?? 'sha256';
  const hash = opts.hash ?? signer.hashes[0]!;
  if (!signer.hashes.includes(hash)) {
    throw usage(
      `a ${signer.algorithm} key cannot be used with --sha ${hash.slice(3)}; allowed: ${signer.hashes.map((h) => h.slice(3)).join(', ')}`,
    );
  }
  return hash;
}

/** Checks every field against its width before anything is built (or written). */
function checkRanges(body: Uint8Array, hdrSize: number, opts: BuildOptions): void {
  checkUint('--header-size', hdrSize, 0xffff, HEADER_BYTES);
  checkUint('--load-addr', opts.loadAddr, 0xffffffff);
  checkUint('--security-counter', opts.securityCounter, 0xffffffff);
  checkUint('image body size', body.length, 0xffffffff);
  const v = opts.version;
  checkUint('version major', v.major, 0xff);
  checkUint('version minor', v.minor, 0xff);
  checkUint('version revision', v.revision, 0xffff);
  checkUint('version build', v.build, 0xffffffff);
  if (opts.slot) checkUint('--slot-size', opts.slot.slotSize, 0xffffffff, 1);
}

export function buildImage(body: Uint8Array, opts: BuildOptions): Uint8Array {
  const hdrSize = opts.hdrSize ?? 0x200;
  checkRanges(body, hdrSize, opts);
  const signer = opts.signer ?? (opts.key ? ed25519Signer(opts.key, opts.ed) : undefined);
  const hash = chooseHash(opts, signer);
  const pad = opts.slot?.pad === true || opts.slot?.confirm === true;
  const layout = opts.slot ? trailerLayout(opts.slot) : undefined;

  const prot =
    opts.securityCounter === undefined
      ? new Uint8Array()
      : tlvArea(TLV_PROT_INFO_MAGIC, [{ type: TlvType.SEC_CNT, value: u32le(opts.securityCounter) }]);
  const header = new Uint8Array(hdrSize).fill(ERASED);
  const dv = new DataView(header.buffer);
  const loadAddr = opts.loadAddr ?? 0;
  dv.setUint32(0, IMAGE_MAGIC, true);
  dv.setUint32(4, loadAddr, true);
  dv.setUint16(8, hdrSize, true);
  dv.setUint16(10, prot.length, true);
  dv.setUint32(12, body.length, true);
  // RAM loading refuses an image without the flag, so a load address always sets it.
  dv.setUint32(16, loadAddr !== 0 ? ImageFlag.RAM_LOAD : 0, true);
  header[20] = opts.version.major;
  header[21] = opts.version.minor;
  dv.setUint16(22, opts.version.revision, true);
  dv.setUint32(24, opts.version.build, true);
  dv.setUint32(28, 0, true);

  const region = concatBytes(header, body, prot);
  const digest = digestOf(hash, region);
  const entries: { type: number; value: Uint8Array }[] = [{ type: hashTlvOf[hash], value: digest }];
  if (opts.pure) entries.push({ type: TlvType.SIG_PURE, value: Uint8Array.of(1) });
  if (signer) {
    entries.push(
      opts.publicKeyFormat === 'full'
        ? { type: TlvType.PUBKEY, value: signer.publicKey }
        : { type: TlvType.KEYHASH, value: digestOf(hash, signer.publicKey) },
    );
    const signature = signer.sign({ region, digest, hash, pure: opts.pure === true });
    entries.push({ type: signatureTlvOf[signer.algorithm], value: signature });
  }
  const image = concatBytes(region, tlvArea(TLV_INFO_MAGIC, entries));

  if (!opts.slot || !layout) return image;
  const tsize = trailerSize(layout);
  if (image.length + tsize > opts.slot.slotSize) {
    throw usage(
      `image size (0x${image.length.toString(16)}) + trailer (0x${tsize.toString(16)}) exceeds the slot size 0x${opts.slot.slotSize.toString(16)}; nothing was written`,
    );
  }
  if (!pad) return image;
  const out = new Uint8Array(opts.slot.slotSize).fill(ERASED);
  out.set(image, 0);
  out.set(buildTrailer(layout, opts.slot.confirm === true), opts.slot.slotSize - tsize);
  return out;
}
