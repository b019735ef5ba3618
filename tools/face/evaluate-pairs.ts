// Scores of the pairs of an embedded set, kept the way held-out evaluation needs them: impostor
// scores as plain floats by fold pair and cohort (millions of them for all cross-identity
// pairs), genuine pairs and the highest-scoring impostors with the files they came from.

import type { FaceMatcher } from '../../firmware-host/vision/face-matcher.js';
import { type GenuineScore, type PairTable, pairBucket } from '../../protocol/vision/held-out.js';
import type { EmbeddedSet } from './evaluate-embed.js';
import type { Pair } from './evaluate-images.js';

/** One pair by image indices: `e` on the enrolled (card) side, `p` the probe (camera). */
export interface IndexedPair {
  readonly e: number;
  readonly p: number;
  readonly score: number;
}

export interface GenuinePair extends IndexedPair, GenuineScore {}

/** The `size` highest scores seen, highest first. */
export class TopPairs {
  readonly pairs: IndexedPair[] = [];
  constructor(private readonly size: number) {}
  offer(e: number, p: number, score: number): void {
    const list = this.pairs;
    if (list.length === this.size && score <= list[list.length - 1]!.score) return;
    let i = list.length;
    while (i > 0 && list[i - 1]!.score < score) i--;
    list.splice(i, 0, { e, p, score });
    if (list.length > this.size) list.pop();
  }
}

class FloatList {
  private buf = new Float32Array(1024);
  private n = 0;
  push(v: number): void {
    if (this.n === this.buf.length) {
      const bigger = new Float32Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[this.n++] = v;
  }
  finish(): Float32Array {
    return this.buf.slice(0, this.n);
  }
}

export interface ScoredPairs {
  readonly table: PairTable;
  readonly genuine: readonly GenuinePair[];
  /** Highest impostor scores: [all, ...cohorts]. */
  readonly topImpostors: readonly TopPairs[];
  /** Pairs with no descriptor on a side (failure to acquire), by table [all, ...cohorts]. */
  readonly lost: readonly { genuine: number; impostor: number }[];
}

export interface PairSource {
  /** Every pair of the set (genuine = same identity); else the pairs of this list. */
  readonly list?: readonly Pair[];
  readonly foldOf: readonly number[];
  readonly folds: number;
  readonly cohorts: readonly string[];
  readonly worst?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Which photo of an unordered pair plays the card: a coin toss fixed by the pair, as in faces-lfw. */
const coin = (i: number, j: number): boolean =>
  ((Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(j + 1, 0x85ebca6b)) >>> 7) % 2 === 0;

export function scorePairs(matcher: FaceMatcher, set: EmbeddedSet, src: PairSource): ScoredPairs {
  const n = set.images.length;
  const cohortIndex = new Map(src.cohorts.map((c, i) => [c, i]));
  const cohortOf = set.images.map((im) =>
    im.cohort === undefined ? -1 : (cohortIndex.get(im.cohort) ?? -1),
  );
  const identity = set.images.map((im) => im.identity);
  const k = src.folds;
  const classes = src.cohorts.length + 1;
  const buckets = (k * (k + 1)) / 2;
  const impostor = Array.from({ length: buckets }, () =>
    Array.from({ length: classes }, () => new FloatList()),
  );
  const genuine: GenuinePair[] = [];
  const topImpostors = Array.from({ length: classes }, () => new TopPairs(src.worst ?? 10));
  const lost = Array.from({ length: classes }, () => ({ genuine: 0, impostor: 0 }));
  const visit = (e: number, p: number, isGenuine: boolean): void => {
    const same = cohortOf[e] === cohortOf[p] && cohortOf[e]! >= 0 ? cohortOf[e]! : -1;
    const a = set.enrolled[e]!.descriptor;
    const b = set.probe[p]!.descriptor;
    if (!a || !b) {
      lost[0]![isGenuine ? 'genuine' : 'impostor']++;
      if (same >= 0) lost[same + 1]![isGenuine ? 'genuine' : 'impostor']++;
      return;
    }
    const score = matcher.similarity(a, b);
    if (isGenuine) {
      genuine.push({ e, p, score, fold: src.foldOf[e]!, cohort: same });
      return;
    }
    impostor[pairBucket(src.foldOf[e]!, src.foldOf[p]!, k)]![same >= 0 ? same : classes - 1]!.push(score);
    topImpostors[0]!.offer(e, p, score);
    if (same >= 0) topImpostors[same + 1]!.offer(e, p, score);
  };
  if (src.list) {
    const index = new Map(set.images.map((im, i) => [im.file, i]));
    src.list.forEach((pair, i) => {
      const e = index.get(pair.a);
      const p = index.get(pair.b);
      if (e !== undefined && p !== undefined) visit(e, p, pair.genuine);
      if (i % 1000 === 0) src.onProgress?.(i, src.list!.length);
    });
    src.onProgress?.(src.list.length, src.list.length);
  } else {
    const total = (n * (n - 1)) / 2;
    let done = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (coin(i, j)) visit(i, j, identity[i] === identity[j]);
        else visit(j, i, identity[i] === identity[j]);
      }
      done += n - 1 - i;
      src.onProgress?.(done, total);
    }
  }
  return {
    table: {
      folds: k,
      cohorts: src.cohorts,
      impostor: impostor.map((cls) => cls.map((l) => l.finish())),
      genuine,
    },
    genuine,
    topImpostors,
    lost,
  };
}
