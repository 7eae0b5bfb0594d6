// Hand-set weights for rule features, used where no licensed training data exists (the permissive
// sponsorship model): log-odds a reviewer can read. A learned model replaces them with fitted weights.
import type { RuleName } from './sponsorshipRules.ts';

export interface RulePrior {
  readonly bias: number;
  readonly weights: Partial<Record<RuleName, number>>;
}

export const RULE_PRIORS: Readonly<Record<string, RulePrior>> = {
  commercial: {
    bias: -2,
    weights: { affiliate_link: 4, discount_code: 3, link_in_bio: 2.5, gifted: 2.5, call_to_buy: 2, mention: 0.5, disclosure_wording: 2 },
  },
  disclosure: {
    bias: -3,
    weights: { disclosure_wording: 4.5, disclosure_support_link: 3.5, disclosure_before_fold: 1, disclosure_in_hashtag_cluster: -1, disclosure_after_fold_only: -0.5, disclosure_weak_wording: 0.8 },
  },
};
