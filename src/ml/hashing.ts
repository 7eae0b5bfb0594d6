// 32-bit hashing for the feature space: FNV-1a over UTF-16 code units plus a murmur3 finaliser,
// written so n-grams can be hashed straight from a string range without building substrings.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of `text[from, to)` continued from `seed` (a namespace hash), finalised with fmix32. */
export function hashRange(seed: number, text: string, from: number, to: number): number {
  let h = seed >>> 0;
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return fmix32(h);
}

export const hashString = (seed: number, text: string): number => hashRange(seed, text, 0, text.length);

/** Namespace seed: each feature family (word, bigram, char n-gram, rule…) hashes into its own stream. */
export const namespaceSeed = (name: string): number => hashRange(FNV_OFFSET, name, 0, name.length);

/** Order-sensitive combination of two hashes (used for word bigrams). */
export function combineHashes(a: number, b: number): number {
  return fmix32((Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) + b) | 0);
}

/** One FNV-1a step, for hashing that grows a string one code unit at a time (char n-grams). */
export const fnvStep = (h: number, code: number): number => Math.imul(h ^ code, FNV_PRIME) >>> 0;

// murmur3's finaliser: spreads the low-entropy bits of FNV so masking to 2^k buckets stays uniform.
export function fmix32(h0: number): number {
  let h = h0 >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
