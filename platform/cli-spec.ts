// One typed table per command: its options, subcommands, exit codes and examples. The argument
// parser, `--help` and the README's command reference are all generated from it, so what a
// command accepts, what it says it accepts and what the README says cannot drift apart.
import { parseArgs } from 'node:util';
import { ErrorCode, ReaderError } from '../protocol/errors.js';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /** Applied by the parser (and shown). */
  readonly default?: string | boolean;
  /** The value's placeholder in help: FILE, N, 256|384|512, [HOST:PORT]. */
  readonly arg?: string;
  /** A default the command applies itself (it depends on other options): shown, not applied. */
  readonly shownDefault?: string;
  readonly description: string;
  /** A heading the option is listed under, for commands with many options. */
  readonly group?: string;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

export interface SubcommandSpec {
  /** One or two words: 'sign', 'trust add'. */
  readonly name: string;
  /** What follows the name in a usage line: '-k KEY -v X.Y.Z IN OUT'. */
  readonly args?: string;
  readonly summary: string;
  /** Longer prose printed by `<cmd> <sub> --help`. */
  readonly description?: string;
  /** The options of the command's table this subcommand reads. */
  readonly options?: readonly string[];
  /** A subcommand with options of its own (parsed with this table, its help printed from it). */
  readonly table?: CommandSpec;
}

export interface ExitCodeSpec {
  readonly code: number;
  readonly meaning: string;
}

export interface CommandSpec<O extends OptionTable = OptionTable> {
  /** As typed: 'readerd', 'readerctl image'. */
  readonly name: string;
  readonly summary: string;
  /** Usage lines without the name, e.g. '<sign|verify> [options]'. */
  readonly usage: readonly string[];
  readonly description?: string;
  readonly positionals?: readonly { readonly name: string; readonly description: string }[];
  readonly subcommands?: readonly SubcommandSpec[];
  /** How help titles the subcommands ('Commands' for readerctl itself). */
  readonly subcommandLabel?: string;
  readonly options: O;
  readonly exitCodes: readonly ExitCodeSpec[];
  readonly examples?: readonly string[];
  /** Prose after the options (signals, key bindings, caveats). */
  readonly notes?: string;
}

const HELP_OPTION = { type: 'boolean', short: 'h', description: 'show this help' } as const;

/** Keeps the literal option table, so parsed values are typed from it. */
export function defineCommand<const O extends OptionTable>(spec: CommandSpec<O>): CommandSpec<O> {
  for (const [name, o] of Object.entries(spec.options)) {
    if (o.default !== undefined && typeof o.default !== o.type)
      throw new Error(`${spec.name} --${name}: default is not a ${o.type}`);
  }
  for (const s of spec.subcommands ?? [])
    for (const o of s.options ?? [])
      if (!(o in spec.options)) throw new Error(`${spec.name} ${s.name}: no option --${o} in the table`);
  return spec;
}

/** What node's parseArgs needs of one option, typed so its result is typed from the table. */
type ParserOption<S extends OptionSpec> = {
  type: S['type'];
  multiple: S extends { multiple: true } ? true : false;
  default: S extends { default: infer D } ? D : undefined;
};
type ParserOptions<O extends OptionTable> = { [K in keyof O]: ParserOption<O[K]> } & {
  help: { type: 'boolean'; multiple: false; default: undefined };
};

function parserOptions<O extends OptionTable>(options: O): ParserOptions<O> {
  const out: Record<string, unknown> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, o] of Object.entries(options)) {
    out[name] = {
      type: o.type,
      ...(o.short ? { short: o.short } : {}),
      ...(o.multiple ? { multiple: true } : {}),
      ...(o.default === undefined ? {} : { default: o.default }),
    };
  }
  return out as ParserOptions<O>;
}

type ParseConfig<O extends OptionTable> = {
  options: ParserOptions<O>;
  allowPositionals: true;
  strict: true;
};
export type ParsedCommand<O extends OptionTable> = ReturnType<typeof parseArgs<ParseConfig<O>>>;

/**
 * The subcommand argv names: its first words that are not options or option values (so
 * `flash --port P upload` finds upload), longest name first ('trust add' before 'trust').
 */
