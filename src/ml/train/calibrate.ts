// Probability calibration (Platt scaling: p = sigmoid(a·z + c) fitted on validation logits) and
// threshold choice for a stated target. Calibration is folded into the exported weights, so the ONNX
// model outputs calibrated probabilities directly.
export interface Platt {
  readonly a: number;
  readonly c: number;
}

/** Newton's method on the 2-parameter log-loss with step halving, and Platt's smoothed targets. */
export function fitPlatt(logits: ArrayLike<number>, labels: ArrayLike<number>): Platt {
  let pos = 0;
  for (let i = 0; i < labels.length; i++) pos += labels[i] === 1 ? 1 : 0;
  const neg = labels.length - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  const target = (i: number): number => (labels[i] === 1 ? hi : lo);
  const loss = (a: number, c: number): number => {
    let sum = 0;
    for (let i = 0; i < labels.length; i++) {
      const z = a * (logits[i] ?? 0) + c;
      // log(1 + e^z) − t·z, written to stay finite for large |z|
      sum += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - target(i) * z;
    }
    return sum;
  };
  let a = 1;
  let c = 0;
  let current = loss(a, c);
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0;
    let gc = 0;
    let haa = 1e-9;
    let hac = 0;
    let hcc = 1e-9;
    for (let i = 0; i < labels.length; i++) {
      const z = logits[i] ?? 0;
      const p = 1 / (1 + Math.exp(-(a * z + c)));
      const d = p - target(i);
      const w = Math.max(p * (1 - p), 1e-12);
      ga += d * z;
      gc += d;
      haa += w * z * z;
      hac += w * z;
      hcc += w;
    }
    const det = haa * hcc - hac * hac;
    if (Math.abs(det) < 1e-18) break;
    const da = (hcc * ga - hac * gc) / det;
    const dc = (haa * gc - hac * ga) / det;
    let step = 1;
    let next = loss(a - da, c - dc);
    while (next > current && step > 1e-6) {
      step /= 2;
      next = loss(a - step * da, c - step * dc);
    }
    if (next > current) break;
    a -= step * da;
    c -= step * dc;
    const improvement = current - next;
    current = next;
    if (improvement < 1e-10) break;
  }
  return { a, c };
}

export type ThresholdGoal =
  | { readonly kind: 'precision'; readonly target: number }
  | { readonly kind: 'f1' };

export interface ThresholdChoice {
  readonly value: number;
  readonly goal: string;
  /** False when the goal could not be met on validation (then the F1-best threshold is used). */
  readonly goalMet: boolean;
}

/**
 * Chooses a threshold on validation scores. `floor` (e.g. the score that keeps the false-positive
 * rate on benign comments under a cap) is a lower bound the threshold never goes below.
 */
export function chooseThreshold(scores: ArrayLike<number>, labels: ArrayLike<number>, goal: ThresholdGoal, floor = 0): ThresholdChoice {
  const order = Array.from({ length: labels.length }, (_, i) => i).sort((x, y) => (scores[y] ?? 0) - (scores[x] ?? 0));
  let totalPos = 0;
  for (let i = 0; i < labels.length; i++) totalPos += labels[i] === 1 ? 1 : 0;
  let tp = 0;
  let fp = 0;
  let bestF1 = -1;
  let bestF1At = 0.5;
  let precisionAt: number | undefined;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] ?? 0;
    if (labels[i] === 1) tp++;
    else fp++;
    const s = scores[i] ?? 0;
    const next = order[k + 1];
    if (next !== undefined && scores[next] === s) continue; // only cut between distinct scores
    if (s < floor) break;
    const precision = tp / (tp + fp);
    const recall = totalPos === 0 ? 0 : tp / totalPos;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    if (f1 > bestF1) {
      bestF1 = f1;
      bestF1At = s;
    }
    if (goal.kind === 'precision' && precision >= goal.target) precisionAt = s;
  }
  const goalText = goal.kind === 'precision' ? `precision >= ${goal.target} on validation` : 'best F1 on validation';
  if (goal.kind === 'precision' && precisionAt !== undefined) return { value: round(Math.max(precisionAt, floor)), goal: goalText, goalMet: true };
  return { value: round(Math.max(bestF1At, floor)), goal: goalText, goalMet: goal.kind === 'f1' };
}

/** The score below which a fraction (1 - maxRate) of `negatives` fall: a threshold floor for an FPR cap. */
export function fprFloor(negativeScores: readonly number[], maxRate: number): number {
  if (negativeScores.length === 0) return 0;
  const sorted = [...negativeScores].sort((a, b) => b - a);
  const allowed = Math.floor(negativeScores.length * maxRate);
  return round((sorted[allowed] ?? 0) + 1e-6);
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;
