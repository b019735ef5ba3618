// Messages between WorkerCardFaceReader (main thread) and card-face-worker-host.ts (the worker).
import type { CardFaceRead } from './card-face-reader.js';

export type CardFaceRequest =
  | { readonly seq: number; readonly op: 'init' }
  | { readonly seq: number; readonly op: 'read'; readonly image: Uint8Array }
  | { readonly seq: number; readonly op: 'close' };

export type CardFaceResponse =
  | { readonly seq: number; readonly ok: true; readonly read?: CardFaceRead }
  | { readonly seq: number; readonly ok: false; readonly error: { code?: number; message: string } };
