// Landmark-driven warps of one face photo, for the emulated patient in front of the face camera:
// the eyelids close as a curtain of lid skin drawn down over the eye, and the head turns and nods
// as a mesh over a depth proxy built from the 68 landmarks (a face's front rounded off toward the
// jaw line and brows, a ridge along the nose), turned in 3-D with a depth buffer (head-mesh.ts),
// so the nose moves across the cheeks and hides the far one as on a real head and unlike on a
// photo. Every output pixel samples (bilinear) the photo point it came from.
import type { RgbImage } from '../../device/image/decode.js';
import { type HeadShape, headMap, turnPoint } from './head-mesh.js';

export type Point = readonly [number, number];

/** Where the face sits in the frame and how it is posed; angles in radians. */
export interface Pose {
  /** Frame position of the face centre (between the eyes and the nose tip). */
  readonly cx: number;
  readonly cy: number;
  /** Frame pixels per photo pixel. */
  readonly scale: number;
  readonly roll: number;
  /** Positive moves the nose toward +x in the frame. */
  readonly yaw: number;
  /** Positive moves the nose toward +y (a nod down). */
  readonly pitch: number;
  /** 0 open … 1 closed, each eye (left in the image first). */
  readonly eyes: readonly [number, number];
}

interface EyeModel {
  readonly c: Point;
  readonly ex: Point;
  readonly hw: number;
  readonly top: number;
  readonly bottom: number;
}

/** The photo's face geometry, computed once from its 68 landmarks. */
export interface FaceModel {
  readonly centre: Point;
  /** Half the jaw width, photo px. */
  readonly a: number;
  readonly nose: Point;
  readonly bridge: Point;
  readonly eyes: readonly [EyeModel, EyeModel];
  readonly eyeDistance: number;
}

const mean = (pts: readonly Point[]): [number, number] => [
  pts.reduce((s, p) => s + p[0], 0) / pts.length,
  pts.reduce((s, p) => s + p[1], 0) / pts.length,
];

function eyeModel(l: readonly Point[], i: number): EyeModel {
  const c = mean(l.slice(i, i + 6));
  const dx = l[i + 3]![0] - l[i]![0];
  const dy = l[i + 3]![1] - l[i]![1];
  const len = Math.hypot(dx, dy) || 1;
  const ex: Point = [dx / len, dy / len];
  // Distance of a lid point from the eye's axis (positive downward in the eye's frame).
  const b = (p: Point): number => -(p[0] - c[0]) * ex[1] + (p[1] - c[1]) * ex[0];
  // Landmark lids sit inside the visible eye (the iris shows above and below them): the
  // lids are taken a little outside, never thinner than an open eye is.
  const top = 1.3 * Math.max(0.2 * len, -(b(l[i + 1]!) + b(l[i + 2]!)) / 2);
  const bottom = 1.3 * Math.max(0.15 * len, (b(l[i + 4]!) + b(l[i + 5]!)) / 2);
  return { c, ex, hw: 0.56 * len, top, bottom };
}

export function faceModel(l: readonly Point[]): FaceModel {
  const jawW = Math.hypot(l[16]![0] - l[0]![0], l[16]![1] - l[0]![1]);
  const eyes: [EyeModel, EyeModel] = [eyeModel(l, 36), eyeModel(l, 42)];
  const eyeMid = mean([eyes[0].c, eyes[1].c]);
  return {
    centre: mean([eyeMid, l[30]!]),
    a: jawW / 2,
    nose: l[30]!,
    bridge: l[27]!,
    eyes,
    eyeDistance: Math.hypot(eyes[1].c[0] - eyes[0].c[0], eyes[1].c[1] - eyes[0].c[1]),
  };
}

/**
 * The live head's depth proxy, in half jaw widths (FaceModel.a), chosen by measurement with
 * models we did not write (`npx tsx tools/face/warp-pose.ts [--pitch] PHOTO…`, README
 * "Liveness"): @vladmandic/human's face mesh reads the head turned 0.64–1.03 of the angle told
 * (±0.45 rad; img10, img3, img1, img14, Yoko_Ono__1; nods 0.55–0.78), and readerd's reading
 * (fr_landmark) moves 1.02 eye distances per radian human reads, as it does on 400 real
 * faces-lfw photos (slope 1.0, `npx tsx tools/face/pose-anchor.ts`). The first proxy (a paraboloid 0.75 deep, nose 0.3) turned half as far; deepened as a
 * paraboloid, the far eye hid behind the nose at 0.45 rad.
 */
