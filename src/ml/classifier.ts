// The classifier the app uses: loads every model in models/ once, featurizes each text once (all
// models share the featurizer), runs one batched ONNX call per model, and turns head probabilities
// into Stoa's scores, labels and evidence:
//   spam, toxicity — the heads' calibrated probabilities;
//   commercial, disclosure, undisclosed_sponsorship — heads and rules combined by sponsorshipScores.ts.
import { Featurizer, type Features } from './featurize.ts';
import { explain, type EvidenceSpan } from './evidence.ts';
import { LanguageIdentifier, type LanguageGuess } from './language.ts';
import type { TaskName } from './manifest.ts';
import { loadModel, modelDirs, readManifest, type LoadedModel } from './registry.ts';
import { combineSponsorship } from './sponsorshipScores.ts';

export const SCORE_NAMES = ['spam', 'toxicity', 'commercial', 'disclosure', 'undisclosed_sponsorship'] as const;
export type ScoreName = (typeof SCORE_NAMES)[number];

export interface Classification {
  /** null when the task was not requested or the text's language is one the model was not trained on. */
  readonly scores: Record<ScoreName, number | null>;
  readonly labels: ScoreName[];
  readonly evidence: EvidenceSpan[];
  readonly language: LanguageGuess | null;
  /** Tasks not scored because the text is in a language their model does not support. */
  readonly unsupportedLanguage: TaskName[];
}

export interface ClassifierOptions {
  readonly tasks?: readonly TaskName[];
  /** Identify each text's language with fastText lid.176 (default true). */
  readonly languageId?: boolean;
}

const MIN_LANGUAGE_CONFIDENCE = 0.5;

export class TextClassifier {
  private constructor(
    private readonly models: ReadonlyMap<TaskName, LoadedModel>,
    private readonly featurizer: Featurizer,
    private readonly languages: LanguageIdentifier | null,
  ) {}

  static async open(modelsDir: string, options: ClassifierOptions = {}): Promise<TextClassifier> {
    const wanted = new Set(options.tasks ?? ['spam', 'toxicity', 'sponsorship']);
    const models = new Map<TaskName, LoadedModel>();
    for (const dir of modelDirs(modelsDir)) {
      const manifest = readManifest(dir);
      if (!wanted.has(manifest.task) || models.has(manifest.task)) continue;
      models.set(manifest.task, await loadModel(dir));
    }
    const languages = options.languageId === false ? null : await LanguageIdentifier.open();
    return new TextClassifier(models, new Featurizer(), languages);
  }

  /** Model name → version, for every loaded model (what `model_versions` reports). */
  get modelVersions(): Record<string, string> {
    return Object.fromEntries([...this.models.values()].map((m) => [m.manifest.name, m.manifest.version]));
  }

  get loadedTasks(): TaskName[] {
    return [...this.models.keys()];
  }

  /** Scores a batch; results are in input order. */
  async classify(texts: readonly string[]): Promise<Classification[]> {
    const features = texts.map((t) => this.featurizer.featurize(t));
    const languages = texts.map((t) => (this.languages === null ? null : this.languages.identify(t)));
    const probabilities = new Map<TaskName, Float32Array>();
    await Promise.all(
      [...this.models].map(async ([task, model]) => {
        probabilities.set(task, await model.session.run(features));
      }),
    );
    return texts.map((text, i) => this.assemble(text, features[i] as Features, languages[i] ?? null, probabilities, i));
  }

  async close(): Promise<void> {
    for (const m of this.models.values()) await m.session.close();
  }

  private assemble(text: string, features: Features, language: LanguageGuess | null, probabilities: ReadonlyMap<TaskName, Float32Array>, row: number): Classification {
    const scores: Record<ScoreName, number | null> = { spam: null, toxicity: null, commercial: null, disclosure: null, undisclosed_sponsorship: null };
    const labels: ScoreName[] = [];
    const evidence: EvidenceSpan[] = [];
    const unsupportedLanguage: TaskName[] = [];
    for (const [task, model] of this.models) {
      if (language !== null && !supports(model, language)) {
        unsupportedLanguage.push(task);
        continue;
      }
      const probs = probabilities.get(task);
      const heads = model.manifest.heads;
      const head = (name: string): { p: number; threshold: number; k: number } => {
        const k = heads.findIndex((h) => h.name === name);
        return { p: round(probs?.[row * heads.length + k] ?? 0), threshold: heads[k]?.threshold ?? 1, k };
      };
      const because = (score: ScoreName, k: number): void => {
        evidence.push(...explain(score, text, features, model.weights, heads.length, k));
      };
      if (task === 'spam' || task === 'toxicity') {
        const h = head(task);
        scores[task] = h.p;
        if (h.p >= h.threshold) {
          labels.push(task);
          because(task, h.k);
        }
        continue;
      }
      const commercial = head('commercial');
      const disclosure = head('disclosure');
      const combined = combineSponsorship(commercial.p, disclosure.p, features.rules);
      scores.commercial = round(combined.commercial);
      scores.disclosure = round(combined.disclosure);
      scores.undisclosed_sponsorship = round(combined.undisclosedSponsorship);
      const isCommercial = combined.commercial >= commercial.threshold;
      const isDisclosed = combined.disclosure >= disclosure.threshold;
      if (isCommercial) {
        labels.push('commercial');
        because('commercial', commercial.k);
      }
      if (isDisclosed || combined.disclosureHidden) because('disclosure', disclosure.k);
      if (isDisclosed) labels.push('disclosure');
      if (isCommercial && !isDisclosed) labels.push('undisclosed_sponsorship');
    }
    return { scores, labels, evidence, language, unsupportedLanguage };
  }
}

function supports(model: LoadedModel, language: LanguageGuess): boolean {
  if (language.method !== 'fasttext' || language.confidence < MIN_LANGUAGE_CONFIDENCE) return true;
  return model.manifest.languages.includes(language.language);
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;
