// Turns fitted heads into the shipped ONNX model: calibration folded into the weights
// (a·(w·x + b) + c), heads stacked as columns of W, and a check that onnxruntime's outputs equal the
// TypeScript reference computation on real rows.
import type { Features } from '../featurize.ts';
import { linearModelBytes } from '../linearGraph.ts';
import type { LinearSession } from '../linearSession.ts';
import type { FittedHead } from './fitHead.ts';
import { logitOf, sigmoid, type LinearHead } from './logistic.ts';

/** Calibrated head: logits of this head are already Platt-scaled. */
export function foldCalibration(fitted: FittedHead): LinearHead {
  const { a, c } = fitted.calibration;
  return { weights: fitted.head.weights.map((w) => w * a), bias: a * fitted.head.bias + c };
}

export function exportLinearModel(dim: number, heads: readonly FittedHead[], metadata: Record<string, string>): { bytes: Uint8Array; calibrated: LinearHead[] } {
  const calibrated = heads.map(foldCalibration);
  const k = heads.length;
  const weights = new Float32Array(dim * k);
  calibrated.forEach((h, col) => {
    for (let j = 0; j < dim; j++) weights[j * k + col] = h.weights[j] ?? 0;
  });
  const bias = Float32Array.from(calibrated, (h) => h.bias);
  return { bytes: linearModelBytes(dim, heads.map((h) => h.name), weights, bias, metadata), calibrated };
}

/** Largest |ONNX − TypeScript| probability over the sample; the pipeline refuses a model above 1e-4. */
export async function verifyAgainstReference(session: LinearSession, calibrated: readonly LinearHead[], sample: readonly Features[]): Promise<number> {
  const onnx = await session.run(sample);
  let worst = 0;
  sample.forEach((f, i) => {
    calibrated.forEach((head, k) => {
      const reference = sigmoid(logitOf(head, f));
      worst = Math.max(worst, Math.abs(reference - (onnx[i * calibrated.length + k] ?? Number.NaN)));
    });
  });
  return worst;
}
