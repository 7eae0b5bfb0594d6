// Scoring the items of a workspace: unscored items get scores with model versions and evidence; a
// second pass has nothing to do; a new model version re-scores everything.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openClassifier, type Classifier } from '../../../src/backend/models/classifierService.ts';
import { scorePendingItems } from '../../../src/backend/models/scoring.ts';
import { listItems, upsertItems } from '../../../src/store/items.ts';
import { openDatabase } from '../../../src/store/open.ts';
import { scoresForItem } from '../../../src/store/scores.ts';
import { fixedClock } from '../../support/fixedClock.ts';
import { sampleItem } from '../../support/sampleItems.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { modelDirs } from '../../../src/ml/registry.ts';
import { MODELS_DIR } from '../../support/datasets.ts';

describe.runIf(modelDirs(MODELS_DIR).length === 3)('scorePendingItems', () => {
  const tempDir = useTempDir('stoa-scoring-');

  it('scores new items once and re-scores when the model version changes', async () => {
    const db = openDatabase(join(tempDir(), 'workspace.sqlite'));
    const clock = fixedClock();
    upsertItems(
      db,
      [
        sampleItem(1, { body: 'Check out my channel and subscribe!!! http://www.youtube.com/user/freecash' }),
        sampleItem(2, { body: 'the new blush palette is lovely on my skin tone' }),
        sampleItem(3, { body: 'Mein Lieblingsvideo, danke für die Musik!' }),
      ],
      clock,
    );
    const classifier = await openClassifier(MODELS_DIR);
    try {
      const first = await scorePendingItems(db, classifier, clock);
      expect(first.scored).toBe(9); // 3 items × 3 models
      expect(first.unsupportedLanguage).toBe(3); // the German item, for each model
      const ids = (db.prepare('SELECT id FROM items ORDER BY rowid').all() as { id: string }[]).map((r) => r.id);
      const spamScores = scoresForItem(db, ids[0] ?? '');
      expect(spamScores.map((s) => s.model)).toEqual(['commercial', 'disclosure', 'disclosure_present', 'self_promotion', 'spam', 'toxicity', 'undisclosed_sponsorship']);
      // A comment is not audited for undisclosed sponsorship: that score is withheld, with the reason,
      // and its channel plug is self-promotion.
      const undisclosed = spamScores.find((s) => s.model === 'undisclosed_sponsorship');
      expect(undisclosed?.score).toBeNull();
      expect(undisclosed?.unscoredReason).toMatch(/not for comments/);
      const selfPromotion = spamScores.find((s) => s.model === 'self_promotion');
      expect(selfPromotion?.score).toBeGreaterThan(0.5);
      expect(selfPromotion?.evidence.some((e) => e.text === 'Check out my channel')).toBe(true);
      const spam = spamScores.find((s) => s.model === 'spam');
      expect(spam?.modelVersion).toBe(classifier.versionOf('spam'));
      expect(spam?.score).toBeGreaterThan(0.5);
      expect(spam?.evidence.length).toBeGreaterThan(0);
      const german = scoresForItem(db, ids[2] ?? '').find((s) => s.model === 'toxicity');
      expect(german?.score).toBeNull();
      expect(german?.unscoredReason).toMatch(/language de is not supported/);
      // An unscored item has no entry in the queue's scores, so sorting by score puts it last, not among the clean.
      const summary = listItems(db, { sort: 'score:toxicity', limit: 10, cursor: null });
      expect(summary.items.at(-1)?.id).toBe(ids[2]);
      expect(summary.items.at(-1)?.scores).not.toHaveProperty('toxicity');

      expect((await scorePendingItems(db, classifier, clock)).scored).toBe(0);

      const retrained: Classifier = { ...classifier, versionOf: (task) => `${classifier.versionOf(task) ?? ''}-next`, classify: (t) => classifier.classify(t) };
      const again = await scorePendingItems(db, retrained, clock);
      expect(again.scored).toBe(9);
      expect(scoresForItem(db, ids[1] ?? '').every((s) => s.modelVersion.endsWith('-next'))).toBe(true);
    } finally {
      await classifier.close();
      db.close();
    }
  }, 60_000);

  it('scores undisclosed sponsorship on a creator caption, and not its comment-spam score', async () => {
    const db = openDatabase(join(tempDir(), 'workspace.sqlite'));
    const clock = fixedClock();
    upsertItems(
      db,
      [
        sampleItem(1, { kind: 'caption', platform: 'instagram', body: 'My everyday camera: https://amzn.to/2gKKV6N use code GLOW20 for 20% off, link in bio' }),
        sampleItem(2, { kind: 'post', body: 'Free giftcards!!! subscribe to my channel http://www.youtube.com/user/freecash' }),
      ],
      clock,
    );
    const classifier = await openClassifier(MODELS_DIR);
    try {
      await scorePendingItems(db, classifier, clock);
      const [captionId, postId] = (db.prepare('SELECT id FROM items ORDER BY rowid').all() as { id: string }[]).map((r) => r.id);
      const caption = scoresForItem(db, captionId ?? '');
      expect(caption.map((s) => s.model)).toEqual(['commercial', 'disclosure', 'disclosure_present', 'spam', 'toxicity', 'undisclosed_sponsorship']);
      expect(caption.find((s) => s.model === 'undisclosed_sponsorship')?.score).toBeGreaterThan(0.5);
      const spam = caption.find((s) => s.model === 'spam');
      expect(spam?.score).toBeNull();
      expect(spam?.unscoredReason).toMatch(/not on creators' captions/);
      // A community post keeps every score the models give it.
      const post = scoresForItem(db, postId ?? '');
      expect(post.find((s) => s.model === 'spam')?.score).toBeGreaterThan(0.5);
      expect(post.find((s) => s.model === 'undisclosed_sponsorship')?.score).not.toBeNull();
    } finally {
      await classifier.close();
      db.close();
    }
  }, 60_000);
});
