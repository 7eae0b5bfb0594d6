// Every positive label comes with evidence: at least one span of the text (or matched rule) with a
// positive weight for that label, pointing at the exact characters it names.
import { describe, expect, it } from 'vitest';
import { TextClassifier } from '../../../src/ml/classifier.ts';
import { modelDirs } from '../../../src/ml/registry.ts';
import { loadSet } from '../../../src/ml/train/datasets.ts';
import { DATASETS_DIR, MODELS_DIR, needsDatasets } from '../../support/datasets.ts';

describe.runIf(needsDatasets('evidence') && modelDirs(MODELS_DIR).length === 3)('evidence', () => {
  it('backs every label on real posts and comments with at least one positive span', async () => {
    const texts = [
      ...loadSet(DATASETS_DIR, 'instagram-promo'),
      ...loadSet(DATASETS_DIR, 'mathur-youtube').slice(0, 300),
      ...loadSet(DATASETS_DIR, 'mathur-pinterest').slice(0, 300),
      ...loadSet(DATASETS_DIR, 'youtube-spam').slice(0, 300),
      ...loadSet(DATASETS_DIR, 'olid').slice(0, 300),
    ].map((r) => r.text);
    const classifier = await TextClassifier.open(MODELS_DIR, { languageId: false });
    const results = await classifier.classify(texts);
    await classifier.close();
    let labels = 0;
    results.forEach((r, i) => {
      const text = texts[i] ?? '';
      for (const label of r.labels) {
        // undisclosed sponsorship is shown by its commercial evidence; both disclosure labels by the disclosure head's.
        const task = label === 'undisclosed_sponsorship' ? 'commercial' : label === 'disclosure_present' || label === 'disclosure_adequate' ? 'disclosure' : label;
        const support = r.evidence.filter((e) => e.task === task && e.weight > 0);
        expect(support.length, `${label} on ${JSON.stringify(text.slice(0, 80))}`).toBeGreaterThan(0);
        labels++;
      }
      for (const e of r.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
    });
    expect(labels).toBeGreaterThan(300);
  }, 60_000);
});
