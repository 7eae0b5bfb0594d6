// Leave-one-group-out estimates (e.g. each YouTube video held out in turn): the shipped model holds out
// one video; these numbers say how much that one choice matters. Each fold refits the head on the
// other groups with the same hyperparameter grid, calibration and threshold rule, in memory only.
import type { Features } from '../featurize.ts';
import type { LabelledText } from './datasets.ts';
import { fitHead } from './fitHead.ts';
import { logitOf, sigmoid } from './logistic.ts';
import { binaryMetrics } from './metrics.ts';
import type { HeadSpec } from './tasks/taskTypes.ts';

export interface FoldResult {
  readonly heldOut: string;
  readonly rows: number;
  readonly accuracy: number;
  readonly f1: number;
  readonly auc: number;
}

export function leaveOneGroupOut(
  head: HeadSpec,
  rows: readonly LabelledText[],
  groupedSet: string,
  featuresOf: (text: string) => Features,
  dim: number,
  options: { seed: number; setWeights: Partial<Record<string, number>> },
): FoldResult[] {
  const groups = [...new Set(rows.filter((r) => r.set === groupedSet).map((r) => r.group))].sort();
  return groups.map((group) => {
    const test = rows.filter((r) => r.set === groupedSet && r.group === group);
    const train = rows.filter((r) => !(r.set === groupedSet && r.group === group));
    const fitted = fitHead(head, train, featuresOf, dim, { ...options, benign: new Set() });
    const scores = test.map((r) => sigmoid(fitted.calibration.a * logitOf(fitted.head, featuresOf(r.text)) + fitted.calibration.c));
    const m = binaryMetrics(scores, test.map((r) => r.labels[head.name] ?? 0), fitted.threshold.value);
    return { heldOut: group, rows: test.length, accuracy: m.accuracy, f1: m.f1, auc: m.auc };
  });
}
