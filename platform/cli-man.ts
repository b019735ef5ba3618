// Man pages generated from the command tables (the same source as --help and the README), in
// the man(7) macros groff and mandoc read. `npm run docs` writes them to hardware/man/.
import type { CommandSpec, OptionSpec } from './cli-spec.js';

/** Text as roff: backslashes, dashes and non-ASCII escaped, no line starting with a control character. */
function roff(text: string): string {
  return (
    text
      .replaceAll('\\', '\\e')
      .replaceAll('-', '\\-')
      // Non-ASCII (—, §, 目視確認) as groff's Unicode escapes: a page needs no input encoding.
      .replace(/[^\t\n -~]/gu, (c) => `\\[u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`)
      .split('\n')
      .map((l) => (/^[.']/.test(l) ? `\\&${l}` : l))
      .join('\n')
  );
}

function flag(name: string, o: OptionSpec): string {
  const arg = o.type === 'string' ? ` \\fI${roff(o.arg ?? 'VALUE')}\\fR` : '';
  return `${o.short ? `\\fB\\-${o.short}\\fR, ` : ''}\\fB\\-\\-${roff(name)}\\fR${arg}${o.multiple ? ' ...' : ''}`;
}

/** The page's file name: `readerctl keys` → `readerctl-keys.1`. */
export function manFileName(spec: CommandSpec, section: number): string {
  return `${spec.name.replaceAll(' ', '-')}.${section}`;
}

export function manPage(
  spec: CommandSpec,
  { section, version }: { section: number; version: string },
): string {
  const title = spec.name.replaceAll(' ', '-').toUpperCase();
  const out: string[] = [
    `.\\" Generated from the command table by 'npm run docs'; do not edit.`,
    `.TH ${title} ${section} "" "fareader ${version}" "fareader"`,
    '.SH NAME',
    `${roff(spec.name.replaceAll(' ', '-'))} \\- ${roff(spec.summary)}`,
    '.SH SYNOPSIS',
    ...spec.usage.flatMap((u, i) => [...(i ? ['.br'] : []), `\\fB${roff(spec.name)}\\fR ${roff(u)}`]),
  ];
  if (spec.description) out.push('.SH DESCRIPTION', roff(spec.description));
  if (spec.subcommands?.length) {
    out.push(`.SH ${(spec.subcommandLabel ?? 'Subcommands').toUpperCase()}`);
    for (const s of spec.subcommands) {
      out.push('.TP', `\\fB${roff(s.name)}\\fR${s.args ? ` ${roff(s.args)}` : ''}`, roff(s.summary));
      if (s.description) out.push('.IP', roff(s.description));
    }
  }
  if (spec.positionals?.length) {
    out.push('.SH ARGUMENTS');
    for (const p of spec.positionals) out.push('.TP', `\\fI${roff(p.name)}\\fR`, roff(p.description));
  }
  out.push('.SH OPTIONS');
  for (const [name, o] of Object.entries(spec.options)) {
    const d =
      o.shownDefault ?? (o.default === undefined || o.default === false ? undefined : String(o.default));
    out.push(
      '.TP',
      flag(name, o),
      roff(d === undefined ? o.description : `${o.description} [default: ${d}]`),
    );
  }
  out.push('.TP', '\\fB\\-h\\fR, \\fB\\-\\-help\\fR', 'show the help');
  if (spec.notes) out.push('.SH NOTES', roff(spec.notes));
  if (spec.examples?.length) {
    out.push('.SH EXAMPLES');
    for (const e of spec.examples) out.push('.PP', '.nf', roff(e), '.fi');
  }
  out.push('.SH EXIT STATUS');
  for (const c of spec.exitCodes) out.push('.TP', `\\fB${c.code}\\fR`, roff(c.meaning));
  return `${out.join('\n')}\n`;
}
