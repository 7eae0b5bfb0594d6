// Real community text for the simulators (issue #3: no lorem ipsum). Each set keeps the source's
// own authors and timestamps where it has them; where a set has none (Instagram scam comments,
// tweets with @USER masked) the simulator invents a stable handle from the row id and says so in
// `authorIsReal`. Loading is separate from use: `corpusFromRows` takes rows from anywhere (e.g. the
// bundled sample, bundledSeed.ts), `loadSeedCorpus` reads a datasets folder with a real CSV parser.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export type SeedSet = 'youtube' | 'instagram' | 'forum';

export interface SeedRow {
  readonly set: SeedSet;
  /** The row's id in its source (YouTube COMMENT_ID, OLID id, row number). */
  readonly sourceId: string;
  readonly author: string;
  /** False when the source had no author and `author` was derived from the row id. */
  readonly authorIsReal: boolean;
  readonly text: string;
  /** ISO time from the source, or null when it has none (the simulator then spreads items over time). */
  readonly createdAt: string | null;
  /** The source's own label (spam/ham, scam/real, hate/offensive/neither, OFF/NOT), for demo variety. */
  readonly label: string;
  /** Dataset path relative to the datasets root, for provenance. */
  readonly source: string;
}

export type SeedCorpus = Readonly<Record<SeedSet, readonly SeedRow[]>>;

export function corpusFromRows(rows: readonly SeedRow[]): SeedCorpus {
  return {
    youtube: rows.filter((row) => row.set === 'youtube'),
    instagram: rows.filter((row) => row.set === 'instagram'),
    forum: rows.filter((row) => row.set === 'forum'),
  };
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * STOA_DATASETS, else ../shared/datasets next to the repository. A bundled build (out/main) sits
 * at another depth than src/platforms/sim, so the working directory is tried as well.
 */
export function defaultDatasetsDir(): string {
  const fromEnv = process.env['STOA_DATASETS'];
  if (fromEnv) return fromEnv;
  const candidates = [path.resolve(repoRoot, '../shared/datasets'), path.resolve(process.cwd(), '../shared/datasets')];
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0] ?? '';
}

type Record_ = Readonly<Record<string, string | undefined>>;

function readCsv(file: string, delimiter = ','): Record_[] {
  const text = readFileSync(file, 'utf8');
  // relax_quotes: the YouTube set has stray quotes inside unquoted fields; bom: files may start with one.
  return parse(text, { columns: true, bom: true, delimiter, relax_quotes: true, skip_empty_lines: true, relax_column_count: true });
}

const YOUTUBE_FILES = ['Youtube01-Psy.csv', 'Youtube02-KatyPerry.csv', 'Youtube03-LMFAO.csv', 'Youtube04-Eminem.csv'];

function youtubeRows(root: string): SeedRow[] {
  const rows: SeedRow[] = [];
  for (const name of YOUTUBE_FILES) {
    const source = `spam/youtube-spam-collection/${name}`;
    const file = path.join(root, source);
    if (!existsSync(file)) continue;
    for (const rec of readCsv(file)) {
      const text = rec['CONTENT']?.replace(/\ufeff/g, '').trim();
      const id = rec['COMMENT_ID'];
      if (!text || !id) continue;
      const date = rec['DATE'] ? new Date(`${rec['DATE']}Z`) : null;
      rows.push({
        set: 'youtube',
        sourceId: id,
        author: rec['AUTHOR']?.trim() || `viewer_${id.slice(-6)}`,
        authorIsReal: Boolean(rec['AUTHOR']?.trim()),
        text,
        createdAt: date && !Number.isNaN(date.getTime()) ? date.toISOString() : null,
        label: rec['CLASS'] === '1' ? 'spam' : 'ham',
        source,
      });
    }
  }
  return rows;
}

function instagramRows(root: string): SeedRow[] {
  const source = 'spam/scamspot-instagram-comments/comments-rated.csv';
  const file = path.join(root, source);
  if (!existsSync(file)) return [];
  const rows: SeedRow[] = [];
  for (const rec of readCsv(file)) {
    const text = rec['msg']?.trim();
    const id = rec['number'];
    if (!text || id === undefined) continue;
    rows.push({ set: 'instagram', sourceId: id, author: `ig_user_${id}`, authorIsReal: false, text, createdAt: null, label: rec['scam'] === '1' ? 'scam' : 'real', source });
  }
  return rows;
}

const DAVIDSON_CLASS: Readonly<Record<string, string>> = { '0': 'hate', '1': 'offensive', '2': 'neither' };

function forumRows(root: string): SeedRow[] {
  const rows: SeedRow[] = [];
  const davidson = 'toxicity/davidson-hate-offensive/data_labeled_data.csv';
  if (existsSync(path.join(root, davidson))) {
    for (const rec of readCsv(path.join(root, davidson))) {
      const text = rec['tweet']?.trim();
      const id = rec[''];
      if (!text || id === undefined) continue;
      // A retweet names its original author ("RT @name:"); that is the only real author the set has.
      const rt = /^(?:!+\s*)?RT @([A-Za-z0-9_]{1,15})/.exec(text);
      rows.push({ set: 'forum', sourceId: `davidson-${id}`, author: rt?.[1] ?? `member_${id}`, authorIsReal: Boolean(rt), text, createdAt: null, label: DAVIDSON_CLASS[rec['class'] ?? ''] ?? 'unknown', source: davidson });
    }
  }
  const olid = 'toxicity/olid/olid-training-v1.0.tsv';
  if (existsSync(path.join(root, olid))) {
    for (const rec of readCsv(path.join(root, olid), '\t')) {
      const text = rec['tweet']?.trim();
      const id = rec['id'];
      if (!text || !id) continue;
      rows.push({ set: 'forum', sourceId: `olid-${id}`, author: `member_${id}`, authorIsReal: false, text, createdAt: null, label: rec['subtask_a'] ?? 'unknown', source: olid });
    }
  }
  return rows;
}

const cache = new Map<string, SeedCorpus>();

/** Reads every set once per process (the files are a few MB; tests start many simulators). */
export function loadSeedCorpus(datasetsDir: string = defaultDatasetsDir()): SeedCorpus {
  const root = path.resolve(datasetsDir);
  const cached = cache.get(root);
  if (cached) return cached;
  const corpus: SeedCorpus = { youtube: youtubeRows(root), instagram: instagramRows(root), forum: forumRows(root) };
  if (corpus.youtube.length + corpus.instagram.length + corpus.forum.length === 0) {
    throw new Error(`no seed datasets found under ${root}; set STOA_DATASETS or pass rows to corpusFromRows()`);
  }
  cache.set(root, corpus);
  return corpus;
}
