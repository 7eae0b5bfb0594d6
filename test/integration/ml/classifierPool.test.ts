// The worker-thread pool answers exactly what the in-thread classifier answers, in input order,
// whether a batch goes to one worker or is split across several.
import { describe, expect, it } from 'vitest';
import { openClassifier } from '../../../src/backend/models/classifierService.ts';
import { TextClassifier } from '../../../src/ml/classifier.ts';
import { ClassifierPool } from '../../../src/ml/classifierPool.ts';
import { modelDirs } from '../../../src/ml/registry.ts';
import { MODELS_DIR, realComments } from '../../support/datasets.ts';

describe.runIf(modelDirs(MODELS_DIR).length > 0)('ClassifierPool', () => {
  it('the backend service prints the same JSON lines from the pool and from the calling thread', async () => {
    const texts = realComments('youtube', 100);
    const pooled = await openClassifier(MODELS_DIR, { workers: 2 });
    const local = await openClassifier(MODELS_DIR, { workers: 0 });
    try {
      expect(await pooled.classifyToJsonLines(texts)).toEqual(await local.classifyToJsonLines(texts));
      expect(pooled.versionOf('spam')).toBe(local.versionOf('spam'));
    } finally {
      await pooled.close();
      await local.close();
    }
  }, 60_000);

  it('matches the in-thread classifier on split and unsplit batches', async () => {
    const texts = [...realComments('instagram', 150), ...realComments('youtube', 150)];
    const pool = await ClassifierPool.open(MODELS_DIR, { workers: 2 });
    const local = await TextClassifier.open(MODELS_DIR);
    try {
      const expected = await local.classify(texts);
      expect(await pool.classify(texts)).toEqual(expected); // split across both workers
      expect(await pool.classify(texts.slice(0, 10))).toEqual(expected.slice(0, 10)); // one worker
      expect(pool.modelVersions).toEqual(local.modelVersions);
    } finally {
      await pool.close();
      await local.close();
    }
  }, 60_000);
});
