import { describe, expect, it } from 'vitest';
import { isReaderError } from '../errors.js';
import { foldsByIdentity } from './folds.js';

// 300 people with 2–4 photos each, a fifth of them in a small cohort.
const people = Array.from({ length: 300 }, (_x, i) => ({
  identity: `Person_${i}`,
  images: 2 + (i % 3),
  cohort: i % 5 === 0 ? 'east-asian' : 'other',
}));

describe('folds by identity', () => {
  it('puts every person in exactly one fold, the same on every run', () => {
    const folds = foldsByIdentity(people, 5);
    expect(folds.size).toBe(300);
    for (const p of people) expect(folds.get(p.identity)).toBeGreaterThanOrEqual(0);
    for (const f of folds.values()) expect(f).toBeLessThan(5);
    expect([...foldsByIdentity(people, 5)]).toEqual([...folds]);
    // A fold is a set of people, so the photos of one person can never be split: the photo
    // list below is assigned through its identity and each identity has one fold.
    const photos = people.flatMap((p) => Array.from({ length: p.images }, (_x, n) => ({ ...p, n })));
    const foldOfPhoto = new Map<string, Set<number>>();
    for (const ph of photos) {
      if (!foldOfPhoto.has(ph.identity)) foldOfPhoto.set(ph.identity, new Set());
      foldOfPhoto.get(ph.identity)!.add(folds.get(ph.identity)!);
    }
    for (const s of foldOfPhoto.values()) expect(s.size).toBe(1);
  });

  it('balances photos per fold within each cohort (stratified)', () => {
    const folds = foldsByIdentity(people, 5);
    for (const cohort of ['east-asian', 'other']) {
      const perFold = new Array(5).fill(0);
      for (const p of people) if (p.cohort === cohort) perFold[folds.get(p.identity)!] += p.images;
      // Greedy assignment: folds differ by at most one person's photos (≤ 4).
      expect(Math.max(...perFold) - Math.min(...perFold)).toBeLessThanOrEqual(4);
      expect(Math.min(...perFold)).toBeGreaterThan(0);
    }
  });

  it('refuses a fold count that is not a positive integer', () => {
    for (const k of [0, -1, 2.5]) {
      try {
        foldsByIdentity(people, k);
        expect.unreachable();
      } catch (e) {
        expect(isReaderError(e)).toBe(true);
      }
    }
  });
});
