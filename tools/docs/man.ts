// The man pages `npm run docs` writes to hardware/man/: readerd(8), readerctl(1) and one page
// per readerctl command, from the tables --help prints.
import { readerdCommand } from '../../firmware-host/readerd-command.js';
import { packageVersion } from '../../platform/cli.js';
import { manFileName, manPage } from '../../platform/cli-man.js';
import { COMMANDS, readerctlCommand } from '../cli/specs/index.js';

/** File name → page text. */
export function renderManPages(): Record<string, string> {
  const version = packageVersion();
  const pages: [typeof readerdCommand | (typeof COMMANDS)[string], number][] = [
    [readerdCommand, 8],
    [readerctlCommand, 1],
    ...Object.values(COMMANDS).flatMap((c) => [
      [c, 1] as [typeof c, number],
      ...(c.subcommands ?? []).flatMap((s) => (s.table ? [[s.table, 1] as [typeof c, number]] : [])),
    ]),
  ];
  return Object.fromEntries(
    pages.map(([spec, section]) => [manFileName(spec, section), manPage(spec, { section, version })]),
  );
}
