// Logistic regression over sparse hashed features, trained by AdaGrad SGD with L2 applied to the
// weights a row touches (the usual lazy approximation for sparse data). Deterministic for a seed.
import { seededRandom, shuffleInPlace } from './random.ts';

export interface SparseRow {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

export interface LinearHead {
  readonly weights: Float32Array;
  bias: number;
}

export interface LogisticOptions {
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly seed: number;
}

export function logitOf(head: LinearHead, row: SparseRow): number {
  let z = head.bias;
  const { indices, values } = row;
  for (let k = 0; k < indices.length; k++) z += (head.weights[indices[k] ?? 0] ?? 0) * (values[k] ?? 0);
  return z;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * Fits one head. `sampleWeights` scale each row's loss (class balance, down-weighting auxiliary sets).
 */
export function fitLogistic(
  rows: readonly SparseRow[],
  labels: ArrayLike<number>,
  sampleWeights: ArrayLike<number>,
  dim: number,
  options: LogisticOptions,
): LinearHead {
  const head: LinearHead = { weights: new Float32Array(dim), bias: 0 };
  const g2 = new Float32Array(dim);
  let biasG2 = 0;
  const eps = 1e-8;
  const random = seededRandom(options.seed);
  const order = [...rows.keys()];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const row = rows[i];
      if (row === undefined) continue;
      const err = (sigmoid(logitOf(head, row)) - (labels[i] ?? 0)) * (sampleWeights[i] ?? 1);
      const { indices, values } = row;
      for (let k = 0; k < indices.length; k++) {
        const j = indices[k] ?? 0;
        const w = head.weights[j] ?? 0;
        const grad = err * (values[k] ?? 0) + options.l2 * w;
        const acc = (g2[j] ?? 0) + grad * grad;
        g2[j] = acc;
        head.weights[j] = w - (options.learningRate * grad) / (Math.sqrt(acc) + eps);
      }
      biasG2 += err * err;
      head.bias -= (options.learningRate * err) / (Math.sqrt(biasG2) + eps);
    }
  }
  return head;
}

/** Weights that balance the classes: each class contributes half of the total loss. */
export function balancedWeights(labels: ArrayLike<number>): Float32Array {
  let pos = 0;
  for (let i = 0; i < labels.length; i++) pos += labels[i] === 1 ? 1 : 0;
  const neg = labels.length - pos;
  const out = new Float32Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = labels[i] === 1 ? labels.length / (2 * Math.max(pos, 1)) : labels.length / (2 * Math.max(neg, 1));
  return out;
}
