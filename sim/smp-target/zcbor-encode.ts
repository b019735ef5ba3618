// Response encoding as Zephyr's MCUmgr writes it with zcbor in its default configuration
// (CONFIG_ZCBOR_CANONICAL unset): zcbor_encode.c `list_map_start_encode` writes every map and
// list with indefinite length (0xbf / 0x9f ... 0xff); integers in their shortest form; byte
// strings untagged. Fields come out in the order the handler writes them, which is the order
// of the object's keys here. A client that only reads definite-length maps fails on a real
// board, so the emulator must not spare it.

export type ZValue = number | bigint | string | boolean | Uint8Array | readonly ZValue[] | ZMap;
export interface ZMap {
  readonly [key: string]: ZValue | undefined;
}

function head(out: number[], major: number, n: bigint): void {
  const m = major << 5;
  if (n < 24n) out.push(m | Number(n));
  else if (n <= 0xffn) out.push(m | 24, Number(n));
  else if (n <= 0xffffn) out.push(m | 25, Number(n >> 8n), Number(n & 0xffn));
  else if (n <= 0xffff_ffffn) {
    out.push(m | 26);
    for (let s = 24n; s >= 0n; s -= 8n) out.push(Number((n >> s) & 0xffn));
  } else {
    out.push(m | 27);
    for (let s = 56n; s >= 0n; s -= 8n) out.push(Number((n >> s) & 0xffn));
  }
}

const utf8 = new TextEncoder();

function put(out: number[], v: ZValue): void {
  if (typeof v === 'boolean') out.push(v ? 0xf5 : 0xf4);
  else if (typeof v === 'number' || typeof v === 'bigint') {
    if (typeof v === 'number' && !Number.isSafeInteger(v)) throw new RangeError(`not an integer: ${v}`);
    const n = BigInt(v);
    if (n >= 0n) head(out, 0, n);
    else head(out, 1, -1n - n);
  } else if (typeof v === 'string') {
    const b = utf8.encode(v);
    head(out, 3, BigInt(b.length));
    for (const x of b) out.push(x);
  } else if (v instanceof Uint8Array) {
    head(out, 2, BigInt(v.length));
    for (const x of v) out.push(x);
  } else if (Array.isArray(v)) {
    out.push(0x9f);
    for (const x of v) put(out, x);
    out.push(0xff);
  } else {
    out.push(0xbf);
    for (const [k, x] of Object.entries(v as ZMap)) {
      if (x === undefined) continue;
      put(out, k);
      put(out, x);
    }
    out.push(0xff);
  }
}

export function encodeZcbor(v: ZMap): Uint8Array {
  const out: number[] = [];
  put(out, v);
  return Uint8Array.from(out);
}
