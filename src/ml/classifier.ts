// The classifier the app uses: loads every model in models/ once, featurizes each text once (all
// models share the featurizer) and scores a batch with ONE onnxruntime call: the loaded models' weight
// columns are stacked into a single linear graph at load time (same math as each model.onnx, one
// Gather instead of three). Head probabilities become Stoa's scores, labels and evidence:
//   spam, toxicity — the heads' calibrated probabilities;
//   commercial, disclosure, undisclosed_sponsorship — heads and rules combined by sponsorshipScores.ts.
import { Featurizer, type Features } from './featurize.ts';
import { explain, type EvidenceSpan } from './evidence.ts';
import { LanguageIdentifier, type LanguageGuess } from './language.ts';
import type { TaskName } from './manifest.ts';
import { linearModelBytes } from './linearGraph.ts';
import { LinearSession } from './linearSession.ts';
import { loadModelWeights, modelDirs, readManifest, type ModelWeights } from './registry.ts';
import { combineSponsorship, sponsorshipThresholds, undisclosedLabel } from './sponsorshipScores.ts';

export const SCORE_NAMES = ['spam', 'toxicity', 'commercial', 'disclosure', 'disclosure_present', 'undisclosed_sponsorship'] as const;
export type ScoreName = (typeof SCORE_NAMES)[number];
/**
 * Labels over calibrated thresholds. `disclosure` and `disclosure_adequate` are the same decision
 * (adequate disclosure: wording RULES.md accepts, where it must be); `disclosure_present` is wording
 * anywhere. `self_promotion` is given to comments instead of `undisclosed_sponsorship` (contentKind.ts).
 */
export const LABEL_NAMES = [...SCORE_NAMES, 'disclosure_adequate', 'self_promotion'] as const;
export type LabelName = (typeof LABEL_NAMES)[number];

export interface Classification {
  /** null when the task was not requested or the text's language is one the model was not trained on. */
  readonly scores: Record<ScoreName, number | null>;
  readonly labels: LabelName[];
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
    private readonly models: ReadonlyMap<TaskName, ModelWeights>,
    /** First column of each task's heads in the fused output. */
    private readonly offsets: ReadonlyMap<TaskName, number>,
    private readonly session: LinearSession | null,
    private readonly featurizer: Featurizer,
    private readonly languages: LanguageIdentifier | null,
  ) {}

  static async open(modelsDir: string, options: ClassifierOptions = {}): Promise<TextClassifier> {
    const wanted = new Set(options.tasks ?? ['spam', 'toxicity', 'sponsorship']);
    const models = new Map<TaskName, ModelWeights>();
    for (const dir of modelDirs(modelsDir)) {
      const manifest = readManifest(dir);
      if (!wanted.has(manifest.task) || models.has(manifest.task)) continue;
      models.set(manifest.task, loadModelWeights(dir));
    }
    const { offsets, session } = await fuse(models);
    const languages = options.languageId === false ? null : await LanguageIdentifier.open();
    return new TextClassifier(models, offsets, session, new Featurizer(), languages);
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
    const languages = texts.map((t, i) => (this.languages === null ? null : this.languages.identify(t, features[i]?.tokens)));
    const probabilities = this.session === null ? new Float32Array(0) : await this.session.run(features);
    return texts.map((text, i) => this.assemble(text, features[i] as Features, languages[i] ?? null, probabilities, i));
  }

  async close(): Promise<void> {
    await this.session?.close();
  }

  private assemble(text: string, features: Features, language: LanguageGuess | null, probabilities: Float32Array, row: number): Classification {
    const scores: Record<ScoreName, number | null> = { spam: null, toxicity: null, commercial: null, disclosure: null, disclosure_present: null, undisclosed_sponsorship: null };
    const labels: LabelName[] = [];
    const evidence: EvidenceSpan[] = [];
    const unsupportedLanguage: TaskName[] = [];
    const base = row * (this.session?.heads ?? 0);
    for (const [task, model] of this.models) {
      if (language !== null && !supports(model, language)) {
        unsupportedLanguage.push(task);
        continue;
      }
      const heads = model.manifest.heads;
      const at = base + (this.offsets.get(task) ?? 0);
      if (task === 'spam' || task === 'toxicity') {
        const k = headIndex(model, task);
        const p = probabilities[at + k] ?? 0;
        scores[task] = round(p);
        if (p >= (heads[k]?.threshold ?? 1)) {
          labels.push(task);
          evidence.push(...explain(task, text, features, model.weights, heads.length, k));
        }
        continue;
      }
      const c = headIndex(model, 'commercial');
      const d = headIndex(model, 'disclosure');
      const combined = combineSponsorship(probabilities[at + c] ?? 0, probabilities[at + d] ?? 0, features.rules);
      const t = sponsorshipThresholds(heads, model.manifest.labelThresholds);
      scores.commercial = round(combined.commercial);
      scores.disclosure = round(combined.disclosure);
      scores.disclosure_present = round(combined.disclosurePresence);
      scores.undisclosed_sponsorship = round(combined.undisclosedSponsorship);
      const isCommercial = combined.commercial >= t.commercial;
      const isDisclosed = combined.disclosure >= t.disclosureAdequate;
      const isPresent = combined.disclosurePresence >= t.disclosurePresent;
      if (isCommercial) {
        labels.push('commercial');
        evidence.push(...explain('commercial', text, features, model.weights, heads.length, c));
      }
      if (isPresent || isDisclosed || combined.disclosureHidden) evidence.push(...explain('disclosure', text, features, model.weights, heads.length, d));
      if (isDisclosed) labels.push('disclosure', 'disclosure_adequate');
      if (isPresent) labels.push('disclosure_present');
      if (undisclosedLabel(combined.commercial, combined.disclosure, t)) labels.push('undisclosed_sponsorship');
    }
    return { scores, labels, evidence, language, unsupportedLanguage };
  }
}

function headIndex(model: ModelWeights, name: string): number {
  const heads = model.manifest.heads;
  for (let k = 0; k < heads.length; k++) if (heads[k]?.name === name) return k;
  return -1;
}

/** One graph whose weight columns are every loaded model's heads, side by side. */
async function fuse(models: ReadonlyMap<TaskName, ModelWeights>): Promise<{ offsets: Map<TaskName, number>; session: LinearSession | null }> {
  const offsets = new Map<TaskName, number>();
  let total = 0;
  for (const [task, m] of models) {
    offsets.set(task, total);
    total += m.manifest.heads.length;
  }
  const first = [...models.values()][0];
  if (first === undefined) return { offsets, session: null };
  const dim = 1 << first.manifest.featurizer.params.dimBits;
  const weights = new Float32Array(dim * total);
  const bias = new Float32Array(total);
  for (const [task, m] of models) {
    const k = m.manifest.heads.length;
    const offset = offsets.get(task) ?? 0;
    for (let j = 0; j < dim; j++) for (let h = 0; h < k; h++) weights[j * total + offset + h] = m.weights[j * k + h] ?? 0;
    bias.set(m.bias, offset);
  }
  const heads = [...models.values()].flatMap((m) => m.manifest.heads.map((h) => `${m.manifest.task}.${h.name}`));
  return { offsets, session: await LinearSession.open(linearModelBytes(dim, heads, weights, bias, { fused: 'true' }), total) };
}

function supports(model: ModelWeights, language: LanguageGuess): boolean {
  if (language.method !== 'fasttext' || language.confidence < MIN_LANGUAGE_CONFIDENCE) return true;
  return model.manifest.languages.includes(language.language);
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;
