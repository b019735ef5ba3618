// A printed photo as a sheet of paper in space, seen through a pinhole camera: the sheet's shape
// (flat, folded along a line, bent about a horizontal axis) is a map from the paper to 3-D, the
// hand turns, tilts and carries it, and the camera projects it by perspective (near parts larger),
// not orthographically as the head warp of face-warp.ts does. The paper is cut into a fine mesh
// of triangles whose corners are projected exactly and rasterised with a depth buffer, each pixel
// sampling the print where it came from; the paper is shaded by its facing against a light above
// the camera (the two halves of a fold are lit differently, as on a real fold).
import type { RgbImage } from '../../device/image/decode.js';
import { type FaceModel, sample } from './face-warp.js';

/** A point on the sheet in 3-D, cm, the face's centre at the origin, z toward the camera. */
export type Vec3 = readonly [number, number, number];

/** Where each point of the paper (photo px, relative to the face centre) lies in the sheet's frame, cm. */
export type SheetShape = (dx: number, dy: number) => Vec3;

/** The hand's hold of the sheet: angles in radians, as Pose's (positive yaw moves the near side to +x). */
export interface SheetPose {
  /** Where the face centre appears in the frame, px. */
  readonly cx: number;
  readonly cy: number;
  /** Distance from the pinhole to the face centre, cm. */
  readonly distanceCm: number;
  readonly yaw: number;
  readonly pitch: number;
  readonly roll: number;
}

export interface PinholeCamera {
  readonly width: number;
  readonly height: number;
  /** Focal length, px. */
  readonly focalPx: number;
}

/** A webcam of about 60° horizontal field of view (a kiosk's wide camera), any resolution. */
export function webcam(width: number, height: number): PinholeCamera {
  return { width, height, focalPx: width / 2 / Math.tan((30 * Math.PI) / 180) };
}

const PAPER: readonly [number, number, number] = [236, 234, 228];
/** Light from above and in front of the sheet (toward the camera, a little up). */
const LIGHT: Vec3 = (() => {
  const v = [0.15, -0.45, 1];
  const n = Math.hypot(v[0]!, v[1]!, v[2]!);
  return [v[0]! / n, v[1]! / n, v[2]! / n] as const;
})();

function rotate(p: Vec3, pose: SheetPose): Vec3 {
  const [x0, y0, z0] = p;
  // Yaw about the vertical axis, then pitch about the horizontal one, then roll in the image.
  const cy = Math.cos(pose.yaw);
  const sy = Math.sin(pose.yaw);
  const x1 = x0 * cy + z0 * sy;
  const z1 = -x0 * sy + z0 * cy;
  const cp = Math.cos(pose.pitch);
  const sp = Math.sin(pose.pitch);
  const y2 = y0 * cp + z1 * sp;
  const z2 = -y0 * sp + z1 * cp;
  const cr = Math.cos(pose.roll);
  const sr = Math.sin(pose.roll);
  return [x1 * cr - y2 * sr, x1 * sr + y2 * cr, z2];
}

/**
 * Renders the print on its sheet. `cmPerPx`: the print's scale (cm of paper per photo px);
 * `margin`: white paper around the photo, photo px; `room`: the background.
 */
