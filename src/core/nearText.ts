// "Near-identical" for a moderator: the same words once numbers, links and @names are set aside,
// which is how one spam text is varied to slip past exact matching ("code SAVE20 at shop.co/a1",
// "code SAVE30 at shop.co/b7 @anna"). Identical texts (textKey.ts) are always near-identical too.
import { normalizedText, titleRepeatsBody } from './textKey.ts';

const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;
// A bare domain ("shop.co/a1", "brand.com"): a word, a dot, letters, and an optional path.
const DOMAIN = /\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?:\/\S*)?/gu;

/** The words that are left for comparing: links and @names dropped, digits taken out of words. */
export function looseText(title: string | null, body: string): string {
  const text = titleRepeatsBody(title, body) ? body : `${title ?? ''} ${body}`;
  const words = normalizedText(text.replace(LINK, ' ').replace(DOMAIN, ' ')).split(' ');
  return words
    .filter((word) => !word.startsWith('@'))
    .map((word) => word.replace(/\p{N}+/gu, ''))
    .filter((word) => word !== '' && word !== '#')
    .join(' ');
}

/** Too little left to call two texts the same person's template ("thanks" twice is not spam). */
const MIN_LOOSE_LENGTH = 16;

/**
 * A short stable key of the loose text (two 32-bit FNV-1a lanes, hex), or null when too little
 * is left. Equal keys: near-identical texts.
 */
export function nearTextKey(title: string | null, body: string): string | null {
  const loose = looseText(title, body);
  if (loose.length < MIN_LOOSE_LENGTH) return null;
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < loose.length; i += 1) {
    const code = loose.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x0100019d);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
