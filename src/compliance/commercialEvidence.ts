// Commercial evidence for a post under audit: why a reviewer should think the creator was paid,
// gifted or earns on it. Text signals (affiliate links from Mathur's pattern list, discount codes,
// "link in bio", gifted/PR wording, calls to buy) come in as rule hits from the sponsorship rules
// the models use (src/ml/rules, composed by the backend), so there is one list of patterns; brand
// matches, tagged products and the platform's paid-partnership flag are found here.
import { brandsTagged, matchBrands, type AuditBrand } from './brands.ts';
import type { PostContent } from './postContent.ts';

/** A rule hit on the caption, as src/ml/rules/sponsorshipRules.ts produces it. */
export interface TextRuleHit {
  readonly rule: string;
  readonly start: number;
  readonly end: number;
}

export const COMMERCIAL_KINDS = [
  'affiliate_link',
  'affiliate_programme',
  'discount_code',
  'brand_discount_code',
  'brand_handle',
  'brand_mention',
  'brand_tag',
  'tagged_product',
  'paid_partnership_flag',
  'gifted',
  'call_to_buy',
  'link_in_bio',
  'model_commercial',
] as const;
export type CommercialKind = (typeof COMMERCIAL_KINDS)[number];

export interface CommercialEvidence {
  readonly kind: CommercialKind;
  /** Strong evidence is a material connection by itself; weak evidence asks a person to look. */
  readonly strength: 'strong' | 'weak';
  readonly text: string;
  /** Caption span, or null for evidence outside the caption (tags, flags, a model score). */
  readonly start: number | null;
  readonly end: number | null;
  readonly brand: string | null;
}

/** The model's view, when the backend scored the caption (a probability with the version behind it). */
export interface ModelView {
  readonly commercial: number;
  readonly undisclosedSponsorship: number;
  readonly modelVersion: string;
  /** Whether the commercial score is over the model's calibrated threshold (its `commercial` label). */
  readonly commercialLabel: boolean;
}

const FROM_RULES: Readonly<Record<string, { kind: CommercialKind; strength: 'strong' | 'weak' }>> = {
  affiliate_link: { kind: 'affiliate_link', strength: 'strong' },
  discount_code: { kind: 'discount_code', strength: 'strong' },
  gifted: { kind: 'gifted', strength: 'strong' },
  call_to_buy: { kind: 'call_to_buy', strength: 'weak' },
  link_in_bio: { kind: 'link_in_bio', strength: 'weak' },
  // 'mention' is left out: most @-mentions are people, and brands in the list are matched below.
};

export function commercialEvidence(post: PostContent, hits: readonly TextRuleHit[], brands: readonly AuditBrand[], model: ModelView | null): CommercialEvidence[] {
  const out: CommercialEvidence[] = [];
  const caption = post.caption;
  for (const hit of hits) {
    const mapped = FROM_RULES[hit.rule];
    if (mapped) out.push({ ...mapped, text: caption.slice(hit.start, hit.end), start: hit.start, end: hit.end, brand: null });
  }
  for (const m of matchBrands(caption, brands)) {
    const kind: CommercialKind = m.kind === 'brand_handle' ? 'brand_handle' : m.kind;
    out.push({ kind, strength: 'strong', text: m.text, start: m.start, end: m.end, brand: m.brand });
  }
  for (const { brand, handle } of brandsTagged(post.taggedUsers, brands)) out.push({ kind: 'brand_tag', strength: 'strong', text: `@${handle.replace(/^@/, '')}`, start: null, end: null, brand: brand.name });
  for (const product of post.taggedProducts) out.push({ kind: 'tagged_product', strength: 'strong', text: product.name, start: null, end: null, brand: product.brand ?? null });
  if (post.paidPartnership) out.push({ kind: 'paid_partnership_flag', strength: 'strong', text: 'Paid partnership label', start: null, end: null, brand: null });
  const hasRuleEvidence = out.length > 0;
  if (model && !hasRuleEvidence && model.commercialLabel) {
    out.push({ kind: 'model_commercial', strength: 'weak', text: `commercial score ${model.commercial.toFixed(2)} (model ${model.modelVersion})`, start: null, end: null, brand: null });
  }
  return dedupe(out).sort((a, b) => (a.start ?? Number.MAX_SAFE_INTEGER) - (b.start ?? Number.MAX_SAFE_INTEGER));
}

/** The generic discount-code rule and a brand's own code on the same span are one finding: keep the brand's. */
function dedupe(list: CommercialEvidence[]): CommercialEvidence[] {
  return list.filter((e) => {
    const { start, end } = e;
    if (start === null || end === null || e.brand !== null) return true;
    return !list.some((o) => o !== e && o.brand !== null && o.start !== null && o.end !== null && o.start < end && start < o.end && (o.kind === 'brand_discount_code' || o.kind === 'affiliate_programme'));
  });
}
