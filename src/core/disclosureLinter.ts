// The composer's disclosure linter: when a draft carries commercial signals (an affiliate link, a
// discount code, a brand tagged or mentioned, tagged products, the paid-partnership label on) and
// the jurisdiction's disclosure check (disclosureCheck.ts, the same one the compliance scan uses)
// does not find an adequate disclosure before the fold, it points at the span and offers a fix as a
// concrete edit. Text signals that need the affiliate-link list (src/ml/rules) arrive as rule hits
// from the caller, so there is one list of patterns; the rest are found here. Pure and cheap.
import { assessDisclosure, type DisclosureAssessment, type DisclosureFinding } from './disclosureCheck.ts';
import type { JurisdictionProfile, ProfileRule } from './jurisdictionProfiles.ts';
import { mentionsIn } from './postLimits.ts';

/** A caption rule hit (src/ml/rules/sponsorshipRules.ts `sponsorshipRuleHits`). */
export interface CaptionRuleHit {
  readonly rule: string;
  readonly start: number;
  readonly end: number;
}

export interface LintInput {
  readonly caption: string;
  readonly paidPartnership: boolean;
  /** The brand's handle or name ("@acme", "Acme"). */
  readonly brandPartner: string | null;
  readonly productTagCount: number;
  /** Brands of the tagged products (from the catalog): mentioning one is a brand tag. */
  readonly productBrands: readonly string[];
  readonly ruleHits: readonly CaptionRuleHit[];
  /** Whether a target has a paid-partnership label to turn on (Instagram does). */
  readonly labelAvailable: boolean;
  /**
   * Whether the label, when on, shows on the target being linted (default true). False for a target
   * without one (a pin: Pinterest's sponsor_id is a closed beta): the label is still a commercial
   * signal there, but it discloses nothing.
   */
  readonly labelShown?: boolean;
}

export const SIGNAL_KINDS = ['affiliate_link', 'discount_code', 'gifted', 'brand_tag', 'tagged_products', 'paid_partnership_on', 'call_to_buy', 'link_in_bio'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export interface CommercialSignal {
  readonly kind: SignalKind;
  readonly strength: 'strong' | 'weak';
  readonly text: string;
  /** Caption span; null for signals outside the caption (tags, the label). */
  readonly start: number | null;
  readonly end: number | null;
}

/** A caption edit: replace [start, end) with text (start = end inserts). */
export interface CaptionEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type LintFix =
  | { readonly kind: 'edit'; readonly label: string; readonly edits: readonly CaptionEdit[] }
  | { readonly kind: 'set_paid_partnership'; readonly label: string; readonly value: true };

export interface LintFinding {
  readonly id: string;
  /** error: undisclosed or hidden; warning: the wording or a label alone needs a person's judgement. */
  readonly severity: 'error' | 'warning';
  readonly jurisdiction: string;
  readonly profileVersion: string;
  readonly message: string;
  readonly rule: { readonly id: string; readonly says: string; readonly source: string; readonly date: string };
  /** The caption span the finding is about (the misplaced or weak wording, else the first signal). */
  readonly start: number | null;
  readonly end: number | null;
  readonly signals: readonly CommercialSignal[];
  readonly fixes: readonly LintFix[];
}

const FROM_HITS: Readonly<Record<string, { kind: SignalKind; strength: 'strong' | 'weak' }>> = {
  affiliate_link: { kind: 'affiliate_link', strength: 'strong' },
  discount_code: { kind: 'discount_code', strength: 'strong' },
  gifted: { kind: 'gifted', strength: 'strong' },
  call_to_buy: { kind: 'call_to_buy', strength: 'weak' },
  link_in_bio: { kind: 'link_in_bio', strength: 'weak' },
};

const handleKey = (s: string): string => s.toLowerCase().replace(/^@/, '').replace(/[^\p{L}\p{N}]/gu, '');

export function commercialSignals(input: LintInput): CommercialSignal[] {
  const out: CommercialSignal[] = [];
  for (const h of input.ruleHits) {
    const kind = FROM_HITS[h.rule];
    if (kind) out.push({ ...kind, text: input.caption.slice(h.start, h.end), start: h.start, end: h.end });
  }
  const brands = new Set([input.brandPartner, ...input.productBrands].filter((b): b is string => b !== null && handleKey(b) !== '').map(handleKey));
  for (const m of mentionsIn(input.caption)) {
    if (brands.has(handleKey(m.text))) out.push({ kind: 'brand_tag', strength: 'strong', text: m.text, start: m.start, end: m.end });
  }
  if (input.productTagCount > 0) out.push({ kind: 'tagged_products', strength: 'strong', text: `${input.productTagCount} tagged product${input.productTagCount === 1 ? '' : 's'}`, start: null, end: null });
  if (input.paidPartnership) out.push({ kind: 'paid_partnership_on', strength: 'strong', text: 'Paid partnership label on', start: null, end: null });
  return out.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity));
}

