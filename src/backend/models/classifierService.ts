// The classifier service the rest of the app uses: open the shipped models once (on worker threads,
// so scoring never blocks the caller's event loop), classify texts, and list the models (name,
// version) for system.info.
import { TextClassifier } from '../../ml/classifier.ts';
import { classificationJson } from '../../ml/classificationWire.ts';
import { ClassifierPool, type PoolOptions } from '../../ml/classifierPool.ts';
import { ModelLoadError, readManifest, modelDirs } from '../../ml/registry.ts';
import { StoaUserError } from '../errors.ts';
import type { TaskName } from '../../ml/manifest.ts';
import { defaultModelsDir } from '../paths.ts';

export type { Classification } from '../../ml/classifier.ts';
import type { Classification } from '../../ml/classifier.ts';
export { SCORE_NAMES, type ScoreName } from '../../ml/classifier.ts';
export { STREAM_BATCH, STREAM_IN_FLIGHT } from '../../ml/classifierPool.ts';
export { forContentKind, type ContentKind } from '../../ml/contentKind.ts';
export type { TaskName } from '../../ml/manifest.ts';

export interface Classifier {
  /** Model name → version of every loaded model. */
  readonly modelVersions: Readonly<Record<string, string>>;
  readonly tasks: readonly TaskName[];
  /** Version of the model that scores `task` (what stored scores are compared against). */
  versionOf(task: TaskName): string | undefined;
  classify(texts: readonly string[]): Promise<Classification[]>;
  /** One JSON object per text, as `stoa classify` prints it (without id and model_versions). */
  classifyToJsonLines(texts: readonly string[]): Promise<string[]>;
  close(): Promise<void>;
}

type Engine = Pick<ClassifierPool, 'modelVersions' | 'loadedTasks' | 'classify' | 'classifyToJsonLines' | 'close'>;

export async function openClassifier(modelsDir: string = defaultModelsDir(), options: PoolOptions = {}): Promise<Classifier> {
  let inner: Engine;
  try {
    inner = options.workers === 0 ? await inThread(modelsDir, options) : await ClassifierPool.open(modelsDir, options);
  } catch (error) {
    // A bad or mismatched model is something a person fixes (retrain, reinstall): say so plainly.
    if (error instanceof ModelLoadError) throw new StoaUserError(error.message);
    // No worker threads (e.g. a bundle that did not emit classifierWorker.js): score in this thread.
    inner = await inThread(modelsDir, options).catch((inThreadError: unknown) => {
      throw inThreadError instanceof ModelLoadError ? new StoaUserError(inThreadError.message) : inThreadError;
    });
  }
  const versions = new Map<TaskName, string>();
  for (const dir of modelDirs(modelsDir)) {
    const manifest = readManifest(dir);
    if (inner.loadedTasks.includes(manifest.task) && !versions.has(manifest.task)) versions.set(manifest.task, manifest.version);
  }
  return {
    modelVersions: inner.modelVersions,
    tasks: inner.loadedTasks,
    versionOf: (task) => versions.get(task),
    classify: (texts) => inner.classify(texts),
    classifyToJsonLines: (texts) => inner.classifyToJsonLines(texts),
    close: () => inner.close(),
  };
}

export interface ModelSummary {
  readonly name: string;
  readonly version: string;
  readonly task: TaskName;
}

/** The models in `modelsDir` with a valid manifest (invalid ones are skipped; loading reports them). */
export function listModels(modelsDir: string = defaultModelsDir()): ModelSummary[] {
  const out: ModelSummary[] = [];
  for (const dir of modelDirs(modelsDir)) {
    try {
      const m = readManifest(dir);
      out.push({ name: m.name, version: m.version, task: m.task });
    } catch {
      // listed by nobody: openClassifier raises the manifest error with its reason
    }
  }
  return out;
}

async function inThread(modelsDir: string, options: PoolOptions): Promise<Engine> {
  const classifier = await TextClassifier.open(modelsDir, options);
  return {
    modelVersions: classifier.modelVersions,
    loadedTasks: classifier.loadedTasks,
    classify: (texts) => classifier.classify(texts),
    classifyToJsonLines: async (texts) => (await classifier.classify(texts)).map(classificationJson),
    close: () => classifier.close(),
  };
}
