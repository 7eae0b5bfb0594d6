// The one featurizer shared by training and inference: folded tokens → hashed word unigrams and
// bigrams, character n-grams of words, special-token features and rule features, in a fixed space
// of 2^dimBits buckets. A model records FEATURIZER_VERSION and the params it was trained with, and
// inference refuses a model whose record differs (see registry.ts): change either and retrain.
import { combineHashes, fmix32, fnvStep, hashRange, hashString, namespaceSeed } from './hashing.ts';
import { Slab } from './slab.ts';
import { RULE_NAMES, sponsorshipRuleHits, type RuleHit, type RuleName } from './rules/sponsorshipRules.ts';
import { AIM_WINDOW, LEXICON } from './rules/toxicityLexicon.ts';
import { tokenize, type Token } from './tokenize.ts';

export const FEATURIZER_VERSION = 'stoa-hashed-ngrams-5';

/** Owner of a feature that belongs to no span (the text-length bucket): never shown as evidence. */
export const NO_OWNER = -0x40000000;

export interface FeaturizerParams {
  readonly dimBits: number;
  readonly charNgramMin: number;
  readonly charNgramMax: number;
  readonly wordBigrams: boolean;
  /** Longer texts are featurized on their first maxChars characters. */
  readonly maxChars: number;
}

export const DEFAULT_FEATURIZER_PARAMS: FeaturizerParams = {
  dimBits: 18,
  charNgramMin: 3,
  charNgramMax: 4,
  wordBigrams: true,
  maxChars: 3000,
};

/** Sparse features of one text. Duplicate indices are allowed; a linear model sums them. */
export interface Features {
  readonly indices: Int32Array;
  readonly values: Float32Array;
  readonly tokens: readonly Token[];
  readonly rules: readonly RuleHit[];
  /** Per feature: the token it came from (bigrams: the second token), -1 - k for rule hit k, or NO_OWNER. */
  readonly owner: Int32Array;
  /** Per feature: 1 when it is a bigram, whose weight is shared with the previous token. */
  readonly bigram: Uint8Array;
}

const SEED_WORD = namespaceSeed('word');
const SEED_BIGRAM = namespaceSeed('bigram');
const SEED_CHAR = namespaceSeed('char');
const SEED_SPECIAL = namespaceSeed('special');
const SEED_LEXICON = namespaceSeed('lexicon');
const SEED_SHAPE = namespaceSeed('shape');
const SHAPE_LENGTH = Array.from({ length: 13 }, (_, b) => hashString(SEED_SHAPE, `length:${b}`));
const SHAPE_CAPS = hashString(SEED_SHAPE, 'caps');
const LEX = {
  profanity: hashString(SEED_LEXICON, 'profanity'),
  insult: hashString(SEED_LEXICON, 'insult'),
  threat: hashString(SEED_LEXICON, 'threat'),
  aimedRude: hashString(SEED_LEXICON, 'aimed_rude'),
  aimedThreat: hashString(SEED_LEXICON, 'aimed_threat'),
  praisedProfanity: hashString(SEED_LEXICON, 'profanity_with_praise'),
} as const;
// Hashes of the fixed symbols, and FNV states after the constant prefixes '#' and 'url:', so a token's
// feature hash is computed without building the prefixed string (same value as hashString of it).
const HASH_URL = hashString(SEED_SPECIAL, '<url>');
const HASH_USER = hashString(SEED_SPECIAL, '<user>');
const HASH_EMOJI = hashString(SEED_SPECIAL, '<emoji>');
const SEED_HASHTAG_PREFIX = fnvStep(SEED_SPECIAL, 35); // '#'
const SEED_URL_PREFIX = [...'url:'].reduce((h, ch) => fnvStep(h, ch.charCodeAt(0)), SEED_SPECIAL);
const RULE_HASH: ReadonlyMap<RuleName, number> = new Map(RULE_NAMES.map((r) => [r, hashString(namespaceSeed('rule'), r)]));
// One bit per rule (there are fewer than 31), to count each rule once per text without a Set.
const RULE_BIT: ReadonlyMap<RuleName, number> = new Map(RULE_NAMES.map((r, i) => [r, 1 << i]));

/** Slots of the per-featurizer word cache (a few MB when full). */
const WORD_CACHE_SLOTS = 1 << 15;
const CACHED_WORD_MAX = 12;

export class Featurizer {
  readonly params: FeaturizerParams;
  private readonly mask: number;
  // Scratch buffers reused across calls: featurizing allocates only the returned slices.
  private idx = new Int32Array(4096);
  private own = new Int32Array(4096);
  private big = new Uint8Array(4096);
  private n = 0;
  private readonly slab = new Slab();
  private readonly cachedWords: (string | undefined)[] = new Array<string | undefined>(WORD_CACHE_SLOTS).fill(undefined);
  private readonly cachedFeatures: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(WORD_CACHE_SLOTS).fill(undefined);

