// The training pipeline for one task: datasets → dedupe/split → featurize → fit heads → calibrate →
// thresholds → ONNX → verify against TypeScript → evaluate held-out splits → manifest + model card.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_FEATURIZER_PARAMS, FEATURIZER_VERSION, Featurizer, type Features } from '../featurize.ts';
import { LinearSession } from '../linearSession.ts';
import type { ManifestEvaluation, ModelManifest, TaskName } from '../manifest.ts';
import { DATASETS, type LabelledText, type SetId } from './datasets.ts';
import { leaveOneGroupOut } from './crossValidation.ts';
import { evaluateSplits } from './evaluate.ts';
import { exportLinearModel, verifyAgainstReference } from './exportModel.ts';
import { fitHead, HYPERPARAMETER_GRID, type FittedHead } from './fitHead.ts';
import { chooseSponsorshipLabelThresholds } from './labelThresholds.ts';
import { renderModelCard } from './modelCard.ts';
import { seededRandom, shuffleInPlace } from './random.ts';
import { TASK_SPECS } from './tasks/index.ts';
import type { EvaluationSpec, PreparedTask } from './tasks/taskTypes.ts';

export interface TrainOptions {
  readonly task: TaskName;
  readonly datasetsRoot: string;
  /** Where model.onnx, manifest.json and MODEL_CARD.md go; nothing is written when undefined. */
  readonly outDir?: string;
  readonly permissiveOnly: boolean;
  readonly seed: number;
  /** Keep at most this many rows of training data and of each evaluation (for quick tests). */
  readonly sampleRows?: number;
  /** Also train the permissive-only variant and put its metrics beside the full model's. */
  readonly withPermissiveVariant?: boolean;
  readonly log?: (message: string) => void;
}

export interface TrainResult {
  readonly manifest: ModelManifest;
  readonly modelBytes: Uint8Array;
}

