// Character-level folding with an offset map: NFKC ("fancy font" letters, full-width forms), case
// folding, diacritic stripping and homoglyph folding (Cyrillic/Greek look-alikes), so "ＦＲＥＥ",
// "𝐟𝐫𝐞𝐞" and "frее" (Cyrillic е) all read "free" — while every folded character remembers where in
// the original text it came from, so evidence spans point at what the user actually wrote.
import { Slab } from './slab.ts';

// Look-alikes that NFKC keeps distinct from Latin letters; the set spammers use to dodge filters.
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l', ɡ: 'g', ɑ: 'a', ǝ: 'e', ɩ: 'i',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ı: 'i', '‘': "'", '’': "'", 'ʼ': "'",
};

const COMBINING_MARK = /\p{M}/gu;
const offsetSlab = new Slab();
const foldCache = new Map<number, string>();

/** The folded form of one code point ('' when it folds away, e.g. a zero-width joiner or BOM). */
export function foldCodePoint(cp: number): string {
  if (cp < 128) return cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : String.fromCharCode(cp);
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  const raw = String.fromCodePoint(cp);
  let folded: string;
  if (cp === 0xfeff || cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfe0f) folded = '';
  else {
    const lower = raw.normalize('NFKC').toLowerCase();
    const stripped = lower.normalize('NFD').replace(COMBINING_MARK, '');
    folded = '';
    for (const ch of stripped) folded += HOMOGLYPHS[ch] ?? ch;
  }
  if (foldCache.size < 65_536) foldCache.set(cp, folded);
  return folded;
}

export interface FoldedText {
  /** The folded text. */
  readonly text: string;
  /** For each UTF-16 unit of `text`, the index in the original where its source code point starts; null when offsets are unchanged (ASCII input). */
  readonly origin: Int32Array | null;
  /** For each UTF-16 unit of `text`, the index in the original just after its source code point; null as above. */
  readonly originEnd: Int32Array | null;
  /** True when the folded text is plain ASCII (lets the tokenizer use a faster pattern). */
  readonly ascii: boolean;
}

/** Folds `original[0, maxChars)`; offsets always refer to `original`. */
export function foldText(original: string, maxChars: number): FoldedText {
  const limit = Math.min(original.length, maxChars);
  if (isAscii(original, limit)) return foldAscii(original, limit);
  // Most "non-ASCII" comments are ASCII plus an emoji, a curly quote or a stray BOM: runs of ASCII
  // are lower-cased in one slice, only the other code points go through the per-code-point cache.
  // Offsets go straight into typed arrays (folding rarely lengthens text much; grown when it does).
  let out = '';
  const capacity = limit + 8;
  const at = offsetSlab.reserve(capacity * 8);
  let origin = new Int32Array(offsetSlab.current, at, capacity);
  let originEnd = new Int32Array(offsetSlab.current, at + capacity * 4, capacity);
  let n = 0;
  let i = 0;
  while (i < limit) {
    let run = i;
    while (run < limit && original.charCodeAt(run) < 128) run++;
    if (run > i) {
      if (n + run - i > origin.length) {
        origin = grown(origin, n + run - i);
        originEnd = grown(originEnd, n + run - i);
      }
      out += original.slice(i, run).toLowerCase();
      for (let k = i; k < run; k++) {
        origin[n] = k;
        originEnd[n] = k + 1;
        n++;
      }
      i = run;
      if (i >= limit) break;
    }
    const cp = original.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldCodePoint(cp);
    if (n + folded.length > origin.length) {
      origin = grown(origin, n + folded.length);
      originEnd = grown(originEnd, n + folded.length);
    }
    for (let k = 0; k < folded.length; k++) {
      origin[n] = i;
      originEnd[n] = i + width;
      n++;
    }
    out += folded;
    i += width;
  }
  return { text: out, origin: origin.subarray(0, n), originEnd: originEnd.subarray(0, n), ascii: isAscii(out, out.length) };
}

function grown(a: Int32Array<ArrayBuffer>, atLeast: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(atLeast, a.length * 2));
  b.set(a);
  return b;
}

function isAscii(text: string, limit: number): boolean {
  for (let i = 0; i < limit; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

// The common case (plain ASCII comments) needs only lower-casing; offsets are unchanged.
function foldAscii(original: string, limit: number): FoldedText {
  return { text: original.slice(0, limit).toLowerCase(), origin: null, originEnd: null, ascii: true };
}
