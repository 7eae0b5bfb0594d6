// Issue #11's examples against the committed models: customers asking about or reviewing a product,
// an insult, and properly disclosed captions. None of them may be labelled undisclosed sponsorship;
// the disclosed captions are labelled disclosed and, scored as captions, not as comment spam. And the
// held-out half of the bundled customer-talk set (in every clone) stays under 5% flagged undisclosed.
import { describe, expect, it } from 'vitest';
import { TextClassifier } from '../../../src/ml/classifier.ts';
import { forContentKind } from '../../../src/ml/contentKind.ts';
import { modelDirs, readManifest } from '../../../src/ml/registry.ts';
import { customerTalk } from '../../../src/ml/train/tasks/customerTalk.ts';
import { MODELS_DIR } from '../../support/datasets.ts';

const CUSTOMER_TALK = [
  'Does anyone know whether this moisturiser works for sensitive skin?',
  'Where can I buy replacement filters',
  'Where can I buy replacement filters for this vacuum?',
  'I bought this blender last month and the lid already cracked.',
];
const INSULT = '@USER you are a pathetic idiot and everyone hates you';
const DISCLOSED_CAPTIONS = [
  '#ad Loving my new serum from @glowco, they paid for this post. Use code GLOW10 for 10% off',
  'Paid partnership with @nike. These runners got me through the marathon',
  'Sponsored by @hellofresh: dinner on the table in 20 minutes, link in bio',
];

const sponsorshipDir = modelDirs(MODELS_DIR).find((d) => readManifest(d).task === 'sponsorship');

describe.runIf(modelDirs(MODELS_DIR).length === 3)('the committed models on customer talk (issue #11)', () => {
  it('labels neither customer questions and reviews nor an insult as undisclosed sponsorship', async () => {
    const classifier = await TextClassifier.open(MODELS_DIR, { languageId: false });
    try {
      const results = await classifier.classify([...CUSTOMER_TALK, INSULT]);
      for (const [i, r] of results.entries()) {
        expect(r.labels, [...CUSTOMER_TALK, INSULT][i]).not.toContain('undisclosed_sponsorship');
        expect(r.labels, [...CUSTOMER_TALK, INSULT][i]).not.toContain('commercial');
      }
      expect(results.at(-1)?.labels).toContain('toxicity');
    } finally {
      await classifier.close();
    }
  }, 60_000);

  it('labels properly disclosed captions disclosed (present and adequate), not undisclosed and, as captions, not spam', async () => {
    const classifier = await TextClassifier.open(MODELS_DIR, { languageId: false });
    try {
      const results = await classifier.classify(DISCLOSED_CAPTIONS);
      for (const [i, r] of results.entries()) {
        const text = DISCLOSED_CAPTIONS[i] ?? '';
        expect(r.labels, text).toEqual(expect.arrayContaining(['commercial', 'disclosure_present', 'disclosure_adequate']));
        expect(r.labels, text).not.toContain('undisclosed_sponsorship');
        const asCaption = forContentKind(r, text, 'caption');
        expect(asCaption.labels, text).not.toContain('spam');
        expect(asCaption.labels, text).not.toContain('undisclosed_sponsorship');
      }
    } finally {
      await classifier.close();
    }
  }, 60_000);

  it('flags at most 5% of the held-out customer-talk sentences as undisclosed sponsorship, as the manifest records', async () => {
    const manifest = readManifest(sponsorshipDir ?? '');
    const heldOut = customerTalk(manifest.training.seed).test;
    const classifier = await TextClassifier.open(MODELS_DIR, { languageId: false, tasks: ['sponsorship'] });
    try {
      const results = await classifier.classify(heldOut.map((r) => r.text));
      const rate = Math.round((results.filter((r) => r.labels.includes('undisclosed_sponsorship')).length / heldOut.length) * 10_000) / 10_000;
      expect(rate).toBeLessThanOrEqual(0.05);
      const recorded = manifest.evaluations.find((e) => e.name === 'customer-talk-held-out');
      expect(recorded?.rows).toBe(heldOut.length);
      expect(recorded?.metrics.flaggedUndisclosedRate).toBe(rate);
    } finally {
      await classifier.close();
    }
  }, 60_000);
});
