// How the two sponsorship heads and the RULES.md rules combine into Stoa's three scores. One pure
// function, used by the classifier and by held-out evaluation, so the numbers in the model card are
// the numbers the app shows.
//   commercial  = max(learned commercial, rule score)      — a matched affiliate link or discount
//                 code is commercial whatever the learned head thinks;
//   disclosure  = the disclosure head, which already weighs every disclosure rule as a feature
//                 (fitted weights, or RULE_PRIORS in the rules-only model), floored by the rule
//                 score only where adequate wording sits before the fold — a visible "#ad" is a
//                 disclosure whatever the head learned from silver labels. Taking the max with the
//                 priors everywhere counted each rule twice and called Mathur's "#sponsored" at the
//                 end of a pin a disclosure (F1 0.89 against 0.97 for the head alone). The score is
//                 cut to a quarter when the only disclosure wording sits after the ~125-character
//                 fold or inside a hashtag cluster: RULES.md says such a disclosure is not adequate;
//   undisclosed_sponsorship = commercial × (1 − disclosure).
import { RULE_PRIORS, type RulePrior } from './rules/ruleWeights.ts';
import type { RuleHit, RuleName } from './rules/sponsorshipRules.ts';

export const HIDDEN_DISCLOSURE_FACTOR = 0.25;

export interface SponsorshipScores {
  readonly commercial: number;
  /** Adequate disclosure: wording present AND placed where RULES.md says it must be. */
  readonly disclosure: number;
  /** Disclosure wording present anywhere (what Mathur's labels mark), before the placement rule. */
  readonly disclosurePresence: number;
  readonly undisclosedSponsorship: number;
  /** True when placement rules cut the disclosure score. */
  readonly disclosureHidden: boolean;
}

/** Probability from the hand-set rule weights alone (each rule counted once). */
export function ruleScore(prior: RulePrior | undefined, hits: readonly RuleHit[]): number {
  if (prior === undefined) return 0;
  let z = prior.bias;
  const seen = new Set<RuleName>();
  for (const h of hits) {
    if (seen.has(h.rule)) continue;
    seen.add(h.rule);
    z += prior.weights[h.rule] ?? 0;
  }
  return hits.length === 0 ? 0 : 1 / (1 + Math.exp(-z));
}

export function combineSponsorship(learnedCommercial: number, learnedDisclosure: number, hits: readonly RuleHit[]): SponsorshipScores {
  const commercial = Math.max(learnedCommercial, ruleScore(RULE_PRIORS.commercial, hits));
  const visible = hits.some((r) => r.rule === 'disclosure_before_fold');
  const raw = visible ? Math.max(learnedDisclosure, ruleScore(RULE_PRIORS.disclosure, hits)) : learnedDisclosure;
  const hidden = !visible && hits.some((r) => r.rule === 'disclosure_after_fold_only' || r.rule === 'disclosure_in_hashtag_cluster');
  const disclosure = hidden ? raw * HIDDEN_DISCLOSURE_FACTOR : raw;
  return { commercial, disclosure, disclosurePresence: raw, undisclosedSponsorship: commercial * (1 - disclosure), disclosureHidden: hidden };
}


/** The operating points of the sponsorship labels (what `stoa classify` and held-out evaluation both apply). */
export interface SponsorshipThresholds {
  readonly commercial: number;
  /** Over `disclosurePresence`: disclosure wording anywhere. */
  readonly disclosurePresent: number;
  /** Over `disclosure` (placement applied): a disclosure RULES.md accepts. */
  readonly disclosureAdequate: number;
}

/**
 * Thresholds from a model's heads and its label thresholds (manifest `labelThresholds`, chosen on
 * validation for the label's own score); a label without one uses its head's threshold.
 */
export function sponsorshipThresholds(heads: readonly { name: string; threshold: number }[], labelThresholds: Readonly<Record<string, number>> = {}): SponsorshipThresholds {
  const head = (name: string): number => heads.find((h) => h.name === name)?.threshold ?? 1;
  return {
    commercial: labelThresholds.commercial ?? head('commercial'),
    disclosurePresent: labelThresholds.disclosure_present ?? head('disclosure'),
    disclosureAdequate: labelThresholds.disclosure_adequate ?? head('disclosure'),
  };
}

/** Selling without a disclosure RULES.md accepts. */
export const undisclosedLabel = (commercial: number, adequate: number, t: SponsorshipThresholds): boolean => commercial >= t.commercial && adequate < t.disclosureAdequate;
