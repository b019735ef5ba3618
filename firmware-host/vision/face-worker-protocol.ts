// Messages between WorkerFaceMatcher (main thread) and face-worker-host.ts (the worker).
import type { RgbImage } from '../../device/image/decode.js';
import type { FaceFound } from './face-matcher.js';

export type FaceRequest =
  | { readonly seq: number; readonly op: 'load' }
  | {
      readonly seq: number;
      readonly op: 'detect';
      readonly image: RgbImage;
      readonly purpose: 'live' | 'reference';
    }
  | { readonly seq: number; readonly op: 'dispose' };

export type FaceResponse =
  | { readonly seq: number; readonly ok: true; readonly faces?: FaceFound[] }
  | { readonly seq: number; readonly ok: false; readonly error: { code?: number; message: string } };