const HEAD = {
  /** Depth of the face's front (flat across the eyes, as a face is). */
  depth: 2.0,
  /** The nose ridge's height at its tip, over the face's front. */
  nose: 0.8,
  /** The front rounds off between these radii of the jaw-and-brow ellipse… */
  round: [0.55, 1.35],
  /** …and the turn fades out between these (hair, neck, then the room, which stays). */
  turns: [1.35, 1.9],
  /**
   * The neck's axis, this deep: the head turns about it. (Nodded down 0.45 rad, the chin folds
   * away under the front's round-off; kept round there, the chin on the front, human read the
   * turns and nods 5–25 % shorter: a known limit of this proxy.)
   */
  axis: 1.0,
} as const;

const smooth = (x: number): number => (x <= 0 ? 0 : x >= 1 ? 1 : x * x * (3 - 2 * x));

/** Radius of a photo point on the head's ellipse (1: the jaw line and brows). */
function headRadius(m: FaceModel, x: number, y: number): number {
  const u = (x - m.centre[0]) / (m.a * 1.05);
  const v = (y - m.centre[1] + 0.1 * m.a) / (m.a * 1.45);
  return Math.sqrt(u * u + v * v);
}

/** How far the face's front (eyes, brows, lips) stands before the neck's axis, photo px. */
export function faceFrontDepth(m: FaceModel): number {
  return (HEAD.depth - HEAD.axis) * m.a;
}

/** Depth toward the camera at a photo point, photo px: the head's front plus the nose ridge. */
export function depthAt(m: FaceModel, x: number, y: number): number {
  const [r0, r1] = HEAD.round;
  const head = HEAD.depth * m.a * (1 - smooth((headRadius(m, x, y) - r0) / (r1 - r0)));
  // Distance to the bridge→tip segment: the nose stands out most at its tip.
  const sx = m.nose[0] - m.bridge[0];
  const sy = m.nose[1] - m.bridge[1];
  const sl = sx * sx + sy * sy || 1;
  const t = Math.max(0, Math.min(1, ((x - m.bridge[0]) * sx + (y - m.bridge[1]) * sy) / sl));
  const d2 = (x - m.bridge[0] - t * sx) ** 2 + (y - m.bridge[1] - t * sy) ** 2;
  const w = 0.16 * m.a;
  if (d2 > 16 * w * w) return head;
  return head + HEAD.nose * m.a * (0.35 + 0.65 * t) * Math.exp(-d2 / (2 * w * w));
}

/** The live head: its depth about the neck's axis, the turn fading out past it. */
export function headShape(m: FaceModel): HeadShape {
  const a = m.a;
  const [cx, cy] = m.centre;
  const [w0, w1] = HEAD.turns;
  return {
    depth: (x, y) => depthAt(m, x, y) - HEAD.axis * a,
    weight: (x, y) => 1 - smooth((headRadius(m, x, y) - w0) / (w1 - w0)),
    box: [cx - 1.05 * w1 * a, cy - 0.1 * a - 1.45 * w1 * a, cx + 1.05 * w1 * a, cy - 0.1 * a + 1.45 * w1 * a],
  };
}

/** Where a photo point of the live head lands in the frame (head-mesh.ts's turn). */
export function project(m: FaceModel, p: Pose, x: number, y: number): [number, number] {
  const h = headShape(m);
  const t = turnPoint(m, p, x, y, h.depth(x, y), h.weight(x, y));
  return [t[0], t[1]];
}

/**
 * The closing upper lid, in photo coordinates: where the pixel at (x, y) of the closing eye comes
 * from. The lid is a curtain drawn down over an eye that stays where it is (a real lid slides
 * over the eyeball; the iris is covered, not squeezed): from just above the open lid's lashes
 * down to its edge, which travels from the open lid line to the lower lid, it is skin, the
 * photo's own skin above the lashes mirrored down (continuous with it, never reaching the brow),
 * so no iris, sclera, lash or eyeliner is stretched into it; its edge is a lash line (lashShade).
 * Below the edge the eye and the lower lid are untouched. Measured with readerd's fr_landmark
 * and fr_eye against real closed eyes of faces-lfw (README "Liveness").
 */
