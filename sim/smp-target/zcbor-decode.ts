// Request decoding as a zcbor-based target does it (Zephyr MCUmgr and MCUboot serial recovery
// both use zcbor), so that our own tests refuse what a real board refuses. cbor-x, which the
// host uses, accepts far more (it unwraps tag 64 into bytes, reads floats as integers, ...);
// the target must not.
//
// What upstream does, and what this file copies:
// - subsys/mgmt/mcumgr/util/src/zcbor_bulk.c `zcbor_map_decode_bulk`: the payload must be a
//   map (definite or indefinite length); every key must be a text string; a known key's value
//   goes through that key's zcbor decoder and a failure ends the decode (-ENOMSG); a key seen
//   twice ends it (-EADDRINUSE); an unknown key's value is skipped (`zcbor_any_skip`), so
//   unknown keys are ignored, not refused. A missing key is not an error here: the handler
//   keeps its default and checks what it needs (img_mgmt.c, os_mgmt.c).
// - zcbor_decode.c value decoders check the major type of the item itself: a tag is major
//   type 6, so `zcbor_bstr_decode` on a tag-64-wrapped byte string fails with
//   ZCBOR_ERR_WRONG_TYPE; `zcbor_uint32_decode`/`zcbor_size_decode` take only an unsigned
//   integer that fits 32 bits; `zcbor_bool_decode` only the simple values true/false;
//   `zcbor_tstr_decode` only a definite-length text string.
// - A handler turns any decode failure into MGMT_ERR_EINVAL (3), answered as `{rc: 3}`.
// zcbor decodes lazily and stops at the end of the map, so bytes after it are ignored here too.

export type CborItem =
  | { readonly t: 'uint'; readonly v: bigint }
  | { readonly t: 'nint'; readonly v: bigint }
  | { readonly t: 'bstr'; readonly v: Uint8Array }
  | { readonly t: 'tstr'; readonly v: string; readonly raw: Uint8Array }
  | { readonly t: 'list'; readonly v: readonly CborItem[] }
  | { readonly t: 'map'; readonly v: readonly (readonly [CborItem, CborItem])[] }
  | { readonly t: 'tag'; readonly tag: bigint; readonly v: CborItem }
  | { readonly t: 'simple'; readonly v: number }
  | { readonly t: 'float'; readonly v: number };

/** zcbor keeps a small fixed stack of nested states; deeper input cannot be decoded. */
const MAX_DEPTH = 16;

class Malformed extends Error {}

const text = new TextDecoder('utf-8', { fatal: false });

function parseItem(b: Uint8Array, pos: number, depth: number): { item: CborItem; end: number } {
  if (depth > MAX_DEPTH) throw new Malformed('nested too deep');
  if (pos >= b.length) throw new Malformed('truncated');
  const ib = b[pos]!;
  const major = ib >> 5;
  const ai = ib & 0x1f;
  let p = pos + 1;
  let arg = 0n;
  let indefinite = false;
  if (ai < 24) arg = BigInt(ai);
  else if (ai <= 27) {
    const n = 1 << (ai - 24);
    if (p + n > b.length) throw new Malformed('truncated');
    for (let i = 0; i < n; i++) arg = (arg << 8n) | BigInt(b[p + i]!);
    p += n;
  } else if (ai === 31 && (major === 4 || major === 5 || major === 7)) indefinite = true;
  else throw new Malformed(`reserved or unsupported additional info ${ai}`);

  switch (major) {
    case 0:
      return { item: { t: 'uint', v: arg }, end: p };
    case 1:
      return { item: { t: 'nint', v: -1n - arg }, end: p };
    case 2:
    case 3: {
      if (arg > BigInt(b.length - p)) throw new Malformed('string longer than the payload');
      const end = p + Number(arg);
      const raw = b.subarray(p, end);
      return major === 2
        ? { item: { t: 'bstr', v: raw }, end }
        : { item: { t: 'tstr', v: text.decode(raw), raw }, end };
    }
    case 4:
    case 5: {
      const items: CborItem[] = [];
      const count = indefinite ? Number.POSITIVE_INFINITY : Number(arg) * (major === 5 ? 2 : 1);
      if (!indefinite && arg > BigInt(b.length - p)) throw new Malformed('more elements than bytes');
      while (items.length < count) {
        if (indefinite && b[p] === 0xff) {
          p++;
          break;
        }
        const r = parseItem(b, p, depth + 1);
        items.push(r.item);
        p = r.end;
      }
      if (major === 4) return { item: { t: 'list', v: items }, end: p };
      if (items.length % 2) throw new Malformed('map with a key and no value');
      const pairs: [CborItem, CborItem][] = [];
      for (let i = 0; i < items.length; i += 2) pairs.push([items[i]!, items[i + 1]!]);
      return { item: { t: 'map', v: pairs }, end: p };
    }
    case 6: {
      const r = parseItem(b, p, depth + 1);
      return { item: { t: 'tag', tag: arg, v: r.item }, end: r.end };
    }
    default: {
      if (indefinite) throw new Malformed('unexpected break');
      if (ai === 25 || ai === 26 || ai === 27) return { item: { t: 'float', v: Number.NaN }, end: p };
      if (ai === 24 && arg < 32n) throw new Malformed('simple value in two bytes');
      return { item: { t: 'simple', v: Number(arg) }, end: p };
    }
  }
}

