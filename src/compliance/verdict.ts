// The scan's verdict on one post — compliant, needs review or non-compliant — and the rule that
// decided it. Commercial evidence says whether a disclosure was needed; the disclosure assessment
// (src/core/disclosureCheck.ts, under the audit's jurisdiction profile) says whether it was made
// well enough. Anything a rule cannot settle (risky wording, a label only on the image or only the
// platform's tool, weak evidence) goes to a person.
import type { DisclosureAssessment } from '../core/disclosureCheck.ts';
import type { JurisdictionProfile, RuleSource } from '../core/jurisdictionProfiles.ts';
import type { CommercialEvidence } from './commercialEvidence.ts';

export const VERDICTS = ['compliant', 'needs_review', 'non_compliant'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface DecidingRule {
  readonly id: string;
  readonly says: string;
  readonly source: RuleSource | null;
}

export interface VerdictDecision {
  readonly verdict: Verdict;
  readonly rule: DecidingRule;
}

const STOA_RULE = (id: string, says: string): DecidingRule => ({ id: `stoa.${id}`, says, source: null });

export function decideVerdict(commercial: readonly CommercialEvidence[], disclosure: DisclosureAssessment, profile: JurisdictionProfile): VerdictDecision {
  const fromProfile = (verdict: Verdict, says?: string): VerdictDecision => {
    const r = disclosure.rule;
    return { verdict, rule: r === null ? STOA_RULE('no_rule', says ?? '') : { id: r.id, says: says ?? r.says, source: r.source } };
  };
  if (commercial.length === 0) return { verdict: 'compliant', rule: STOA_RULE('no_commercial_evidence', 'No commercial evidence was found: no disclosure is needed on what the scan can see.') };
  const strong = commercial.some((e) => e.strength === 'strong');
  switch (disclosure.outcome) {
    case 'adequate':
      return fromProfile('compliant');
    case 'risky_wording':
      return fromProfile('needs_review');
    case 'only_in_image':
    case 'platform_label_only':
      return fromProfile(disclosure.adequate ? 'compliant' : disclosure.fallback === 'insufficient' ? 'non_compliant' : 'needs_review');
    case 'after_fold':
    case 'in_hashtag_cluster':
    case 'only_at_end':
    case 'inadequate_wording':
      return fromProfile(strong ? 'non_compliant' : 'needs_review');
    case 'none': {
      const need = profile.needsDisclosure;
      if (!strong) return { verdict: 'needs_review', rule: STOA_RULE('weak_commercial_evidence', 'Only weak commercial signals (a call to buy, "link in bio", a model score) and no disclosure: a person should check for a material connection.') };
      return { verdict: 'non_compliant', rule: { id: need.id, says: `Commercial content without any disclosure. ${need.says}`, source: need.source } };
    }
  }
}
