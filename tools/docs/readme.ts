// The README's generated blocks: each `<!-- generated:KIND ARGS -->` … `<!-- /generated -->`
// pair is rewritten from the tables the code runs on (command specs, the config schema), so
// the README cannot drift from what the programs accept. `npm run docs` writes them; a test
// fails when README.md is out of date.

import { linkSchema } from '../../firmware-host/config.js';
import { applianceSchema } from '../../firmware-host/config-appliance.js';
import { readerdCommand } from '../../firmware-host/readerd-command.js';
import { type CommandSpec, commandMarkdown } from '../../platform/cli-spec.js';
import { settingsMarkdown } from '../../platform/config-schema.js';
import { COMMANDS, readerctlCommand } from '../cli/specs/index.js';

const ALL: Readonly<Record<string, CommandSpec>> = {
  readerd: readerdCommand,
  readerctl: readerctlCommand,
  ...Object.fromEntries(
    Object.values(COMMANDS).flatMap((c) => [
      [c.name, c],
      ...(c.subcommands ?? []).flatMap((s) => (s.table ? [[s.table.name, s.table]] : [])),
    ]),
  ),
};

export type BlockRenderer = (args: string) => string;

const renderers: Readonly<Record<string, BlockRenderer>> = {
  cli: (name) => {
    const spec = Object.hasOwn(ALL, name) ? ALL[name] : undefined;
    if (!spec)
      throw new Error(`generated:cli ${name}: no such command (known: ${Object.keys(ALL).join(', ')})`);
    return commandMarkdown(spec);
  },
  // `generated:config` is the reader's own settings; `generated:config appliance` the rest.
  config: (part) => {
    if (part === '') return settingsMarkdown(linkSchema);
    if (part === 'appliance') return settingsMarkdown(applianceSchema);
    throw new Error(`generated:config ${part}: the parts are "" and "appliance"`);
  },
};

const BLOCK = /<!-- generated:(\w+)([^>]*?) -->\n[\s\S]*?<!-- \/generated -->/g;

/** README text with every generated block rewritten; unknown kinds or names throw. */
export function renderReadme(text: string, extra: Readonly<Record<string, BlockRenderer>> = {}): string {
  const all = { ...renderers, ...extra };
  return text.replace(BLOCK, (_m, kind: string, rawArgs: string) => {
    const render = Object.hasOwn(all, kind) ? all[kind] : undefined;
    if (!render) throw new Error(`generated:${kind}: no such block kind`);
    const args = rawArgs.trim();
    return `<!-- generated:${kind}${args ? ` ${args}` : ''} -->\n${render(args)}\n<!-- /generated -->`;
  });
}

/** The commands a README should document: every name a generated:cli block may use. */
export function documentedCommands(): string[] {
  return Object.keys(ALL);
}
