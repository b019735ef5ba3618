#!/usr/bin/env node
// readerd's sources compiled to plain JavaScript (esbuild, the transpiler tsx itself runs), so
// readerd and its worker threads start without tsx: no loader thread per isolate (~26 MB each,
// measured), no transpiling at every start. One file per source file, the tree kept, in
// .build/<hash of the sources>/: a build is never stale, and two starts building at once each
// rename a whole tree into place. `npm install`/`npm ci` run it (prepare); readerd builds at
// start when it finds none for its sources and may write, else runs them through tsx.
//   node bin/build.mjs            build (if needed); prints the build's directory
//   node bin/build.mjs --check    exit 0 if a build of the current sources exists, else 1
//   node bin/build.mjs --run sim/appliance/emulated-readerd.ts ARGS…
//                                 that root from the build (the session bench's readerd)
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** What readerd and the emulated appliance's roots import (tools/ and test/ stay on tsx). */
const DIRS = ['protocol', 'device', 'platform', 'firmware-host', 'sim'];
const OUT = join(ROOT, '.build');
/** Builds kept besides the current one and those in use: the most recently used first. */
const KEEP_BUILDS = 3;
/** In a build's folder: one empty file per process running from it, named by its pid. */
const IN_USE = '.in-use';

function sources() {
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const rel = join(dir, e.name);
      if (e.isDirectory()) walk(rel);
      else if (/\.(ts|js)$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !e.name.endsWith('.d.ts'))
        files.push(rel);
    }
  };
  for (const d of DIRS) walk(d);
  return files.sort();
}

/**
 * The build directory for these sources (their paths and contents, package.json, esbuild's
 * version, and this recipe itself: a change to how they are compiled is a new build too).
 */
export function buildDir(files = sources()) {
  const h = createHash('sha256');
  const esbuild = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'esbuild', 'package.json'), 'utf8'));
  // The tree's own path too: the compiled files name the source folders absolutely.
  h.update(`esbuild ${esbuild.version}\0${ROOT}\0`);
  h.update(readFileSync(fileURLToPath(import.meta.url)));
  h.update('\0');
  for (const f of ['package.json', 'tsconfig.json', ...files]) {
    h.update(`${f}\0`);
    h.update(readFileSync(join(ROOT, f)));
    h.update('\0');
  }
  return join(OUT, h.digest('hex').slice(0, 16));
}

/** The build of the current sources, built now if there is none. */
export async function ensureBuild() {
  const files = sources();
  const dir = buildDir(files);
  if (existsSync(join(dir, 'package.json'))) return touched(dir);
  const { transform } = await import('esbuild');
  mkdirSync(OUT, { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  await Promise.all(
    files.map(async (f) => {
      const src = join(ROOT, f);
      const out = join(tmp, f.replace(/\.ts$/, '.js'));
      mkdirSync(dirname(out), { recursive: true });
      if (f.endsWith('.js')) return copyFileSync(src, out);
      const { code } = await transform(readFileSync(src, 'utf8'), {
        loader: 'ts',
        format: 'esm',
        target: 'es2022',
        sourcefile: f,
        // Files read beside the sources (the kiosk's pages, the fixtures) are read there.
        define: { 'import.meta.dirname': JSON.stringify(dirname(src)) },
      });
      writeFileSync(out, code);
    }),
  );
  // platform/cli.ts reads the version from ../package.json beside its own file.
  copyFileSync(join(ROOT, 'package.json'), join(tmp, 'package.json'));
  try {
    renameSync(tmp, dir);
  } catch (e) {
    // Another start built the same sources first: theirs is as good.
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(join(dir, 'package.json'))) throw e;
  }
  pruneBuilds(OUT, dir);
  return touched(dir);
}

/** `dir` marked as just used (its mtime): pruneBuilds keeps the most recently used. */
function touched(dir) {
  const now = new Date();
  try {
    utimesSync(dir, now, now);
  } catch {
    // A build on a read-only tree: nothing there is pruned either.
  }
  return dir;
}

/** Some process whose pid marks `dir` as in use still runs. */
function inUse(dir) {
  let pids;
  try {
    pids = readdirSync(join(dir, IN_USE));
  } catch {
    return false;
  }
  return pids.some((pid) => {
    try {
      process.kill(Number(pid), 0);
      return true;
    } catch (e) {
      // EPERM: alive, another user's.
      return e.code === 'EPERM';
    }
  });
}

/**
 * Earlier builds in `out` removed, but never `current`, one a running process started from
 * (a readerd loads modules from its build long after its start: worker hosts respawned, lazily
 * imported parts), nor the `keep` most recently used; a half-written tree after an hour (its
 * builder died: one still writing is minutes old at most).
 */
export function pruneBuilds(out, current, keep = KEEP_BUILDS) {
  const builds = [];
  for (const e of readdirSync(out)) {
    const p = join(out, e);
    if (p === current) continue;
    let mtimeMs;
    try {
      ({ mtimeMs } = statSync(p));
    } catch {
      continue; // removed meanwhile by another start's prune
    }
    if (e.includes('.tmp-')) {
      if (Date.now() - mtimeMs > 3_600_000) rmSync(p, { recursive: true, force: true });
    } else builds.push({ p, mtimeMs });
  }
  builds.sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { p } of builds.slice(keep)) if (!inUse(p)) rmSync(p, { recursive: true, force: true });
}

/** This process runs from `dir` until it exits: pruneBuilds leaves it alone meanwhile. */
function markInUse(dir) {
  const marker = join(dir, IN_USE, String(process.pid));
  try {
    mkdirSync(join(dir, IN_USE), { recursive: true });
    writeFileSync(marker, '');
  } catch {
    return; // read-only: no build there is pruned
  }
  process.on('exit', () => {
    try {
      unlinkSync(marker);
    } catch {
      // gone already
    }
  });
}

/**
 * Runs `entry` (a source path, e.g. firmware-host/readerd.ts) from the build of the current
 * sources, built now if need be; where none can be written (readerd's unit sees /opt read-only)
 * from the sources through tsx, said on stderr.
 */
export async function runEntry(entry, prog) {
  let dir;
  try {
    dir = await ensureBuild();
  } catch (e) {
    process.stderr.write(
      `${prog}: no build of these sources (${e.code ?? e.message}): running them through tsx\n`,
    );
    const { register } = await import('tsx/esm/api');
    register();
    return import(pathToFileURL(join(ROOT, entry)).href);
  }
  markInUse(dir);
  return import(pathToFileURL(join(dir, entry.replace(/\.ts$/, '.js'))).href);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv[2] === '--run') {
    const entry = process.argv[3];
    // The entry sees its own arguments, as if started directly.
    process.argv.splice(1, 3, join(ROOT, entry));
    await runEntry(entry, entry.replace(/^.*\//, '').replace(/\.ts$/, ''));
  } else if (process.argv.includes('--check'))
    process.exit(existsSync(join(buildDir(), 'package.json')) ? 0 : 1);
  else {
    const t0 = performance.now();
    const dir = await ensureBuild();
    process.stdout.write(
      `${relative(process.cwd(), dir) || dir} (${Math.round(performance.now() - t0)} ms)\n`,
    );
  }
}
