// The face set an evaluation runs on: image files with the identity of each (the part of the
// name before "__", as in faces-lfw; an identities file; or the genuine pairs of a pair list)
// and, optionally, its cohort.
import { readdirSync, readFileSync } from 'node:fs';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { fnv1a } from '../../protocol/vision/folds.js';

export interface EvalImage {
  /** Path relative to the set's folder. */
  readonly file: string;
  readonly identity: string;
  readonly cohort?: string;
}

export interface Pair {
  readonly a: string;
  readonly b: string;
  readonly genuine: boolean;
}

const IMAGE = /\.(jpe?g|png|webp|j2k|jp2)$/i;

/** A CSV with a header row, as objects keyed by the lower-cased header names. */
export function readCsv(file: string): Record<string, string>[] {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const head =
    lines
      .shift()
      ?.split(',')
      .map((s) => s.trim().toLowerCase()) ?? [];
  return lines.map((l) => {
    const cells = l.split(',').map((s) => s.trim());
    return Object.fromEntries(head.map((h, i) => [h, cells[i] ?? '']));
  });
}

function column(rows: Record<string, string>[], file: string, name: string): void {
  if (rows.length && !(name in rows[0]!))
    throw new ReaderError(ErrorCode.Usage, `${file}: expected a column "${name}" in the header row`);
}

export function readPairs(file: string): Pair[] {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const head = lines
    .shift()
    ?.split(',')
    .map((s) => s.trim().toLowerCase());
  if (!head || head.length < 3)
    throw new ReaderError(ErrorCode.Usage, `${file}: expected a header file_x,file_y,Decision`);
  return lines.map((l, i) => {
    const [a, b, d] = l.split(',').map((s) => s.trim());
    if (!a || !b || !d || !/^(yes|no)$/i.test(d))
      throw new ReaderError(ErrorCode.Usage, `${file}:${i + 2}: expected file_x,file_y,Yes|No`);
    return { a, b, genuine: /^yes$/i.test(d) };
  });
}

/** `file,identity` rows: which person each photo shows. */
export function readIdentities(file: string): Map<string, string> {
  const rows = readCsv(file);
  column(rows, file, 'file');
  column(rows, file, 'identity');
  return new Map(rows.map((r) => [r.file!, r.identity!]));
}

/** `identity,cohort,...` rows (faces-lfw's identities.csv). */
export function readCohorts(file: string): Map<string, string> {
  const rows = readCsv(file);
  column(rows, file, 'identity');
  column(rows, file, 'cohort');
  return new Map(rows.map((r) => [r.identity!, r.cohort!]));
}

/** faces-lfw names: `<Person>__<n>.jpg`. */
export function identityFromName(file: string): string | undefined {
  const i = file.indexOf('__');
  return i > 0 ? file.slice(0, i) : undefined;
}

/** People as the connected groups of a pair list's genuine pairs (named by their first file). */
function identitiesFromPairs(pairs: readonly Pair[]): Map<string, string> {
  const parent = new Map<string, string>();
  const root = (x: string): string => {
    if (!parent.has(x)) parent.set(x, x);
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const p of pairs) {
    const [a, b] = [root(p.a), root(p.b)];
    if (!p.genuine || a === b) continue;
    // Names are strings: the group is named by its first file in sort order.
    const [first, second] = [a, b].sort();
    parent.set(second!, first!);
  }
  return new Map([...parent.keys()].map((f) => [f, root(f)]));
}

export interface SetOptions {
  /** Files of the set: the images of a pair list; otherwise every image in the folder. */
  readonly pairs?: readonly Pair[];
  readonly identities?: ReadonlyMap<string, string>;
  readonly cohorts?: ReadonlyMap<string, string>;
  /** A photo of no known person is a person of its own (failures to acquire need no identities). */
  readonly ownIdentity?: boolean;
}

export function listImages(dir: string, opts: SetOptions = {}): EvalImage[] {
  const files = opts.pairs
    ? [...new Set(opts.pairs.flatMap((p) => [p.a, p.b]))]
    : readdirSync(dir).filter((f) => IMAGE.test(f));
  const fromPairs = opts.pairs ? identitiesFromPairs(opts.pairs) : undefined;
  const images = files.sort().map((file) => {
    const identity =
      opts.identities?.get(file) ??
      identityFromName(file) ??
      fromPairs?.get(file) ??
      (opts.ownIdentity ? file : undefined);
    if (!identity)
      throw new ReaderError(
        ErrorCode.Usage,
        `no identity for ${file}: name the photos <person>__<n>.jpg, or pass --identities FILE (file,identity)`,
      );
    return { file, identity, cohort: opts.cohorts?.get(identity) };
  });
  if (!images.length) throw new ReaderError(ErrorCode.Usage, `${dir}: no images (jpg, png, webp, j2k)`);
  return images;
}

/**
 * At most `count` images, whole identities at a time (a person is never cut in half): in
 * name order, or drawn at random with a seed.
 */
export function selectImages(
  images: readonly EvalImage[],
  count: number,
  how: 'first' | 'sample',
  seed = 1,
): EvalImage[] {
  const byId = new Map<string, EvalImage[]>();
  for (const im of images) {
    if (!byId.has(im.identity)) byId.set(im.identity, []);
    byId.get(im.identity)!.push(im);
  }
  const ids = [...byId.keys()];
  if (how === 'sample') ids.sort((a, b) => fnv1a(a, seed) - fnv1a(b, seed) || (a < b ? -1 : 1));
  const out: EvalImage[] = [];
  for (const id of ids) {
    const group = byId.get(id)!;
    if (out.length + group.length > count) continue;
    out.push(...group);
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : 1));
}
