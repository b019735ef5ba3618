import { describe, expect, it } from 'vitest';
import { equalErrorRate, rates, rocCurve, zeroFarPoint } from './roc.js';

const s = (score: number, genuine: boolean) => ({ score, genuine });

describe('ROC', () => {
  const scores = [s(0.9, true), s(0.8, true), s(0.5, true), s(0.6, false), s(0.3, false), s(0.1, false)];

  it('FAR and FRR at a threshold', () => {
    expect(rates(scores, 0.55)).toEqual({ threshold: 0.55, far: 1 / 3, frr: 1 / 3 });
    expect(rates(scores, 0.95)).toEqual({ threshold: 0.95, far: 0, frr: 1 });
  });

  it('EER and the zero-FAR operating point', () => {
    expect(equalErrorRate(scores).eer).toBeCloseTo(1 / 3);
    expect(zeroFarPoint(scores)).toEqual({ threshold: 0.8, far: 0, frr: 1 / 3 });
    const separable = [s(0.9, true), s(0.7, true), s(0.4, false)];
    expect(zeroFarPoint(separable)).toEqual({ threshold: 0.7, far: 0, frr: 0 });
    expect(rocCurve(separable).map((p) => p.threshold)).toEqual([0.4, 0.7, 0.9]);
  });
});
