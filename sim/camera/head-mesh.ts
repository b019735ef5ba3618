// The live head as a surface in 3-D: the photo is cut into a fine mesh over the head's depth
// proxy (face-warp.ts depthAt, headShape), the mesh is turned by a true rotation (yaw about the vertical
// axis, then pitch), projected and rasterised with a depth buffer. So the near side of a turned
// head comes forward and the far side folds behind the nose and the cheek's round, as on a real
// head. The parallax warp it replaced moved every point by its own depth with nothing to hide
// it: deep enough to turn as far as told, it folded the nose over the far cheek (README
// "Liveness", warp-pose.ts). The rotation fades out past the head (hair, neck, the room stay
// put), and each cell is shaded by how its facing toward a light above the camera changed.
import type { FaceModel, Pose } from './face-warp.js';

/** Where each frame pixel of the head comes from on the photo; NaN where the head is not. */
export interface HeadMap {
  readonly x: Float32Array;
  readonly y: Float32Array;
  /** The light's change on that pixel (1: as lit in the photo). */
  readonly gain: Float32Array;
}

/** The head's surface: depth toward the camera and how much of the head's turn a point takes. */
export interface HeadShape {
  readonly depth: (x: number, y: number) => number;
  /** 1 on the head, 0 where the room is; between, the neck and hair. */
  readonly weight: (x: number, y: number) => number;
  /** The photo box the shape covers (outside it weight is 0), photo px. */
  readonly box: readonly [number, number, number, number];
}

const LIGHT = (() => {
  const v = [0.15, -0.45, 1];
  const n = Math.hypot(v[0]!, v[1]!, v[2]!);
  return [v[0]! / n, v[1]! / n, v[2]! / n] as const;
})();

/** A photo point at depth z, turned by w of the pose's yaw and pitch: [x, y] frame px and depth. */
export function turnPoint(
  m: FaceModel,
  p: Pose,
  x: number,
  y: number,
  z: number,
  w: number,
): [number, number, number] {
  const X = x - m.centre[0];
  const Y = y - m.centre[1];
  const cy = Math.cos(p.yaw * w);
  const sy = Math.sin(p.yaw * w);
  const x1 = X * cy + z * sy;
  const z1 = -X * sy + z * cy;
  const cp = Math.cos(p.pitch * w);
  const sp = Math.sin(p.pitch * w);
  const y2 = Y * cp + z1 * sp;
  const z2 = -Y * sp + z1 * cp;
  const c = Math.cos(p.roll);
  const s = Math.sin(p.roll);
  return [p.cx + p.scale * (x1 * c - y2 * s), p.cy + p.scale * (x1 * s + y2 * c), z2];
}

