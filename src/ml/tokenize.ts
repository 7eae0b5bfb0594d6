// Tokens of a comment after folding: words (with leetspeak, stretched letters and s p a c e d
// letters undone), URLs (by domain), @handles, #hashtags, emoji, numbers and !!!/??? runs. Each token
// keeps its span in the ORIGINAL text so a score can point at the words that produced it.
import { foldText } from './textFolding.ts';

export type TokenKind = 'word' | 'url' | 'handle' | 'hashtag' | 'emoji' | 'number' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  /** Normalised form: the folded word, the URL's domain, the hashtag without '#', a number class. */
  readonly text: string;
  /** UTF-16 offsets into the original text. */
  readonly start: number;
  readonly end: number;
}

const URL_SOURCE = String.raw`(https?:\/\/[^\s<>"]+|www\.[^\s<>"]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|ly|me|to|co|gl|it|be|us|info|biz|xyz|tv|uk|de|in|link|shop|store|app)\b(?:\/[^\s<>"]*)?)`;
const UNICODE_PARTS = [
  String.raw`(@[\p{L}\p{N}_.]*[\p{L}\p{N}_])`,
  String.raw`(#[\p{L}\p{N}_]+)`,
  String.raw`([\p{L}\p{N}$@*!'_]+)`,
  String.raw`(\p{Extended_Pictographic})`,
  String.raw`(!{2,}|\?{2,})`,
];
// The same tokens for text that folded to plain ASCII (most comments): a non-Unicode regex is faster.
// Group 5 (emoji) cannot occur in ASCII, so it is a group that never matches, keeping the numbering.
const ASCII_PARTS = [String.raw`(@[a-z0-9_.]*[a-z0-9_])`, String.raw`(#[a-z0-9_]+)`, String.raw`([a-z0-9$@*!'_]+)`, String.raw`((?!))`, String.raw`(!{2,}|\?{2,})`];
// Every URL alternative needs a '.' or a ':' ("http://host"); in a text with neither, trying it at each
// word only to backtrack is most of the regex's work, so those texts use a never-matching group 1.
// Leftmost-first alternation gives the same tokens either way.
const NO_URL = String.raw`((?!))`;
const TOKEN_PATTERN = new RegExp([URL_SOURCE, ...UNICODE_PARTS].join('|'), 'gu');
const TOKEN_PATTERN_NO_URL = new RegExp([NO_URL, ...UNICODE_PARTS].join('|'), 'gu');
const ASCII_TOKEN_PATTERN = new RegExp([URL_SOURCE, ...ASCII_PARTS].join('|'), 'g');
const ASCII_TOKEN_PATTERN_NO_URL = new RegExp([NO_URL, ...ASCII_PARTS].join('|'), 'g');

function tokenPattern(text: string, ascii: boolean): RegExp {
  const url = text.includes('.') || text.includes(':');
  if (ascii) return url ? ASCII_TOKEN_PATTERN : ASCII_TOKEN_PATTERN_NO_URL;
  return url ? TOKEN_PATTERN : TOKEN_PATTERN_NO_URL;
}

// Leetspeak digits and symbols, applied only inside tokens that are mostly letters ("fr33", "sh!t").
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };
const EDGE_JUNK = /^['!*_]+|['!*_]+$/g;
const NUMBER = /^\$?\d[\d.,]*(?:k|m|%|x)?$/;
const STRETCH = /(\p{L})\1{2,}/gu;
const HAS_LEET = /[0-9@$!]/;
// Digits other than these ("covid19", "user2") mark a name or a number, not leetspeak.
const NON_LEET_DIGIT = /[2689]/;

// Tokens under construction: positions are in the folded text until the end of tokenize().
interface Draft {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

export function tokenize(original: string, maxChars: number): Token[] {
  const folded = foldText(original, maxChars);
  const text = folded.text;
  let tokens: Draft[] = [];
  let singleLetters = 0;
  // exec() on the shared global regex, not matchAll(), which clones the regex on every call. No
  // alternative matches the empty string, so the loop always advances.
  const pattern = tokenPattern(text, folded.ascii);
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const start = m.index;
    const value = m[0];
    const end = start + value.length;
    if (m[1] !== undefined) tokens.push({ kind: 'url', text: domainOf(value), start, end });
    else if (m[2] !== undefined) tokens.push({ kind: 'handle', text: value, start, end });
    else if (m[3] !== undefined) tokens.push({ kind: 'hashtag', text: foldWord(value.slice(1)), start, end });
    else if (m[4] !== undefined) {
      pushWord(tokens, value, start);
      if (value.length === 1) singleLetters++;
    } else if (m[5] !== undefined) tokens.push({ kind: 'emoji', text: value, start, end });
    else tokens.push({ kind: 'punct', text: value[0] === '!' ? '!!' : '??', start, end });
  }
  if (singleLetters >= 3) tokens = mergeSpacedLetters(tokens, text);
  const { origin, originEnd } = folded;
  if (origin !== null && originEnd !== null) {
    for (const t of tokens) {
      const end = t.end;
      t.start = origin[t.start] ?? 0;
      t.end = originEnd[end - 1] ?? 0;
    }
  }
  return tokens;
}

