// PKCS#1 DigestInfo (RFC 8017 §9.2) as a JPKI card accepts it for signing: the card pads what
// it is given, and hosts (OpenSC among them) send SHA-1, SHA-224, SHA-256, SHA-384 or SHA-512
// DigestInfos. A strict DER reader, so garbage never reaches the private key.
import { toHex } from '../bytes.js';

export type DigestAlgorithm = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

/** Hash OIDs (DER content bytes, hex) and their digest lengths. */
const HASHES: Record<string, { readonly name: DigestAlgorithm; readonly length: number }> = {
  '2b0e03021a': { name: 'sha1', length: 20 },
  '608648016503040204': { name: 'sha224', length: 28 },
  '608648016503040201': { name: 'sha256', length: 32 },
  '608648016503040202': { name: 'sha384', length: 48 },
  '608648016503040203': { name: 'sha512', length: 64 },
};

export interface DigestInfo {
  readonly algorithm: DigestAlgorithm;
  readonly digest: Uint8Array;
}

/** One short-form DER element at `at` (DigestInfos are always < 128 bytes per element). */
function element(b: Uint8Array, at: number, tag: number): { start: number; end: number } | undefined {
  if (b[at] !== tag) return undefined;
  const len = b[at + 1];
  if (len === undefined || len > 0x7f) return undefined;
  const end = at + 2 + len;
  return end <= b.length ? { start: at + 2, end } : undefined;
}

/**
 * Parses `SEQUENCE { SEQUENCE { OID, NULL? }, OCTET STRING }` with nothing after it; the
 * NULL parameters may be present or absent (RFC 8017 §9.2 note 1). Undefined for anything else.
 */
export function parseDigestInfo(b: Uint8Array): DigestInfo | undefined {
  const outer = element(b, 0, 0x30);
  if (!outer || outer.end !== b.length) return undefined;
  const alg = element(b, outer.start, 0x30);
  if (!alg) return undefined;
  const oid = element(b, alg.start, 0x06);
  if (!oid) return undefined;
  if (oid.end !== alg.end && !(oid.end + 2 === alg.end && b[oid.end] === 0x05 && b[oid.end + 1] === 0x00))
    return undefined;
  const hash = HASHES[toHex(b.subarray(oid.start, oid.end))];
  if (!hash) return undefined;
  const digest = element(b, alg.end, 0x04);
  if (!digest || digest.end !== outer.end || digest.end - digest.start !== hash.length) return undefined;
  return { algorithm: hash.name, digest: b.slice(digest.start, digest.end) };
}
