// What a training task declares: its heads (each a binary output with a threshold goal), which sets it
// trains on, and how it carves held-out evaluation splits out of them.
import type { ThresholdGoal } from '../calibrate.ts';
import type { LabelledText, SetId } from '../datasets.ts';

export interface HeadSpec {
  readonly name: string;
  readonly goal: ThresholdGoal;
  /** Cap on the false-positive rate over benign comments (rows with `benign: true` in validation). */
  readonly benignFprCap?: number;
}

export type EvaluationKind = 'binary' | 'davidson3';

export interface EvaluationSpec {
  readonly name: string;
  readonly head: string;
  /** How the rows were held out, in words (goes in the manifest and card). */
  readonly split: string;
  readonly rows: readonly LabelledText[];
  readonly kind: EvaluationKind;
  /**
   * What the metrics score (sponsorship only): 'app' (default) the combined scores the app shows,
   * 'head' the learned head alone, where the labels define a notion the rules deliberately depart
   * from. The other one is always reported beside it.
   */
  readonly scoredBy?: 'app' | 'head';
  /** A metric of binaryMetrics() (or 'weightedF1' for davidson3) and the bar it must clear. */
  readonly target?: { readonly metric: string; readonly value: number; readonly lowerIsBetter?: boolean };
}

export interface PreparedTask {
  readonly train: readonly LabelledText[];
  /** Training rows plus the grouped held-out rows, for leave-one-group-out estimates (see crossValidate). */
  readonly allRows?: readonly LabelledText[];
  /** Benign comments in training, kept apart so the benign FPR floor is chosen on their validation part. */
  readonly benign: ReadonlySet<LabelledText>;
  readonly evaluations: readonly EvaluationSpec[];
  /** Per set: rows after deduplication and rows used for training. */
  readonly setCounts: ReadonlyMap<SetId, { rowsAfterDedupe: number; trainRows: number }>;
  readonly notes: readonly string[];
}

export interface TaskSpec {
  readonly name: 'spam' | 'toxicity' | 'sponsorship';
  readonly heads: readonly HeadSpec[];
  /** Also report leave-one-group-out results for this head over the groups of this set. */
  readonly crossValidate?: { readonly head: string; readonly set: SetId };
  /** Loss weight per set (auxiliary sets count less). */
  readonly setWeights?: Partial<Record<SetId, number>>;
  prepare(datasetsRoot: string, permissiveOnly: boolean, seed: number): PreparedTask;
}

export function countTrain(counts: Map<SetId, { rowsAfterDedupe: number; trainRows: number }>, set: SetId, deduped: number, train: number): void {
  counts.set(set, { rowsAfterDedupe: deduped, trainRows: train });
}
