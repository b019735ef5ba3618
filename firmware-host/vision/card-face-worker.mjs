// Worker-thread entry of the card-face reader: the TypeScript sources through tsx (no build
// step), the reader itself in card-face-worker-host.ts.
import { register } from 'tsx/esm/api';

register();
await import('./card-face-worker-host.ts');
