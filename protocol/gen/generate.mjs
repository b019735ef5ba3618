#!/usr/bin/env node
// Regenerates protocol/gen/fareader.{js,d.ts} from the .proto files with protobufjs-cli.
// `--check` regenerates into a temporary folder and exits 1 when the committed code is stale.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const protoDir = join(here, '..', 'proto');
const protos = readdirSync(join(protoDir, 'fareader', 'v1'))
  .filter((f) => f.endsWith('.proto'))
  .sort()
  .map((f) => join(protoDir, 'fareader', 'v1', f));
const bin = (name) => join(root, 'node_modules', 'protobufjs-cli', 'bin', name);

function generate(outDir) {
  const js = join(outDir, 'fareader.js');
  execFileSync(
    process.execPath,
    [
      bin('pbjs'),
      '-t',
      'static-module',
      '-w',
      'es6',
      '--es6',
      '--no-beautify',
      '-p',
      protoDir,
      '-o',
      js,
      ...protos,
    ],
    { stdio: 'inherit' },
  );
  // pbjs writes `import * as $protobuf from "protobufjs/minimal"`; Node ESM needs the extension.
  writeFileSync(js, readFileSync(js, 'utf8').replace('"protobufjs/minimal"', '"protobufjs/minimal.js"'));
  execFileSync(process.execPath, [bin('pbts'), '-o', join(outDir, 'fareader.d.ts'), js], {
    stdio: 'inherit',
  });
}

if (process.argv.includes('--check')) {
  const tmp = mkdtempSync(join(tmpdir(), 'proto-gen-'));
  try {
    generate(tmp);
    const stale = ['fareader.js', 'fareader.d.ts'].filter(
      (f) => readFileSync(join(tmp, f), 'utf8') !== readFileSync(join(here, f), 'utf8'),
    );
    if (stale.length) {
      console.error(`generated protocol code is stale: ${stale.join(', ')}; run npm run proto:gen`);
      process.exit(1);
    }
    console.log('generated protocol code is up to date');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
} else {
  generate(here);
  console.log('wrote protocol/gen/fareader.js and fareader.d.ts');
}
