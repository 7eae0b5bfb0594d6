// Where the tests find the labelled datasets (../shared/datasets next to the repo, or $STOA_DATASETS).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const DATASETS_DIR = resolve(process.env.STOA_DATASETS ?? join(import.meta.dirname, '../../../../shared/datasets'));
export const MODELS_DIR = resolve(import.meta.dirname, '../../../models');
export const haveDatasets = existsSync(DATASETS_DIR);
