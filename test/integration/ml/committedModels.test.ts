// The committed models reproduce the metrics in their manifests: the held-out splits are rebuilt
// from the datasets with the recorded seed (their digests must match) and scored with model.onnx.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Featurizer } from '../../../src/ml/featurize.ts';
import { LinearSession } from '../../../src/ml/linearSession.ts';
import { modelDirs, readManifest } from '../../../src/ml/registry.ts';
import { evaluateSplits } from '../../../src/ml/train/evaluate.ts';
import { TASK_SPECS } from '../../../src/ml/train/tasks/index.ts';
import { DATASETS_DIR, MODELS_DIR, needsDatasets } from '../../support/datasets.ts';

const dirs = modelDirs(MODELS_DIR);

describe.runIf(needsDatasets('committed models') && dirs.length > 0)('committed models', () => {
  it.each(dirs)('%s reproduces its manifest metrics on the recorded held-out splits', async (dir) => {
    const manifest = readManifest(dir);
    const prepared = TASK_SPECS[manifest.task].prepare(DATASETS_DIR, manifest.training.permissiveOnly, manifest.training.seed);
    const session = await LinearSession.open(readFileSync(join(dir, manifest.onnx.file)), manifest.heads.length);
    try {
      const heads = manifest.heads.map((h) => ({ name: h.name, threshold: h.threshold }));
      const again = await evaluateSplits(session, new Featurizer(), heads, prepared.evaluations, manifest.labelThresholds);
      expect(again.map((e) => e.name)).toEqual(manifest.evaluations.map((e) => e.name));
      for (const [i, recorded] of manifest.evaluations.entries()) {
        expect(again[i]?.digest, `${recorded.name} split digest`).toBe(recorded.digest);
        expect(again[i]?.rows).toBe(recorded.rows);
        expect(again[i]?.metrics).toEqual(recorded.metrics);
      }
    } finally {
      await session.close();
    }
  }, 120_000);
});
