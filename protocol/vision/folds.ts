// K folds of a face set split by identity: every photo of one person lands in the same fold,
// so a threshold tuned on the other folds has never seen the people it is tested on. Folds are
// stratified by cohort (each fold gets its share of the East-Asian people) and balanced by
// photo count; the order is a hash of the names, so the split is the same on every run.
import { ErrorCode, ReaderError } from '../errors.js';

export interface IdentityCount {
  readonly identity: string;
  /** Photos of this identity in the set. */
  readonly images: number;
  readonly cohort?: string;
}

/** FNV-1a over UTF-16 code units: a stable shuffle key, not a security hash. */
export function fnv1a(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** identity → fold in [0, k). */
export function foldsByIdentity(ids: readonly IdentityCount[], k: number, seed = 0): Map<string, number> {
  if (!Number.isInteger(k) || k < 1)
    throw new ReaderError(ErrorCode.Usage, `folds must be a positive integer, got ${k}`);
  const out = new Map<string, number>();
  const total = new Array<number>(k).fill(0);
  const byCohort = new Map<string, IdentityCount[]>();
  for (const id of ids) {
    const c = id.cohort ?? '';
    if (!byCohort.has(c)) byCohort.set(c, []);
    byCohort.get(c)!.push(id);
  }
  for (const cohort of [...byCohort.keys()].sort()) {
    const members = byCohort
      .get(cohort)!
      .map((id) => ({ id, key: fnv1a(id.identity, seed) }))
      .sort((a, b) => a.key - b.key || (a.id.identity < b.id.identity ? -1 : 1));
    const inCohort = new Array<number>(k).fill(0);
    for (const { id } of members) {
      // The fold with the fewest photos of this cohort, then the fewest overall.
      let best = 0;
      for (let f = 1; f < k; f++)
        if (inCohort[f]! < inCohort[best]! || (inCohort[f] === inCohort[best] && total[f]! < total[best]!))
          best = f;
      out.set(id.identity, best);
      inCohort[best]! += id.images;
      total[best]! += id.images;
    }
  }
  return out;
}
