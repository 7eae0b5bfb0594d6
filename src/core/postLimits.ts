// Platform limits for a post, as versioned data: one profile per publishing target, each with an
// id, the date its facts were gathered and the document they came from (../shared/RULES.md
// "Platform limits for publishing", ../shared/PLATFORMS.md §4.3 and §7), and every rule naming
// itself. Limits change often and sources disagree (RULES.md marks them "verify"); where they do,
// the default profile takes the stricter number, so a post that passes here does not fail at publish
// time under either reading, and the looser reading is kept as a note (or a second profile).
//
// Counting. Meta documents "2,200 characters" without saying which characters. The default counts
// UTF-16 code units — what a browser's maxlength and Meta's own JavaScript clients count — because
// it is the largest of the three plausible measures (code units ≥ code points ≥ graphemes): a
// family emoji 👨‍👩‍👧 is 8 units, 5 code points, 1 grapheme. Pinterest's limits come from its
// OpenAPI spec, whose JSON Schema `maxLength` counts code points, so Pinterest counts code points.
// The fold is a position in the caption as the disclosure check measures it (UTF-16 index).

export const POST_TARGETS = ['instagram', 'pinterest'] as const;
export type PostTarget = (typeof POST_TARGETS)[number];

export type CountUnit = 'utf16' | 'codepoint' | 'grapheme';

export interface LimitSource {
  readonly document: string;
  readonly section: string;
  /** Disputed or undocumented: a person should check before relying on it. */
  readonly verify?: boolean;
  readonly note?: string;
}

export interface LimitRule<T> {
  /** Stable name, e.g. "instagram.caption.max_chars": violations and tests refer to it. */
  readonly id: string;
  readonly value: T;
  readonly says: string;
  readonly source: LimitSource;
}

export interface Range {
  readonly min: number;
  readonly max: number;
}

export interface LimitProfile {
  readonly id: string;
  readonly target: PostTarget;
  readonly name: string;
  /** When the facts were gathered (or the rule took effect). */
  readonly date: string;
  readonly captionUnit: CountUnit;
  readonly captionMax: LimitRule<number>;
  readonly hashtagsMax: LimitRule<number>;
  readonly mentionsMax: LimitRule<number>;
  /** How many characters show before "more"; drawn in the editor, used by the disclosure linter. */
  readonly fold: LimitRule<number>;
  readonly mediaMin: LimitRule<number>;
  /** Items in a carousel (a post with more than one image). */
  readonly carouselItems: LimitRule<Range>;
  /** Width ÷ height of each image. */
  readonly aspectRatio: LimitRule<Range>;
  readonly altTextMax: LimitRule<number>;
  /** null: the target has no product tags on the image. */
  readonly productTags: {
    readonly perImageMax: LimitRule<number>;
    readonly perPostMax: LimitRule<number>;
    readonly uniqueProducts: LimitRule<true>;
  } | null;
  readonly titleMax: LimitRule<number> | null;
  readonly linkMax: LimitRule<number> | null;
  /** Whether Stoa sends the post's paid-partnership label to this target (else only the caption discloses). */
  readonly paidPartnershipLabel: boolean;
}

const RULES_IG: LimitSource = { document: '../shared/RULES.md', section: 'Platform limits for publishing › Instagram (Graph API, Business accounts)' };
const PLATFORMS_IG: LimitSource = { document: '../shared/PLATFORMS.md', section: '§4.3 Content Publishing › Limits' };
const RULES_PIN: LimitSource = { document: '../shared/RULES.md', section: 'Platform limits for publishing › Pinterest (API v5)' };
const PLATFORMS_PIN: LimitSource = { document: '../shared/PLATFORMS.md', section: '§7 Pinterest API v5 › Create Pin (PinCreate)' };
const RULES_FOLD: LimitSource = { document: '../shared/RULES.md', section: 'Sponsorship disclosure › Placement ("about the first 125 characters")' };

const with_ = (base: LimitSource, extra: Partial<LimitSource>): LimitSource => ({ ...base, ...extra });
const rule = <T>(id: string, value: T, says: string, source: LimitSource): LimitRule<T> => ({ id, value, says, source });

