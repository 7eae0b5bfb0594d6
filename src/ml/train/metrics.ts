// Classification metrics for held-out evaluation: binary precision/recall/F1/accuracy/FPR, macro
// and weighted F1 over classes, and ROC-AUC.

export interface BinaryMetrics {
  readonly n: number;
  readonly positives: number;
  readonly accuracy: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Mean of the positive- and negative-class F1 (OffensEval's "macro-F1"). */
  readonly macroF1: number;
  readonly falsePositiveRate: number;
  readonly auc: number;
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;
const safeDiv = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const f1Of = (p: number, r: number): number => safeDiv(2 * p * r, p + r);

export function binaryMetrics(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const predicted = (scores[i] ?? 0) >= threshold;
    const actual = labels[i] === 1;
    if (predicted && actual) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
    else tn++;
  }
  const precision = safeDiv(tp, tp + fp);
  const recall = safeDiv(tp, tp + fn);
  const negPrecision = safeDiv(tn, tn + fn);
  const negRecall = safeDiv(tn, tn + fp);
  return {
    n: labels.length,
    positives: tp + fn,
    accuracy: round(safeDiv(tp + tn, labels.length)),
    precision: round(precision),
    recall: round(recall),
    f1: round(f1Of(precision, recall)),
    macroF1: round((f1Of(precision, recall) + f1Of(negPrecision, negRecall)) / 2),
    falsePositiveRate: round(safeDiv(fp, fp + tn)),
    auc: round(rocAuc(scores, labels)),
  };
}

/** Per-class F1 and the support-weighted mean, for a multi-class prediction. */
export function weightedF1(predicted: readonly number[], actual: readonly number[], classes: readonly number[]): { weightedF1: number; perClass: Record<string, number> } {
  const perClass: Record<string, number> = {};
  let weighted = 0;
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < actual.length; i++) {
      if (predicted[i] === c && actual[i] === c) tp++;
      else if (predicted[i] === c) fp++;
      else if (actual[i] === c) fn++;
    }
    const f1 = f1Of(safeDiv(tp, tp + fp), safeDiv(tp, tp + fn));
    perClass[String(c)] = round(f1);
    weighted += f1 * (tp + fn);
  }
  return { weightedF1: round(safeDiv(weighted, actual.length)), perClass };
}

/** Mann–Whitney AUC with ties counted half. */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: labels.length }, (_, i) => i).sort((a, b) => (scores[a] ?? 0) - (scores[b] ?? 0));
  let rankSumPos = 0;
  let pos = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1] ?? 0] === scores[order[i] ?? 0]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (labels[order[k] ?? 0] === 1) {
      rankSumPos += avgRank;
      pos++;
    }
    i = j + 1;
  }
  const neg = labels.length - pos;
  return pos === 0 || neg === 0 ? 0.5 : (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}
