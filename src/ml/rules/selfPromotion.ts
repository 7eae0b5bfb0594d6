// Self-promotion wording in a comment: a plug for the commenter's own channel, page, shop or link
// ("check out my channel", "subscribe to me", "follow me", "visit my shop"). What a comment that sells
// is, honestly: undisclosed sponsorship is a creator's obligation in their own posts (RULES.md), not
// something a commenter's plug can be audited for.
export interface SelfPromotionHit {
  readonly start: number;
  readonly end: number;
}

const OWN = String.raw`(?:my|our)\s+(?:new\s+|own\s+|youtube\s+|insta(?:gram)?\s+)?(?:channel|vids?|videos?|page|profile|account|shop|store|etsy|blog|site|website|music|songs?|covers?|mixtape|album|podcast|stream|link|art|work|stuff)`;
const PLUG = new RegExp(
  [
    String.raw`\b(?:check\s*(?:out|it\s+out)?|visit|watch|listen\s+to|go\s+to|look\s+at|see|view)\s+(?:out\s+)?${OWN}`,
    String.raw`\bsub(?:scribe)?\s+(?:to\s+)?(?:me|my|us|our)\b`,
    String.raw`\bplease\s+subscribe\b`,
    String.raw`\bfollow\s+(?:me|us|my)\b`,
    String.raw`\b(?:dm|message)\s+me\s+(?:to\s+)?(?:order|buy|for)\b`,
    String.raw`(?:youtube\.com\/(?:user|channel|c)\/|youtu\.be\/|soundcloud\.com\/|etsy\.com\/shop\/)[^\s]+`,
  ].join('|'),
  'gi',
);
const CUES = /check|visit|watch|listen|go to|look|see|view|sub|follow|dm|message|youtu|soundcloud|etsy/;

export function selfPromotionHits(text: string): SelfPromotionHit[] {
  const lower = text.toLowerCase();
  if (!CUES.test(lower)) return [];
  return [...text.matchAll(PLUG)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
