// The featurizer: deterministic, folds obfuscations to the plain word, keeps offsets into the original.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURIZER_PARAMS, Featurizer, NO_OWNER } from '../../../src/ml/featurize.ts';
import { tokenize } from '../../../src/ml/tokenize.ts';

const words = (text: string): string[] => tokenize(text, 3000).filter((t) => t.kind === 'word').map((t) => t.text);
const wordFeatureSet = (text: string): Set<number> => new Set(new Featurizer().featurize(text).indices);

describe('featurizer', () => {
  it('gives identical features for the same text, across instances and calls', () => {
    const text = 'Ｃｈｅｃｋ my channel!!! http://bit.ly/x 😂 #giveaway @someone $50';
    const a = new Featurizer().featurize(text);
    const shared = new Featurizer();
    shared.featurize('something else first, to dirty the scratch buffers');
    const b = shared.featurize(text);
    expect(Array.from(b.indices)).toEqual(Array.from(a.indices));
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
  });

  it('keeps every index inside the hashed space', () => {
    const f = new Featurizer().featurize('a fairly ordinary comment about a blush palette, code GLOW20 for 20% off');
    const dim = 1 << DEFAULT_FEATURIZER_PARAMS.dimBits;
    expect(f.indices.length).toBeGreaterThan(0);
    for (const i of f.indices) expect(i >= 0 && i < dim).toBe(true);
  });

  it.each([
    ['leetspeak', 'fr33 m0ney h3ll0 a$$', ['free', 'money', 'hello', 'ass']],
    ['full-width letters', 'ｆｒｅｅ ｍｏｎｅｙ', ['free', 'money']],
    ['mathematical bold letters', '𝐟𝐫𝐞𝐞 𝐦𝐨𝐧𝐞𝐲', ['free', 'money']],
    ['Cyrillic homoglyphs', 'frее mоnеy', ['free', 'money']],
    ['spaced letters', 'f r e e money', ['free', 'money']],
    ['dotted letters', 'f.r.e.e money', ['free', 'money']],
    ['diacritics', 'hāźeł', ['hazel']],
    ['stretched letters', 'sooooo gooood', ['soo', 'good']],
    ['masked symbols in words', 'sh!t', ['shit']],
  ])('folds %s to the plain word', (_name, text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('folds an obfuscated text to the same features as the plain one', () => {
    expect(wordFeatureSet('fr33 m0ney')).toEqual(wordFeatureSet('free money'));
    expect(wordFeatureSet('FR33 M0NEY')).toEqual(wordFeatureSet('FREE MONEY'));
    expect(wordFeatureSet('𝐟𝐫𝐞𝐞 𝐦𝐨𝐧𝐞𝐲')).toEqual(wordFeatureSet('free money'));
  });

  it('keeps what case folding erases as a feature: words in capitals', () => {
    const shouting = new Featurizer().featurize('PLEASE SUBSCRIBE to my channel');
    const calm = new Featurizer().featurize('please subscribe to my channel');
    expect(shouting.indices.length).toBe(calm.indices.length + 2);
  });

  it('leaves numbers, names with digits and years alone', () => {
    expect(words('covid19 mp4 user2')).toEqual(['covid19', 'mp4', 'user2']);
    const kinds = tokenize('2015 $50 07712345678', 3000).map((t) => t.text);
    expect(kinds).toEqual(['<num>', '<money>', '<longnum>']);
  });

  it('turns URLs, handles, hashtags and emoji into their own tokens', () => {
    const tokens = tokenize('see https://www.Example.com/x?y=1 @Brand #Ad 😂', 3000);
    expect(tokens.map((t) => `${t.kind}:${t.text}`)).toEqual(['word:see', 'url:example.com', 'handle:@brand', 'hashtag:ad', 'emoji:😂']);
  });

  it('maps every token back to its span in the original text', () => {
    const original = 'Ｈｅｌｌｏ 𝐟𝐫𝐞𝐞 m0ney — visit https://amzn.to/2gKKV6N now 😂 f r e e';
    const tokens = tokenize(original, 3000);
    const spans = tokens.map((t) => original.slice(t.start, t.end));
    expect(spans).toEqual(['Ｈｅｌｌｏ', '𝐟𝐫𝐞𝐞', 'm0ney', 'visit', 'https://amzn.to/2gKKV6N', 'now', '😂', 'f r e e']);
  });

  it('records which token or rule produced each feature', () => {
    const f = new Featurizer().featurize('use code GLOW20 at checkout');
    expect(f.owner.length).toBe(f.indices.length);
    const ruleFeatures = Array.from(f.owner).filter((o) => o < 0 && o !== NO_OWNER).length;
    expect(ruleFeatures).toBe(f.rules.length);
    expect(f.rules.map((r) => r.rule)).toContain('discount_code');
  });

  it('counts each rule once per text, however often it matches', () => {
    const many = new Featurizer().featurize('@a @b @c @d @e @f hello there');
    expect(many.rules.filter((r) => r.rule === 'mention')).toHaveLength(6);
    const ruleOwners = Array.from(many.owner).filter((o) => o < 0 && o !== NO_OWNER);
    // One feature, owned by the first match (rule index 0 → owner -1).
    expect(ruleOwners).toEqual([-1]);
  });
});
