// The training pipeline end to end on a small real sample (a few hundred rows, seconds): datasets →
// split → fit → calibrate → ONNX → verify → evaluate → model directory that the registry loads.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextClassifier } from '../../../src/ml/classifier.ts';
import { loadModel } from '../../../src/ml/registry.ts';
import { trainTask } from '../../../src/ml/train/pipeline.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { DATASETS_DIR, needsDatasets } from '../../support/datasets.ts';

describe.runIf(needsDatasets('training pipeline on a sample'))('training pipeline on a sample', () => {
  const tempDir = useTempDir('stoa-ml-');

  it('trains, exports, verifies and writes a loadable spam model; same seed, same bytes', async () => {
    const outDir = join(tempDir(), 'spam');
    const options = { task: 'spam' as const, datasetsRoot: DATASETS_DIR, permissiveOnly: false, seed: 7, sampleRows: 400 };
    const first = await trainTask({ ...options, outDir });
    const second = await trainTask(options);
    expect(second.manifest.onnx.sha256).toBe(first.manifest.onnx.sha256);

    for (const file of ['model.onnx', 'manifest.json', 'MODEL_CARD.md']) expect(existsSync(join(outDir, file))).toBe(true);
    const manifest = first.manifest;
    expect(manifest.verification.maxAbsDiff).toBeLessThan(1e-4);
    expect(manifest.training.sets.map((s) => s.id).sort()).toEqual(['scamspot', 'sms-spam', 'youtube-spam']);
    expect(manifest.evaluations.map((e) => e.name)).toContain('youtube-held-out-video');
    const heldOut = manifest.evaluations.find((e) => e.name === 'youtube-held-out-video');
    // Even 400 rows learn something real about spam on a video never seen.
    expect(heldOut?.metrics.auc).toBeGreaterThan(0.75);
    expect(readFileSync(join(outDir, 'MODEL_CARD.md'), 'utf8')).toContain('youtube-held-out-video');

    const loaded = await loadModel(outDir);
    expect(loaded.manifest.version).toBe(manifest.version);
    await loaded.session.close();
  }, 120_000);

  it('trains the sponsorship heads; the permissive-only variant is the rules alone', async () => {
    const dir = tempDir();
    const full = await trainTask({ task: 'sponsorship', datasetsRoot: DATASETS_DIR, permissiveOnly: false, seed: 7, sampleRows: 300, outDir: join(dir, 'sponsorship') });
    const permissive = await trainTask({ task: 'sponsorship', datasetsRoot: DATASETS_DIR, permissiveOnly: true, seed: 7, sampleRows: 300 });
    expect(full.manifest.heads.map((h) => h.name)).toEqual(['commercial', 'disclosure']);
    expect(permissive.manifest.training.sets.every((s) => s.trainRows === 0)).toBe(true);
    expect(permissive.manifest.training.notes.join(' ')).toContain('rules alone');
    // Label thresholds are chosen on validation; every split reports the share labelled undisclosed,
    // and the disclosure splits the label F1 of disclosure_present and disclosure_adequate.
    expect(Object.keys(full.manifest.labelThresholds ?? {}).sort()).toEqual(['disclosure_adequate', 'disclosure_present']);
    const talk = full.manifest.evaluations.find((e) => e.name === 'customer-talk-held-out');
    expect(typeof talk?.metrics.flaggedUndisclosedRate).toBe('number');
    expect(talk?.target?.metric).toBe('flaggedUndisclosedRate');
    const pins = full.manifest.evaluations.find((e) => e.name === 'mathur-pinterest-held-out');
    expect(Object.keys(pins?.metrics.labelMetrics ?? {})).toEqual(['disclosure_present', 'disclosure_adequate']);
    expect(full.manifest.training.sets.find((s) => s.id === 'customer-talk')?.trainRows).toBeGreaterThan(0);

    const classifier = await TextClassifier.open(dir, { languageId: false });
    const [affiliate] = await classifier.classify(['My camera: https://amzn.to/2gKKV6N and use code GLOW20 for 20% off']);
    expect(affiliate?.scores.commercial).toBeGreaterThan(0.5);
    expect(affiliate?.evidence.some((e) => e.rule === 'affiliate_link')).toBe(true);
    await classifier.close();
  }, 120_000);
});
