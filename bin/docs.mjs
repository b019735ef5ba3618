#!/usr/bin/env node
// Rewrites README.md's generated blocks and the man pages in hardware/man/ from the command
// tables and the config schema. `node bin/docs.mjs` writes; `--check` exits 1 when either is
// out of date.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { renderReadme } = await import('../tools/docs/readme.ts');
const { renderManPages } = await import('../tools/docs/man.ts');
const check = process.argv.includes('--check');
const stale = [];
const update = (url, after, name) => {
  const before = existsSync(url) ? readFileSync(url, 'utf8') : undefined;
  if (after === before) return;
  stale.push(name);
  if (!check) writeFileSync(url, after);
};
const readme = new URL('../README.md', import.meta.url);
update(readme, renderReadme(readFileSync(readme, 'utf8')), 'README.md');
const manDir = new URL('../hardware/man/', import.meta.url);
if (!check) mkdirSync(manDir, { recursive: true });
for (const [file, text] of Object.entries(renderManPages()))
  update(new URL(file, manDir), text, `hardware/man/${file}`);
if (check) {
  if (stale.length) {
    process.stderr.write(`out of date with the command tables: ${stale.join(', ')}; run 'npm run docs'\n`);
    process.exit(1);
  }
} else process.stdout.write(stale.length ? `rewritten: ${stale.join(', ')}\n` : 'docs: up to date\n');
