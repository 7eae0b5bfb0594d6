// MODEL_CARD.md from a manifest: what the model does, what it was trained on (with licences), how it
// did on held-out data against its targets, and the permissive-only variant side by side.
import type { ManifestEvaluation, ModelManifest } from '../manifest.ts';

const PURPOSE: Readonly<Record<ModelManifest['task'], string>> = {
  spam: 'Flags comment spam and scams: self-promotion ("check my channel"), crypto and giveaway scams, DM-me bots.',
  toxicity:
    'Flags abusive, hateful or harassing language (head `toxicity`) and hateful language specifically (head `hate`). ' +
    'It is tuned to leave friendly profanity and civil complaints alone: benign real comments are training negatives and the threshold caps their false-positive rate.',
  sponsorship:
    'Scores commercial intent (head `commercial`) and disclosure (head `disclosure`). Stoa combines them with the placement rules of RULES.md into `undisclosed_sponsorship` = commercial × (1 − adequate disclosure).',
};

const KEY_METRICS = ['accuracy', 'precision', 'recall', 'f1', 'macroF1', 'weightedF1', 'falsePositiveRate', 'auc', 'flaggedUndisclosedRate'] as const;

export function renderModelCard(m: ModelManifest): string {
  const lines: string[] = [
    `# Model card: ${m.name}`,
    '',
    `Version \`${m.version}\` · created ${m.createdAt} by \`stoa train --task ${m.task}${m.training.permissiveOnly ? ' --permissive-only' : ''}\` (seed ${m.training.seed}).`,
    '',
    PURPOSE[m.task],
    '',
    '## Model',
    `Logistic regression over hashed features (featurizer \`${m.featurizer.version}\`, 2^${m.featurizer.params.dimBits} buckets: word unigrams and bigrams, character ${m.featurizer.params.charNgramMin}–${m.featurizer.params.charNgramMax}-grams, URL/handle/hashtag/emoji/number tokens, rule features), ` +
      `AdaGrad SGD with L2, Platt-calibrated on a validation split, exported to ONNX (Gather → batched MatMul with the feature values → Add → Sigmoid; ${m.onnx.bytes.toLocaleString('en')} bytes, sha256 \`${m.onnx.sha256.slice(0, 16)}…\`). ` +
      `ONNX outputs equal the TypeScript reference on ${m.verification.rows} rows (max |Δ| ${m.verification.maxAbsDiff.toExponential(1)}). Languages: ${m.languages.join(', ')} — other languages are reported as unsupported, not scored.`,
    '',
    '| head | threshold | chosen for | goal met on validation |',
    '|---|---|---|---|',
    ...m.heads.map((h) => `| ${h.name} | ${h.threshold} | ${h.thresholdGoal} | ${h.goalMet ? 'yes' : 'no'} |`),
    ...Object.entries(m.labelThresholds ?? {}).map(([label, t]) => `| label ${label} | ${t} | chosen on validation (see below) | — |`),
    '',
    ...(m.labelThresholdNotes ?? []).map((n) => `- ${n}`),
    ...((m.labelThresholdNotes ?? []).length > 0 ? [''] : []),
    '## Training data',
    '| set | licence | permissive | rows after dedupe (rows this task uses) | training rows |',
    '|---|---|---|---|---|',
    ...m.training.sets.map((s) => `| ${s.id} | ${s.licence} | ${s.permissive ? 'yes' : 'no'} | ${s.rowsAfterDedupe} | ${s.trainRows} |`),
    '',
    ...m.training.notes.map((n) => `- ${n}`),
    '',
    '## Held-out results',
    'Every number is on rows the model never trained on (validation for thresholds came from the training side).',
    '',
    evaluationTable(m.evaluations, m.permissiveVariant?.evaluations),
    '',
    ...labelTable(m.evaluations),
  ];
  if (m.permissiveVariant !== undefined) {
    lines.push(
      `The permissive-only column is the same pipeline trained on CC BY / MIT sets only (${m.permissiveVariant.sets.join(', ') || 'none — rules only'}).`,
      '',
    );
  }
  if (m.crossValidation !== undefined) {
    const cv = m.crossValidation;
    lines.push(
      `### Leave-one-group-out (${cv.set}, head ${cv.head})`,
      'Each group held out in turn, the head refitted on everything else (same grid, calibration and threshold rule); not the shipped weights.',
      '',
      '| held out | rows | accuracy | F1 | AUC |',
      '|---|---|---|---|---|',
      ...cv.folds.map((f) => `| ${f.heldOut} | ${f.rows} | ${f.accuracy} | ${f.f1} | ${f.auc} |`),
      '',
    );
  }
  lines.push('## Splits', ...m.evaluations.map((e) => `- **${e.name}** (${e.rows} rows, digest \`${e.digest}\`): ${e.split}`), '');
  return `${lines.join('\n')}\n`;
}

