// The seed corpus is real community text read with a real CSV parser (quoted commas, BOMs), with
// the source's own authors and timestamps where it has them.
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSeedCorpus, loadBundledSeed } from '../../../src/platforms/sim/bundledSeed.ts';
import { corpusFromRows, loadSeedCorpus, type SeedRow } from '../../../src/platforms/sim/seed.ts';
import { DATASETS_DIR, needsDatasets } from '../../support/datasets.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir();
afterEach(() => vi.unstubAllEnvs());

describe.runIf(needsDatasets('seed corpus from the full datasets'))('seed corpus from the full datasets', () => {
  // Read lazily: vitest collects a skipped suite's body too. loadSeedCorpus caches per folder.
  const load = () => loadSeedCorpus(DATASETS_DIR);

  it('reads the YouTube comments with real ids, authors and timestamps, commas inside quotes intact', () => {
    const corpus = load();
    // 4 videos (Psy, KatyPerry, LMFAO, Eminem): 350 + 350 + 438 + 448 rows per PROVENANCE.md.
    expect(corpus.youtube).toHaveLength(1586);
    const first = corpus.youtube[0];
    expect(first).toMatchObject({ sourceId: 'LZQPQhLyRh80UYxNuaDWhIGQYNQ96IuCg-AYWqNPjpU', author: 'Julius NM', authorIsReal: true, text: 'Huh, anyway check out this you[tube] channel: kobyoshi02', createdAt: '2013-11-07T06:20:48.000Z', label: 'spam' });
    expect(corpus.youtube.every((row) => row.text.length > 0 && !row.text.includes('\ufeff'))).toBe(true);
  });

  it('reads the Instagram comments (no authors in the set: derived handles, marked as such)', () => {
    const corpus = load();
    expect(corpus.instagram).toHaveLength(3444);
    expect(corpus.instagram.every((row) => !row.authorIsReal && row.createdAt === null)).toBe(true);
    expect(new Set(corpus.instagram.map((row) => row.label))).toEqual(new Set(['scam', 'real']));
  });

  it('reads both tweet sets as forum posts, keeping retweet handles as real authors', () => {
    const corpus = load();
    const davidson = corpus.forum.filter((row) => row.source.includes('davidson'));
    const olid = corpus.forum.filter((row) => row.source.includes('olid'));
    expect(davidson).toHaveLength(24783);
    expect(olid).toHaveLength(13240);
    const retweet = davidson.find((row) => row.text.startsWith('!!! RT @mayasolovely'));
    expect(retweet).toMatchObject({ author: 'mayasolovely', authorIsReal: true, label: 'neither' });
  });

  it('caches per directory', () => {
    expect(loadSeedCorpus(DATASETS_DIR)).toBe(load());
  });

  it('the bundled sample is an exact subset of the datasets, permissive sets only', () => {
    const corpus = load();
    const full = new Map([...corpus.youtube, ...corpus.instagram, ...corpus.forum].map((row) => [`${row.source}#${row.sourceId}`, row]));
    const bundled = loadBundledSeed();
    for (const row of [...bundled.youtube, ...bundled.instagram, ...bundled.forum]) expect(row).toEqual(full.get(`${row.source}#${row.sourceId}`));
    expect(bundled.forum.some((row) => row.source.includes('olid'))).toBe(false);
  });
});

describe('the bundled seed sample (resources/demo/seed.json)', () => {
  it('holds real rows of every set, with the source files the simulators key on', () => {
    const corpus = loadBundledSeed();
    expect(corpus.youtube).toHaveLength(600);
    expect(new Set(corpus.youtube.map((row) => row.source)).size).toBe(4);
    expect(corpus.instagram).toHaveLength(400);
    expect(corpus.forum).toHaveLength(300);
    expect(corpus.youtube[0]).toMatchObject({ sourceId: 'LZQPQhLyRh80UYxNuaDWhIGQYNQ96IuCg-AYWqNPjpU', author: 'Julius NM', source: 'spam/youtube-spam-collection/Youtube01-Psy.csv', label: 'spam' });
    expect(new Set(corpus.instagram.map((row) => row.label))).toEqual(new Set(['scam', 'real']));
  });

  it('is what the simulators start from when the datasets folder holds nothing', () => {
    vi.stubEnv('STOA_DATASETS', join(tempDir(), 'empty'));
    const choice = defaultSeedCorpus();
    expect(choice.corpus).toBe(loadBundledSeed());
    expect(choice.origin).toMatch(/bundled sample in .*resources\/demo\/seed\.json$/);
  });
});

describe('seed corpus from rows', () => {
  it('groups rows a caller provides (e.g. a demo seed file)', () => {
    const row = (set: SeedRow['set'], id: string): SeedRow => ({ set, sourceId: id, author: 'a', authorIsReal: true, text: 't', createdAt: null, label: 'x', source: 'resources/demo/seed.json' });
    const corpus = corpusFromRows([row('forum', '1'), row('youtube', '2'), row('forum', '3')]);
    expect(corpus.forum.map((r) => r.sourceId)).toEqual(['1', '3']);
    expect(corpus.youtube).toHaveLength(1);
    expect(corpus.instagram).toEqual([]);
  });

  it('refuses an empty datasets directory with a sentence that says what to do', () => {
    expect(() => loadSeedCorpus('/nonexistent/datasets')).toThrow(/STOA_DATASETS/);
  });
});
