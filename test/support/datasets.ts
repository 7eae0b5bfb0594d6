// Where the tests find the full research datasets: $STOA_DATASETS (what `.ci/run --datasets DIR`
// sets), else ../shared/datasets beside the repository when it exists. A clone without them skips
// only the tests that need them (training, model metrics), and says so in one line per suite.
// Tests that need real comments but not a whole dataset use the bundled sample (realComments).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadBundledSeed } from '../../src/platforms/sim/bundledSeed.ts';

const fromEnv = process.env['STOA_DATASETS'];
export const DATASETS_DIR = resolve(fromEnv ?? join(import.meta.dirname, '../../../shared/datasets'));
export const MODELS_DIR = resolve(import.meta.dirname, '../../models');
export const haveDatasets = existsSync(DATASETS_DIR);

/**
 * True when the full datasets are there. When they are not, prints one line naming the suite and
 * why it is skipped, so a skip is never silent: use as `describe.runIf(needsDatasets('…'))`.
 */
export function needsDatasets(suite: string): boolean {
  if (!haveDatasets) {
    const how = fromEnv ? `STOA_DATASETS=${fromEnv} does not exist` : `no datasets at ${DATASETS_DIR}; set STOA_DATASETS or run .ci/run --datasets DIR`;
    console.warn(`skipped "${suite}": it needs the full research datasets (${how})`);
  }
  return haveDatasets;
}

/** Real public comments from the bundled sample (resources/demo/seed.json), present in every clone. */
export function realComments(set: 'youtube' | 'instagram' | 'forum', count: number): string[] {
  const rows = loadBundledSeed()[set];
  if (rows.length < count) throw new Error(`the bundled sample has ${rows.length} ${set} rows, fewer than the ${count} asked for`);
  return rows.slice(0, count).map((row) => row.text);
}
