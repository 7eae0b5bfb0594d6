// Evidence for a linear score: each token's contribution (the weights of the features it produced
// times their values; a bigram's weight split between its two tokens), adjacent positive tokens
// merged into spans, the strongest spans kept; plus every matched rule with its learned weight.
import { NO_OWNER, type Features } from './featurize.ts';

export interface EvidenceSpan {
  readonly task: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly weight: number;
  /** Set when the span is a rule match (e.g. "affiliate_link", "disclosure_before_fold"). */
  readonly rule?: string;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * `weights` is row-major [dim, heads]; `head` picks the column. Returns at most `maxSpans` text spans
 * (positive contribution, strongest first) followed by the rule hits.
 */
export function explain(task: string, text: string, features: Features, weights: Float32Array, heads: number, head: number, maxSpans = 3): EvidenceSpan[] {
  const perToken = new Float64Array(features.tokens.length);
  const perRule = new Float64Array(features.rules.length);
  const { indices, values, owner, bigram } = features;
  for (let i = 0; i < indices.length; i++) {
    const c = (weights[(indices[i] ?? 0) * heads + head] ?? 0) * (values[i] ?? 0);
    const o = owner[i] ?? 0;
    if (o === NO_OWNER) continue;
    if (o < 0) perRule[-1 - o] = (perRule[-1 - o] ?? 0) + c;
    else if (bigram[i] === 1 && o > 0) {
      perToken[o] = (perToken[o] ?? 0) + c / 2;
      perToken[o - 1] = (perToken[o - 1] ?? 0) + c / 2;
    } else perToken[o] = (perToken[o] ?? 0) + c;
  }
  const spans: EvidenceSpan[] = [];
  let t = 0;
  while (t < perToken.length) {
    if ((perToken[t] ?? 0) <= 0) {
      t++;
      continue;
    }
    let end = t;
    let sum = perToken[t] ?? 0;
    while (end + 1 < perToken.length && (perToken[end + 1] ?? 0) > 0) sum += perToken[++end] ?? 0;
    const first = features.tokens[t];
    const last = features.tokens[end];
    if (first !== undefined && last !== undefined) spans.push({ task, start: first.start, end: last.end, text: text.slice(first.start, last.end), weight: round(sum) });
    t = end + 1;
  }
  spans.sort((a, b) => b.weight - a.weight || a.start - b.start);
  // Rules the model gave (almost) no weight for this task are not evidence for it.
  const ruleSpans: EvidenceSpan[] = features.rules.flatMap((hit, k) =>
    Math.abs(perRule[k] ?? 0) < 0.05 ? [] : [{ task, start: hit.start, end: hit.end, text: text.slice(hit.start, hit.end), weight: round(perRule[k] ?? 0), rule: hit.rule }],
  );
  return [...spans.slice(0, maxSpans), ...ruleSpans];
}
