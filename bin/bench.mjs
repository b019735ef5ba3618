#!/usr/bin/env node
import { register } from 'tsx/esm/api';

// The benches' readerds run from readerd's build, as the appliance runs it (bin/build.mjs).
process.env.FAREADER_BUILT ??= '1';
register();
await import('../tools/bench/run.ts');