function pushWord(out: Draft[], value: string, from: number): void {
  if (isPlainLetters(value)) {
    out.push({ kind: 'word', text: hasStretch(value) ? value.replace(STRETCH, '$1$1') : value, start: from, end: from + value.length });
    return;
  }
  const lead = value.length - value.replace(/^['!*_]+/, '').length;
  const trimmed = value.replace(EDGE_JUNK, '');
  if (trimmed === '') return;
  const start = from + lead;
  const end = start + trimmed.length;
  if (NUMBER.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '').length;
    const cls = trimmed.startsWith('$') ? '<money>' : digits >= 7 ? '<longnum>' : '<num>';
    out.push({ kind: 'number', text: cls, start, end });
    return;
  }
  out.push({ kind: 'word', text: foldWord(trimmed), start, end });
}

/** Undo leetspeak and stretched letters in one word ("fr33", "h3ll0", "sooooo" → "free", "hello", "soo"). */
export function foldWord(word: string): string {
  let w = word;
  if (HAS_LEET.test(w) && !NON_LEET_DIGIT.test(w) && looksLeet(w)) {
    let out = '';
    for (const ch of w) out += LEET[ch] ?? ch;
    w = out;
  }
  return w.replace(STRETCH, '$1$1');
}

// Leet when a symbol sits between letters ("m0ney", "sh!t") or the word ends in two or more of them
// ("fr33", "a$$"); a single trailing digit is a name or a version ("mp4", "b2b"), not leetspeak.
const INNER_LEET = /\p{L}[0-9@$!]+\p{L}/u;
const TRAILING_LEET = /\p{L}[0-9@$!]{2,}$/u;
const LEADING_LEET = /^[0-9@$!]\p{L}{2,}/u;
function looksLeet(word: string): boolean {
  return INNER_LEET.test(word) || TRAILING_LEET.test(word) || LEADING_LEET.test(word);
}

// "f r e e", "f.r.e.e" and "f-r-e-e" become one word when three or more single letters are joined by
// single separators; ordinary one-letter words ("a", "i") are left alone because runs of three are rare.
function mergeSpacedLetters(tokens: Draft[], text: string): Draft[] {
  const out: Draft[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    for (;;) {
      const a = tokens[j];
      const b = tokens[j + 1];
      if (a === undefined || b === undefined || !isSingleLetter(a) || !isSingleLetter(b) || !isLetterGap(text, a, b)) break;
      j++;
    }
    const first = tokens[i];
    const last = tokens[j];
    if (first !== undefined && last !== undefined && j - i >= 2) {
      let word = '';
      for (let k = i; k <= j; k++) word += tokens[k]?.text ?? '';
      out.push({ kind: 'word', text: foldWord(word), start: first.start, end: last.end });
      i = j + 1;
    } else {
      if (first !== undefined) out.push(first);
      i++;
    }
  }
  return out;
}

const isSingleLetter = (t: { kind: TokenKind; text: string } | undefined): boolean =>
  t !== undefined && t.kind === 'word' && t.text.length === 1 && /\p{L}/u.test(t.text);

function isLetterGap(text: string, a: Draft, b: Draft): boolean {
  if (b.start - a.end !== 1) return false;
  const sep = text[a.end];
  return sep === ' ' || sep === '.' || sep === '-' || sep === '_' || sep === '*';
}

function domainOf(url: string): string {
  const host = url.replace(/^https?:\/\//, '').replace(/^www\./, '').split(/[/?#]/)[0] ?? '';
  return host.replace(/[.,!?)]+$/, '');
}

// Fast path for the common token: ASCII lower-case letters only (the text is already case-folded).
function isPlainLetters(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

function hasStretch(word: string): boolean {
  for (let i = 2; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === word.charCodeAt(i - 1) && c === word.charCodeAt(i - 2)) return true;
  }
  return false;
}
