// The what-if tester's arithmetic: "if a rule flagged every item whose score is at least t, how
// many would it flag, and how often would it agree with what moderators already decided?" An item
// a moderator removed or marked spam is a positive, one they approved a negative; undecided items
// count as flagged but not in precision or recall. Pure, so the backend, the UI and the tests all
// use the same numbers. Rules made here are only suggestions shown in the queue: Stoa never acts
// on an item without a person.

export type WhatIfLabel = 'positive' | 'negative' | null;

export interface WhatIfRow {
  readonly score: number;
  readonly platform: string;
  readonly community: string | null;
  readonly label: WhatIfLabel;
}

export interface WhatIfCounts {
  /** Items with a score for the model. */
  readonly total: number;
  /** Items at or above the threshold. */
  readonly flagged: number;
  /** Items with a moderator's approve/remove/spam decision. */
  readonly labeled: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly trueNegatives: number;
  /** Null when nothing decided was flagged (no precision to speak of). */
  readonly precision: number | null;
  /** Null when moderators removed nothing here. */
  readonly recall: number | null;
}

export interface WhatIfBin {
  readonly from: number;
  readonly to: number;
  readonly positive: number;
  readonly negative: number;
  readonly undecided: number;
}

export interface WhatIfResult extends WhatIfCounts {
  readonly threshold: number;
  readonly communities: (WhatIfCounts & { readonly platform: string; readonly community: string | null })[];
  readonly histogram: WhatIfBin[];
}

export function countAt(rows: readonly WhatIfRow[], threshold: number): WhatIfCounts {
  let flagged = 0;
  let labeled = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const row of rows) {
    const hit = row.score >= threshold;
    if (hit) flagged += 1;
    if (row.label === null) continue;
    labeled += 1;
    if (row.label === 'positive') {
      if (hit) tp += 1;
      else fn += 1;
    } else if (hit) fp += 1;
    else tn += 1;
  }
  return {
    total: rows.length,
    flagged,
    labeled,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    precision: tp + fp === 0 ? null : tp / (tp + fp),
    recall: tp + fn === 0 ? null : tp / (tp + fn),
  };
}

/** Scores are probabilities in [0, 1]; the last bin includes 1. */
export function histogramOf(rows: readonly WhatIfRow[], bins: number): WhatIfBin[] {
  const out = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, positive: 0, negative: 0, undecided: 0 }));
  for (const row of rows) {
    const index = Math.min(bins - 1, Math.max(0, Math.floor(row.score * bins)));
    const bin = out[index];
    if (!bin) continue;
    if (row.label === 'positive') bin.positive += 1;
    else if (row.label === 'negative') bin.negative += 1;
    else bin.undecided += 1;
  }
  return out;
}

export function whatIf(rows: readonly WhatIfRow[], threshold: number, bins = 10): WhatIfResult {
  const groups = new Map<string, { platform: string; community: string | null; rows: WhatIfRow[] }>();
  for (const row of rows) {
    const key = `${row.platform}\u0000${row.community ?? ''}`;
    const group = groups.get(key) ?? { platform: row.platform, community: row.community, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  const communities = [...groups.values()]
    .map((g) => ({ platform: g.platform, community: g.community, ...countAt(g.rows, threshold) }))
    .sort((a, b) => b.flagged - a.flagged || a.platform.localeCompare(b.platform) || (a.community ?? '').localeCompare(b.community ?? ''));
  return { threshold, ...countAt(rows, threshold), communities, histogram: histogramOf(rows, bins) };
}

export interface SuggestionRule {
  readonly id: string;
  readonly model: string;
  readonly threshold: number;
  readonly suggestion: 'flag' | 'hold';
}

/** The rules an item's scores meet: what the queue shows as "suggested: hold" — never an action. */
export function suggestionsFor(scores: Readonly<Record<string, number>>, rules: readonly SuggestionRule[]): SuggestionRule[] {
  return rules.filter((rule) => {
    const score = scores[rule.model];
    return score !== undefined && score >= rule.threshold;
  });
}
