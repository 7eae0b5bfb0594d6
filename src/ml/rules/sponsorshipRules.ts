// Hand-written rules for sponsorship, from RULES.md: signals of commercial intent (affiliate links,
// discount codes, "link in bio", gifted/PR, calls to buy, @-mentions) and the wording and placement
// of a disclosure (adequate words, before the ~125-character fold, not buried in a hashtag cluster).
// Each hit names its rule and the span it matched; the featurizer turns hits into features so the
// learned model weighs them, and the classifier shows them as evidence with that weight.
import { AFFILIATE_URL_FILTERS } from './affiliatePatterns.ts';

export const COMMERCIAL_RULES = ['affiliate_link', 'discount_code', 'link_in_bio', 'gifted', 'call_to_buy', 'mention'] as const;
export const DISCLOSURE_RULES = [
  'disclosure_wording',
  'disclosure_support_link',
  'disclosure_weak_wording',
  'disclosure_before_fold',
  'disclosure_after_fold_only',
  'disclosure_in_hashtag_cluster',
] as const;
export type RuleName = (typeof COMMERCIAL_RULES)[number] | (typeof DISCLOSURE_RULES)[number];
export const RULE_NAMES: readonly RuleName[] = [...COMMERCIAL_RULES, ...DISCLOSURE_RULES];

export interface RuleHit {
  readonly rule: RuleName;
  readonly start: number;
  readonly end: number;
}

/** Instagram truncates captions near 125 characters (RULES.md): a disclosure must come before it. */
export const FOLD_CHARS = 125;

const URL = /(?:https?:\/\/|www\.)[^\s<>"]+|\b(?:[a-z0-9-]+\.)+(?:com|to|me|it|ly|co|io|net|org)\/[^\s<>"]*/gi;
const AFFILIATE = new RegExp(AFFILIATE_URL_FILTERS.map(filterToRegex).join('|'), 'i');