export async function trainTask(options: TrainOptions): Promise<TrainResult> {
  const log = options.log ?? (() => undefined);
  const spec = TASK_SPECS[options.task];
  const prepared = sampled(spec.prepare(options.datasetsRoot, options.permissiveOnly, options.seed), options.sampleRows, options.seed);
  const featurizer = new Featurizer(DEFAULT_FEATURIZER_PARAMS);
  const dim = 1 << featurizer.params.dimBits;
  const cache = new Map<string, Features>();
  const featuresOf = (text: string): Features => {
    let f = cache.get(text);
    if (f === undefined) {
      f = featurizer.featurize(text);
      cache.set(text, f);
    }
    return f;
  };
  log(`${spec.name}: ${prepared.train.length} training rows, ${spec.heads.length} head(s)`);
  const grid = options.sampleRows !== undefined ? HYPERPARAMETER_GRID.slice(0, 1) : HYPERPARAMETER_GRID;
  const fitted: FittedHead[] = spec.heads.map((head) => {
    const started = Date.now();
    const result = fitHead(head, prepared.train, featuresOf, dim, { seed: options.seed, setWeights: spec.setWeights ?? {}, benign: prepared.benign, grid });
    log(`  head ${head.name}: ${result.trainRows} rows, ${JSON.stringify(result.chosen)}, threshold ${result.threshold.value} (${Date.now() - started} ms)`);
    return result;
  });
  const { bytes, calibrated } = exportLinearModel(dim, fitted, { task: spec.name, featurizer: FEATURIZER_VERSION });
  const session = await LinearSession.open(bytes, fitted.length);
  try {
    const sample = prepared.evaluations.flatMap((e) => e.rows).slice(0, 500).map((r) => featuresOf(r.text));
    const maxAbsDiff = await verifyAgainstReference(session, calibrated, sample);
    if (!(maxAbsDiff < 1e-4)) throw new Error(`ONNX output differs from the TypeScript reference by ${maxAbsDiff}`);
    log(`  ONNX ≡ TypeScript on ${sample.length} rows (max |Δ| = ${maxAbsDiff.toExponential(2)})`);
    const heads = fitted.map((h) => ({ name: h.name, threshold: h.threshold.value }));
    const labelChoice = await chooseSponsorshipLabelThresholds(session, featurizer, heads, fitted.find((h) => h.name === 'disclosure')?.validation ?? []);
    const evaluations = await evaluateSplits(session, featurizer, heads, prepared.evaluations, labelChoice.thresholds);
    for (const e of evaluations) log(`  ${e.name}: ${summary(e)}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // The version changes whenever the weights or the thresholds do, so stored scores get re-scored.
    const versionHash = createHash('sha256').update(sha256).update(JSON.stringify(heads)).update(JSON.stringify(labelChoice.thresholds)).digest('hex').slice(0, 12);
    const manifest: ModelManifest = {
      name: options.permissiveOnly ? `${spec.name}-permissive` : spec.name,
      task: spec.name,
      version: `${spec.name}-${versionHash}`,
      createdAt: new Date().toISOString(),
      featurizer: { version: FEATURIZER_VERSION, params: { ...featurizer.params } },
      heads: fitted.map((h) => ({ name: h.name, threshold: h.threshold.value, thresholdGoal: h.threshold.goal, goalMet: h.threshold.goalMet, calibration: { ...h.calibration } })),
      languages: ['en'],
      training: {
        seed: options.seed,
        permissiveOnly: options.permissiveOnly,
        sets: setSummary(prepared),
        hyperparameters: Object.fromEntries(fitted.map((h) => [h.name, h.chosen])),
        notes: [...prepared.notes],
      },
      evaluations,
      ...(Object.keys(labelChoice.thresholds).length > 0 ? { labelThresholds: labelChoice.thresholds, labelThresholdNotes: labelChoice.notes } : {}),
      onnx: { file: 'model.onnx', sha256, bytes: bytes.length },
      verification: { rows: sample.length, maxAbsDiff },
    };
    const cv = spec.crossValidate;
    const cvHead = spec.heads.find((h) => h.name === cv?.head);
    if (cv !== undefined && cvHead !== undefined && prepared.allRows !== undefined && options.sampleRows === undefined && options.outDir !== undefined) {
      const folds = leaveOneGroupOut(cvHead, prepared.allRows, cv.set, featuresOf, dim, { seed: options.seed, setWeights: spec.setWeights ?? {} });
      for (const f of folds) log(`  leave-one-out ${f.heldOut}: accuracy ${f.accuracy} f1 ${f.f1} auc ${f.auc}`);
      manifest.crossValidation = { head: cv.head, set: cv.set, folds };
    }
    if (options.withPermissiveVariant === true && !options.permissiveOnly) {
      log(`${spec.name}: permissive-only variant`);
      const variant = await trainTask({ ...options, permissiveOnly: true, outDir: undefined, withPermissiveVariant: false });
      manifest.permissiveVariant = { sets: variant.manifest.training.sets.filter((s) => s.trainRows > 0).map((s) => s.id), evaluations: variant.manifest.evaluations };
    }
    if (options.outDir !== undefined) writeModelDir(options.outDir, manifest, bytes);
    return { manifest, modelBytes: bytes };
  } finally {
    await session.close();
  }
}

function writeModelDir(dir: string, manifest: ModelManifest, bytes: Uint8Array): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'model.onnx'), bytes);
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, 'MODEL_CARD.md'), renderModelCard(manifest));
}

function setSummary(prepared: PreparedTask): ModelManifest['training']['sets'] {
  const trainBySet = new Map<SetId, number>();
  for (const r of prepared.train) if (r.set !== 'stoa-checks') trainBySet.set(r.set, (trainBySet.get(r.set) ?? 0) + 1);
  const ids = new Set<SetId>([...prepared.setCounts.keys(), ...trainBySet.keys()]);
  return [...ids].sort().map((id) => ({
    id,
    licence: DATASETS[id].licence,
    permissive: DATASETS[id].permissive,
    rowsAfterDedupe: prepared.setCounts.get(id)?.rowsAfterDedupe ?? 0,
    trainRows: trainBySet.get(id) ?? 0,
  }));
}

// For tests: a deterministic sample of the training rows and of each evaluation split.
function sampled(prepared: PreparedTask, limit: number | undefined, seed: number): PreparedTask {
  if (limit === undefined) return prepared;
  const take = <T>(rows: readonly T[]): T[] => shuffleInPlace([...rows], seededRandom(seed + 7)).slice(0, limit);
  const evaluations: EvaluationSpec[] = prepared.evaluations.map((e) => ({ ...e, rows: take(e.rows) }));
  const train: LabelledText[] = take(prepared.train);
  return { ...prepared, train, evaluations };
}

function summary(e: ManifestEvaluation): string {
  const m = e.metrics;
  const pick = ['accuracy', 'f1', 'macroF1', 'weightedF1', 'falsePositiveRate', 'auc'].filter((k) => typeof m[k] === 'number').map((k) => `${k}=${String(m[k])}`);
  const target = e.target === undefined ? '' : ` [target ${e.target.metric} ${e.target.value}: ${e.target.met ? 'met' : 'MISSED'}]`;
  return `${e.rows} rows ${pick.join(' ')}${target}`;
}
