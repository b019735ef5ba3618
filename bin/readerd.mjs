#!/usr/bin/env node
// readerd from its build (bin/build.mjs: plain JavaScript, so neither readerd nor its worker
// threads carry tsx or transpile at start); from the TypeScript sources through tsx only where
// no build of them exists and none can be written.
import { runEntry } from './build.mjs';

await runEntry('firmware-host/readerd.ts', 'readerd');
