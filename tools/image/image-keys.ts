// Image signing keys of every type MCUboot supports (Ed25519, ECDSA P-256/P-384, RSA-2048/3072),
// read from PEM files with node:crypto, and the signer/verifier protocol/mcuboot takes injected.
// The key bytes MCUboot embeds and hashes (KEYHASH, PUBKEY) are the DER SubjectPublicKeyInfo,
// except RSA where imgtool uses the PKCS#1 RSAPublicKey.
import {
  constants,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  sign as nodeSign,
  verify as nodeVerify,
} from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import type {
  HashAlgorithm,
  ImageSigner,
  SignatureAlgorithm,
  SignatureVerifier,
  SignInput,
  TrustedImageKey,
} from '../../protocol/mcuboot/image.js';

export interface ImageKey {
  readonly trusted: TrustedImageKey;
  /** Present for a private key file. */
  readonly signer?: ImageSigner;
  /** "Ed25519", "ECDSA P-256", "RSA-2048": for messages. */
  readonly description: string;
}

const keyError = (msg: string, cause?: unknown): ReaderError =>
  new ReaderError(ErrorCode.Config_KeyFile, msg, cause === undefined ? {} : { cause });

interface KeyKind {
  readonly algorithm: SignatureAlgorithm;
  readonly description: string;
  readonly hashes: readonly HashAlgorithm[];
  readonly rsa: boolean;
}

function kindOf(pub: KeyObject, path: string): KeyKind {
  const type = pub.asymmetricKeyType;
  const d = pub.asymmetricKeyDetails ?? {};
  if (type === 'ed25519') {
    return { algorithm: 'ed25519', description: 'Ed25519', hashes: ['sha256', 'sha512'], rsa: false };
  }
  if (type === 'ec' && d.namedCurve === 'prime256v1') {
    return { algorithm: 'ecdsa', description: 'ECDSA P-256', hashes: ['sha256'], rsa: false };
  }
  if (type === 'ec' && d.namedCurve === 'secp384r1') {
    return { algorithm: 'ecdsa', description: 'ECDSA P-384', hashes: ['sha384'], rsa: false };
  }
  if (type === 'rsa' && (d.modulusLength === 2048 || d.modulusLength === 3072)) {
    const bits = d.modulusLength;
    return {
      algorithm: bits === 2048 ? 'rsa2048-pss' : 'rsa3072-pss',
      description: `RSA-${bits}`,
      hashes: ['sha256'],
      rsa: true,
    };
  }
  const what = type === 'ec' ? `EC ${d.namedCurve}` : type === 'rsa' ? `RSA-${d.modulusLength}` : type;
  throw keyError(`${path}: a ${what} key; MCUboot signs with Ed25519, ECDSA P-256/P-384 or RSA-2048/3072`);
}

function embedded(pub: KeyObject, rsa: boolean): Uint8Array {
  return new Uint8Array(pub.export(rsa ? { type: 'pkcs1', format: 'der' } : { type: 'spki', format: 'der' }));
}

function publicKeyObject(k: TrustedImageKey): KeyObject {
  const rsa = k.algorithm === 'rsa2048-pss' || k.algorithm === 'rsa3072-pss';
  return createPublicKey({ key: Buffer.from(k.publicKey), format: 'der', type: rsa ? 'pkcs1' : 'spki' });
}

/** MCUboot's RSA-PSS: MGF1 with the image hash, salt as long as the hash. */
const pss = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST };

function signWith(key: KeyObject, kind: KeyKind, i: SignInput): Uint8Array {
  if (kind.algorithm === 'ed25519') return new Uint8Array(nodeSign(null, i.pure ? i.region : i.digest, key));
  // ECDSA and RSA hash the region themselves, as imgtool's key.sign(payload) does.
  if (kind.rsa) return new Uint8Array(nodeSign(i.hash, i.region, { key, ...pss }));
  return new Uint8Array(nodeSign(i.hash, i.region, { key, dsaEncoding: 'der' }));
}

/** Every algorithm MCUboot builds for, through node:crypto (OpenSSL). */
export const nodeImageVerifier: SignatureVerifier = {
  verify: (i) => {
    let key: KeyObject;
    try {
      key = publicKeyObject(i.key);
    } catch {
      return false;
    }
    try {
      if (i.key.algorithm === 'ed25519') {
        return i.signature.length === 64 && nodeVerify(null, i.pure ? i.region : i.digest, key, i.signature);
      }
      if (i.pure) return false; // MCUboot signs pure with Ed25519 only
      if (i.key.algorithm === 'ecdsa') {
        return nodeVerify(i.hash, i.region, { key, dsaEncoding: 'der' }, i.signature);
      }
      return nodeVerify(i.hash, i.region, { key, ...pss }, i.signature);
    } catch {
      // A malformed DER signature or a hash the key cannot take: not a valid signature.
      return false;
    }
  },
};

/** Reads a PEM public or private key; private key files must not be readable by others. */
export function loadImageKey(path: string): ImageKey {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw keyError(`cannot read key file ${path}: ${(e as Error).message}`, e);
  }
  const isPrivate = /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text);
  if (isPrivate) {
    const mode = statSync(path).mode & 0o777;
    if (mode & 0o077) {
      throw keyError(
        `key file ${path} is readable by others (mode ${mode.toString(8)}); run chmod 600 ${path}`,
      );
    }
  }
  let priv: KeyObject | undefined;
  let pub: KeyObject;
  try {
    priv = isPrivate ? createPrivateKey(text) : undefined;
    pub = createPublicKey(priv ?? text);
  } catch (e) {
    throw keyError(`${path} is not a PEM key: ${(e as Error).message}`, e);
  }
  const kind = kindOf(pub, path);
  const trusted: TrustedImageKey = {
    algorithm: kind.algorithm,
    publicKey: embedded(pub, kind.rsa),
    name: path,
  };
  const signer: ImageSigner | undefined = priv
    ? {
        algorithm: kind.algorithm,
        publicKey: trusted.publicKey,
        hashes: kind.hashes,
        supportsPure: kind.algorithm === 'ed25519',
        sign: (i) => signWith(priv, kind, i),
      }
    : undefined;
  return { trusted, description: kind.description, ...(signer ? { signer } : {}) };
}