  constructor(params: FeaturizerParams = DEFAULT_FEATURIZER_PARAMS) {
    this.params = params;
    this.mask = (1 << params.dimBits) - 1;
  }

  featurize(text: string): Features {
    const tokens = tokenize(text, this.params.maxChars);
    const rules = sponsorshipRuleHits(text.length > this.params.maxChars ? text.slice(0, this.params.maxChars) : text);
    this.n = 0;
    let prev = 0;
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t];
      if (token === undefined) continue;
      const unit = this.tokenFeatures(token, t);
      if (this.params.wordBigrams && t > 0) this.push(combineHashes(SEED_BIGRAM ^ prev, unit), t, 1);
      prev = unit;
    }
    const textFeatures = this.n;
    this.lexiconFeatures(tokens);
    this.shapeFeatures(text, tokens);
    // Each rule counts once however often it matches: thirteen "@USER"s are not thirteen times the
    // evidence of one (they drove tweets to spam 1.0 and commercial 0.99). The first match owns it.
    let seen = 0;
    for (let k = 0; k < rules.length; k++) {
      const hit = rules[k];
      const bit = hit === undefined ? 0 : (RULE_BIT.get(hit.rule) ?? 0);
      if (hit === undefined || (seen & bit) !== 0) continue;
      seen |= bit;
      this.push(RULE_HASH.get(hit.rule) ?? 0, -1 - k, 0);
    }
    // Length normalisation for n-gram features (1/sqrt(n)); lexicon and rule features keep value 1 so
    // one insult or one affiliate link counts the same in a one-liner and a 3,000-character text.
    // The four result arrays are views of one range of a shared slab (slab.ts), not four new buffers.
    const n = this.n;
    const at = this.slab.reserve(n * 13);
    const slab = this.slab.current;
    const indices = new Int32Array(slab, at, n);
    const owner = new Int32Array(slab, at + n * 4, n);
    const values = new Float32Array(slab, at + n * 8, n);
    const bigram = new Uint8Array(slab, at + n * 12, n);
    indices.set(this.idx.subarray(0, n));
    owner.set(this.own.subarray(0, n));
    bigram.set(this.big.subarray(0, n));
    const scale = textFeatures > 0 ? 1 / Math.sqrt(textFeatures) : 0;
    values.fill(scale, 0, textFeatures);
    values.fill(1, textFeatures);
    return { indices, values, tokens, rules, owner, bigram };
  }

  // Lexicon features (toxicityLexicon.ts): rude words, and whether they are aimed at someone (a
  // second-person word or @handle just before) or sit next to praise ("fucking gorgeous").
  private lexiconFeatures(tokens: readonly Token[]): void {
    let lastAim = -AIM_WINDOW - 1;
    let lastPraise = -3;
    let lastProfanity = -3;
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t];
      if (token === undefined) continue;
      const category = token.kind === 'handle' ? 'second_person' : token.kind === 'word' ? LEXICON.get(token.text) : undefined;
      if (category === undefined) continue;
      if (category === 'second_person') lastAim = t;
      else if (category === 'praise') {
        lastPraise = t;
        if (t - lastProfanity <= 2) this.push(LEX.praisedProfanity, t, 0);
      } else {
        this.push(LEX[category], t, 0);
        const aimed = t - lastAim <= AIM_WINDOW;
        if (aimed) this.push(category === 'threat' ? LEX.aimedThreat : LEX.aimedRude, t, 0);
        if (category === 'profanity') {
          lastProfanity = t;
          if (t - lastPraise <= 2) this.push(LEX.praisedProfanity, t, 0);
        }
      }
    }
  }

  // Shape of the text that folding hides: how long it is (log2 buckets of the folded tokens' length,
  // so fancy fonts and spacing do not change it) and words in capitals ("PLEASE SUBSCRIBE", "KATY YOU
  // ARE…"), which case folding would otherwise erase.
  private shapeFeatures(text: string, tokens: readonly Token[]): void {
    let length = 0;
    for (const token of tokens) length += token.text.length + 1;
    const bucket = Math.min(12, Math.floor(Math.log2(length + 1)));
    this.push(SHAPE_LENGTH[bucket] ?? 0, NO_OWNER, 0);
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t];
      if (token === undefined || token.kind !== 'word' || token.end - token.start < 3) continue;
      if (isAllCaps(text, token.start, token.end)) this.push(SHAPE_CAPS, t, 0);
    }
  }

  /** Emits the token's features and returns the hash that stands for it in bigrams. */
  private tokenFeatures(token: Token, t: number): number {
    if (token.kind === 'word') return this.wordFeatures(token.text, t);
    if (token.kind === 'hashtag') {
      const word = token.text;
      const unit = hashRange(SEED_HASHTAG_PREFIX, word, 0, word.length);
      this.push(unit, t, 0);
      this.push(hashString(SEED_WORD, word), t, 0);
      this.charNgrams(word, t);
      return unit;
    }
    const unit =
      token.kind === 'url' ? HASH_URL : token.kind === 'handle' ? HASH_USER : token.kind === 'emoji' ? HASH_EMOJI : hashString(SEED_SPECIAL, token.text);
    this.push(unit, t, 0);
    if (token.kind === 'url') this.push(hashRange(SEED_URL_PREFIX, token.text, 0, token.text.length), t, 0);
    if (token.kind === 'emoji') this.push(hashString(SEED_SPECIAL, token.text), t, 0);
    return unit;
  }

  // A word's features (its hash, then its char n-grams) depend on the word alone, and comment words
  // repeat (Zipf), so they are computed once and copied afterwards. The cache is direct-mapped on the
  // word's own feature hash (needed anyway), so a lookup costs no extra string hashing and its size is
  // fixed. Entry: the word's buckets; a collision just replaces the slot. Only words of up to
  // CACHED_WORD_MAX characters are kept: V8 makes longer substrings slices of their source text,
  // which would pin whole comments in memory.
  private wordFeatures(word: string, t: number): number {
    const unit = hashString(SEED_WORD, word);
    const slot = unit & (WORD_CACHE_SLOTS - 1);
    const cached = this.cachedWords[slot] === word ? this.cachedFeatures[slot] : undefined;
    if (cached === undefined) {
      const from = this.n;
      this.push(unit, t, 0);
      this.charNgrams(word, t);
      if (word.length <= CACHED_WORD_MAX) {
        this.cachedWords[slot] = word;
        this.cachedFeatures[slot] = this.idx.slice(from, this.n);
      }
      return unit;
    }
    const count = cached.length;
    while (this.n + count > this.idx.length) this.grow();
    // An element loop: words are short, and set()/fill() on a few elements cost more than the copy.
    const { idx, own, big } = this;
    for (let k = 0, at = this.n; k < count; k++, at++) {
      idx[at] = cached[k] ?? 0;
      own[at] = t;
      big[at] = 0;
    }
    this.n += count;
    return unit;
  }

  // fastText-style: n-grams of "<word>" so prefixes and suffixes are their own features. The FNV state
  // is carried from length lo to hi at each start, so the longer n-grams cost one step each.
  private charNgrams(word: string, t: number): void {
    const { charNgramMin: lo, charNgramMax: hi } = this.params;
    const n = word.length + 2;
    for (let start = 0; start < n; start++) {
      let h = SEED_CHAR;
      for (let len = 1; len <= hi && start + len <= n; len++) {
        const at = start + len - 1;
        const code = at === 0 ? 60 : at === n - 1 ? 62 : word.charCodeAt(at - 1); // '<' and '>'
        h = fnvStep(h, code);
        if (len >= lo && len !== n) this.push(fmix32(h), t, 0); // the whole word is already a word feature
      }
    }
  }

  private push(hash: number, owner: number, bigram: number): void {
    if (this.n === this.idx.length) this.grow();
    this.idx[this.n] = hash & this.mask;
    this.own[this.n] = owner;
    this.big[this.n] = bigram;
    this.n++;
  }

  private grow(): void {
    const size = this.idx.length * 2;
    const idx = new Int32Array(size);
    idx.set(this.idx);
    const own = new Int32Array(size);
    own.set(this.own);
    const big = new Uint8Array(size);
    big.set(this.big);
    this.idx = idx;
    this.own = own;
    this.big = big;
  }
}

/**
 * `text[start, end)` equals its upper-case form and differs from its lower-case form. ASCII spans (most
 * words) are decided from char codes without building three strings; others take the string path.
 */
function isAllCaps(text: string, start: number, end: number): boolean {
  let upper = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) {
      const original = text.slice(start, end);
      return original === original.toUpperCase() && original !== original.toLowerCase();
    }
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper;
}

/** The bucket a rule's feature lands in (rule features are not length-normalised: value 1). */
export const ruleFeatureIndex = (rule: RuleName, dimBits: number): number => (RULE_HASH.get(rule) ?? 0) & ((1 << dimBits) - 1);

/** Same featurizer version and params: a model trained with `recorded` can use features from `current`. */
export function sameFeaturizer(recorded: { version: string; params: FeaturizerParams }, current: FeaturizerParams): boolean {
  return (
    recorded.version === FEATURIZER_VERSION &&
    (Object.keys(current) as (keyof FeaturizerParams)[]).every((k) => recorded.params[k] === current[k])
  );
}
