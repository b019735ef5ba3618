// Who stands in front of the emulated camera in `readerctl face liveness-eval`: whole people,
// drawn with a seed from the fixture folders, split into a calibration set and a report set that
// share nobody. A person is an identity (faces-lfw/identities.csv; in ../faces, the photos its
// pairs.csv calls the same person); one of the person's photos, drawn too, makes the live subject
// and every attack instrument. East-Asian people (the appliance's patients) are drawn to a share
// of each set, not left to their 7 % of LFW.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { seededRandom } from '../../protocol/seeded-random.js';

export type Cohort = 'east-asian' | 'other' | 'unlisted';

export interface Person {
  readonly id: string;
  readonly cohort: Cohort;
  readonly photos: readonly string[];
}

export interface Subject {
  readonly person: string;
  readonly cohort: Cohort;
  readonly photo: string;
}

const IMAGE = /\.(jpe?g|png)$/i;

/** The people of one folder: by identities.csv (NAME__k.jpg), else by pairs.csv's "Yes" pairs. */
export function peopleIn(dir: string): Person[] {
  const files = readdirSync(dir)
    .filter((f) => IMAGE.test(f))
    .sort();
  const ids = join(dir, 'identities.csv');
  if (existsSync(ids)) {
    const cohort = new Map<string, Cohort>();
    for (const line of readFileSync(ids, 'utf8').split('\n').slice(1)) {
      const [id, c] = line.split(',');
      if (id && c) cohort.set(id, c === 'east-asian' ? 'east-asian' : 'other');
    }
    const by = new Map<string, string[]>();
    for (const f of files) {
      const id = f.replace(/__\d+\.\w+$/, '');
      by.set(id, [...(by.get(id) ?? []), resolve(join(dir, f))]);
    }
    return [...by].map(([id, photos]) => ({ id, cohort: cohort.get(id) ?? 'unlisted', photos }));
  }
  // Union–find over the genuine pairs: the photos of one person end in one set.
  const parent = new Map(files.map((f) => [f, f]));
  const root = (f: string): string => {
    let r = f;
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const pairs = join(dir, 'pairs.csv');
  if (existsSync(pairs))
    for (const line of readFileSync(pairs, 'utf8').split('\n').slice(1)) {
      const [x, y, d] = line.trim().split(',');
      if (d === 'Yes' && x && y && parent.has(x) && parent.has(y)) parent.set(root(x), root(y));
    }
  const by = new Map<string, string[]>();
  for (const f of files) by.set(root(f), [...(by.get(root(f)) ?? []), resolve(join(dir, f))]);
  return [...by].map(([r, photos]) => ({ id: `${dir.split('/').pop()}:${r}`, cohort: 'unlisted', photos }));
}

export interface DrawOptions {
  readonly calibrate: number;
  readonly report: number;
  readonly seed: number;
  /** Share of each set drawn from East-Asian people (as far as there are enough). */
  readonly eastAsianShare: number;
}

/** Seeded, stratified, disjoint: the calibration people first, then the report people. */
export function drawSubjects(
  people: readonly Person[],
  o: DrawOptions,
): { calibration: Subject[]; report: Subject[] } {
  const random = seededRandom(o.seed);
  const shuffled = <T>(xs: readonly T[]): T[] => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  };
  const sorted = [...people].sort((a, b) => (a.id < b.id ? -1 : 1));
  const east = shuffled(sorted.filter((p) => p.cohort === 'east-asian'));
  const rest = shuffled(sorted.filter((p) => p.cohort !== 'east-asian'));
  const take = (n: number): Subject[] => {
    const fromEast = Math.min(east.length, Math.round(n * o.eastAsianShare));
    const chosen = [...east.splice(0, fromEast), ...rest.splice(0, n - fromEast)];
    // Short of others, the East-Asian pool fills the set.
    if (chosen.length < n) chosen.push(...east.splice(0, n - chosen.length));
    return shuffled(chosen).map((p) => ({
      person: p.id,
      cohort: p.cohort,
      photo: p.photos[Math.floor(random() * p.photos.length)]!,
    }));
  };
  const calibration = take(o.calibrate);
  return { calibration, report: take(o.report) };
}
