// Image validation as MCUboot's bootutil_img_validate does it: the hash TLV must match; each
// signature counts only when the KEYHASH (or PUBKEY) before it names a key the bootloader
// holds — a signature whose key it cannot find is skipped — and the image is bootable when one
// counted signature verifies. Signature maths is injected: this file stays pure.
import { bytesEqual, toHex } from '../bytes.js';
import { type Ed25519, tweetnaclEd25519 } from '../link/ed25519.js';
import { publicKeyFromDer, publicKeyToDer } from '../link/keys.js';
import {
  digestOf,
  type HashAlgorithm,
  hashAlgorithmOfTlv,
  type SignatureAlgorithm,
  signatureAlgorithmOfTlv,
  type Tlv,
  TlvType,
  tlvName,
} from './format.js';
import { type ParsedImage, parseImage } from './parse.js';
import type { SignInput } from './sign.js';

/** A key the bootloader was built with. */
export interface TrustedImageKey {
  readonly algorithm: SignatureAlgorithm;
  /** As MCUboot embeds and hashes it: DER SubjectPublicKeyInfo (PKCS#1 RSAPublicKey for RSA). */
  readonly publicKey: Uint8Array;
  readonly name?: string;
}

export interface SignatureVerifier {
  /** 'unsupported' when this host cannot check the algorithm at all. */
  verify(input: SignInput & { key: TrustedImageKey; signature: Uint8Array }): boolean | 'unsupported';
}

export type VerifyProblem =
  | 'no-hash'
  | 'hash-mismatch'
  | 'unsigned'
  | 'no-key-tlv'
  | 'keyhash-mismatch'
  | 'key-type-mismatch'
  | 'unsupported-algorithm'
  | 'bad-signature';

export interface ImageCheck {
  readonly ok: boolean;
  readonly problems: readonly { readonly code: VerifyProblem; readonly message: string }[];
  /** The image's hash recomputed (with the algorithm of its hash TLV). */
  readonly digest: Uint8Array;
  readonly hash: HashAlgorithm;
  readonly pure: boolean;
  /** The algorithms of the signature TLVs found, in order. */
  readonly signatures: readonly SignatureAlgorithm[];
  readonly signedBy?: TrustedImageKey;
  readonly image: ParsedImage;
}

export const algorithmLabel: Record<SignatureAlgorithm, string> = {
  ed25519: 'Ed25519',
  ecdsa: 'ECDSA',
  'rsa2048-pss': 'RSA-2048-PSS',
  'rsa3072-pss': 'RSA-3072-PSS',
};

/** Ed25519 (digest or pure) with any Ed25519 implementation; other algorithms unsupported. */
export function ed25519Verifier(ed: Ed25519 = tweetnaclEd25519): SignatureVerifier {
  return {
    verify: (i) => {
      if (i.key.algorithm !== 'ed25519') return 'unsupported';
      let raw: Uint8Array;
      try {
        raw = publicKeyFromDer(i.key.publicKey);
      } catch {
        return false;
      }
      return i.signature.length === 64 && ed.verify(i.pure ? i.region : i.digest, i.signature, raw);
    },
  };
}

export function ed25519TrustedKey(rawPublicKey: Uint8Array, name?: string): TrustedImageKey {
  return { algorithm: 'ed25519', publicKey: publicKeyToDer(rawPublicKey), ...(name ? { name } : {}) };
}

type KeyState =
  | { kind: 'none' }
  | { kind: 'found'; key: TrustedImageKey }
  | { kind: 'unknown'; tlv: number; value: Uint8Array };

