// Decodes CBOR with Debian's python3-cbor2: an implementation we did not write, and the one
// Python SMP clients (smpclient, smp) decode with. Each payload comes back as JSON where
// bytes are {"$bytes": hex} and a tag is {"$tag": n, "value": ...}, plus whether cbor2's own
// encoder writes the same bytes again (definite lengths, shortest integers, no tags).
import { execFileSync } from 'node:child_process';

const SCRIPT = `
import sys, json, cbor2
def plain(v):
    if isinstance(v, cbor2.CBORTag):
        return {"$tag": v.tag, "value": plain(v.value)}
    if isinstance(v, (bytes, bytearray)):
        return {"$bytes": bytes(v).hex()}
    if isinstance(v, dict):
        return {str(k): plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, float):
        return {"$float": v}
    return v
out = []
for line in sys.stdin.read().split():
    raw = bytes.fromhex(line)
    try:
        v = cbor2.loads(raw)
        out.append({"value": plain(v), "reencodes": cbor2.dumps(v) == raw})
    except Exception as e:
        out.append({"error": type(e).__name__ + ": " + str(e)})
print(json.dumps(out))
`;

const CANDIDATES = ['/usr/bin/python3', 'python3'];

/** The first python3 that imports cbor2 (Debian's, not a pyenv shim without it). */
export function pythonWithCbor2(): string | undefined {
  for (const py of CANDIDATES) {
    try {
      execFileSync(py, ['-c', 'import cbor2'], { stdio: 'ignore' });
      return py;
    } catch {}
  }
  return undefined;
}

/** For describe.skipIf: true when python3-cbor2 is missing, after saying so (a failure in CI). */
export function missingCbor2(): boolean {
  if (pythonWithCbor2()) return false;
  const msg = "SKIPPED: no python3 with cbor2; install the Debian package 'python3-cbor2' (CI installs it)";
  if (process.env.CI) throw new Error(msg);
  console.warn(msg);
  return true;
}

export type Cbor2Result = { value: unknown; reencodes: boolean } | { error: string };

export function cbor2Decode(payloads: readonly Uint8Array[]): Cbor2Result[] {
  const py = pythonWithCbor2();
  if (!py) throw new Error('python3-cbor2 is not installed');
  const input = payloads.map((p) => Buffer.from(p).toString('hex')).join('\n');
  const out = execFileSync(py, ['-c', SCRIPT], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out) as Cbor2Result[];
}

/** Every tag anywhere in a decoded value. */
export function tagsIn(v: unknown): number[] {
  if (Array.isArray(v)) return v.flatMap(tagsIn);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('$tag' in o) return [o.$tag as number, ...tagsIn(o.value)];
    return Object.values(o).flatMap(tagsIn);
  }
  return [];
}
