// Thresholds for the sponsorship labels whose score is not a head's probability. `disclosure_present`
// is read from the app's presence score (the head floored by the RULES.md rules), so its threshold is
// chosen on that score, over the disclosure head's validation rows, for the best mean F1 across the
// slices (Pinterest pins, YouTube descriptions): pins are five times as many and would otherwise set
// it alone. `disclosure_adequate` keeps the head's threshold: the labels mark presence, and choosing
// it on them would undo the placement rule it exists for.
import type { Featurizer } from '../featurize.ts';
import type { LinearSession } from '../linearSession.ts';
import { combineSponsorship } from '../sponsorshipScores.ts';
import type { LabelledText } from './datasets.ts';
import { scoreTexts } from './evaluate.ts';
import { binaryMetrics } from './metrics.ts';

export interface LabelThresholdChoice {
  readonly thresholds: Record<string, number>;
  readonly notes: string[];
}

export async function chooseSponsorshipLabelThresholds(
  session: LinearSession,
  featurizer: Featurizer,
  heads: readonly { name: string; threshold: number }[],
  validation: readonly LabelledText[],
): Promise<LabelThresholdChoice> {
  const c = heads.findIndex((h) => h.name === 'commercial');
  const d = heads.findIndex((h) => h.name === 'disclosure');
  const headThreshold = heads[d]?.threshold ?? 0.5;
  if (c < 0 || d < 0 || validation.length === 0) return { thresholds: {}, notes: [] };
  const probs = await scoreTexts(session, featurizer, validation.map((r) => r.text));
  const presence = validation.map((r, i) => combineSponsorship(probs[i * heads.length + c] ?? 0, probs[i * heads.length + d] ?? 0, featurizer.featurize(r.text).rules).disclosurePresence);
  const slices = [...new Set(validation.map((r) => r.set))].sort();
  const sliceF1 = (t: number): Record<string, number> =>
    Object.fromEntries(
      slices.map((set) => {
        const idx = validation.flatMap((r, i) => (r.set === set ? [i] : []));
        const m = binaryMetrics(idx.map((i) => presence[i] ?? 0), idx.map((i) => validation[i]?.labels.disclosure ?? 0), t);
        return [set, m.f1];
      }),
    );
  const meanF1 = (t: number): number => {
    const f = Object.values(sliceF1(t));
    return f.reduce((a, b) => a + b, 0) / Math.max(f.length, 1);
  };
  // Candidate cuts: every distinct validation score (a cut between two scores labels the upper one).
  const candidates = [...new Set(presence.map((p) => Math.round(p * 1e6) / 1e6))].sort((a, b) => a - b);
  let best = headThreshold;
  let bestF1 = meanF1(headThreshold);
  for (const t of candidates) {
    const f = meanF1(t);
    if (f > bestF1 + 1e-9) {
      best = t;
      bestF1 = f;
    }
  }
  const at = (t: number): string => Object.entries(sliceF1(t)).map(([s, f]) => `${s} ${f}`).join(', ');
  return {
    thresholds: { disclosure_present: best, disclosure_adequate: headThreshold },
    notes: [
      `disclosure_present: threshold ${best} on the presence score (head + RULES.md floor), best mean per-slice F1 on ${validation.length} validation rows (${at(best)}); the head threshold ${headThreshold} gave ${at(headThreshold)}.`,
      `disclosure_adequate: the disclosure head's threshold ${headThreshold} over the placement-adjusted score; Mathur's labels mark presence, so its held-out F1 against them measures how many disclosures sit where RULES.md says they are hidden, not an error rate.`,
    ],
  };
}