export function validateImage(
  img: Uint8Array,
  keys: readonly TrustedImageKey[],
  verifier: SignatureVerifier,
): ImageCheck {
  const image = parseImage(img);
  const unprotected = image.tlvs.filter((t) => !t.protected);
  const problems: { code: VerifyProblem; message: string }[] = [];
  const hashTlv = unprotected.find((t) => hashAlgorithmOfTlv(t.type) !== undefined);
  const hash = hashTlv ? hashAlgorithmOfTlv(hashTlv.type)! : 'sha256';
  const digest = digestOf(hash, image.hashed);
  if (!hashTlv) problems.push({ code: 'no-hash', message: 'the image has no SHA256/SHA384/SHA512 TLV' });
  else if (!bytesEqual(hashTlv.value, digest)) {
    problems.push({
      code: 'hash-mismatch',
      message: `${tlvName(hashTlv.type)} TLV ${toHex(hashTlv.value).slice(0, 16)}… does not match the image's ${toHex(digest).slice(0, 16)}…: the image was changed after signing`,
    });
  }
  const pureTlv = unprotected.find((t) => t.type === TlvType.SIG_PURE);
  const pure = pureTlv !== undefined && pureTlv.value.length === 1 && pureTlv.value[0] === 1;

  const signatures: SignatureAlgorithm[] = [];
  const skipped: { code: VerifyProblem; message: string }[] = [];
  let signedBy: TrustedImageKey | undefined;
  let state: KeyState = { kind: 'none' };
  for (const t of unprotected) {
    if (t.type === TlvType.KEYHASH || t.type === TlvType.PUBKEY) {
      const key = keys.find((k) => keyMatches(k, t, hash));
      state = key ? { kind: 'found', key } : { kind: 'unknown', tlv: t.type, value: t.value };
      continue;
    }
    const alg = signatureAlgorithmOfTlv(t.type);
    if (!alg) continue;
    signatures.push(alg);
    const problem = checkSignature(
      alg,
      t.value,
      state,
      { region: image.hashed, digest, hash, pure },
      verifier,
    );
    if (problem) skipped.push(problem);
    else if (state.kind === 'found') signedBy ??= state.key;
    // Each key TLV names the key of the one signature after it.
    state = { kind: 'none' };
  }
  if (signatures.length === 0) {
    problems.push({
      code: 'unsigned',
      message: 'the image is not signed (no ED25519, ECDSASIG or RSA signature TLV): MCUboot refuses it',
    });
  } else if (!signedBy) problems.push(...skipped);
  return {
    ok: problems.length === 0,
    problems,
    digest,
    hash,
    pure,
    signatures,
    ...(signedBy ? { signedBy } : {}),
    image,
  };
}

function keyMatches(k: TrustedImageKey, t: Tlv, hash: HashAlgorithm): boolean {
  if (t.type === TlvType.PUBKEY) return bytesEqual(k.publicKey, t.value);
  return bytesEqual(digestOf(hash, k.publicKey), t.value);
}

function checkSignature(
  alg: SignatureAlgorithm,
  signature: Uint8Array,
  state: KeyState,
  input: SignInput,
  verifier: SignatureVerifier,
): { code: VerifyProblem; message: string } | undefined {
  const label = algorithmLabel[alg];
  if (state.kind === 'none') {
    return {
      code: 'no-key-tlv',
      message: `the ${label} signature has no KEYHASH or PUBKEY TLV before it: MCUboot cannot tell which key made it and skips it`,
    };
  }
  if (state.kind === 'unknown') {
    const what = state.tlv === TlvType.PUBKEY ? 'PUBKEY' : `KEYHASH ${toHex(state.value).slice(0, 16)}…`;
    return {
      code: 'keyhash-mismatch',
      message: `the image was signed with another key (${what} is not the given key): MCUboot skips the signature`,
    };
  }
  if (state.key.algorithm !== alg) {
    return {
      code: 'key-type-mismatch',
      message: `the image carries a ${label} signature; the given key is ${algorithmLabel[state.key.algorithm]}`,
    };
  }
  const r = verifier.verify({ ...input, key: state.key, signature });
  if (r === 'unsupported') {
    return {
      code: 'unsupported-algorithm',
      message: `unsupported algorithm ${label}: this verifier cannot check it`,
    };
  }
  if (!r) {
    return {
      code: 'bad-signature',
      message: `the ${label} signature${input.pure ? ' (pure, over the image)' : ''} does not verify with this public key`,
    };
  }
  return undefined;
}

/**
 * The Ed25519 shortcut most callers need: a raw 32-byte public key and an Ed25519
 * implementation, or keys and a verifier for every algorithm.
 */
export function verifyImage(
  img: Uint8Array,
  key: Uint8Array | readonly TrustedImageKey[],
  verifier: Ed25519 | SignatureVerifier = tweetnaclEd25519,
): ImageCheck {
  const keys = key instanceof Uint8Array ? [ed25519TrustedKey(key)] : key;
  const v = 'sign' in verifier ? ed25519Verifier(verifier) : verifier;
  return validateImage(img, keys, v);
}