export function subcommandOf(spec: CommandSpec, argv: readonly string[]): SubcommandSpec | undefined {
  const { tokens } = parseArgs({
    args: [...argv],
    options: parserOptions(spec.options),
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const words: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'option-terminator') break;
    if (t.kind === 'positional') words.push(t.value);
  }
  const subs = [...(spec.subcommands ?? [])].sort((a, b) => b.name.length - a.name.length);
  return subs.find((s) => s.name.split(' ').every((w, i) => words[i] === w));
}

/** What an error points to: 'readerctl keys trust add', or the command when no sub matched. */
export function helpTarget(spec: CommandSpec, argv: readonly string[]): string {
  const sub = subcommandOf(spec, argv);
  return sub ? `${spec.name} ${sub.name}` : spec.name;
}

/** True when argv asks for help (before any `--`, which ends the options). */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

const usage = (message: string): ReaderError => new ReaderError(ErrorCode.Usage, message);

/**
 * Parses argv against the command's table. Every refusal is one line saying which argument
 * and why (not node's paragraph); the caller that knows the whole command line points to the
 * help to read (reportError).
 */
export function parseCommand<O extends OptionTable>(
  spec: CommandSpec<O>,
  argv: string[],
  { positionals = false }: { positionals?: boolean } = {},
): ParsedCommand<O> {
  const options = parserOptions(spec.options);
  const { tokens } = parseArgs({ args: argv, options, allowPositionals: true, strict: false, tokens: true });
  const known = options as Record<string, { type: string }>;
  for (const t of tokens) {
    if (t.kind === 'positional' && !positionals) throw usage(`unexpected argument "${t.value}"`);
    if (t.kind !== 'option') continue;
    const o = known[t.name];
    if (!o || !Object.hasOwn(known, t.name)) throw usage(`unknown option ${t.rawName}`);
    if (o.type === 'string' && t.value === undefined) throw usage(`${t.rawName} needs a value`);
    if (o.type === 'boolean' && t.value !== undefined) throw usage(`${t.rawName} takes no value`);
  }
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    // Not expected after the checks above; still one line, never a stack.
    throw new ReaderError(ErrorCode.Usage, (e as Error).message, {}, { cause: e });
  }
}

// ---- rendering -------------------------------------------------------------------------------

function flagOf(name: string, o: Pick<OptionSpec, 'short' | 'arg' | 'type' | 'multiple'>): string {
  const arg = o.type === 'string' ? ` ${o.arg ?? 'VALUE'}` : '';
  return `${o.short ? `-${o.short}, ` : ''}--${name}${arg}${o.multiple ? ' …' : ''}`;
}

function defaultOf(o: OptionSpec): string | undefined {
  if (o.shownDefault !== undefined) return o.shownDefault;
  if (o.default === undefined || o.default === false) return undefined;
  return String(o.default);
}

/** Word-wraps prose to `width` columns, each line after the first indented by `indent`. */
function wrap(text: string, width: number, indent: string): string {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out.join(`\n${indent}`);
}

function optionLines(names: readonly string[], options: OptionTable, withHelp: boolean): string[] {
  const rows = names.map((n) => {
    const o = options[n]!;
    const d = defaultOf(o);
    return { flag: flagOf(n, o), text: d === undefined ? o.description : `${o.description} [${d}]`, o };
  });
  if (withHelp)
    rows.push({ flag: flagOf('help', HELP_OPTION), text: HELP_OPTION.description, o: HELP_OPTION });
  const col = Math.min(30, Math.max(...rows.map((r) => r.flag.length)) + 2);
  const lines: string[] = [];
  let group: string | undefined;
  for (const r of rows) {
    if (r.o.group !== group) {
      group = r.o.group;
      if (lines.length) lines.push('');
      if (group) lines.push(`${group}:`);
    }
    const pad = r.flag.length + 2 > col ? `\n${' '.repeat(col + 2)}` : ' '.repeat(col - r.flag.length);
    lines.push(`  ${r.flag}${pad}${wrap(r.text, 96 - col, ' '.repeat(col + 2))}`);
  }
  return lines;
}

function exitLines(codes: readonly ExitCodeSpec[]): string[] {
  return ['Exit codes:', ...codes.map((c) => `  ${String(c.code).padStart(3)}  ${c.meaning}`)];
}