export const INSTAGRAM_FEED: LimitProfile = {
  id: 'instagram-feed-2026-12',
  target: 'instagram',
  name: 'Instagram feed image or carousel (Graph API)',
  date: '2026-12-03',
  captionUnit: 'utf16',
  captionMax: rule('instagram.caption.max_chars', 2200, 'A caption has at most 2,200 characters.', RULES_IG),
  hashtagsMax: rule('instagram.caption.hashtags_max', 30, 'A caption has at most 30 hashtags (API reference).', with_(RULES_IG, { verify: true, note: 'Instagram capped hashtags at 5 per post from 19 Dec 2025 (verify): profile instagram-feed-2025-12-19-hashtag-cap.' })),
  mentionsMax: rule('instagram.caption.mentions_max', 20, 'A caption has at most 20 @-mentions.', RULES_IG),
  fold: rule('instagram.caption.fold', 125, 'The feed shows about the first 125 characters before "more".', RULES_FOLD),
  mediaMin: rule('instagram.media.min', 1, 'A feed post needs at least one image.', PLATFORMS_IG),
  carouselItems: rule('instagram.carousel.items', { min: 2, max: 10 }, 'A carousel has 2 to 10 items.', with_(RULES_IG, { note: 'PLATFORMS.md §4.3: the app now allows 20 (verify); the API documents 10.' })),
  aspectRatio: rule('instagram.image.aspect_ratio', { min: 4 / 5, max: 1.91 }, 'Images are between 4:5 (portrait) and 1.91:1 (landscape).', RULES_IG),
  altTextMax: rule('instagram.image.alt_text_max', 500, 'Alt text is kept to 500 characters.', with_(PLATFORMS_IG, { verify: true, note: 'Meta documents alt_text (Mar 2025) without a length; 500 is the Pinterest limit the media library also uses.' })),
  productTags: {
    perImageMax: rule('instagram.product_tags.per_image_max', 5, 'At most 5 product tags on one image.', with_(RULES_IG, { verify: true, note: 'Older rule; the newest product_tags reference says 20 per feed post (PLATFORMS.md §4.3). The stricter reading is kept.' })),
    perPostMax: rule('instagram.product_tags.per_post_max', 20, 'At most 20 product tags per feed post, carousel included.', RULES_IG),
    uniqueProducts: rule('instagram.product_tags.unique', true, 'A product is tagged once per image (tags and product ids must be unique).', PLATFORMS_IG),
  },
  titleMax: null,
  linkMax: null,
  paidPartnershipLabel: true,
};

/** The same feed rules with the 5-hashtag cap Instagram announced for 19 Dec 2025 (RULES.md: verify; a setting). */
export const INSTAGRAM_FEED_HASHTAG_CAP: LimitProfile = {
  ...INSTAGRAM_FEED,
  id: 'instagram-feed-2025-12-19-hashtag-cap',
  name: 'Instagram feed, 5 hashtags per post',
  date: '2025-12-19',
  hashtagsMax: rule('instagram.caption.hashtags_max', 5, 'A caption has at most 5 hashtags (Instagram, from 19 Dec 2025).', with_(RULES_IG, { verify: true })),
};