function lidSource(e: EyeModel, closed: number, x: number, y: number): LidSample | undefined {
  const qx = x - e.c[0];
  const qy = y - e.c[1];
  const a = (qx * e.ex[0] + qy * e.ex[1]) / e.hw;
  if (closed <= 0 || a <= -1 || a >= 1) return undefined;
  const b = -qx * e.ex[1] + qy * e.ex[0];
  const { w, lidOpen, strip, edge } = lidLines(e, closed, a);
  const skinEdge = lidOpen - strip;
  if (b < skinEdge || b >= edge) return undefined;
  const depth = (b - skinEdge) / (edge - skinEdge || 1);
  // Above: mirrored about the skin's edge, from a little above it to at most half the lid's
  // height further up (clear of a low brow). Below: the lower lid's skin mirrored up
  // (clear of its lashes). Their mean: eye shadow or a shadowed brow alone does not make the lid.
  const up = skinEdge - e.top * (0.1 + 0.4 * depth);
  const down = e.bottom * w + e.bottom * (0.3 + 0.7 * (1 - depth));
  const at = (sb: number): Point => [x + (sb - b) * -e.ex[1], y + (sb - b) * e.ex[0]];
  // At the skin's edge the lid starts from the skin that is there (no seam).
  const mix = 0.5 * Math.min(1, depth / 0.25);
  return { from: at(skinEdge - (skinEdge - up) * Math.min(1, depth / 0.1)), other: at(down), mix };
}

/** A pixel of the lid: two photo points blended (other weighted by mix). */
interface LidSample {
  readonly from: Point;
  readonly other: Point;
  readonly mix: number;
}

/** The lid across the eye at a (−1…1 along it): open line, lash strip above it, moving edge. */
function lidLines(e: EyeModel, closed: number, a: number) {
  const w = Math.sqrt(1 - a * a);
  const lidOpen = -e.top * w;
  // The open upper lid's lashes, margin and eyeliner, covered from the first moment the lid
  // moves (0.8 of the lid's height: at 0.35 and 0.6 heavy eyeliner stayed an open eye's outline).
  const strip = 0.8 * e.top * w * Math.min(1, closed / 0.15);
  const edge = lidOpen + closed * (e.bottom * w - lidOpen);
  return { w, lidOpen, strip, edge };
}

/**
 * Shading of the closing lid: a lash line along its edge (dark, about 7 % of the eye's width),
 * the lid's round over the eyeball a little lighter in its middle.
 */
function lashShade(e: EyeModel, closed: number, x: number, y: number): number {
  const qx = x - e.c[0];
  const qy = y - e.c[1];
  const a = (qx * e.ex[0] + qy * e.ex[1]) / e.hw;
  if (a <= -1 || a >= 1) return 1;
  const b = -qx * e.ex[1] + qy * e.ex[0];
  const { w, lidOpen, strip, edge } = lidLines(e, closed, a);
  const skinEdge = lidOpen - strip;
  const k = Math.min(1, closed / 0.15);
  const lash = 0.07 * (e.hw / 0.56) + 0.5;
  const d = edge - b;
  if (d >= 0 && d < lash * 1.5)
    return 1 - 0.55 * k * Math.sqrt(w) * Math.max(0, 1 - Math.abs(d - 0.4 * lash) / lash);
  if (d < 0 && d > -0.4 * lash) return 1 - 0.3 * k * Math.sqrt(w) * (1 + d / (0.4 * lash));
  if (b > skinEdge && b < edge) {
    const u = (b - skinEdge) / (edge - skinEdge || 1);
    return 1 + 0.04 * k * w * Math.sin(Math.PI * u);
  }
  return 1;
}

/** Bilinear sample with edge clamp, into out[o..o+2]. */
export function sample(img: RgbImage, x: number, y: number, out: Uint8Array, o: number, gain = 1): void {
  const W = img.width;
  const H = img.height;
  const fx = Math.max(0, Math.min(W - 1.001, x));
  const fy = Math.max(0, Math.min(H - 1.001, y));
  const x0 = fx | 0;
  const y0 = fy | 0;
  const ax = fx - x0;
  const ay = fy - y0;
  const i00 = (y0 * W + x0) * 3;
  const i10 = i00 + 3;
  const i01 = i00 + W * 3;
  const i11 = i01 + 3;
  const d = img.data;
  for (let k = 0; k < 3; k++) {
    const top = d[i00 + k]! + (d[i10 + k]! - d[i00 + k]!) * ax;
    const bot = d[i01 + k]! + (d[i11 + k]! - d[i01 + k]!) * ax;
    out[o + k] = Math.min(255, (top + (bot - top) * ay) * gain);
  }
}