/** `--help` output: the command's, or with `sub` only that subcommand's usage and options. */
export function helpText(spec: CommandSpec, sub?: SubcommandSpec): string {
  if (sub?.table) return helpText(sub.table);
  const out: string[] = [];
  if (sub) {
    out.push(
      `Usage: ${spec.name} ${sub.name}${sub.args ? ` ${sub.args}` : ''}`,
      '',
      wrap(sub.summary, 96, ''),
    );
    if (sub.description) out.push('', wrap(sub.description, 96, ''));
    if (sub.options?.length) out.push('', 'Options:', ...optionLines(sub.options, spec.options, true));
    else out.push('', 'Options:', ...optionLines([], spec.options, true));
    out.push('', ...exitLines(spec.exitCodes));
    out.push('', `See '${spec.name} --help' for the other subcommands.`);
    return out.join('\n');
  }
  out.push(...spec.usage.map((u, i) => `${i === 0 ? 'Usage: ' : '       '}${spec.name} ${u}`.trimEnd()));
  out.push('', wrap(spec.summary, 96, ''));
  if (spec.description) out.push('', wrap(spec.description, 96, ''));
  if (spec.subcommands?.length) {
    out.push('', `${spec.subcommandLabel ?? 'Subcommands'}:`);
    for (const s of spec.subcommands) {
      const head = `  ${s.name}${s.args ? ` ${s.args}` : ''}`;
      if (head.length < 16) out.push(`${head.padEnd(16)}${wrap(s.summary, 80, ' '.repeat(16))}`);
      else out.push(head, `${' '.repeat(16)}${wrap(s.summary, 80, ' '.repeat(16))}`);
    }
  }
  if (spec.positionals?.length) {
    out.push('', 'Arguments:');
    const col = Math.max(...spec.positionals.map((p) => p.name.length)) + 2;
    for (const p of spec.positionals) out.push(`  ${p.name.padEnd(col)}${p.description}`);
  }
  out.push('', 'Options:', ...optionLines(Object.keys(spec.options), spec.options, true));
  if (spec.notes) out.push('', wrap(spec.notes, 96, ''));
  if (spec.examples?.length) out.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
  out.push('', ...exitLines(spec.exitCodes));
  if (spec.subcommands?.length) {
    const what = (spec.subcommandLabel ?? 'subcommand').toLowerCase().replace(/s$/, '');
    out.push('', `Run '${spec.name} <${what}> --help' for one ${what}.`);
  }
  return out.join('\n');
}

/** The help argv asks for: a subcommand's when argv names one, else the command's. */
export function helpFor(spec: CommandSpec, argv: readonly string[]): string {
  return helpText(spec, subcommandOf(spec, argv));
}

const cell = (s: string): string => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
const code = (s: string): string => `\`${cell(s)}\``;

/** The README's reference for one command: usage, subcommands, options, exit codes. */
export function commandMarkdown(spec: CommandSpec): string {
  const out: string[] = [`**\`${spec.name}\`** — ${spec.summary}`, '', '```'];
  out.push(...spec.usage.map((u) => `${spec.name} ${u}`.trimEnd()), '```');
  if (spec.subcommands?.length) {
    out.push(
      '',
      `| ${(spec.subcommandLabel ?? 'subcommand').toLowerCase().replace(/s$/, '')} | what it does |`,
      '|---|---|',
    );
    for (const s of spec.subcommands)
      out.push(`| ${code(`${s.name}${s.args ? ` ${s.args}` : ''}`)} | ${cell(s.summary)} |`);
  }
  if (spec.positionals?.length) {
    out.push('', '| argument | meaning |', '|---|---|');
    for (const p of spec.positionals) out.push(`| ${code(p.name)} | ${cell(p.description)} |`);
  }
  out.push('', '| option | default | meaning |', '|---|---|---|');
  for (const [name, o] of Object.entries(spec.options)) {
    const d = defaultOf(o);
    out.push(`| ${code(flagOf(name, o))} | ${d === undefined ? '' : code(d)} | ${cell(o.description)} |`);
  }
  out.push('', `Exit codes: ${spec.exitCodes.map((c) => `${c.code} ${c.meaning}`).join(' · ')}.`);
  return out.join('\n');
}
