// The what-if arithmetic against a count done by hand on ten items.
import { describe, expect, it } from 'vitest';
import { countAt, histogramOf, suggestionsFor, whatIf, type WhatIfRow } from '../../../src/core/whatIf.ts';

const row = (score: number, label: WhatIfRow['label'], community: string | null = 'r/a', platform = 'reddit'): WhatIfRow => ({ score, platform, community, label });

// By hand at t = 0.5: flagged = the six items scoring ≥ 0.5 (0.5 counts: "score ≥ t").
// Among them positives 0.95, 0.8, 0.5 → TP 3; the approved 0.7 → FP 1; 0.6 and 0.55 undecided.
// Below: positive 0.3 → FN 1; approved 0.2 and 0.1 → TN 2; 0.05 undecided.
const ROWS: WhatIfRow[] = [
  row(0.95, 'positive'),
  row(0.8, 'positive', 'r/b'),
  row(0.7, 'negative'),
  row(0.6, null, 'r/b'),
  row(0.55, null),
  row(0.5, 'positive'),
  row(0.3, 'positive', 'r/b'),
  row(0.2, 'negative'),
  row(0.1, 'negative', 'r/b'),
  row(0.05, null),
];

describe('what-if metrics', () => {
  it('counts flagged items, precision and recall as a person would', () => {
    const c = countAt(ROWS, 0.5);
    expect(c).toEqual({
      total: 10,
      flagged: 6,
      labeled: 7,
      truePositives: 3,
      falsePositives: 1,
      falseNegatives: 1,
      trueNegatives: 2,
      precision: 3 / 4,
      recall: 3 / 4,
    });
  });

  it('moves with the threshold: stricter flags fewer, precision up, recall down', () => {
    const strict = countAt(ROWS, 0.75);
    expect([strict.flagged, strict.truePositives, strict.falsePositives, strict.falseNegatives]).toEqual([2, 2, 0, 2]);
    expect(strict.precision).toBe(1);
    expect(strict.recall).toBe(0.5);
    const none = countAt(ROWS, 1);
    expect(none.flagged).toBe(0);
    expect(none.precision).toBeNull();
    expect(none.recall).toBe(0);
  });

  it('has no recall when moderators removed nothing', () => {
    expect(countAt([row(0.9, 'negative'), row(0.1, null)], 0.5).recall).toBeNull();
  });

  it('splits the counts per community, the busiest first', () => {
    const result = whatIf(ROWS, 0.5);
    expect(result.communities.map((c) => [c.community, c.flagged, c.truePositives, c.falsePositives, c.falseNegatives])).toEqual([
      ['r/a', 4, 2, 1, 0],
      ['r/b', 2, 1, 0, 1],
    ]);
    expect(result.flagged).toBe(6);
  });

  it('bins scores for the histogram, 1.0 in the last bin', () => {
    const bins = histogramOf([...ROWS, row(1, 'positive')], 10);
    expect(bins).toHaveLength(10);
    expect(bins[9]).toEqual({ from: 0.9, to: 1, positive: 2, negative: 0, undecided: 0 });
    expect(bins[5]).toEqual({ from: 0.5, to: 0.6, positive: 1, negative: 0, undecided: 1 });
    expect(bins.reduce((n, b) => n + b.positive + b.negative + b.undecided, 0)).toBe(11);
  });

  it('suggests a rule only when the item has the score and meets it', () => {
    const rules = [
      { id: '1', model: 'spam', threshold: 0.8, suggestion: 'hold' as const },
      { id: '2', model: 'toxicity', threshold: 0.5, suggestion: 'flag' as const },
    ];
    expect(suggestionsFor({ spam: 0.8 }, rules).map((r) => r.id)).toEqual(['1']);
    expect(suggestionsFor({ spam: 0.79, toxicity: 0.9 }, rules).map((r) => r.id)).toEqual(['2']);
    expect(suggestionsFor({}, rules)).toEqual([]);
  });
});
