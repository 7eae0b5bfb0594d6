// What makes two texts "the same" for a moderator: identical words, whatever the case, spacing,
// punctuation or HTML escaping. Used to group copies of one text posted as several items and to
// spot a title that only repeats the body in capitals.
import { decodeEntities } from './htmlEntities.ts';

/** Lower-cased words and numbers of the decoded text, joined by single spaces. */
export function normalizedText(text: string): string {
  return (decodeEntities(text).normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}#@]+/gu) ?? []).join(' ');
}

/**
 * A short stable key (FNV-1a 64-bit, hex) of the normalized text, or null when there is too
 * little text for copies to mean anything (a lone "lol" posted twice is not spam).
 */
export function textKey(title: string | null, body: string): string | null {
  // A title that only repeats the body adds nothing: the same text with or without it is a copy.
  const norm = normalizedText(titleRepeatsBody(title, body) ? body : `${title ?? ''} ${body}`);
  if (norm.length < 12) return null;
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  for (const char of norm) {
    hash ^= BigInt(char.codePointAt(0) ?? 0);
    hash = (hash * prime) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * True when the title says nothing the body does not: it is the body again, often in capitals.
 * Such a title is not shown, so the text is not read twice. A title that is the body's first
 * sentence stays: that is how a forum topic reads (title, then the post that opens with it).
 */
export function titleRepeatsBody(title: string | null, body: string): boolean {
  if (title === null) return false;
  const t = normalizedText(title);
  return t === '' || t === normalizedText(body);
}
