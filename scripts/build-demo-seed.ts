// Builds resources/demo/seed.json, the seed corpus a clone without the research datasets runs on
// (`stoa sim`, the demo, the tests). Only permissively licensed sets, so the file can ship: YouTube
// comments (CC BY 4.0), Instagram comments (MIT) and tweets shown as forum posts (MIT); OLID has no
// stated licence and is left out. Rows come from the same reader the simulators use on the full
// datasets (loadSeedCorpus), so the sample is an exact subset of what they would see there.
// Run: npx tsx scripts/build-demo-seed.ts [datasetsDir]   (default: ../shared/datasets)
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BundledSeedFile } from '../src/platforms/sim/bundledSeed.ts';
import { loadSeedCorpus, type SeedRow } from '../src/platforms/sim/seed.ts';

const SOURCES: BundledSeedFile['sources'] = [
  { path: 'spam/youtube-spam-collection/', citation: 'YouTube Spam Collection, T. C. Alberto, J. V. Lochter, T. A. Almeida (2015)', licence: 'CC BY 4.0' },
  { path: 'spam/scamspot-instagram-comments/', citation: 'ScamSpot Instagram comments, Stefan Erben (2023)', licence: 'MIT' },
  { path: 'toxicity/davidson-hate-offensive/', citation: 'Davidson, Warmsley, Macy, Weber, "Automated Hate Speech Detection and the Problem of Offensive Language" (2017)', licence: 'MIT' },
];

/** Per source file, how many rows to keep. The four YouTube videos keep 150 each. */
const PER_FILE: Readonly<Record<string, number>> = {
  'spam/youtube-spam-collection/Youtube01-Psy.csv': 150,
  'spam/youtube-spam-collection/Youtube02-KatyPerry.csv': 150,
  'spam/youtube-spam-collection/Youtube03-LMFAO.csv': 150,
  'spam/youtube-spam-collection/Youtube04-Eminem.csv': 150,
  'spam/scamspot-instagram-comments/comments-rated.csv': 400,
  'toxicity/davidson-hate-offensive/data_labeled_data.csv': 300,
};

// Deterministic, seedless stride sampling from the first row: the same datasets always give the
// same sample, and each file's first row (which tests name) is in it.
const every = <T>(rows: readonly T[], n: number): T[] => rows.filter((_, i) => i % Math.max(1, Math.floor(rows.length / n)) === 0).slice(0, n);

const datasets = resolve(process.argv[2] ?? join(import.meta.dirname, '../../shared/datasets'));
const corpus = loadSeedCorpus(datasets);
const all: SeedRow[] = [...corpus.youtube, ...corpus.instagram, ...corpus.forum];
const rows = Object.entries(PER_FILE).flatMap(([source, n]) => {
  const fromFile = all.filter((row) => row.source === source);
  if (fromFile.length === 0) throw new Error(`no rows from ${source} under ${datasets}`);
  return every(fromFile, n);
});

const file: BundledSeedFile = {
  note: "A sample of real public rows from Stoa's permissively licensed datasets, for the simulators and the demo on machines without the full datasets. See resources/demo/README.md.",
  sources: SOURCES,
  rows,
};
writeFileSync(join(import.meta.dirname, '../resources/demo/seed.json'), `${JSON.stringify(file)}\n`);
console.log(`wrote ${rows.length} seed rows`);
