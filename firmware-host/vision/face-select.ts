// Which detected faces count, and in what order: the patient stands in front of the camera and
// the chip photo is a centred portrait, so a face counts only if the detector is confident, it
// is not small relative to the picture, and it is not off at the edge; among those, the most
// confident and central comes first. No fallback lowers these bars: a picture without such a
// face is "no face" (failure to acquire), never a bystander (issue 11: a loose fallback once
// matched a 44×49 px face in a corner, and "largest box first" beat a 0.72 face with a 0.53 one).
import type { FaceBox } from './face-matcher.js';

export interface SelectionRule {
  /** Detector score, at least. */
  readonly minScore: number;
  /** Box width over the picture's shorter side, at least. */
  readonly minSize: number;
  /** Box centre within this fraction of the picture's width/height from its centre. */
  readonly maxOffCentre: number;
  /** Weight of the centre distance in the ranking (0: score only). */
  readonly centrality: number;
}

export const DEFAULT_SELECTION: SelectionRule = {
  minScore: 0.5,
  minSize: 0.15,
  maxOffCentre: 0.35,
  centrality: 0.5,
};

export interface Candidate {
  readonly box: FaceBox;
  readonly score: number;
}

/** Off-centre distance of the box centre: 0 at the centre, 1 at a corner. */
export function offCentre(box: FaceBox, width: number, height: number): number {
  const dx = (box.x + box.width / 2 - width / 2) / (width / 2);
  const dy = (box.y + box.height / 2 - height / 2) / (height / 2);
  return Math.min(1, Math.hypot(dx, dy) / Math.SQRT2);
}

export function eligible(c: Candidate, width: number, height: number, rule = DEFAULT_SELECTION): boolean {
  const cx = c.box.x + c.box.width / 2;
  const cy = c.box.y + c.box.height / 2;
  return (
    c.score >= rule.minScore &&
    c.box.width >= rule.minSize * Math.min(width, height) &&
    Math.abs(cx - width / 2) <= rule.maxOffCentre * width &&
    Math.abs(cy - height / 2) <= rule.maxOffCentre * height
  );
}

/** The eligible candidates, best first (score discounted by distance from the centre). */
export function selectFaces<T extends Candidate>(
  found: readonly T[],
  width: number,
  height: number,
  rule = DEFAULT_SELECTION,
): T[] {
  const rank = (c: T): number => c.score * (1 - rule.centrality * offCentre(c.box, width, height));
  return found.filter((c) => eligible(c, width, height, rule)).sort((a, b) => rank(b) - rank(a));
}

function iou(a: FaceBox, b: FaceBox): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const i = w * h;
  return i / (a.width * a.height + b.width * b.height - i);
}

/** One face per place: of boxes overlapping by IoU > 0.4, the best-scored. */
export function mergeOverlapping<T extends { box: FaceBox; score: number }>(faces: readonly T[]): T[] {
  const kept: T[] = [];
  for (const f of [...faces].sort((a, b) => b.score - a.score))
    if (kept.every((k) => iou(k.box, f.box) <= 0.4)) kept.push(f);
  return kept;
}
