// Bash completion and the man pages come from the command tables (issue 16, item 5): bash
// itself completes with the script readerctl prints, and groff renders every page cleanly.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../tools/cli/specs/index.js';
import { renderManPages } from '../../tools/docs/man.js';
import { readerctlBin } from '../helpers/readerctl.js';
import { missing } from '../helpers/system.js';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'fareader-completion-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const script = join(dir, 'readerctl.bash');
const printed = spawnSync(process.execPath, [readerctlBin, 'completion', 'bash'], { encoding: 'utf8' });
writeFileSync(script, printed.stdout);

/** What bash offers for the line so far (the last word being completed). */
function complete(line: string): string[] {
  const words = line.split(' ');
  const r = spawnSync(
    'bash',
    [
      '-c',
      `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); _readerctl; printf '%s\\n' "\${COMPREPLY[@]}"`,
      'bash',
      script,
      ...words,
    ],
    { encoding: 'utf8', cwd: dir },
  );
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('readerctl completion bash', () => {
  it('prints a script bash accepts', () => {
    expect(printed.status).toBe(0);
    expect(spawnSync('bash', ['-n', script]).status).toBe(0);
  });

  it('completes commands, subcommands (two words too), options and their choices from the tables', () => {
    expect(complete('readerctl ')).toEqual(expect.arrayContaining(Object.keys(COMMANDS)));
    expect(complete('readerctl ke')).toEqual(['keys']);
    expect(complete('readerctl keys tr')).toEqual(['trust']);
    expect(complete('readerctl keys trust ').sort()).toEqual(['add', 'list', 'remove']);
    expect(complete('readerctl keys create --r')).toEqual(['--role']);
    expect(complete('readerctl keys create --role ').sort()).toEqual(['device', 'terminal']);
    expect(complete('readerctl flash upload --te')).toEqual(['--test']);
    // Only the options the subcommand reads: keys show has no --role.
    expect(complete('readerctl keys show --')).not.toContain('--role');
    expect(complete('readerctl keys show --')).toEqual(expect.arrayContaining(['--key', '--json', '--help']));
    // Every subcommand's first word is offered after its command.
    for (const [word, spec] of Object.entries(COMMANDS)) {
      const firsts = [...new Set((spec.subcommands ?? []).map((s) => s.name.split(' ')[0]!))];
      if (firsts.length) expect(complete(`readerctl ${word} `).sort(), word).toEqual(firsts.sort());
    }
    // A file argument: names of files.
    writeFileSync(join(dir, 'fw.img'), '');
    expect(complete('readerctl image info fw')).toEqual(['fw.img']);
  });
});

describe('man pages', () => {
  const pages = renderManPages();

  it('hardware/man/ holds every page as npm run docs writes it', () => {
    expect(Object.keys(pages)).toEqual(
      expect.arrayContaining(['readerd.8', 'readerctl.1', 'readerctl-keys.1', 'readerctl-completion.1']),
    );
    for (const [file, text] of Object.entries(pages))
      expect(readFileSync(join(root, 'hardware', 'man', file), 'utf8'), file).toBe(text);
  });

  it.skipIf(missing('groff', 'groff'))(
    'each renders with groff without a warning, exit codes included',
    () => {
      for (const [file, text] of Object.entries(pages)) {
        const r = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z'], { input: text, encoding: 'utf8' });
        expect(r.stderr, file).toBe('');
        expect(r.status).toBe(0);
      }
      const keys = spawnSync('groff', ['-man', '-Tascii', '-P-c', '-P-b', '-P-u'], {
        input: pages['readerctl-keys.1'],
        encoding: 'utf8',
      }).stdout;
      expect(keys).toMatch(/EXIT STATUS/);
      expect(keys).toMatch(/--role device\|terminal/);
      expect(keys).toMatch(/key file problem/);
    },
  );
});

describe("npm start's options", () => {
  const demo = (...args: string[]) =>
    spawnSync(process.execPath, [join(root, 'bin', 'demo.mjs'), ...args], { encoding: 'utf8' });

  it('come from a table: --help lists every option and the exit codes; a wrong one is one line, 2', () => {
    const help = demo('--help');
    expect(help.status).toBe(0);
    for (const o of ['--interactive', '--bench', '--dir DIR', '--verbose', '--stay'])
      expect(help.stdout).toContain(o);
    expect(help.stdout).toMatch(/Exit codes:/);
    const bad = demo('--frob');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([
      "npm start --: unknown option --frob [Usage]. Try 'npm start -- --help'.",
    ]);
  });
});
