// Comments written for Stoa (not from any dataset) that pin down the product's definition of toxic:
// friendly profanity about products and civil product complaints must not be flagged; abuse aimed
// at a person must be. Evaluated with every toxicity model and reported in its card; a smoke check of
// the definition, too small to be a benchmark.
export interface DefinitionCheck {
  readonly text: string;
  readonly label: 0 | 1;
  readonly kind: 'friendly_profanity' | 'civil_complaint' | 'abuse';
}

export const TOXICITY_DEFINITION_CHECKS: readonly DefinitionCheck[] = [
  { text: 'this blush is fucking gorgeous', label: 0, kind: 'friendly_profanity' },
  { text: 'holy shit this palette is amazing', label: 0, kind: 'friendly_profanity' },
  { text: 'damn this serum actually works', label: 0, kind: 'friendly_profanity' },
  { text: 'these boots are so damn comfy', label: 0, kind: 'friendly_profanity' },
  { text: 'fucking love this color on you', label: 0, kind: 'friendly_profanity' },
  { text: 'hell yes, restocked at last!', label: 0, kind: 'friendly_profanity' },
  { text: 'this mascara is the shit, seriously', label: 0, kind: 'friendly_profanity' },
  { text: 'omg the packaging is so fucking cute', label: 0, kind: 'friendly_profanity' },
  { text: 'best damn lip oil I\'ve ever tried', label: 0, kind: 'friendly_profanity' },
  { text: 'shit, I need this in every shade', label: 0, kind: 'friendly_profanity' },
  { text: 'the shipping took three weeks and the lid arrived cracked, really disappointed', label: 0, kind: 'civil_complaint' },
  { text: 'honestly this foundation oxidised on me, not worth the price', label: 0, kind: 'civil_complaint' },
  { text: 'customer service never answered my email about the refund', label: 0, kind: 'civil_complaint' },
  { text: 'the formula changed and it breaks me out now, please bring back the old one', label: 0, kind: 'civil_complaint' },
  { text: 'too expensive for such a tiny bottle', label: 0, kind: 'civil_complaint' },
  { text: 'mine smelled weird out of the box, returning it', label: 0, kind: 'civil_complaint' },
  { text: 'the shade range is really limited for darker skin', label: 0, kind: 'civil_complaint' },
  { text: 'this is overhyped, it did nothing for my acne', label: 0, kind: 'civil_complaint' },
  { text: 'you are a pathetic idiot and everyone hates you', label: 1, kind: 'abuse' },
  { text: 'shut up you stupid cow', label: 1, kind: 'abuse' },
  { text: 'kill yourself, nobody wants you here', label: 1, kind: 'abuse' },
  { text: '@maria you ugly fat pig', label: 1, kind: 'abuse' },
  { text: 'go back to where you came from you worthless trash', label: 1, kind: 'abuse' },
  { text: 'what a braindead moron, delete your account', label: 1, kind: 'abuse' },
  { text: 'you\'re a disgusting liar and a fraud', label: 1, kind: 'abuse' },
  { text: 'i hope you die in a fire', label: 1, kind: 'abuse' },
  { text: 'your face makes me sick, stay off camera', label: 1, kind: 'abuse' },
  { text: 'stupid bitch can\'t even do her makeup', label: 1, kind: 'abuse' },
];