const ruleView = (r: ProfileRule<unknown>) => ({ id: r.id, says: r.says, source: `${r.source.document} — ${r.source.section}`, date: r.source.date });

const DISCLOSURE = '#ad';
const addAtStart: LintFix = { kind: 'edit', label: `Add ${DISCLOSURE} at the start`, edits: [{ start: 0, end: 0, text: `${DISCLOSURE} ` }] };

/** Moves a misplaced wording to the start (as "#ad", the label every profile accepts). */
function moveToStart(f: DisclosureFinding, caption: string): LintFix {
  // Take one neighbouring space with the wording so no double space is left behind.
  const end = caption[f.end] === ' ' ? f.end + 1 : f.end;
  const start = end === f.end && f.start > 0 && caption[f.start - 1] === ' ' ? f.start - 1 : f.start;
  return { kind: 'edit', label: `Move the disclosure to the start as ${DISCLOSURE}`, edits: [{ start, end, text: '' }, { start: 0, end: 0, text: `${DISCLOSURE} ` }] };
}

const replaceWith = (f: DisclosureFinding): LintFix => ({ kind: 'edit', label: `Replace “${f.text}” with ${DISCLOSURE}`, edits: [{ start: f.start, end: f.end, text: DISCLOSURE }] });

export function lintDisclosure(input: LintInput, profile: JurisdictionProfile): LintFinding[] {
  const signals = commercialSignals(input);
  if (signals.length === 0) return [];
  const assessment = assessDisclosure({ caption: input.caption, platformLabel: input.paidPartnership && input.labelShown !== false }, profile);
  if (assessment.adequate) return [];
  const strong = signals.some((s) => s.strength === 'strong');
  // Point at the strongest evidence: an affiliate link rather than the "shop it" before it.
  const firstSpan = signals.find((s) => s.start !== null && s.strength === 'strong') ?? signals.find((s) => s.start !== null);
  const labelFix: LintFix[] = input.labelAvailable && !input.paidPartnership ? [{ kind: 'set_paid_partnership', label: 'Turn on the paid-partnership label', value: true }] : [];
  const base = { jurisdiction: profile.id, profileVersion: profile.version, signals };
  const what = describeSignals(signals);
  const finding = (id: string, severity: LintFinding['severity'], message: string, rule: ProfileRule<unknown>, span: { start: number; end: number } | null, fixes: LintFix[]): LintFinding => ({
    ...base,
    id,
    severity: strong ? severity : 'warning',
    message,
    rule: ruleView(rule),
    start: span?.start ?? null,
    end: span?.end ?? null,
    fixes: [...fixes, ...labelFix],
  });
  const spanOf = (f: DisclosureFinding) => ({ start: f.start, end: f.end });
  return [explain(assessment, input.caption, profile, what, firstSpan ?? null, finding, spanOf)];
}

export interface LintTarget {
  readonly name: string;
  /** Whether the post's paid-partnership label is sent to (and shown on) this target. */
  readonly hasLabel: boolean;
}

/**
 * One caption for several targets: the same words everywhere, but the paid-partnership label shows
 * only where the target has one. Linted once with the label (targets that have it) and once without
 * (those that do not); a finding only the label-less targets have is kept too, saying where — so a
 * post whose only disclosure is Instagram's label is not published to Pinterest undisclosed.
 */
