// ONNX ≡ TypeScript: for each committed model, onnxruntime's probabilities (the model's own file, and
// the fused all-models session the classifier uses) equal sigmoid(w·x + b) computed in TypeScript
// from the same weights, on real comments.
import { describe, expect, it } from 'vitest';
import { TextClassifier } from '../../../src/ml/classifier.ts';
import { Featurizer } from '../../../src/ml/featurize.ts';
import { loadModel, modelDirs } from '../../../src/ml/registry.ts';
import { MODELS_DIR, realComments } from '../../support/datasets.ts';

const dirs = modelDirs(MODELS_DIR);

describe.runIf(dirs.length > 0)('ONNX equals the TypeScript reference', () => {
  const texts = realComments('youtube', 300);
  const featurizer = new Featurizer();
  const features = texts.map((t) => featurizer.featurize(t));

  it.each(dirs)('%s', async (dir) => {
    const model = await loadModel(dir);
    try {
      const heads = model.manifest.heads.length;
      const onnx = await model.session.run(features);
      let worst = 0;
      features.forEach((f, i) => {
        for (let k = 0; k < heads; k++) {
          let z = model.bias[k] ?? 0;
          for (let j = 0; j < f.indices.length; j++) z += (model.weights[(f.indices[j] ?? 0) * heads + k] ?? 0) * (f.values[j] ?? 0);
          worst = Math.max(worst, Math.abs(1 / (1 + Math.exp(-z)) - (onnx[i * heads + k] ?? Number.NaN)));
        }
      });
      expect(worst).toBeLessThan(1e-5);
    } finally {
      await model.session.close();
    }
  });

  it('the fused classifier session gives the same spam and toxicity probabilities as each model alone', async () => {
    const classifier = await TextClassifier.open(MODELS_DIR, { languageId: false });
    const results = await classifier.classify(texts);
    await classifier.close();
    for (const task of ['spam', 'toxicity'] as const) {
      const dir = dirs.find((d) => d.endsWith(task));
      if (dir === undefined) continue;
      const model = await loadModel(dir);
      const alone = await model.session.run(features);
      await model.session.close();
      const k = model.manifest.heads.findIndex((h) => h.name === task);
      results.forEach((r, i) => expect(r.scores[task]).toBeCloseTo(alone[i * model.manifest.heads.length + k] ?? Number.NaN, 4));
    }
  });
});
