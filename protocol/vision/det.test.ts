import { describe, expect, it } from 'vitest';
import { detCurve, frrAtFar, normalCdf, probit, ratesAt } from './det.js';

describe('DET curve', () => {
  it('probit agrees with the standard normal quantiles', () => {
    expect(probit(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(probit(0.5)).toBe(0);
    expect(probit(0.001)).toBeCloseTo(-3.090232306167813, 8);
    expect(probit(1e-6)).toBeCloseTo(-4.753424308822899, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
  });

  it('FAR and FRR at a threshold (accept = score ≥ threshold)', () => {
    const g = [0.5, 0.8, 0.9];
    const i = [0.1, 0.3, 0.6];
    expect(ratesAt(g, i, 0.55)).toEqual({ threshold: 0.55, far: 1 / 3, frr: 1 / 3 });
    expect(ratesAt(g, i, 0.6)).toEqual({ threshold: 0.6, far: 1 / 3, frr: 1 / 3 });
    expect(ratesAt(g, i, 0.95)).toEqual({ threshold: 0.95, far: 0, frr: 1 });
  });

  it('spans FAR down to one impostor pair in all, monotone, with the FRR at a chosen FAR', () => {
    const impostor = Float64Array.from({ length: 100_000 }, (_x, k) => probit((k + 0.5) / 100_000));
    const genuine = Float64Array.from({ length: 1000 }, (_x, k) => 3 + probit((k + 0.5) / 1000));
    const curve = detCurve(genuine, impostor);
    expect(curve.length).toBeGreaterThan(200);
    expect(curve.length).toBeLessThan(1300);
    for (let k = 1; k < curve.length; k++) {
      expect(curve[k]!.threshold).toBeGreaterThan(curve[k - 1]!.threshold);
      expect(curve[k]!.far).toBeLessThanOrEqual(curve[k - 1]!.far);
      expect(curve[k]!.frr).toBeGreaterThanOrEqual(curve[k - 1]!.frr);
    }
    expect(curve.some((p) => p.far === 1e-5)).toBe(true);
    expect(curve.at(-1)).toMatchObject({ far: 0, frr: 1 });
    // Genuine ~ N(3, 1): at FAR 0.1 % (z = 3.09) about half of them are rejected.
    const at = frrAtFar(curve, 1e-3)!;
    expect(at.far).toBeLessThanOrEqual(1e-3);
    expect(at.frr).toBeGreaterThan(0.5);
    expect(at.frr).toBeLessThan(0.56);
  });
});
