import { beforeAll, describe, expect, it } from 'vitest';
import { LanguageIdentifier } from '../../../src/ml/language.ts';

describe('language identification', () => {
  let lid: LanguageIdentifier;
  beforeAll(async () => {
    lid = await LanguageIdentifier.open();
  });

  it('decides plain English comments without asking lid.176', () => {
    for (const text of ['anybody else here in 2015?', 'yes really helping affordability there too', 'check out my channel please']) {
      expect(lid.identify(text)).toMatchObject({ language: 'en', method: 'ascii-english-shortcut' });
    }
  });

  // The shortcut's word list must not hold words that are common in other Latin-script languages
  // ("me", "i", "also", "want"): these all-ASCII sentences have to reach lid.176.
  it.each([
    ['es', 'me gusta mucho esta cancion y quiero verla otra vez'],
    ['fr', 'je ne sais pas pourquoi il me fait rire comme ca'],
    ['de', 'ich habe also das video gestern gesehen und es war gut'],
    ['it', 'i ragazzi sono andati al mare con i loro amici'],
    ['nl', 'ik kom morgen niet want ik moet werken'],
  ])('sends all-ASCII %s to lid.176', (language, text) => {
    expect(lid.identify(text)).toMatchObject({ language, method: 'fasttext' });
  });
});
