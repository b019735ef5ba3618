// A schematic 68-point face for liveness tests that drive the challenge without a model.
export type P = [number, number];

/** A schematic 68-point face centred at (cx, cy), its nose `yaw`/`pitch` eye distances off centre. */
export function face(yaw = 0, pitch = 0, cx = 160, cy = 160): P[] {
  const l: P[] = Array.from({ length: 68 }, (_, i) => [
    cx - 60 + (i % 17) * 7,
    cy - 60 + Math.floor(i / 17) * 35,
  ]);
  for (let k = 0; k < 6; k++) {
    l[36 + k] = [cx - 30 + (k - 2.5) * 4, cy - 10];
    l[42 + k] = [cx + 30 + (k - 2.5) * 4, cy - 10];
  }
  for (let k = 0; k < 12; k++) l[48 + k] = [cx + (k - 5.5) * 3, cy + 60];
  l[30] = [cx + 60 * yaw, cy + 20 + 60 * pitch];
  return l;
}
