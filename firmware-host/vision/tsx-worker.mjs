// A vision worker's entry when readerd runs from its TypeScript sources (tests, development):
// tsx registered in this thread, then the host module worker-rpc.ts names. The built readerd
// (bin/build.mjs) starts the host's compiled .js directly, without tsx.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.host);
