// Where a process's resident memory is, by kind, from Linux's /proc/<pid>/smaps: file-backed
// pages (the node binary, shared libraries, mapped files), the WebAssembly memories' resident
// pages, and the rest of the anonymous memory (V8's heaps, malloc, compiled code, stacks). V8 puts
// each wasm memory in a reservation of ~10 GiB: a guard, the accessible part (read-write), and the
// rest of the reservation (no access) right after it. That read-write part is what is counted.
import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  readonly rssMb: number;
  /** File-backed resident pages: code and libraries, mapped files. */
  readonly fileMb: number;
  /** Each wasm memory's resident pages, and its size (MB). */
  readonly wasm: readonly { readonly rssMb: number; readonly sizeMb: number }[];
  /** Anonymous resident pages not in a wasm memory: JS heaps, malloc, compiled code, stacks. */
  readonly otherMb: number;
}

interface Mapping {
  readonly start: number;
  readonly end: number;
  readonly perms: string;
  readonly path: string;
  rssKb: number;
}

/** A reservation this large after a read-write mapping marks that mapping as a wasm memory. */
const WASM_RESERVATION = 2 ** 30;

export function parseSmaps(text: string): ProcessMemory {
  const maps: Mapping[] = [];
  for (const line of text.split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      maps.push({
        start: Number.parseInt(head[1]!, 16),
        end: Number.parseInt(head[2]!, 16),
        perms: head[3]!,
        path: head[4]!.trim(),
        rssKb: 0,
      });
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && maps.length) maps[maps.length - 1]!.rssKb = Number(rss[1]);
  }
  const mb = (kb: number): number => Math.round((kb / 1024) * 10) / 10;
  let file = 0;
  let other = 0;
  const wasm: { rssMb: number; sizeMb: number }[] = [];
  maps.forEach((m, i) => {
    const next = maps[i + 1];
    const anonymous = m.path === '' || m.path.startsWith('[anon');
    if (!anonymous && !m.path.startsWith('[')) file += m.rssKb;
    else if (
      anonymous &&
      m.perms.startsWith('rw') &&
      next &&
      next.start === m.end &&
      next.perms.startsWith('---') &&
      next.end - next.start >= WASM_RESERVATION
    )
      wasm.push({ rssMb: mb(m.rssKb), sizeMb: mb((m.end - m.start) / 1024) });
    else other += m.rssKb;
  });
  const total = maps.reduce((a, m) => a + m.rssKb, 0);
  return { rssMb: mb(total), fileMb: mb(file), wasm, otherMb: mb(other) };
}

/** This process's (or `pid`'s) memory by kind; undefined where there is no /proc (not Linux). */
export function processMemory(pid: number | 'self' = 'self'): ProcessMemory | undefined {
  try {
    return parseSmaps(readFileSync(`/proc/${pid}/smaps`, 'utf8'));
  } catch {
    return undefined;
  }
}