/** Rasterises the turned head into a width × height map of photo coordinates. */
export function headMap(m: FaceModel, p: Pose, shape: HeadShape, width: number, height: number): HeadMap {
  const n = width * height;
  const mx = new Float32Array(n).fill(Number.NaN);
  const my = new Float32Array(n).fill(Number.NaN);
  const gain = new Float32Array(n).fill(1);
  const zbuf = new Float32Array(n).fill(Number.NEGATIVE_INFINITY);
  const [bx0, by0, bx1, by1] = shape.box;
  // About 4 frame px per cell at the pose's scale.
  const cell = Math.max(0.5, 4 / p.scale);
  const nx = Math.max(1, Math.ceil((bx1 - bx0) / cell));
  const ny = Math.max(1, Math.ceil((by1 - by0) / cell));
  const V = (nx + 1) * (ny + 1);
  const sx = new Float32Array(V);
  const sy = new Float32Array(V);
  const fx = new Float32Array(V);
  const fy = new Float32Array(V);
  const fz = new Float32Array(V);
  // Rest position (unturned, unrolled) in 3-D, for each cell's facing before and after.
  const rz = new Float32Array(V);
  const rw = new Float32Array(V);
  for (let j = 0; j <= ny; j++)
    for (let i = 0; i <= nx; i++) {
      const k = j * (nx + 1) + i;
      const x = bx0 + ((bx1 - bx0) * i) / nx;
      const y = by0 + ((by1 - by0) * j) / ny;
      const z = shape.depth(x, y);
      const w = shape.weight(x, y);
      const t = turnPoint(m, p, x, y, z, w);
      rw[k] = w;
      sx[k] = x;
      sy[k] = y;
      fx[k] = t[0];
      fy[k] = t[1];
      fz[k] = t[2];
      rz[k] = z;
    }
  // Lambert against the light, either side: |n·L| of the triangle, frame space (y down, z toward
  // the camera), the turned triangle's over the photo's own.
  // The light turned with the roll, so that a roll alone (the whole frame turning) changes nothing.
  const lr: readonly [number, number, number] = [
    LIGHT[0] * Math.cos(p.roll) - LIGHT[1] * Math.sin(p.roll),
    LIGHT[0] * Math.sin(p.roll) + LIGHT[1] * Math.cos(p.roll),
    LIGHT[2],
  ];
  const facing = (
    L: readonly [number, number, number],
    ax: number,
    ay: number,
    az: number,
    bx: number,
    by: number,
    bz: number,
    cx: number,
    cy: number,
    cz: number,
  ): number => {
    const e1x = bx - ax;
    const e1y = by - ay;
    const e1z = bz - az;
    const e2x = cx - ax;
    const e2y = cy - ay;
    const e2z = cz - az;
    const nx3 = e1y * e2z - e1z * e2y;
    const ny3 = e1z * e2x - e1x * e2z;
    const nz3 = e1x * e2y - e1y * e2x;
    const nl = Math.hypot(nx3, ny3, nz3) || 1;
    return 0.6 + 0.4 * Math.abs((nx3 * L[0] + ny3 * L[1] + nz3 * L[2]) / nl);
  };
  const tri = (a: number, b: number, c: number): void => {
    const ua = fx[a]!;
    const va = fy[a]!;
    const ub = fx[b]!;
    const vb = fy[b]!;
    const uc = fx[c]!;
    const vc = fy[c]!;
    const det = (ub - ua) * (vc - va) - (uc - ua) * (vb - va);
    if (Math.abs(det) < 1e-9) return;
    const s = p.scale;
    const rest = facing(LIGHT, sx[a]!, sy[a]!, rz[a]!, sx[b]!, sy[b]!, rz[b]!, sx[c]!, sy[c]!, rz[c]!);
    const now = facing(lr, ua, va, fz[a]! * s, ub, vb, fz[b]! * s, uc, vc, fz[c]! * s);
    // Only the head's own turn changes its light: where the turn fades out (hair, neck, the room)
    // the mesh is sheared, not turned, and shading it drew a dark ring round the head.
    const g = 1 + Math.min(rw[a]!, rw[b]!, rw[c]!) * (now / rest - 1);
    const minX = Math.max(0, Math.ceil(Math.min(ua, ub, uc)));
    const maxX = Math.min(width - 1, Math.floor(Math.max(ua, ub, uc)));
    const minY = Math.max(0, Math.ceil(Math.min(va, vb, vc)));
    const maxY = Math.min(height - 1, Math.floor(Math.max(va, vb, vc)));
    for (let Y = minY; Y <= maxY; Y++)
      for (let X = minX; X <= maxX; X++) {
        const qx = X - ua;
        const qy = Y - va;
        const wb = (qx * (vc - va) - (uc - ua) * qy) / det;
        const wc = ((ub - ua) * qy - qx * (vb - va)) / det;
        const wa = 1 - wb - wc;
        if (wa < -1e-6 || wb < -1e-6 || wc < -1e-6) continue;
        const z = wa * fz[a]! + wb * fz[b]! + wc * fz[c]!;
        const at = Y * width + X;
        // Nearer the camera wins (z toward the camera).
        if (z <= zbuf[at]!) continue;
        zbuf[at] = z;
        mx[at] = wa * sx[a]! + wb * sx[b]! + wc * sx[c]!;
        my[at] = wa * sy[a]! + wb * sy[b]! + wc * sy[c]!;
        gain[at] = g;
      }
  };
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      const k = j * (nx + 1) + i;
      tri(k, k + 1, k + nx + 1);
      tri(k + 1, k + nx + 2, k + nx + 1);
    }
  return { x: mx, y: my, gain };
}
