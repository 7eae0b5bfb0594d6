// Metrics and threshold choice on small cases worked out by hand.
import { describe, expect, it } from 'vitest';
import { chooseThreshold, fitPlatt, fprFloor } from '../../../src/ml/train/calibrate.ts';
import { binaryMetrics, rocAuc, weightedF1 } from '../../../src/ml/train/metrics.ts';

describe('metrics', () => {
  it('computes a confusion matrix\u2019s metrics', () => {
    // scores ≥ 0.5 predicted positive: TP = 2, FP = 1, FN = 1, TN = 2
    const m = binaryMetrics([0.9, 0.8, 0.6, 0.4, 0.3, 0.1], [1, 1, 0, 1, 0, 0], 0.5);
    expect(m.accuracy).toBeCloseTo(4 / 6, 4);
    expect(m.precision).toBeCloseTo(2 / 3, 4);
    expect(m.recall).toBeCloseTo(2 / 3, 4);
    expect(m.falsePositiveRate).toBeCloseTo(1 / 3, 4);
    expect(m.macroF1).toBeCloseTo(2 / 3, 4);
  });

  it('computes AUC with ties counted half', () => {
    expect(rocAuc([0.1, 0.2, 0.3, 0.4], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.5, 0.5], [0, 1])).toBe(0.5);
    expect(rocAuc([0.9, 0.1, 0.8, 0.2], [0, 1, 1, 0])).toBe(0.25); // 1 of 4 positive–negative pairs ordered right
  });

  it('weights per-class F1 by support', () => {
    const r = weightedF1([0, 1, 1, 2], [0, 1, 2, 2], [0, 1, 2]);
    // class 0: F1 1 (support 1); class 1: P 1/2 R 1 → 2/3 (support 1); class 2: P 1 R 1/2 → 2/3 (support 2)
    expect(r.weightedF1).toBeCloseTo((1 + 2 / 3 + (2 * 2) / 3) / 4, 4);
  });
});

describe('thresholds and calibration', () => {
  it('picks the lowest threshold that meets a precision target', () => {
    const scores = [0.95, 0.9, 0.85, 0.7, 0.6, 0.4];
    const labels = [1, 1, 0, 1, 0, 0];
    const t = chooseThreshold(scores, labels, { kind: 'precision', target: 0.75 });
    expect(t.goalMet).toBe(true);
    expect(t.value).toBe(0.7); // at 0.7: 3 TP / 1 FP = 0.75
  });

  it('never goes below a benign false-positive floor', () => {
    const floor = fprFloor([0.1, 0.2, 0.3, 0.9], 0.25);
    expect(floor).toBeGreaterThan(0.3);
    expect(floor).toBeLessThanOrEqual(0.9 + 1e-5);
    const t = chooseThreshold([0.95, 0.5, 0.2], [1, 1, 0], { kind: 'f1' }, 0.6);
    expect(t.value).toBeGreaterThanOrEqual(0.6);
  });

  it('Platt scaling makes overconfident logits less extreme', () => {
    const logits = [8, 7, 6, -6, -7, 8, -8, 6];
    const labels = [1, 1, 0, 0, 0, 1, 0, 1];
    const { a } = fitPlatt(logits, labels);
    expect(a).toBeGreaterThan(0);
    expect(a).toBeLessThan(1);
  });
});
