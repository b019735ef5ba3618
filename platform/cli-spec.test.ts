import { describe, expect, it } from 'vitest';
import { readerdCommand } from '../firmware-host/readerd-command.js';
import { DEFAULT_FACE_VERIFY } from '../firmware-host/vision/face-verifier.js';
import { MATCHER_IDS } from '../firmware-host/vision/matchers.js';
import { isReaderError, type ReaderError } from '../protocol/errors.js';
import { FACE_MATCHER_IDS } from '../tools/cli/specs/face.js';
import { COMMANDS, readerctlCommand } from '../tools/cli/specs/index.js';
import { commandMarkdown, defineCommand, helpFor, helpTarget, helpText, parseCommand } from './cli-spec.js';

const spec = defineCommand({
  name: 'tool thing',
  summary: 'a test command',
  usage: ['<a|b sub> [options]'],
  subcommands: [
    { name: 'a', summary: 'first', options: ['out'] },
    { name: 'b sub', args: 'FILE', summary: 'second', options: ['count', 'verbose'] },
  ],
  options: {
    out: { type: 'string', arg: 'FILE', description: 'where to write' },
    count: { type: 'string', arg: 'N', default: '3', description: 'how many' },
    verbose: { type: 'boolean', short: 'v', description: 'say more' },
    tag: { type: 'string', multiple: true, arg: 'T', description: 'tags' },
  },
  exitCodes: [
    { code: 0, meaning: 'ok' },
    { code: 2, meaning: 'usage' },
    { code: 7, meaning: 'the thing broke' },
  ],
});

function refusal(argv: string[], positionals = false): ReaderError {
  try {
    parseCommand(spec, argv, { positionals });
  } catch (e) {
    if (isReaderError(e)) return e;
    throw e;
  }
  throw new Error(`accepted ${argv.join(' ')}`);
}

describe('a command table', () => {
  it('parses typed values with the defaults it lists', () => {
    const { values, positionals } = parseCommand(spec, ['b', 'sub', '-v', '--tag', 'x', '--tag=y', 'f'], {
      positionals: true,
    });
    expect(values).toEqual({ count: '3', verbose: true, tag: ['x', 'y'] });
    expect(positionals).toEqual(['b', 'sub', 'f']);
    // Typed from the table: a string, a boolean, a list.
    const n: string = values.count;
    const tags: string[] | undefined = values.tag;
    expect([n, tags]).toEqual(['3', ['x', 'y']]);
  });

  it('refuses in one line, naming the argument', () => {
    for (const [argv, msg] of [
      [['--bogus'], 'unknown option --bogus'],
      [['-q'], 'unknown option -q'],
      [['--constructor'], 'unknown option --constructor'],
      [['--out'], '--out needs a value'],
      [['--verbose=yes'], '--verbose takes no value'],
      [['stray'], 'unexpected argument "stray"'],
    ] as const) {
      const e = refusal([...argv]);
      expect(e.codeName).toBe('Usage');
      expect(e.message).toBe(msg);
      expect(e.message).not.toContain('\n');
    }
  });

  it('finds the subcommand argv names, after options too', () => {
    expect(helpTarget(spec, ['b', 'sub', '--bogus'])).toBe('tool thing b sub');
    expect(helpTarget(spec, ['--out', 'x', 'a'])).toBe('tool thing a');
    expect(helpTarget(spec, ['b'])).toBe('tool thing');
    expect(helpTarget(spec, ['--', 'a'])).toBe('tool thing');
  });

  it("prints a subcommand's help with only its options, and the exit codes", () => {
    const sub = helpFor(spec, ['b', 'sub']);
    expect(sub).toMatch(/^Usage: tool thing b sub FILE/);
    expect(sub).toMatch(/--count N\s+how many \[3\]/);
    expect(sub).toMatch(/-v, --verbose\s+say more/);
    expect(sub).not.toContain('--out');
    expect(sub).toMatch(/Exit codes:\n\s+0 {2}ok\n\s+2 {2}usage\n\s+7 {2}the thing broke/);
    const all = helpText(spec);
    for (const o of ['--out FILE', '--count N', '--tag T', '-h, --help']) expect(all).toContain(o);
  });

  it('renders a README table with escaped cells', () => {
    const md = commandMarkdown(spec);
    expect(md).toContain('| `--count N` | `3` | how many |');
    expect(md).toContain('| `b sub FILE` | second |');
    expect(md).toContain('Exit codes: 0 ok · 2 usage · 7 the thing broke.');
  });

  it('refuses a table whose subcommand names an option it lacks', () => {
    expect(() =>
      defineCommand({
        name: 'x',
        summary: '',
        usage: [],
        subcommands: [{ name: 's', summary: '', options: ['nope'] }],
        options: {},
        exitCodes: [],
      }),
    ).toThrow(/no option --nope/);
  });
});

describe('the shipped tables', () => {
  const all = [readerdCommand, readerctlCommand, ...Object.values(COMMANDS)];

  it.each(all.map((c) => [c.name, c] as const))('%s: --help lists every exit code and option', (_n, c) => {
    const help = helpText(c);
    expect(c.exitCodes.map((x) => x.code)).toContain(2);
    for (const x of c.exitCodes) expect(help).toMatch(new RegExp(`^ +${x.code} {2}\\S`, 'm'));
    for (const o of Object.keys(c.options)) expect(help).toContain(`--${o}`);
    for (const s of c.subcommands ?? []) expect(helpText(c, s)).toContain('Exit codes:');
  });

  it("face's matcher list and attempts are the appliance's", () => {
    expect([...FACE_MATCHER_IDS]).toEqual([...MATCHER_IDS]);
    expect(COMMANDS.face!.options.attempts!.shownDefault).toBe(
      `${DEFAULT_FACE_VERIFY.attempts}, the appliance's`,
    );
  });
});