// Each pattern has a cheap substring pre-check on the lower-cased text: most comments match no rule,
// and skipping the regex for them keeps the featurizer fast.
const PATTERNS: readonly (readonly [RuleName, RegExp, readonly string[]])[] = [
  ['discount_code', /\b(?:(?:promo|discount|coupon)\s+code|use\s+(?:my\s+|the\s+)?code|code\s*:)\s*["'“]?[a-z0-9_-]{3,}|\b\d{1,2}\s?%\s?off\b/gi, ['code', '%']],
  ['link_in_bio', /\blink\s+(?:is\s+)?in\s+(?:my\s+|the\s+)?bio\b/gi, ['bio']],
  ['gifted', /#?\bgifted\b|\bpr\s+package\b|\bc\/o\s+@?\w+/gi, ['gifted', 'package', 'c/o']],
  [
    'call_to_buy',
    /\b(?:shop\s+(?:now|the\s+look|my|it)|get\s+yours|buy\s+(?:now|it|here|yours|one)|order\s+(?:now|yours|here|today)|available\s+(?:now|at)|swipe\s+up|tap\s+to\s+shop|pre-?order)\b/gi,
    ['shop', 'yours', 'buy', 'order', 'available', 'swipe'],
  ],
  ['mention', /(?<![\w@])@[a-z0-9_.]*[a-z0-9_]/gi, ['@']],
];

// Any pattern's cue, in one regex: most texts have none, and one scan beats a dozen includes().
const ANY_PATTERN_CUE = new RegExp(PATTERNS.flatMap(([, , cues]) => cues.map((c) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))).join('|'));

// RULES.md "good" wording (FTC/ASA), plus the commission statements Mathur's annotators counted.
const ADEQUATE = /(?<![\w#\-/.=?&])#?(?:ad|advert|advertisement|sponsored|paidpartnership)\b|\bpaid\s+partnership\b|\bthanks?\s+(?:you\s+)?to\s+@?[\w.]+\s+for\s+(?:the\s+|sending\s+)?(?:free|gifted)\b|\baffiliate\s+links?\b[^.\n]{0,80}\b(?:commission|earn|support|small)|\b(?:i|we)\s+(?:may\s+|might\s+|will\s+)?(?:earn|receive|get|make)\s+(?:a\s+)?(?:small\s+)?(?:commission|percentage|portion)|\bcommission\b[^.\n]{0,40}\b(?:purchase|buy|link)/gi;
// "Support the channel by shopping through these links" (a dot inside a name like "XTgamer.de" does not
// end the sentence): an explanation of a material connection
// (one of Mathur's three disclosure kinds). Not on RULES.md's good list, so only the learned weights and
// the presence prior count it; placement rules apply to it like any disclosure.
const SUPPORT_LINK = /\bsupport\b(?:[^.\n]|\.(?=\S)){0,40}?\b(?:by|when|through|while)\b(?:[^.\n]|\.(?=\S)){0,30}?\b(?:shopping|purchasing|buying|using\s+(?:this|these|my|the)\s+links?)|\b(?:shopping|purchasing|buying|purchases?)\b(?:[^.\n]|\.(?=\S)){0,40}?\b(?:through|via|using|from)\s+(?:these|this|my|the)\s+links?\b(?:[^.\n]|\.(?=\S)){0,40}?\bsupports?\b/gi;
// RULES.md "not adequate" wording: counts as a weak signal only.
const WEAK = /#(?:sp|spon|collab|client|gifted|partner|ambassador)\b|\b(?:collab|brand\s+ambassador|brought\s+to\s+you\s+by|in\s+collaboration\s+with|affiliate)\b/gi;
const NEGATION_BEFORE = /\b(?:not|isn't|isnt|wasn't|never|no|non)[\s-]+(?:\w+\s+)?$/i;
const HASHTAG_CLUSTER = /(?:#[\p{L}\p{N}_]+[\s,.]*){3,}/gu;

// Substrings without which neither ADEQUATE nor WEAK can match (checked before running them).
const DISCLOSURE_CUES = /\bad\b|#ad|advert|sponsor|support|partner|thank|affiliate|commission|collab|brought|ambassador|#sp|#client|#gifted|earn|receive|get a|make a|paidpartnership/;

export function sponsorshipRuleHits(text: string): RuleHit[] {
  const hits: RuleHit[] = [];
  const lower = text.toLowerCase();
  // Every affiliate filter has a path or query, so a text without '/' cannot hold an affiliate link.
  if (lower.includes('/')) {
    for (const m of text.matchAll(URL)) {
      if (AFFILIATE.test(m[0])) hits.push({ rule: 'affiliate_link', start: m.index, end: m.index + m[0].length });
    }
  }
  if (ANY_PATTERN_CUE.test(lower)) {
    for (const [rule, pattern, cues] of PATTERNS) {
      if (!hasAny(lower, cues)) continue;
      for (const m of text.matchAll(pattern)) hits.push({ rule, start: m.index, end: m.index + m[0].length });
    }
  }
  if (DISCLOSURE_CUES.test(lower)) disclosureHits(text, hits);
  return hits;
}

// A plain loop, not cues.some(closure): this runs for every pattern of every text that has a cue.
function hasAny(lower: string, cues: readonly string[]): boolean {
  for (let i = 0; i < cues.length; i++) if (lower.includes(cues[i] ?? '')) return true;
  return false;
}

function disclosureHits(text: string, hits: RuleHit[]): void {
  const clusters = [...text.matchAll(HASHTAG_CLUSTER)].map((m) => [m.index, m.index + m[0].length] as const);
  const inCluster = (at: number): boolean => clusters.some(([s, e]) => at >= s && at < e);
  let beforeFold = false;
  let any = false;
  for (const m of text.matchAll(ADEQUATE)) {
    // "this video is not sponsored" states the opposite of a disclosure.
    if (NEGATION_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    any = true;
    hits.push({ rule: 'disclosure_wording', ...span });
    if (m[0].startsWith('#') && inCluster(m.index)) hits.push({ rule: 'disclosure_in_hashtag_cluster', ...span });
    else if (m.index < FOLD_CHARS && !beforeFold) {
      beforeFold = true;
      hits.push({ rule: 'disclosure_before_fold', ...span });
    }
  }
  if (any && !beforeFold) {
    const first = hits.find((h) => h.rule === 'disclosure_wording');
    if (first !== undefined) hits.push({ rule: 'disclosure_after_fold_only', start: first.start, end: first.end });
  }
  for (const m of text.matchAll(SUPPORT_LINK)) hits.push({ rule: 'disclosure_support_link', start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(WEAK)) hits.push({ rule: 'disclosure_weak_wording', start: m.index, end: m.index + m[0].length });
}

/** Adblock filter syntax: "||host/path*?q=" anchors at a (sub)domain start; '*' is any run; '^' a separator. */
function filterToRegex(filter: string): string {
  let body = filter;
  let prefix = '';
  if (body.startsWith('||')) {
    body = body.slice(2);
    prefix = String.raw`(?:^|[/.])`;
  }
  const escaped = body
    .split('')
    .map((ch) => (ch === '*' ? String.raw`[^\s]*` : ch === '^' ? String.raw`(?:[/?&#:]|$)` : ch.replace(/[.+?()[\]{}|\\$]/g, '\\$&')))
    .join('');
  return prefix + escaped;
}
