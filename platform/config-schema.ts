// A configuration schema as a plain typed table: each field knows its type, default, range or
// values, and what it means. From one table come the parser (every problem named by its
// `$.path`, all of them reported at once), the unknown-key check, the TypeScript type
// (`Infer<typeof schema>`) and the README's settings table (`settingsMarkdown`).
import { resolve } from 'node:path';

/** What a parse is given: where relative paths start, plus whatever earlier settings decided. */
export interface ParseContext<E = unknown> {
  readonly problems: string[];
  readonly baseDir: string;
  readonly env: E;
}

/** One row of the README's settings table. */
export interface SettingDoc {
  readonly path: string;
  readonly type: string;
  readonly default: string;
  readonly description: string;
}

export interface Field<T, E = unknown> {
  /** `v` is the raw JSON value (undefined when absent); `path` is where it sits ('$.link.ackTimeoutMs'). */
  parse(v: unknown, path: string, cx: ParseContext<E>): T;
  /** Rows for the settings table; `path` is this field's path relative to the root. */
  docs(path: string): SettingDoc[];
  /** Set on fields that may be absent from their object (`key?:` in the type). */
  readonly optional?: true;
}

export type Infer<F> = F extends { parse(v: unknown, path: string, cx: never): infer T } ? T : never;

type Json = Record<string, unknown>;
type Check<T, E> = (v: T, cx: ParseContext<E>) => string | undefined;

interface Common<T, E> {
  readonly description: string;
  /** A default that depends on earlier settings (the board profile); wins over `default`. */
  readonly defaultFrom?: (cx: ParseContext<E>) => T | undefined;
  /** Shown in the settings table when the default is not a plain value ('from `board`'). */
  readonly defaultText?: string;
  /** A further rule; its message follows the path (`$.deviceId: …`). */
  readonly check?: Check<T, E>;
}

const got = (v: unknown): string => JSON.stringify(v);
const fmt = (v: unknown): string => (v === undefined ? '' : `\`${typeof v === 'string' ? v : got(v)}\``);

function checked<T, E>(c: Common<T, E>, v: T, path: string, cx: ParseContext<E>): T {
  const problem = c.check?.(v, cx);
  if (problem) cx.problems.push(`${path}: ${problem}`);
  return v;
}

function leaf<T, E>(type: string, dflt: string, c: Common<T, E>, parse: Field<T, E>['parse']): Field<T, E> {
  return {
    parse,
    docs: (path) => [{ path, type, default: c.defaultText ?? dflt, description: c.description }],
  };
}

/** A non-empty string; `default` makes it optional with that value. */
export function str<E = unknown>(c: Common<string, E> & { readonly default?: string }): Field<string, E> {
  return leaf('string', c.default === undefined ? 'required' : fmt(c.default), c, (v, path, cx) => {
    const dflt = c.defaultFrom?.(cx) ?? c.default;
    if (v === undefined && dflt !== undefined) return dflt;
    if (typeof v !== 'string' || v.length === 0) {
      cx.problems.push(`${path}: ${v === undefined ? 'is required' : 'must be a non-empty string'}`);
      return '';
    }
    return checked(c, v, path, cx);
  });
}

/** A file or folder path, resolved against the configuration file's folder. */
export function file<E = unknown>(c: Common<string, E> & { readonly default?: string }): Field<string, E> {
  const s = str(c);
  return {
    parse: (v, path, cx) => {
      const p = s.parse(v, path, cx);
      return p ? resolve(cx.baseDir, p) : p;
    },
    docs: (path) => s.docs(path).map((d) => ({ ...d, type: 'path' })),
  };
}

export function int<E = unknown>(
  c: Common<number, E> & { readonly min: number; readonly max: number; readonly default: number },
): Field<number, E> {
  return leaf(`${c.min}–${c.max}`, fmt(c.default), c, (raw, path, cx) => {
    const dflt = c.defaultFrom?.(cx) ?? c.default;
    const v = raw ?? dflt;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < c.min || v > c.max) {
      cx.problems.push(`${path}: must be a whole number from ${c.min} to ${c.max} (got ${got(v)})`);
      return dflt;
    }
    return checked(c, v, path, cx);
  });
}

export function bool<E = unknown>(c: Common<boolean, E> & { readonly default: boolean }): Field<boolean, E> {
  return leaf('boolean', fmt(c.default), c, (raw, path, cx) => {
    const v = raw ?? c.default;
    if (typeof v !== 'boolean') {
      cx.problems.push(`${path}: must be true or false (got ${got(v)})`);
      return c.default;
    }
    return v;
  });
}