/** The first CBOR item of the payload, or undefined when it is not well-formed CBOR. */
export function parseCbor(payload: Uint8Array): CborItem | undefined {
  try {
    return parseItem(payload, 0, 0).item;
  } catch (e) {
    if (e instanceof Malformed) return undefined;
    throw e;
  }
}

/** A zcbor value decoder: the decoded value, or undefined when zcbor would fail. */
export type ZDecoder<T> = (item: CborItem) => T | undefined;

const U32 = 0xffff_ffffn;

export const zcbor = {
  tstr: ((i) => (i.t === 'tstr' ? i.v : undefined)) as ZDecoder<string>,
  bstr: ((i) => (i.t === 'bstr' ? i.v : undefined)) as ZDecoder<Uint8Array>,
  /** zcbor_uint32_decode, and zcbor_size_decode on a 32-bit MCU. */
  uint32: ((i) => (i.t === 'uint' && i.v <= U32 ? Number(i.v) : undefined)) as ZDecoder<number>,
  int32: ((i) =>
    (i.t === 'uint' || i.t === 'nint') && i.v <= 0x7fff_ffffn && i.v >= -0x8000_0000n
      ? Number(i.v)
      : undefined) as ZDecoder<number>,
  bool: ((i) =>
    i.t === 'simple' && (i.v === 20 || i.v === 21) ? i.v === 21 : undefined) as ZDecoder<boolean>,
  /** A list of text strings (shell_mgmt's argv). */
  tstrList: ((i) => {
    if (i.t !== 'list') return undefined;
    const out: string[] = [];
    for (const x of i.v) {
      if (x.t !== 'tstr') return undefined;
      out.push(x.v);
    }
    return out;
  }) as ZDecoder<string[]>,
};

type Decoded<S> = { [K in keyof S]?: S[K] extends ZDecoder<infer T> ? T : never };

export type BulkResult<S> =
  | { readonly ok: true; readonly values: Decoded<S>; readonly matched: number }
  | { readonly ok: false; readonly why: string };

/** zcbor_map_decode_bulk over a request payload (see the file comment for the rules). */
export function decodeBulk<S extends Record<string, ZDecoder<unknown>>>(
  payload: Uint8Array,
  spec: S,
): BulkResult<S> {
  const root = parseCbor(payload);
  if (!root) return { ok: false, why: 'the payload is not well-formed CBOR' };
  if (root.t !== 'map') return { ok: false, why: `the payload is a CBOR ${root.t}, not a map` };
  const values: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const [k, v] of root.v) {
    if (k.t !== 'tstr') return { ok: false, why: `a map key is a CBOR ${k.t}, not a text string` };
    const decoder = Object.hasOwn(spec, k.v) ? spec[k.v] : undefined;
    if (!decoder) continue; // zcbor_any_skip: unknown keys are ignored
    if (seen.has(k.v)) return { ok: false, why: `"${k.v}" appears twice` };
    const value = decoder(v);
    if (value === undefined) {
      const what = v.t === 'tag' ? `a value with CBOR tag ${v.tag}` : `a CBOR ${v.t}`;
      return { ok: false, why: `"${k.v}" is ${what}, which its decoder refuses` };
    }
    seen.add(k.v);
    values[k.v] = value;
  }
  return { ok: true, values: values as Decoded<S>, matched: seen.size };
}
