// The catalogue of disclosure wordings Stoa recognises: what each looks like in a caption. Whether a
// wording is enough is not decided here: each jurisdiction profile (jurisdictionProfiles.ts) gives
// every wording a status with its source, so the same "#sponsored" is adequate under one regulator
// and risky under another. Pure and dependency-free so the UI's disclosure linter can use it too.

export const WORDING_IDS = [
  'hashtag_ad',
  'ad',
  'advert',
  'sponsored',
  'paid_partnership',
  'thanks_for_free_product',
  'commission_statement',
  'local_advertising_label',
  'gifted',
  'affiliate_alone',
  'hashtag_sp',
  'hashtag_spon',
  'collab',
  'partner',
  'ambassador',
  'brought_to_you_by',
  'in_collaboration_with',
  'hashtag_client',
  'thanks_to_brand',
] as const;
export type WordingId = (typeof WORDING_IDS)[number];

export interface Wording {
  readonly id: WordingId;
  /** How a reviewer would say it. */
  readonly label: string;
  /** Regular expression source, matched with flags `giu` on the caption as written. */
  readonly pattern: string;
}

// A word boundary that also treats '#', '@', '/', '.', '=' and '-' as part of a token, so "ad" does not
// match inside "#adidas", "ad-free", a URL path or "load.ad".
const START = String.raw`(?<![\p{L}\p{N}_#@/.=?&'’-])`;
const END = String.raw`(?![\p{L}\p{N}_'’-])`;
const word = (body: string): string => `${START}(?:${body})${END}`;

export const WORDINGS: readonly Wording[] = [
  { id: 'hashtag_ad', label: '#ad', pattern: String.raw`(?<![\p{L}\p{N}_])#ad${END}` },
  { id: 'ad', label: 'Ad', pattern: word('ad') },
  { id: 'advert', label: 'Advert / Advertisement', pattern: String.raw`(?<![\p{L}\p{N}_])#?advert(?:isement)?${END}` },
  { id: 'sponsored', label: 'Sponsored', pattern: String.raw`(?<![\p{L}\p{N}_])#?sponsored${END}` },
  { id: 'paid_partnership', label: 'Paid partnership', pattern: String.raw`(?<![\p{L}\p{N}_])#?paid\s*partnership${END}` },
  {
    id: 'thanks_for_free_product',
    label: 'Thanks to X for the free product',
    pattern: String.raw`\bthanks?\s+(?:you\s+)?to\s+@?[\p{L}\p{N}_.]+\s+for\s+(?:the\s+|my\s+|sending\s+(?:me\s+)?(?:the\s+|this\s+)?)?(?:free|gifted|complimentary)\b`,
  },
  {
    id: 'commission_statement',
    label: 'I earn a commission',
    pattern: String.raw`\baffiliate\s+links?\b[^.\n]{0,80}\b(?:commission|earn|small\s+percentage)|\b(?:i|we)\s+(?:may\s+|might\s+|will\s+)?(?:earn|receive|get|make)\s+(?:a\s+)?(?:small\s+)?(?:commission|percentage|portion)|\bcommission\b[^.\n]{0,40}\b(?:purchase|buy|link)`,
  },
  { id: 'local_advertising_label', label: 'Werbung / Anzeige / Publicité / Pubblicità / Publicidad / Reclame', pattern: String.raw`(?<![\p{L}\p{N}_])#?(?:werbung|anzeige|publicité|publicite|pubblicità|publicidad|reclame)${END}` },
  { id: 'gifted', label: '#gifted', pattern: String.raw`(?<![\p{L}\p{N}_])#?gifted${END}` },
  { id: 'affiliate_alone', label: 'affiliate (alone)', pattern: String.raw`(?<![\p{L}\p{N}_])#?affiliate${END}` },
  { id: 'hashtag_sp', label: '#sp', pattern: String.raw`(?<![\p{L}\p{N}_])#sp${END}` },
  { id: 'hashtag_spon', label: '#spon', pattern: String.raw`(?<![\p{L}\p{N}_])#spon${END}` },
  { id: 'collab', label: 'collab / #collab', pattern: String.raw`(?<![\p{L}\p{N}_])#?collab${END}` },
  { id: 'partner', label: 'partner (alone)', pattern: String.raw`(?<![\p{L}\p{N}_])#?partner${END}` },
  { id: 'ambassador', label: 'ambassador (alone)', pattern: String.raw`(?<![\p{L}\p{N}_])#?(?:brand\s*)?ambassador${END}` },
  { id: 'brought_to_you_by', label: 'Brought to you by', pattern: String.raw`\bbrought\s+to\s+you\s+by\b` },
  { id: 'in_collaboration_with', label: 'In collaboration with', pattern: String.raw`\bin\s+collaboration\s+with\b` },
  { id: 'hashtag_client', label: '#client', pattern: String.raw`(?<![\p{L}\p{N}_])#client${END}` },
  { id: 'thanks_to_brand', label: 'Thanks to X (bare)', pattern: String.raw`\bthanks?\s+(?:you\s+)?(?:to\s+)?@[\p{L}\p{N}_.]+` },
];

/** "This video is not sponsored" states the opposite of a disclosure. */
export const NEGATION_BEFORE = /\b(?:not|isn't|isnt|wasn't|never|no|non)[\s-]+(?:\w+\s+)?$/iu;

/** Three or more hashtags in a row (separated by spaces or punctuation): a cluster a disclosure drowns in. */
export const HASHTAG_CLUSTER = /(?:#[\p{L}\p{N}_]+[\s,.·|]*){3,}/gu;
