// The median the liveness checks take of per-frame readings: the upper middle of an even count
// (a value that was measured, not an average of two), 0 for none.
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}
