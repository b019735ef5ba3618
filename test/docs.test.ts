// The README's generated blocks (command reference, settings tables) match the tables the code
// runs on: a change to an option, an exit code or a setting without `npm run docs` fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentedCommands, renderReadme } from '../tools/docs/readme.js';

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

describe('README.md', () => {
  it("is up to date with the command tables (else run 'npm run docs')", () => {
    expect(renderReadme(readme)).toBe(readme);
  });

  it('documents every command', () => {
    for (const name of documentedCommands()) expect(readme).toContain(`<!-- generated:cli ${name} -->`);
  });

  it('a changed table makes the README out of date', () => {
    const stale = readme.replace(
      '| `--force` |  | overwrite an existing key file |',
      '| `--force` | | old |',
    );
    expect(stale).not.toBe(readme);
    expect(renderReadme(stale)).toBe(readme);
  });
});
