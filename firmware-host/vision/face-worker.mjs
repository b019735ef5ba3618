// Worker-thread entry: the TypeScript sources run through tsx here too (no build step), and the
// worker hosts the face models (face-worker-host.ts).
import { register } from 'tsx/esm/api';

register();
await import('./face-worker-host.ts');
