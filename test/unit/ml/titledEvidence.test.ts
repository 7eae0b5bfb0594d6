// Evidence offsets for items with a title (#9: highlights landed on the wrong words): the models
// score title + "\n" + body, so the featurizer's offsets, the evidence spans built from them and the
// split onto title and body must together put every highlight on the words that earned it —
// including after astral characters (an emoji is two UTF-16 units) in the title.
import { describe, expect, it } from 'vitest';
import { scoredText, spansByField } from '../../../src/core/scoredText.ts';
import { explain, type EvidenceSpan } from '../../../src/ml/evidence.ts';
import { DEFAULT_FEATURIZER_PARAMS, Featurizer, ruleFeatureIndex, type Features } from '../../../src/ml/featurize.ts';

const DIM = 1 << DEFAULT_FEATURIZER_PARAMS.dimBits;

/** One-head weights that credit exactly the unigram features of the given words (and optional rules). */
function weightsFor(features: Features, text: string, words: readonly string[], rules: readonly Parameters<typeof ruleFeatureIndex>[0][] = []): Float32Array {
  const weights = new Float32Array(DIM);
  const wanted = new Set(features.tokens.flatMap((token, index) => (words.includes(text.slice(token.start, token.end)) ? [index] : [])));
  expect(wanted.size).toBe(words.length);
  features.indices.forEach((feature, i) => {
    if (features.bigram[i] === 0 && wanted.has(features.owner[i] ?? -1)) weights[feature] = 1;
  });
  for (const rule of rules) weights[ruleFeatureIndex(rule, DEFAULT_FEATURIZER_PARAMS.dimBits)] = 2;
  return weights;
}

const shown = (field: string, spans: readonly EvidenceSpan[]): string[] => spans.map((s) => field.slice(s.start, s.end)).sort();

describe('evidence over a titled item', () => {
  const item = { title: 'Mi sérum 😍 favorito: Zephyrine', body: 'Use code GLOW20 at checkout, Quillbrook approved' };
  const text = scoredText(item);
  const features = new Featurizer().featurize(text);

  it('puts word and rule highlights on the words that earned them, in the field they are in', () => {
    const spans = explain('commercial', text, features, weightsFor(features, text, ['Zephyrine', 'Quillbrook'], ['discount_code']), 1, 0);
    // Each span's own text is what the scored text holds at its offsets.
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
    const { title, body } = spansByField(item.title, spans);
    expect(shown(item.title, title)).toEqual(['Zephyrine']);
    expect(shown(item.body, body)).toEqual(['Quillbrook', 'Use code GLOW20']);
    // Read against the body alone, the scored offsets would mark other characters (the old bug).
    const raw = spans.find((s) => s.text === 'Quillbrook');
    expect(raw && item.body.slice(raw.start, raw.end)).not.toBe('Quillbrook');
  });

  it('keeps every span inside its field, so the item panel never drops or shifts one', () => {
    const spans = explain('commercial', text, features, weightsFor(features, text, ['sérum', 'checkout']), 1, 0);
    const { title, body } = spansByField(item.title, spans);
    for (const s of title) expect(s.start >= 0 && s.end <= item.title.length && s.end > s.start).toBe(true);
    for (const s of body) expect(s.start >= 0 && s.end <= item.body.length && s.end > s.start).toBe(true);
    expect(shown(item.title, title)).toEqual(['sérum']);
    expect(shown(item.body, body)).toEqual(['checkout']);
  });

  it('leaves an untitled item’s offsets on its body', () => {
    const untitled = { title: null, body: item.body };
    const bodyFeatures = new Featurizer().featurize(scoredText(untitled));
    const spans = explain('commercial', untitled.body, bodyFeatures, weightsFor(bodyFeatures, untitled.body, ['Quillbrook']), 1, 0);
    const { title, body } = spansByField(untitled.title, spans);
    expect(title).toEqual([]);
    expect(shown(untitled.body, body)).toEqual(['Quillbrook']);
  });
});