export function oneOf<const V extends string, E = unknown>(
  values: readonly V[],
  c: Common<V, E> & { readonly default: V },
): Field<V, E> {
  return leaf(values.map((x) => `\`${x}\``).join(' \\| '), fmt(c.default), c, (raw, path, cx) => {
    const v = raw ?? c.default;
    if (!values.includes(v as V)) {
      cx.problems.push(`${path}: must be one of ${values.join(', ')} (got ${got(v)})`);
      return c.default;
    }
    return checked(c, v as V, path, cx);
  });
}

/** A list of distinct values from `values` (in the order given); default: all of them. */
export function listOf<const V extends string, E = unknown>(
  values: readonly V[],
  c: Common<readonly V[], E>,
): Field<readonly V[], E> {
  return leaf(`list of ${values.map((x) => `\`${x}\``).join(', ')}`, 'all', c, (raw, path, cx) => {
    const v = raw ?? values;
    if (!Array.isArray(v) || v.some((k) => !values.includes(k as V))) {
      cx.problems.push(`${path}: a list of ${values.join(', ')}`);
      return [];
    }
    return v as V[];
  });
}

/** `field`'s value turned into another (a module name resolved when it is a relative path). */
export function mapped<T, U, E>(field: Field<T, E>, to: (v: T, cx: ParseContext<E>) => U): Field<U, E> {
  return { parse: (v, path, cx) => to(field.parse(v, path, cx), cx), docs: field.docs };
}

/** Any JSON object, passed on as it is (a plugin's own options). */
export function anyObject<E = unknown>(c: Common<Json, E>): Field<Readonly<Json>, E> {
  return leaf('object', '`{}`', c, (v, path, cx) => objectAt(v, path, cx));
}

/** A map whose keys match `key` (else `message`), each value parsed by `value`. */
export function record<T, E = unknown>(
  key: RegExp,
  message: string,
  value: Field<T, E>,
  c: Common<Readonly<Record<string, T>>, E>,
): Field<Readonly<Record<string, T>>, E> {
  return leaf('object', c.defaultText ?? '', c, (raw, path, cx) => {
    const o = objectAt(raw, path, cx);
    const out: Record<string, T> = {};
    for (const k of Object.keys(o)) {
      if (!key.test(k)) cx.problems.push(`${path}.${k}: ${message}`);
      else out[k] = value.parse(o[k], `${path}.${k}`, cx);
    }
    return out;
  });
}

/**
 * Absent stays absent (undefined), or takes what `absent` gives (the board profile's); present
 * is parsed by `field`.
 */
export function optional<T, E>(
  field: Field<T, E>,
  defaultText = '—',
  absent?: (cx: ParseContext<E>) => T | undefined,
): Field<T | undefined, E> & { optional: true } {
  return {
    optional: true,
    parse: (v, path, cx) => (v === undefined ? absent?.(cx) : field.parse(v, path, cx)),
    docs: (path) => field.docs(path).map((d) => (d.path === path ? { ...d, default: defaultText } : d)),
  };
}

function objectAt<E>(v: unknown, path: string, cx: ParseContext<E>): Json {
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    cx.problems.push(`${path}: must be an object`);
    return {};
  }
  return v as Json;
}

type Fields<E> = Readonly<Record<string, Field<unknown, E>>>;
type Prettify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<F> = Prettify<
  { readonly [K in keyof F as F[K] extends { optional: true } ? never : K]: Infer<F[K]> } & {
    readonly [K in keyof F as F[K] extends { optional: true } ? K : never]?: Infer<F[K]>;
  }
>;

interface ObjectOptions<T, E> {
  /** What the object is, for the settings table (a row of its own when given). */
  readonly description?: string;
  /** The object used when the key is absent (e.g. from the board profile); undefined: parse `{}`. */
  readonly whenAbsent?: (cx: ParseContext<E>) => T | undefined;
  /** A rule across the object's fields; its message follows the object's path. */
  readonly check?: Check<T, E>;
  /** Keys the object accepts besides its fields (parsed by its owner). */
  readonly alsoKnown?: readonly string[];
  /** Leave the unknown-key check to the owner, who parses the same JSON object too. */
  readonly keysCheckedElsewhere?: boolean;
  readonly defaultText?: string;
}

/** The unknown-key check, then each field at `path.key`. Absent: `{}` (its fields' defaults). */
export function object<const F extends Fields<E>, E = unknown>(
  fields: F,
  o: ObjectOptions<ObjectOf<F>, E> = {},
): Field<ObjectOf<F>, E> {
  const known = [...Object.keys(fields), ...(o.alsoKnown ?? [])];
  return {
    parse: (raw, path, cx) => {
      if (raw === undefined && o.whenAbsent) {
        const fromAbsent = o.whenAbsent(cx);
        if (fromAbsent !== undefined) return fromAbsent;
      }
      const v = objectAt(raw, path, cx);
      if (!o.keysCheckedElsewhere)
        for (const k of Object.keys(v))
          if (!known.includes(k)) cx.problems.push(`${path}.${k}: unknown setting`);
      const out: Record<string, unknown> = {};
      for (const [k, f] of Object.entries(fields)) {
        const x = f.parse(v[k], `${path}.${k}`, cx);
        if (x !== undefined || !f.optional) out[k] = x;
      }
      const value = out as ObjectOf<F>;
      const problem = o.check?.(value, cx);
      if (problem) cx.problems.push(`${path}: ${problem}`);
      return value;
    },
    docs: (path) => [
      ...(o.description
        ? [{ path, type: 'object', default: o.defaultText ?? '', description: o.description }]
        : []),
      ...Object.entries(fields).flatMap(([k, f]) => f.docs(path ? `${path}.${k}` : k)),
    ],
  };
}

type VariantsOf<Tag extends string, V> = {
  [K in keyof V & string]: Prettify<{ readonly [P in Tag]: K } & ObjectOf<V[K]>>;
}[keyof V & string];

/**
 * One of several object shapes, chosen by the string at `tag` (`kind: "v4l2" | "still"`): the
 * tag's values, default and the unknown-key check come from the variant chosen.
 */
export function variants<
  const Tag extends string,
  const V extends Readonly<Record<string, Fields<E>>>,
  E = unknown,
>(
  tag: Tag,
  shapes: V,
  o: ObjectOptions<VariantsOf<Tag, V>, E> & {
    readonly default: (keyof V & string) | ((cx: ParseContext<E>) => keyof V & string);
  },
): Field<VariantsOf<Tag, V>, E> {
  const names = Object.keys(shapes) as (keyof V & string)[];
  const built = Object.fromEntries(
    names.map((n) => [n, object(shapes[n] as Fields<E>, { alsoKnown: [tag] })]),
  ) as Record<string, Field<Json, E>>;
  return {
    parse: (raw, path, cx) => {
      if (raw === undefined && o.whenAbsent) {
        const fromAbsent = o.whenAbsent(cx);
        if (fromAbsent !== undefined) return fromAbsent;
      }
      const v = objectAt(raw, path, cx);
      const dflt = typeof o.default === 'function' ? o.default(cx) : o.default;
      const t = oneOf<keyof V & string, E>(names, { default: dflt, description: '' }).parse(
        v[tag],
        `${path}.${tag}`,
        cx,
      );
      const value = { [tag]: t, ...built[t]!.parse(v, path, cx) } as VariantsOf<Tag, V>;
      const problem = o.check?.(value, cx);
      if (problem) cx.problems.push(`${path}: ${problem}`);
      return value;
    },
    docs: (path) => {
      const dflt = o.defaultText ?? (typeof o.default === 'string' ? `\`${o.default}\`` : '');
      const rows: SettingDoc[] = [
        ...(o.description ? [{ path, type: 'object', default: '', description: o.description }] : []),
        {
          path: `${path}.${tag}`,
          type: names.map((n) => `\`${n}\``).join(' \\| '),
          default: dflt,
          description: `which kind; a row marked (${tag} …) applies to that kind only`,
        },
      ];
      // A field several variants share alike is one row, marked with the variants that have it.
      const seen = new Map<string, { doc: SettingDoc; in: string[] }>();
      for (const n of names) {
        for (const [k, f] of Object.entries(shapes[n]!)) {
          for (const d of f.docs(`${path}.${k}`)) {
            const key = JSON.stringify(d);
            const s = seen.get(key);
            if (s) s.in.push(n);
            else seen.set(key, { doc: d, in: [n] });
          }
        }
      }
      for (const { doc, in: ins } of seen.values()) {
        const only = ins.length === names.length ? '' : ` (${tag} ${ins.map((i) => `\`${i}\``).join(', ')})`;
        rows.push({ ...doc, description: `${doc.description}${only}` });
      }
      return rows;
    },
  };
}

/** Parses `raw` against `schema`; the problems are returned, never thrown. */
export function parseWith<T, E>(
  schema: Field<T, E>,
  raw: unknown,
  baseDir: string,
  env: E,
): { value: T; problems: string[] } {
  const cx: ParseContext<E> = { problems: [], baseDir, env };
  const value = schema.parse(raw, '$', cx);
  return { value, problems: cx.problems };
}

/** The README's settings table for `schema` (or the rows under `prefix`). */
export function settingsMarkdown(schema: Field<unknown, never>, keep?: (path: string) => boolean): string {
  const rows = schema.docs('').filter((d) => d.path && (!keep || keep(d.path)));
  const cell = (s: string): string => s.replaceAll('\n', ' ');
  return [
    '| setting | type | default | meaning |',
    '|---|---|---|---|',
    ...rows.map((d) => `| \`${d.path}\` | ${cell(d.type)} | ${cell(d.default)} | ${cell(d.description)} |`),
  ].join('\n');
}