function evaluationTable(full: readonly ManifestEvaluation[], permissive: readonly ManifestEvaluation[] | undefined): string {
  const header = permissive === undefined ? '| evaluation | head | target | result | key metrics |' : '| evaluation | head | target | result | key metrics | permissive-only |';
  const rule = permissive === undefined ? '|---|---|---|---|---|' : '|---|---|---|---|---|---|';
  const rows = full.map((e) => {
    const target = e.target === undefined ? '—' : `${e.target.metric} ${e.target.lowerIsBetter === true ? '≤' : '≥'} ${e.target.value}`;
    const result = e.target === undefined ? '—' : `${e.target.achieved} ${e.target.met ? '✅ met' : '❌ missed'}`;
    const cells = [e.name, e.head, target, result, keyMetrics(e)];
    if (permissive !== undefined) {
      const p = permissive.find((x) => x.name === e.name);
      cells.push(p === undefined ? 'not evaluated' : keyMetrics(p));
    }
    return `| ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}

/** Per slice: each label's precision/recall/F1 at the threshold `stoa classify` applies, beside its score's AUC, and the share labelled undisclosed. */
function labelTable(evaluations: readonly ManifestEvaluation[]): string[] {
  const rows: string[] = [];
  for (const e of evaluations) {
    const m = e.metrics;
    // A commercial split's own metrics are the commercial label's (the app's score at its threshold);
    // on a set with no positives only the flagged share means anything.
    if (e.head === 'commercial' && typeof m.positives === 'number' && typeof m.n === 'number') {
      const labelled = Number(m.recall) * m.positives + Number(m.falsePositiveRate) * (m.n - m.positives);
      const flagged = Math.round((labelled / Math.max(m.n, 1)) * 10_000) / 10_000;
      rows.push(m.positives > 0 && m.positives < m.n ? `| ${e.name} | commercial | ${String(m.precision)} | ${String(m.recall)} | ${String(m.f1)} | ${String(m.auc)} | ${flagged} |` : `| ${e.name} | commercial | — | ${m.positives > 0 ? String(m.recall) : '—'} | — | — | ${flagged} |`);
    }
    const labels = m.labelMetrics;
    if (typeof labels === 'object' && labels !== null) {
      for (const [name, v] of Object.entries(labels as Record<string, Record<string, unknown>>)) {
        rows.push(`| ${e.name} | ${name} | ${String(v.precision)} | ${String(v.recall)} | ${String(v.f1)} | ${String(v.auc)} | — |`);
      }
    }
    if (typeof e.metrics.flaggedUndisclosedRate === 'number') {
      rows.push(`| ${e.name} | undisclosed_sponsorship | — | — | — | — | ${String(e.metrics.flaggedUndisclosedRate)} |`);
    }
  }
  if (rows.length === 0) return [];
  return [
    '### Labels per slice',
    'What `stoa classify` labels, at its thresholds, against each held-out slice (flagged = share of the slice labelled; on the negative sets it is the false-positive rate).',
    '',
    '| evaluation | label | precision | recall | F1 | AUC of its score | flagged |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ];
}

function keyMetrics(e: ManifestEvaluation): string {
  const m = e.metrics;
  const parts = KEY_METRICS.filter((k) => typeof m[k] === 'number').map((k) => `${k} ${String(m[k])}`);
  const perClass = m.perClassF1;
  if (perClass !== undefined) parts.push(`per-class F1 ${JSON.stringify(perClass)}`);
  const app = m.appScore;
  if (typeof app === 'object' && app !== null && 'f1' in app && 'precision' in app) {
    parts.push(`app score (with the RULES.md floor): precision ${String(app.precision)}, f1 ${String(app.f1)}`);
  }
  return parts.join(', ');
}
