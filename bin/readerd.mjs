#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx); no build step on the appliance image.
import { register } from 'tsx/esm/api';

register();
await import('../firmware-host/readerd.ts');
