// Fits one head: picks hyperparameters on a validation split, calibrates (Platt) on that split and
// chooses the threshold for the head's goal (optionally floored by a benign false-positive cap).
import { ruleFeatureIndex, type Features } from '../featurize.ts';
import { RULE_PRIORS } from '../rules/ruleWeights.ts';
import type { RuleName } from '../rules/sponsorshipRules.ts';
import { chooseThreshold, fitPlatt, fprFloor, type Platt, type ThresholdChoice } from './calibrate.ts';
import type { LabelledText } from './datasets.ts';
import { balancedWeights, fitLogistic, logitOf, sigmoid, type LinearHead, type LogisticOptions } from './logistic.ts';
import { rocAuc } from './metrics.ts';
import { seededRandom, shuffleInPlace } from './random.ts';
import type { HeadSpec } from './tasks/taskTypes.ts';

export interface FittedHead {
  readonly name: string;
  readonly head: LinearHead;
  readonly calibration: Platt;
  readonly threshold: ThresholdChoice;
  readonly chosen: Record<string, number | string>;
  readonly trainRows: number;
  /** The validation rows the calibration and threshold were chosen on (never trained on). */
  readonly validation: readonly LabelledText[];
}

export const HYPERPARAMETER_GRID: readonly Omit<LogisticOptions, 'seed'>[] = [
  { epochs: 6, learningRate: 0.1, l2: 1e-6 },
  { epochs: 6, learningRate: 0.3, l2: 1e-6 },
  { epochs: 10, learningRate: 0.03, l2: 1e-6 },
];
export const VALIDATION_FRACTION = 0.15;

export function fitHead(
  spec: HeadSpec,
  rows: readonly LabelledText[],
  featuresOf: (text: string) => Features,
  dim: number,
  options: { seed: number; setWeights: Partial<Record<string, number>>; benign: ReadonlySet<LabelledText>; grid?: readonly Omit<LogisticOptions, 'seed'>[] },
): FittedHead {
  const labelled = rows.filter((r) => r.labels[spec.name] !== undefined);
  if (labelled.length === 0) return ruleOnlyHead(spec.name, dim);
  const order = shuffleInPlace([...labelled.keys()], seededRandom(options.seed + 17));
  const cut = Math.round(labelled.length * VALIDATION_FRACTION);
  const valIdx = new Set(order.slice(0, cut));
  const train = labelled.filter((_, i) => !valIdx.has(i));
  const val = labelled.filter((_, i) => valIdx.has(i));
  const x = train.map((r) => featuresOf(r.text));
  const y = Float32Array.from(train, (r) => r.labels[spec.name] ?? 0);
  const balanced = balancedWeights(y);
  const weights = Float32Array.from(train, (r, i) => (balanced[i] ?? 1) * (options.setWeights[r.set] ?? 1));
  const xv = val.map((r) => featuresOf(r.text));
  const yv = Float32Array.from(val, (r) => r.labels[spec.name] ?? 0);
  let best: { head: LinearHead; auc: number; params: Omit<LogisticOptions, 'seed'> } | undefined;
  for (const params of options.grid ?? HYPERPARAMETER_GRID) {
    const head = fitLogistic(x, y, weights, dim, { ...params, seed: options.seed });
    const auc = perSetAuc(val, xv.map((f) => logitOf(head, f)), yv);
    if (best === undefined || auc > best.auc) best = { head, auc, params };
  }
  if (best === undefined) throw new Error('empty hyperparameter grid');
  const logits = xv.map((f) => logitOf(best.head, f));
  const calibration = fitPlatt(logits, yv);
  const probs = logits.map((z) => sigmoid(calibration.a * z + calibration.c));
  const benignVal = val.flatMap((r, i) => (options.benign.has(r) ? [probs[i] ?? 0] : []));
  const floor = spec.benignFprCap !== undefined ? fprFloor(benignVal, spec.benignFprCap) : 0;
  const threshold = chooseThreshold(probs, yv, spec.goal, floor);
  return {
    name: spec.name,
    head: best.head,
    calibration,
    threshold,
    trainRows: train.length,
    validation: val,
    chosen: { ...best.params, validationAuc: Math.round(best.auc * 10_000) / 10_000, validationRows: val.length, benignFprFloor: floor },
  };
}

// Hyperparameters are chosen on the mean of per-set validation AUCs, so the largest set (Davidson's
// 25k tweets) does not decide alone what works for the others.
function perSetAuc(rows: readonly LabelledText[], scores: readonly number[], labels: Float32Array): number {
  const sets = [...new Set(rows.map((r) => r.set))];
  const aucs = sets.flatMap((set) => {
    const idx = rows.flatMap((r, i) => (r.set === set ? [i] : []));
    const y = idx.map((i) => labels[i] ?? 0);
    const positives = y.filter((v) => v === 1).length;
    return positives === 0 || positives === y.length ? [] : [rocAuc(idx.map((i) => scores[i] ?? 0), y)];
  });
  return aucs.length === 0 ? rocAuc(scores, labels) : aucs.reduce((a, b) => a + b, 0) / aucs.length;
}

/** A head with no licensed training rows: only the hand-set rule weights (RULE_PRIORS). */
function ruleOnlyHead(name: string, dim: number): FittedHead {
  const prior = RULE_PRIORS[name];
  const weights = new Float32Array(dim);
  const dimBits = Math.log2(dim);
  for (const [rule, w] of Object.entries(prior?.weights ?? {})) weights[ruleFeatureIndex(rule as RuleName, dimBits)] = w;
  return {
    name,
    head: { weights, bias: prior?.bias ?? 0 },
    calibration: { a: 1, c: 0 },
    threshold: { value: 0.5, goal: 'rules only: probability 0.5', goalMet: false },
    chosen: { method: 'hand-set rule weights (no permissively licensed training data)' },
    trainRows: 0,
    validation: [],
  };
}