export function lintDisclosureForTargets(input: LintInput, targets: readonly LintTarget[], profile: JurisdictionProfile): LintFinding[] {
  const labelled = targets.filter((t) => t.hasLabel);
  const bare = targets.filter((t) => !t.hasLabel);
  const withLabel = labelled.length > 0 ? lintDisclosure({ ...input, labelAvailable: true, labelShown: true }, profile) : [];
  if (bare.length === 0) return withLabel;
  const without = lintDisclosure({ ...input, labelAvailable: false, labelShown: false }, profile);
  if (labelled.length === 0) return without;
  const seen = new Set(withLabel.map((f) => f.id));
  const where = `On ${bare.map((t) => t.name).join(' and ')} (no paid-partnership label there): `;
  return [...withLabel, ...without.filter((f) => !seen.has(f.id)).map((f) => ({ ...f, message: where + f.message }))];
}

type Make = (id: string, severity: LintFinding['severity'], message: string, rule: ProfileRule<unknown>, span: { start: number; end: number } | null, fixes: LintFix[]) => LintFinding;

function explain(a: DisclosureAssessment, caption: string, profile: JurisdictionProfile, what: string, first: CommercialSignal | null, make: Make, spanOf: (f: DisclosureFinding) => { start: number; end: number }): LintFinding {
  const signalSpan = first && first.start !== null && first.end !== null ? { start: first.start, end: first.end } : null;
  const caption_ = a.findings.filter((f) => f.where === 'caption');
  const misplaced = caption_.find((f) => f.status !== 'inadequate');
  switch (a.outcome) {
    case 'risky_wording': {
      const f = caption_.find((x) => x.status === 'risky' && x.ruleId === a.rule?.id) ?? misplaced;
      return make('disclosure.risky_wording', 'warning', `${what}; “${f?.text ?? ''}” may not be read as a disclosure under ${profile.name}.`, a.rule ?? profile.needsDisclosure, f ? spanOf(f) : signalSpan, f ? [replaceWith(f)] : [addAtStart]);
    }
    case 'platform_label_only':
      return make('disclosure.label_only', 'warning', `${what}; only the platform's paid-partnership label discloses it, which ${profile.name} may not accept alone.`, a.rule ?? profile.platformLabelAlone, signalSpan, [addAtStart]);
    case 'after_fold':
    case 'only_at_end':
    case 'in_hashtag_cluster': {
      const where = a.outcome === 'after_fold' ? `after the first ${profile.foldChars.value} characters (the “more” fold)` : a.outcome === 'only_at_end' ? 'only at the end of a long caption' : 'inside a cluster of hashtags';
      const f = misplaced;
      return make(`disclosure.${a.outcome}`, 'error', `${what}; the disclosure “${f?.text ?? ''}” is ${where}.`, a.rule ?? profile.mustBeBeforeFold, f ? spanOf(f) : signalSpan, f ? [moveToStart(f, caption), addAtStart] : [addAtStart]);
    }
    case 'inadequate_wording': {
      const f = caption_.find((x) => x.status === 'inadequate');
      return make('disclosure.inadequate_wording', 'error', `${what}; “${f?.text ?? ''}” is not an adequate disclosure under ${profile.name}.`, a.rule ?? profile.needsDisclosure, f ? spanOf(f) : signalSpan, f && f.beforeFold ? [replaceWith(f), addAtStart] : [addAtStart]);
    }
    default:
      return make('disclosure.missing', 'error', `${what}, but the caption has no disclosure.`, profile.needsDisclosure, signalSpan, [addAtStart]);
  }
}

const KIND_WORDS: Readonly<Record<SignalKind, string>> = {
  affiliate_link: 'an affiliate link',
  discount_code: 'a discount code',
  gifted: 'a gift',
  brand_tag: 'a brand tag',
  tagged_products: 'tagged products',
  paid_partnership_on: 'the paid-partnership label on',
  call_to_buy: 'a call to buy',
  link_in_bio: '"link in bio"',
};

function describeSignals(signals: readonly CommercialSignal[]): string {
  const kinds = [...new Set(signals.map((s) => KIND_WORDS[s.kind]))];
  const list = kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}`;
  return `The post is commercial (${list})`;
}

/** Applies a fix's caption edits (right to left, so earlier offsets stay valid). */
export function applyEdits(caption: string, edits: readonly CaptionEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start || b.end - a.end).reduce((text, e) => text.slice(0, e.start) + e.text + text.slice(e.end), caption);
}