export function renderSheet(
  print: RgbImage,
  m: FaceModel,
  shape: SheetShape,
  pose: SheetPose,
  cam: PinholeCamera,
  o: { readonly cmPerPx: number; readonly margin: number; readonly room: readonly [number, number, number] },
): RgbImage {
  const { width: W, height: H, focalPx: f } = cam;
  const out = new Uint8Array(W * H * 3);
  for (let i = 0; i < W * H; i++) {
    out[i * 3] = o.room[0];
    out[i * 3 + 1] = o.room[1];
    out[i * 3 + 2] = o.room[2];
  }
  const zbuf = new Float32Array(W * H).fill(Number.POSITIVE_INFINITY);
  // The face centre is carried to (tx, ty, distance) so that it appears at (cx, cy).
  const D = pose.distanceCm;
  const tx = ((pose.cx - W / 2) * D) / f;
  const ty = ((pose.cy - H / 2) * D) / f;
  // The mesh: about 2 frame px per cell at the framing's scale, whatever the photo's size.
  const x0 = -o.margin;
  const y0 = -o.margin;
  const pw = print.width + 2 * o.margin;
  const ph = print.height + 2 * o.margin;
  const cell = Math.max(0.5, (2 * D) / (f * o.cmPerPx));
  const nx = Math.ceil(pw / cell);
  const ny = Math.ceil(ph / cell);
  const u = new Float32Array((nx + 1) * (ny + 1));
  const v = new Float32Array((nx + 1) * (ny + 1));
  const depth = new Float32Array((nx + 1) * (ny + 1));
  const P: Vec3[] = [];
  for (let j = 0; j <= ny; j++)
    for (let i = 0; i <= nx; i++) {
      const px = x0 + (i * pw) / nx;
      const py = y0 + (j * ph) / ny;
      const s = shape(px - m.centre[0], py - m.centre[1]);
      const r = rotate(s, pose);
      // Camera coordinates: z away from the camera.
      const X = r[0] + tx;
      const Y = r[1] + ty;
      const Z = D - r[2];
      const k = j * (nx + 1) + i;
      u[k] = W / 2 + (f * X) / Z;
      v[k] = H / 2 + (f * Y) / Z;
      depth[k] = Z;
      P.push([X, Y, Z]);
    }
  const px = new Uint8Array(3);
  const tri = (
    a: number,
    b: number,
    c: number,
    ia: number,
    ja: number,
    ib: number,
    jb: number,
    ic: number,
    jc: number,
  ): void => {
    // Facing: the normal of the triangle in camera space, against the light (either side lit).
    const A = P[a]!;
    const B = P[b]!;
    const C = P[c]!;
    const e1 = [B[0] - A[0], B[1] - A[1], B[2] - A[2]];
    const e2 = [C[0] - A[0], C[1] - A[1], C[2] - A[2]];
    const n = [
      e1[1]! * e2[2]! - e1[2]! * e2[1]!,
      e1[2]! * e2[0]! - e1[0]! * e2[2]!,
      e1[0]! * e2[1]! - e1[1]! * e2[0]!,
    ];
    const nl = Math.hypot(n[0]!, n[1]!, n[2]!) || 1;
    // The camera looks along +z: light toward the camera is -z in camera space.
    const lit = Math.abs((n[0]! * LIGHT[0] + n[1]! * LIGHT[1] - n[2]! * LIGHT[2]) / nl);
    const gain = (0.6 + 0.4 * lit) / (0.6 + 0.4 * LIGHT[2]);
    const ua = u[a]!;
    const va = v[a]!;
    const ub = u[b]!;
    const vb = v[b]!;
    const uc = u[c]!;
    const vc = v[c]!;
    const det = (ub - ua) * (vc - va) - (uc - ua) * (vb - va);
    if (Math.abs(det) < 1e-9) return;
    const minX = Math.max(0, Math.floor(Math.min(ua, ub, uc)));
    const maxX = Math.min(W - 1, Math.ceil(Math.max(ua, ub, uc)));
    const minY = Math.max(0, Math.floor(Math.min(va, vb, vc)));
    const maxY = Math.min(H - 1, Math.ceil(Math.max(va, vb, vc)));
    for (let Y = minY; Y <= maxY; Y++)
      for (let X = minX; X <= maxX; X++) {
        const qx = X + 0.5 - ua;
        const qy = Y + 0.5 - va;
        const wb = (qx * (vc - va) - (uc - ua) * qy) / det;
        const wc = ((ub - ua) * qy - qx * (vb - va)) / det;
        const wa = 1 - wb - wc;
        if (wa < -1e-6 || wb < -1e-6 || wc < -1e-6) continue;
        const z = wa * depth[a]! + wb * depth[b]! + wc * depth[c]!;
        const at = Y * W + X;
        if (z >= zbuf[at]!) continue;
        zbuf[at] = z;
        // The paper point, perspective-correct (interpolated over 1/z).
        const ra = wa / depth[a]!;
        const rb = wb / depth[b]!;
        const rc = wc / depth[c]!;
        const rs = ra + rb + rc;
        const gi = (ra * ia + rb * ib + rc * ic) / rs;
        const gj = (ra * ja + rb * jb + rc * jc) / rs;
        const sx = x0 + (gi * pw) / nx;
        const sy = y0 + (gj * ph) / ny;
        const o3 = at * 3;
        if (sx < 0 || sy < 0 || sx >= print.width || sy >= print.height) {
          for (let k = 0; k < 3; k++) out[o3 + k] = Math.min(255, PAPER[k]! * gain);
          continue;
        }
        sample(print, sx, sy, px, 0, gain);
        out[o3] = px[0]!;
        out[o3 + 1] = px[1]!;
        out[o3 + 2] = px[2]!;
      }
  };
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      const k = j * (nx + 1) + i;
      tri(k, k + 1, k + nx + 1, i, j, i + 1, j, i, j + 1);
      tri(k + 1, k + nx + 2, k + nx + 1, i + 1, j, i + 1, j + 1, i, j + 1);
    }
  return { width: W, height: H, data: out };
}

/** A flat sheet: the paper as it was printed, scaled to cm. */
export function flatSheet(cmPerPx: number): SheetShape {
  return (dx, dy) => [dx * cmPerPx, dy * cmPerPx, 0];
}

/**
 * The sheet folded along the line through the top of the nose and its tip (a V, the crease toward
 * the camera): each half turned back by `angle` about the crease; the paper keeps its size.
 */
export function foldedSheet(m: FaceModel, cmPerPx: number, angle: number): SheetShape {
  // The crease through the bridge and the nose tip, relative to the face centre.
  let ex = m.nose[0] - m.bridge[0];
  let ey = m.nose[1] - m.bridge[1];
  const el = Math.hypot(ex, ey) || 1;
  ex /= el;
  ey /= el;
  const ox = m.bridge[0] - m.centre[0];
  const oy = m.bridge[1] - m.centre[1];
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return (dx, dy) => {
    const qx = dx - ox;
    const qy = dy - oy;
    // along the crease, and across it (positive to the image's right)
    const a = qx * ex + qy * ey;
    const b = qx * ey - qy * ex;
    const bx = b * c;
    const z = -Math.abs(b) * s;
    const x = ox + a * ex + bx * ey;
    const y = oy + a * ey - bx * ex;
    return [x * cmPerPx, y * cmPerPx, z * cmPerPx];
  };
}

/**
 * The sheet bent about a horizontal axis at height `axisDy` (photo px from the face centre),
 * its middle toward the camera, to `radiusPx`: the paper keeps its length along the bend.
 */
export function bentAcrossSheet(cmPerPx: number, axisDy: number, radiusPx: number): SheetShape {
  // Beyond this angle the paper goes on straight (a hand bends the middle, not the edges round).
  const MAX = 1.1;
  return (dx, dy) => {
    const raw = (dy - axisDy) / radiusPx;
    const phi = Math.max(-MAX, Math.min(MAX, raw));
    const rest = (raw - phi) * radiusPx;
    const y = axisDy + radiusPx * Math.sin(phi) + rest * Math.cos(phi);
    const z = -radiusPx * (1 - Math.cos(phi)) - Math.abs(rest) * Math.sin(Math.abs(phi));
    return [dx * cmPerPx, y * cmPerPx, z * cmPerPx];
  };
}
