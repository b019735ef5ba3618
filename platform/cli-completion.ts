// Bash completion generated from the command tables, like --help and the README: a command,
// subcommand or option added to a table completes without anyone editing a script.
import type { CommandSpec, OptionTable, SubcommandSpec } from './cli-spec.js';

const q = (s: string): string => `'${s.replaceAll("'", "'\\''")}'`;

/** The options a subcommand reads: its own table's, its list, or the whole command's. */
function optionsOf(spec: CommandSpec, sub?: SubcommandSpec): { names: string[]; table: OptionTable } {
  if (sub?.table) return { names: Object.keys(sub.table.options), table: sub.table.options };
  return { names: sub?.options ? [...sub.options] : Object.keys(spec.options), table: spec.options };
}

function flags(names: readonly string[], table: OptionTable): string {
  return [
    ...names.flatMap((n) => [`--${n}`, ...(table[n]?.short ? [`-${table[n]!.short}`] : [])]),
    '--help',
  ].join(' ');
}

/** Words an option's value may be, when its placeholder lists them (`device|terminal`). */
function choices(arg: string | undefined): string[] | undefined {
  if (!arg?.includes('|')) return undefined;
  const words = arg.replace(/^\[|\]$/g, '').split('|');
  return words.every((w) => /^[a-z0-9][a-z0-9-]*$/.test(w)) ? words : undefined;
}

/**
 * A bash script defining `_<prog>` and registering it with `complete`. `commands`: each
 * command of `root` by its first word (`keys` → readerctl keys' table).
 */
export function bashCompletion(root: CommandSpec, commands: Readonly<Record<string, CommandSpec>>): string {
  const prog = root.name;
  const fn = `_${prog.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const subsCase: string[] = [];
  const optsCase: string[] = [];
  const valuesCase: string[] = [];
  for (const [word, spec] of Object.entries(commands)) {
    // Next words after each subcommand prefix: '' → create show … trust; 'trust' → add list remove.
    const next = new Map<string, Set<string>>();
    for (const s of spec.subcommands ?? []) {
      const parts = s.name.split(' ');
      parts.forEach((p, i) => {
        const at = parts.slice(0, i).join(' ');
        if (!next.has(at)) next.set(at, new Set());
        next.get(at)!.add(p);
      });
    }
    for (const [at, words] of next)
      subsCase.push(`    ${q(`${word} ${at}`.trim())}) echo ${q([...words].join(' '))} ;;`);
    for (const s of spec.subcommands ?? []) {
      const o = optionsOf(spec, s);
      optsCase.push(`    ${q(`${word} ${s.name}`)}) echo ${q(flags(o.names, o.table))} ;;`);
    }
    const all = optionsOf(spec);
    optsCase.push(`    ${q(word)}*) echo ${q(flags(all.names, all.table))} ;;`);
    const tables = [
      spec.options,
      ...(spec.subcommands ?? []).flatMap((s) => (s.table ? [s.table.options] : [])),
    ];
    for (const table of tables)
      for (const [name, o] of Object.entries(table)) {
        if (o.type !== 'string') continue;
        const c = choices(o.arg);
        const forms = [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]
          .map((f) => q(`${word} ${f}`))
          .join('|');
        valuesCase.push(
          `    ${forms}) ${c ? `COMPREPLY=($(compgen -W ${q(c.join(' '))} -- "$cur"))` : 'COMPREPLY=($(compgen -f -- "$cur"))'}; return 0 ;;`,
        );
      }
  }
  const top = [...Object.keys(commands), ...flags(Object.keys(root.options), root.options).split(' ')].join(
    ' ',
  );
  return `# bash completion for ${prog}, generated from its command tables ('${prog} completion bash').
# Install: ${prog} completion bash > /etc/bash_completion.d/${prog}   (or source it from ~/.bashrc)
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local cmd="\${COMP_WORDS[1]}" path="" w i
  if (( COMP_CWORD == 1 )); then
    COMPREPLY=($(compgen -W ${q(top)} -- "$cur")); return 0
  fi
  # An option's value: its listed choices, else file names.
  case "$cmd $prev" in
${[...new Set(valuesCase)].join('\n')}
  esac
  # The subcommand so far: the words after the command up to the first option.
  for (( i = 2; i < COMP_CWORD; i++ )); do
    w="\${COMP_WORDS[i]}"; [[ $w == -* ]] && break; path="\${path:+$path }$w"
  done
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(case "$cmd\${path:+ $path}" in
${optsCase.join('\n')}
    esac)" -- "$cur")); return 0
  fi
  COMPREPLY=($(compgen -W "$(case "$cmd\${path:+ $path}" in
${subsCase.join('\n')}
  esac)" -- "$cur"))
  [[ \${#COMPREPLY[@]} -eq 0 ]] && COMPREPLY=($(compgen -f -- "$cur"))
  return 0
}
complete -F ${fn} ${prog}
`;
}
