// The import rules (.dependency-cruiser.cjs) on the real tree, and on a small tree with one
// wrong import per rule: the checker must pass the first and name each broken rule in the second.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const FOLDERS = ['protocol', 'device', 'platform', 'firmware-host', 'sim', 'tools', 'test', 'bin'];

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

function depcruise(cwd: string, folders: string[], outputType: 'json' | 'err') {
  return spawnSync(
    process.execPath,
    [DEPCRUISE, ...folders, '--config', CONFIG, '--output-type', outputType],
    {
      cwd,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
}

function violations(cwd: string, folders: string[]): Violation[] {
  const r = depcruise(cwd, folders, 'json');
  if (!r.stdout) throw new Error(`dependency-cruiser printed nothing: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

// One file per line: path, then its source.
const FIXTURE: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }),
  'protocol/ok.ts': 'export const ok = 1;\n',
  'protocol/reads-files.ts': "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
  'protocol/uses-driver.ts': "import { d } from '../device/driver.js';\nexport const u = d;\n",
  'device/driver.ts': "import { ok } from '../protocol/ok.js';\nexport const d = ok;\n",
  'device/uses-platform.ts': "import { p } from '../platform/log.js';\nexport const x = p;\n",
  'platform/log.ts': 'export const p = 1;\n',
  'platform/uses-appliance.ts': "import { f } from '../firmware-host/reader.js';\nexport const x = f;\n",
  'firmware-host/reader.ts': "import { p } from '../platform/log.js';\nexport const f = p;\n",
  'firmware-host/opens-emulator.ts': "import { s } from '../sim/emulator.js';\nexport const x = s;\n",
  'firmware-host/uses-tool.ts': "import { t } from '../tools/tool.js';\nexport const x = t;\n",
  'sim/emulator.ts': "import { d } from '../device/driver.js';\nexport const s = d;\n",
  'sim/uses-appliance.ts': "import { f } from '../firmware-host/reader.js';\nexport const x = f;\n",
  'tools/tool.ts': "import { f } from '../firmware-host/reader.js';\nexport const t = f;\n",
  'tools/uses-emulator.ts': "import { s } from '../sim/emulator.js';\nexport const x = s;\n",
  'tools/uses-test-helper.ts': "import { h } from '../test/helper.js';\nexport const x = h;\n",
  'tools/terminal/terminal.ts': "import { f } from '../../firmware-host/reader.js';\nexport const x = f;\n",
  'tools/demo/rig.ts': "import { s } from '../../sim/emulator.js';\nexport const x = s;\n",
  'tools/missing.ts': "import { m } from './not-there.js';\nexport const x = m;\n",
  'test/helper.ts': "import { s } from '../sim/emulator.js';\nexport const h = s;\n",
  'test/a.test.ts': "import { h } from './helper.js';\nexport const x = h;\n",
};

/** The wrong imports above, each with the rule that must name it. */
const EXPECTED: [from: string, to: string, rule: string][] = [
  ['protocol/reads-files.ts', 'fs', 'protocol-no-node-builtins'],
  ['protocol/uses-driver.ts', 'device/driver.ts', 'protocol-imports-only-protocol'],
  ['device/uses-platform.ts', 'platform/log.ts', 'device-imports-protocol'],
  ['platform/uses-appliance.ts', 'firmware-host/reader.ts', 'platform-imports-device-protocol'],
  ['firmware-host/opens-emulator.ts', 'sim/emulator.ts', 'firmware-host-not-tools-or-sim'],
  ['firmware-host/opens-emulator.ts', 'sim/emulator.ts', 'sim-only-where-allowed'],
  ['firmware-host/uses-tool.ts', 'tools/tool.ts', 'firmware-host-not-tools-or-sim'],
  ['sim/uses-appliance.ts', 'firmware-host/reader.ts', 'sim-imports-below-firmware-host'],
  ['tools/uses-emulator.ts', 'sim/emulator.ts', 'sim-only-where-allowed'],
  ['tools/uses-test-helper.ts', 'test/helper.ts', 'nothing-imports-test'],
  ['tools/terminal/terminal.ts', 'firmware-host/reader.ts', 'reference-terminal-not-appliance'],
  ['tools/missing.ts', './not-there.js', 'imports-resolve'],
];

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('import rules (dependency-cruiser)', () => {
  it('the real tree keeps them', { timeout: 180_000 }, () => {
    expect(violations(ROOT, FOLDERS).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  it('a tree with wrong imports fails, naming each rule it breaks and nothing else', {
    timeout: 180_000,
  }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'fareader-import-rules-'));
    dirs.push(dir);
    for (const [path, source] of Object.entries(FIXTURE)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), source);
    }
    const folders = FOLDERS.filter((f) => f !== 'bin');
    const seen = violations(dir, folders).map((v) => [v.from, v.to, v.rule.name]);
    expect(seen.sort()).toEqual([...EXPECTED].sort());
    // What `npm run lint:imports` (inside `npm test`) sees: a failing exit and each rule's name.
    const err = depcruise(dir, folders, 'err');
    expect(err.status).not.toBe(0);
    for (const [, , rule] of EXPECTED) expect(err.stdout).toContain(rule);
  });
});
