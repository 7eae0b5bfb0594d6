// The seed corpus a fresh clone has: resources/demo/seed.json, a sample of the permissively
// licensed datasets (CC BY / MIT) in the simulators' own row shape, written by
// scripts/build-demo-seed.ts with the same parser that reads the full datasets. `defaultSeedCorpus`
// is what `stoa sim` and the demo start from: the full datasets when they are there, else this file.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { corpusFromRows, defaultDatasetsDir, loadSeedCorpus, type SeedCorpus } from './seed.ts';

const seedRowSchema = z.object({
  set: z.enum(['youtube', 'instagram', 'forum']),
  sourceId: z.string().min(1),
  author: z.string().min(1),
  authorIsReal: z.boolean(),
  text: z.string().min(1),
  createdAt: z.string().nullable(),
  label: z.string(),
  source: z.string().min(1),
});

export const bundledSeedFileSchema = z.object({
  note: z.string(),
  /** Citation and licence per dataset path prefix, so the file carries its own attribution. */
  sources: z.array(z.object({ path: z.string(), citation: z.string(), licence: z.string() })),
  rows: z.array(seedRowSchema),
});
export type BundledSeedFile = z.infer<typeof bundledSeedFileSchema>;

const SEED_FILE = path.join('resources', 'demo', 'seed.json');

/**
 * resources/demo/seed.json in the repository or unpacked app. Searched upwards from this module,
 * because source (src/platforms/sim) and bundles (out/…) sit at different depths; then the
 * working directory.
 */
export function bundledSeedFile(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth += 1) {
    const candidate = path.join(dir, SEED_FILE);
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve(process.cwd(), SEED_FILE);
}

const cache = new Map<string, SeedCorpus>();

export function loadBundledSeed(file: string = bundledSeedFile()): SeedCorpus {
  const cached = cache.get(file);
  if (cached) return cached;
  const seed = bundledSeedFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const corpus = corpusFromRows(seed.rows);
  cache.set(file, corpus);
  return corpus;
}

export interface SeedChoice {
  readonly corpus: SeedCorpus;
  /** A phrase for a status line: where the rows came from. */
  readonly origin: string;
}

/** The full datasets ($STOA_DATASETS or ../shared/datasets) when they hold rows, else the bundled sample. */
export function defaultSeedCorpus(seedFile: string = bundledSeedFile()): SeedChoice {
  const datasets = defaultDatasetsDir();
  try {
    return { corpus: loadSeedCorpus(datasets), origin: `the labelled datasets in ${datasets}` };
  } catch {
    return { corpus: loadBundledSeed(seedFile), origin: `the bundled sample in ${seedFile}` };
  }
}
