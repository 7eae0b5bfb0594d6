// Scores held-out splits with the exported ONNX model (the artefact we ship, not the in-memory
// weights) and computes each evaluation's metrics and whether its target is met.
import type { Featurizer } from '../featurize.ts';
import type { LinearSession } from '../linearSession.ts';
import type { ManifestEvaluation } from '../manifest.ts';
import { binaryMetrics, weightedF1 } from './metrics.ts';
import { splitDigest } from './split.ts';
import { combineSponsorship, sponsorshipThresholds, undisclosedLabel, type SponsorshipThresholds } from '../sponsorshipScores.ts';
import type { EvaluationSpec } from './tasks/taskTypes.ts';

const BATCH = 512;

/** Probabilities for every text, row-major [texts.length, session.heads]. */
export async function scoreTexts(session: LinearSession, featurizer: Featurizer, texts: readonly string[]): Promise<Float32Array> {
  const out = new Float32Array(texts.length * session.heads);
  for (let start = 0; start < texts.length; start += BATCH) {
    const batch = texts.slice(start, start + BATCH).map((t) => featurizer.featurize(t));
    out.set(await session.run(batch), start * session.heads);
  }
  return out;
}

export async function evaluateSplits(
  session: LinearSession,
  featurizer: Featurizer,
  heads: readonly { name: string; threshold: number }[],
  specs: readonly EvaluationSpec[],
  /** Sponsorship label thresholds chosen on validation (manifest `labelThresholds`). */
  labelThresholds: Readonly<Record<string, number>> = {},
): Promise<ManifestEvaluation[]> {
  const results: ManifestEvaluation[] = [];
  for (const spec of specs) {
    if (spec.rows.length === 0) continue;
    const probs = await scoreTexts(session, featurizer, spec.rows.map((r) => r.text));
    const column = (name: string): { scores: Float32Array; threshold: number } => {
      const k = heads.findIndex((h) => h.name === name);
      if (k < 0) throw new Error(`evaluation ${spec.name} names unknown head ${name}`);
      return { scores: probs.filter((_, i) => i % heads.length === k), threshold: heads[k]?.threshold ?? 0.5 };
    };
    const labels = Float32Array.from(spec.rows, (r) => r.labels[spec.head] ?? 0);
    const rawHead = spec.kind === 'binary' ? binaryMetrics(column(spec.head).scores, labels, column(spec.head).threshold) : undefined;
    // Sponsorship is evaluated on the combined scores the app shows (heads + rules); the learned head
    // alone is kept beside it as `learnedHeadOnly`.
    const combined = heads.some((h) => h.name === 'commercial') && heads.some((h) => h.name === 'disclosure');
    const labelled = combined ? combineSponsorshipColumns(probs, heads, spec.rows.map((r) => r.text), featurizer) : undefined;
    let metrics: Record<string, unknown>;
    if (spec.kind === 'davidson3') {
      const tox = column('toxicity');
      const hate = column('hate');
      const offensive = heads.some((h) => h.name === 'offensive') ? column('offensive') : tox;
      const predicted = spec.rows.map((_, i) => ((hate.scores[i] ?? 0) >= hate.threshold ? 0 : (offensive.scores[i] ?? 0) >= offensive.threshold ? 1 : 2));
      const actual = spec.rows.map((r) => r.davidsonClass ?? 2);
      const multi = weightedF1(predicted, actual, [0, 1, 2]);
      const binary = binaryMetrics(tox.scores, Float32Array.from(spec.rows, (r) => r.labels.toxicity ?? 0), tox.threshold);
      metrics = { weightedF1: multi.weightedF1, perClassF1: { hate: multi.perClass['0'], offensive: multi.perClass['1'], neither: multi.perClass['2'] }, binaryToxic: binary };
    } else {
      const { scores, threshold } = column(spec.head);
      const app = binaryMetrics(scores, labels, threshold);
      if (!combined || labelled === undefined) metrics = { ...app, threshold };
      else {
        const labelMetrics = sponsorshipLabelMetrics(labelled, labels, spec.head, sponsorshipThresholds(heads, labelThresholds));
        if (spec.scoredBy === 'head' && rawHead !== undefined) metrics = { ...rawHead, threshold, appScore: app, ...labelMetrics };
        else metrics = { ...app, threshold, learnedHeadOnly: rawHead, ...labelMetrics };
      }
    }
    const result: ManifestEvaluation = { name: spec.name, head: spec.head, split: spec.split, rows: spec.rows.length, digest: splitDigest(spec.rows), metrics };
    if (spec.target !== undefined) {
      const achieved = typeof metrics[spec.target.metric] === 'number' ? (metrics[spec.target.metric] as number) : Number.NaN;
      const met = spec.target.lowerIsBetter === true ? achieved <= spec.target.value : achieved >= spec.target.value;
      results.push({ ...result, target: { metric: spec.target.metric, value: spec.target.value, achieved, met, lowerIsBetter: spec.target.lowerIsBetter === true } });
    } else results.push(result);
  }
  return results;
}

interface LabelColumns {
  readonly commercial: Float32Array;
  readonly presence: Float32Array;
  readonly adequate: Float32Array;
}

/** Replaces the head columns with the app's scores (commercial, disclosure presence) and returns them with the adequate-disclosure score. */
function combineSponsorshipColumns(probs: Float32Array, heads: readonly { name: string }[], texts: readonly string[], featurizer: Featurizer): LabelColumns {
  const c = heads.findIndex((h) => h.name === 'commercial');
  const d = heads.findIndex((h) => h.name === 'disclosure');
  const out: LabelColumns = { commercial: new Float32Array(texts.length), presence: new Float32Array(texts.length), adequate: new Float32Array(texts.length) };
  texts.forEach((text, i) => {
    const combined = combineSponsorship(probs[i * heads.length + c] ?? 0, probs[i * heads.length + d] ?? 0, featurizer.featurize(text).rules);
    probs[i * heads.length + c] = combined.commercial;
    // Mathur's labels mark disclosure wording present anywhere, so presence is what is compared.
    probs[i * heads.length + d] = combined.disclosurePresence;
    out.commercial[i] = combined.commercial;
    out.presence[i] = combined.disclosurePresence;
    out.adequate[i] = combined.disclosure;
  });
  return out;
}

/**
 * The labels `stoa classify` prints, measured against this split's labels: for a disclosure split,
 * `disclosure_present` and `disclosure_adequate` (label precision/recall/F1 beside the score's AUC);
 * for every split, the share of rows labelled `undisclosed_sponsorship` (what a negative set must keep low).
 */
function sponsorshipLabelMetrics(cols: LabelColumns, labels: Float32Array, head: string, thresholds: SponsorshipThresholds): Record<string, unknown> {
  let flagged = 0;
  for (let i = 0; i < labels.length; i++) if (undisclosedLabel(cols.commercial[i] ?? 0, cols.adequate[i] ?? 0, thresholds)) flagged++;
  const rate = Math.round((flagged / Math.max(labels.length, 1)) * 10_000) / 10_000;
  if (head !== 'disclosure') return { flaggedUndisclosedRate: rate };
  return {
    flaggedUndisclosedRate: rate,
    labelMetrics: {
      disclosure_present: binaryMetrics(cols.presence, labels, thresholds.disclosurePresent),
      disclosure_adequate: binaryMetrics(cols.adequate, labels, thresholds.disclosureAdequate),
    },
  };
}