/** A sheet's surface for the parallax warp (prints and the paper mask). */
export interface Surface {
  /** Depth toward the camera at a photo point (photo px). */
  readonly depth: (x: number, y: number) => number;
  /** The whole photo is the surface (a print), not only the head. */
  readonly everywhere?: boolean;
  /** A print: beyond the photo, this much white paper (photo px), then the room. */
  readonly paper?: { readonly margin: number; readonly room: readonly [number, number, number] };
}

/**
 * Renders the posed face into a width × height frame. Without a surface: the live head, turned as
 * a mesh (head-mesh.ts), the room around it still. With one (a sheet in a hand): the parallax
 * warp over the sheet's depth, inverted by a few fixed-point steps (a sheet's gentle slope keeps
 * it one-to-one), the whole frame turning with it.
 */
export function renderFace(
  photo: RgbImage,
  m: FaceModel,
  p: Pose,
  width: number,
  height: number,
  surface?: Surface,
): RgbImage {
  const out = new Uint8Array(width * height * 3);
  const px2 = new Uint8Array(3);
  const head = surface ? undefined : headMap(m, p, headShape(m), width, height);
  const depth = surface?.depth ?? (() => 0);
  const paper = surface?.paper;
  const c = Math.cos(p.roll);
  const s = Math.sin(p.roll);
  const cy = Math.cos(p.yaw);
  const sy = Math.sin(p.yaw);
  const cp = Math.cos(p.pitch);
  const sp = Math.sin(p.pitch);
  // Only the head has depth: outside its box the photo plane maps in one step.
  const reach = p.scale * m.a * 1.9;
  const x0 = p.cx - reach;
  const x1 = p.cx + reach;
  const y0 = p.cy - reach * 1.2;
  const y1 = p.cy + reach * 1.2;
  for (let Y = 0; Y < height; Y++) {
    for (let X = 0; X < width; X++) {
      const dx = (X - p.cx) / p.scale;
      const dy = (Y - p.cy) / p.scale;
      const px = dx * c + dy * s;
      const py = -dx * s + dy * c;
      let x = m.centre[0] + px;
      let y = m.centre[1] + py;
      let gain = 1;
      const at = Y * width + X;
      if (head) {
        // The head where the mesh covers the pixel; the room (unturned) elsewhere.
        if (!Number.isNaN(head.x[at]!)) {
          x = head.x[at]!;
          y = head.y[at]!;
          gain = head.gain[at]!;
        }
      } else {
        const steps = surface!.everywhere || (X >= x0 && X <= x1 && Y >= y0 && Y <= y1) ? 4 : 0;
        if (!steps) {
          x = m.centre[0] + px / cy;
          y = m.centre[1] + py / cp;
        }
        for (let k = 0; k < steps; k++) {
          const z = depth(x, y);
          x = m.centre[0] + (px - z * sy) / cy;
          y = m.centre[1] + (py - z * sp) / cp;
        }
      }
      let lid: LidSample | undefined;
      for (let e = 0; e < 2 && !lid; e++) {
        const closed = p.eyes[e]!;
        if (closed > 0) {
          gain *= lashShade(m.eyes[e]!, closed, x, y);
          lid = lidSource(m.eyes[e]!, closed, x, y);
        }
      }
      const o = at * 3;
      if (lid) {
        sample(photo, lid.from[0], lid.from[1], out, o, gain);
        sample(photo, lid.other[0], lid.other[1], px2, 0, gain);
        for (let k = 0; k < 3; k++) out[o + k] = Math.round(out[o + k]! * (1 - lid.mix) + px2[k]! * lid.mix);
        continue;
      }
      if (paper && (x < 0 || y < 0 || x >= photo.width || y >= photo.height)) {
        const edge = Math.max(-x, -y, x - photo.width, y - photo.height);
        const c = edge <= paper.margin ? [236, 234, 228] : paper.room;
        out[o] = c[0]!;
        out[o + 1] = c[1]!;
        out[o + 2] = c[2]!;
        continue;
      }
      sample(photo, x, y, out, o, gain);
    }
  }
  return { width, height, data: out };
}