export const PINTEREST_PIN: LimitProfile = {
  id: 'pinterest-pin-2026-12',
  target: 'pinterest',
  name: 'Pinterest pin (API v5)',
  date: '2026-12-03',
  captionUnit: 'codepoint',
  captionMax: rule('pinterest.description.max_chars', 500, 'A pin description has at most 500 characters.', with_(RULES_PIN, { verify: true, note: 'The v5 OpenAPI spec says 800 (PLATFORMS.md §7); the stricter 500 is kept.' })),
  hashtagsMax: rule('pinterest.description.hashtags_max', 20, 'At most 20 hashtags in a pin description.', { document: 'Stoa', section: 'No platform limit documented; 20 keeps a description readable', verify: true }),
  mentionsMax: rule('pinterest.description.mentions_max', 20, 'At most 20 @-mentions in a pin description.', { document: 'Stoa', section: 'No platform limit documented; the Instagram number is used', verify: true }),
  fold: rule('pinterest.description.fold', 125, 'Only the start of a description shows under the pin; the first 125 characters are treated as the fold.', with_(RULES_FOLD, { verify: true })),
  mediaMin: rule('pinterest.media.min', 1, 'A pin needs an image.', PLATFORMS_PIN),
  carouselItems: rule('pinterest.carousel.items', { min: 2, max: 5 }, 'A carousel pin has 2 to 5 images.', RULES_PIN),
  aspectRatio: rule('pinterest.image.aspect_ratio', { min: 0.5, max: 1.91 }, 'Pins are 2:3 (recommended); between 1:2 and 1.91:1 is accepted here.', with_(RULES_PIN, { verify: true, note: 'RULES.md recommends 2:3 and gives no range; the bounds are Stoa\u2019s.' })),
  altTextMax: rule('pinterest.image.alt_text_max', 500, 'Alt text has at most 500 characters.', RULES_PIN),
  productTags: null,
  titleMax: rule('pinterest.title.max_chars', 100, 'A pin title has at most 100 characters.', RULES_PIN),
  linkMax: rule('pinterest.link.max_chars', 2048, 'A pin link has at most 2,048 characters.', RULES_PIN),
  // RULES.md lists Pinterest's `sponsor_id` as beta; Stoa does not send it.
  paidPartnershipLabel: false,
};

export const LIMIT_PROFILES: readonly LimitProfile[] = [INSTAGRAM_FEED, INSTAGRAM_FEED_HASHTAG_CAP, PINTEREST_PIN];
export const DEFAULT_LIMIT_PROFILES: Readonly<Record<PostTarget, LimitProfile>> = { instagram: INSTAGRAM_FEED, pinterest: PINTEREST_PIN };

export const limitProfileById = (id: string): LimitProfile | null => LIMIT_PROFILES.find((p) => p.id === id) ?? null;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function countUnits(text: string, unit: CountUnit): number {
  if (unit === 'utf16') return text.length;
  if (unit === 'codepoint') {
    let n = 0;
    for (const _ of text) n += 1;
    return n;
  }
  let n = 0;
  for (const _ of segmenter.segment(text)) n += 1;
  return n;
}

export interface TokenSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

// Instagram links a hashtag of letters, digits and underscores in any script (#café, #夏) and ends it
// at punctuation; a '#' inside a word or URL ("a#b", "/#top") is not a hashtag. Every occurrence is
// counted, repeats included: the platform's rule on repeats is undocumented, so the count errs high.
const HASHTAG = /(?<![\p{L}\p{N}_&#/])#[\p{L}\p{M}\p{N}_]*[\p{L}\p{M}_][\p{L}\p{M}\p{N}_]*/gu;
// Instagram usernames: letters, digits, '.' and '_', up to 30; an e-mail address is not a mention.
const MENTION = /(?<![\p{L}\p{N}_.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?/gu;

const spans = (text: string, re: RegExp): TokenSpan[] => [...text.matchAll(re)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
export const hashtagsIn = (text: string): TokenSpan[] => spans(text, HASHTAG);
export const mentionsIn = (text: string): TokenSpan[] => spans(text, MENTION);

/**
 * Where the fold falls: the first `fold` characters, moved back so it never cuts an emoji or a
 * surrogate pair in half (the editor draws it between whole graphemes).
 */
export function foldIndex(text: string, fold: number): number {
  if (text.length <= fold) return text.length;
  let at = 0;
  for (const { index, segment } of segmenter.segment(text)) {
    if (index + segment.length > fold) break;
    at = index + segment.length;
  }
  return at;
}

/** The live counters the caption editor shows for one target. */
export interface CaptionCounts {
  readonly characters: number;
  readonly unit: CountUnit;
  readonly hashtags: number;
  readonly mentions: number;
  readonly foldAt: number;
}

export function captionCounts(caption: string, profile: LimitProfile): CaptionCounts {
  return {
    characters: countUnits(caption, profile.captionUnit),
    unit: profile.captionUnit,
    hashtags: hashtagsIn(caption).length,
    mentions: mentionsIn(caption).length,
    foldAt: foldIndex(caption, profile.fold.value),
  };
}
