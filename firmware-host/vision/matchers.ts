// The face matchers by id: what `readerctl face eval --matcher`, the worker thread and readerd
// construct. A plain table, so the worker can build in its thread the matcher the main thread names.
import { FaceApiMatcher } from './face-api-matcher.js';
import type { FaceMatcher } from './face-matcher.js';
import { FrFeatureMatcher } from './fr-feature-matcher.js';
import { FrOnnxMatcher } from './fr-onnx-matcher.js';
import { HumanMatcher } from './human-matcher.js';

export const MATCHER_IDS = ['fr-onnx', 'fr-onnx-live-mirror', 'fr-feature', 'face-api', 'human'] as const;
export type MatcherId = (typeof MATCHER_IDS)[number];

export interface MatcherOptions {
  readonly threshold?: number;
}

export const MATCHER_FACTORIES: Record<MatcherId, (o: MatcherOptions) => FaceMatcher> = {
  'fr-onnx': (o) => new FrOnnxMatcher(o),
  // The same with the mirror pass on live frames too: what fr-onnx was before `live1`.
  'fr-onnx-live-mirror': (o) => new FrOnnxMatcher({ ...o, liveMirror: true }),
  'fr-feature': (o) => new FrFeatureMatcher(o),
  'face-api': (o) => new FaceApiMatcher(o),
  human: (o) => new HumanMatcher(o),
};

export function isMatcherId(s: string): s is MatcherId {
  return (MATCHER_IDS as readonly string[]).includes(s);
}

export function createMatcher(id: MatcherId, o: MatcherOptions = {}): FaceMatcher {
  return MATCHER_FACTORIES[id](o);
}
