#!/usr/bin/env node
// Rewrites README.md's generated blocks from the command tables and the config schema.
// `node bin/docs.mjs` writes; `--check` exits 1 when README.md is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { renderReadme } = await import('../tools/docs/readme.ts');
const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = renderReadme(before);
if (process.argv.includes('--check')) {
  if (after !== before) {
    process.stderr.write("README.md is out of date with the command tables: run 'npm run docs'\n");
    process.exit(1);
  }
} else if (after !== before) {
  writeFileSync(path, after);
  process.stdout.write('README.md: generated blocks rewritten\n');
} else process.stdout.write('README.md: up to date\n');
