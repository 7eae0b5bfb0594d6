// Scans one post under audit: its content hash, commercial evidence, disclosure evidence under the
// audit's jurisdiction profile, and the verdict with the rule that decided it. Pure apart from the
// hash; the backend supplies the sponsorship rule hits and the model's view of the caption, and the
// store keeps the result.
import { assessDisclosure, type DisclosureAssessment } from '../core/disclosureCheck.ts';
import type { JurisdictionProfile } from '../core/jurisdictionProfiles.ts';
import type { AuditBrand } from './brands.ts';
import { commercialEvidence, type CommercialEvidence, type ModelView, type TextRuleHit } from './commercialEvidence.ts';
import { contentHash, type PostContent } from './postContent.ts';
import { decideVerdict, type DecidingRule, type Verdict } from './verdict.ts';

export interface ScanInput {
  readonly post: PostContent;
  readonly profile: JurisdictionProfile;
  readonly brands: readonly AuditBrand[];
  /** Sponsorship rule hits on the caption (src/ml/rules via the backend). */
  readonly ruleHits: readonly TextRuleHit[];
  readonly model: ModelView | null;
  readonly scannedAt: string;
  /** The model-free part, when it was worked out beforehand (while the model was still scoring). */
  readonly prepared?: PreparedScan;
}

/** What a scan finds without the model: the disclosure evidence and the content hash. */
export interface PreparedScan {
  readonly disclosure: DisclosureAssessment;
  readonly contentSha256: string;
}

export function prepareScan(post: PostContent, profile: JurisdictionProfile): PreparedScan {
  return {
    disclosure: assessDisclosure({ caption: post.caption, imageText: post.imageText, platformLabel: post.paidPartnership }, profile),
    contentSha256: contentHash(post),
  };
}

export interface ScanResult {
  readonly contentSha256: string;
  readonly scannedAt: string;
  readonly profileId: string;
  readonly profileVersion: string;
  readonly verdict: Verdict;
  readonly rule: DecidingRule;
  readonly disclosurePresent: boolean;
  readonly disclosureAdequate: boolean;
  readonly disclosure: DisclosureAssessment;
  readonly commercial: readonly CommercialEvidence[];
  readonly model: ModelView | null;
}

export function scanPost(input: ScanInput): ScanResult {
  const { post, profile } = input;
  const commercial = commercialEvidence(post, input.ruleHits, input.brands, input.model);
  const { disclosure, contentSha256 } = input.prepared ?? prepareScan(post, profile);
  const decision = decideVerdict(commercial, disclosure, profile);
  return {
    contentSha256,
    scannedAt: input.scannedAt,
    profileId: profile.id,
    profileVersion: profile.version,
    verdict: decision.verdict,
    rule: decision.rule,
    disclosurePresent: disclosure.present,
    disclosureAdequate: disclosure.adequate,
    disclosure,
    commercial,
    model: input.model,
  };
}
