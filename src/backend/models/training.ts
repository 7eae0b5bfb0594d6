// Training and evaluation entry points for the CLI (`stoa train`, `stoa eval`).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SCORE_NAMES, TextClassifier } from '../../ml/classifier.ts';
import { TASKS, type TaskName } from '../../ml/manifest.ts';
import { binaryMetrics, type BinaryMetrics } from '../../ml/train/metrics.ts';
import { trainTask, type TrainResult } from '../../ml/train/pipeline.ts';
import { StoaUserError } from '../errors.ts';
import { appRoot, defaultModelsDir } from '../paths.ts';

export const DEFAULT_SEED = 20261125;

/** --datasets, else $STOA_DATASETS, else ../shared/datasets next to the repository. */
export function resolveDatasetsDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const dir = resolve(flag ?? env.STOA_DATASETS ?? join(appRoot(), '../shared/datasets'));
  if (!existsSync(dir)) throw new StoaUserError(`No datasets at ${dir}. Pass --datasets DIR or set STOA_DATASETS.`);
  return dir;
}

export function parseTask(value: string): TaskName {
  if ((TASKS as readonly string[]).includes(value)) return value as TaskName;
  throw new StoaUserError(`Unknown task "${value}". Use one of: ${TASKS.join(', ')}.`);
}

export interface TrainRequest {
  readonly task: TaskName;
  readonly datasetsDir: string;
  readonly outDir?: string;
  readonly permissiveOnly: boolean;
  readonly seed?: number;
  readonly log?: (line: string) => void;
}

export function runTraining(request: TrainRequest): Promise<TrainResult> {
  return trainTask({
    task: request.task,
    datasetsRoot: request.datasetsDir,
    outDir: request.outDir ?? join(defaultModelsDir(), request.task),
    permissiveOnly: request.permissiveOnly,
    seed: request.seed ?? DEFAULT_SEED,
    withPermissiveVariant: !request.permissiveOnly,
    ...(request.log === undefined ? {} : { log: request.log }),
  });
}

export interface EvalReport {
  readonly task: TaskName;
  readonly score: string;
  readonly data: string;
  readonly modelVersions: Record<string, string>;
  /** At the operating point the app uses: each score's label threshold from the manifest. */
  readonly metrics: BinaryMetrics;
  readonly skippedUnsupportedLanguage: number;
}

/**
 * Evaluates the shipped model on a JSON-lines file of {"text", "label"} (label 0/1 for `score`, which
 * defaults to the task's main score) using exactly the scores `stoa classify` prints.
 */
export async function evaluateFile(task: TaskName, file: string, options: { modelsDir?: string; score?: string } = {}): Promise<EvalReport> {
  if (!existsSync(file)) throw new StoaUserError(`No such file: ${file}`);
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      try {
        const parsed = JSON.parse(line) as { text?: unknown; label?: unknown };
        if (typeof parsed.text !== 'string' || (parsed.label !== 0 && parsed.label !== 1)) throw new Error('needs "text" (string) and "label" (0 or 1)');
        return { text: parsed.text, label: parsed.label };
      } catch (error) {
        throw new StoaUserError(`${file} line ${i + 1}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  const score = options.score ?? (task === 'sponsorship' ? 'undisclosed_sponsorship' : task);
  if (!(SCORE_NAMES as readonly string[]).includes(score)) throw new StoaUserError(`Unknown score "${score}". Use one of: ${SCORE_NAMES.join(', ')}.`);
  const classifier = await TextClassifier.open(options.modelsDir ?? defaultModelsDir(), { tasks: [task] });
  try {
    const results = await classifier.classify(rows.map((r) => r.text));
    const kept = results.flatMap((r, i) => (r.unsupportedLanguage.includes(task) ? [] : [{ s: r.scores[score as keyof typeof r.scores] ?? 0, y: rows[i]?.label ?? 0, labelled: r.labels.includes(score as never) }]));
    // The label decision already applies each score's threshold; metrics at that operating point.
    const predicted = kept.map((k) => (k.labelled ? 1 : 0));
    const metrics = { ...binaryMetrics(predicted, kept.map((k) => k.y), 0.5), auc: binaryMetrics(kept.map((k) => k.s), kept.map((k) => k.y), 0.5).auc };
    return { task, score, data: file, modelVersions: classifier.modelVersions, metrics, skippedUnsupportedLanguage: results.length - kept.length };
  } finally {
    await classifier.close();
  }
}
