// Builds resources/demo/seed.json from real rows of ../shared/datasets (permissively licensed sets
// only, so the file can ship): YouTube comments (CC BY 4.0), Instagram comments (MIT) and tweets
// shown as forum posts (MIT). Run: npx tsx scripts/build-demo-seed.ts [datasetsDir]
import { parse } from 'csv-parse/sync';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface SeedRow {
  platform: 'youtube' | 'instagram' | 'discourse';
  remoteId: string;
  kind: 'comment' | 'post';
  community: string;
  author: string | null;
  body: string;
  createdAt: string;
  source: string;
}

const datasets = resolve(process.argv[2] ?? join(import.meta.dirname, '../../shared/datasets'));
const read = (path: string): Record<string, string>[] =>
  parse(readFileSync(join(datasets, path)), { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];

// Deterministic, seedless stride sampling: the same datasets always give the same demo.
const every = <T>(rows: T[], n: number): T[] => rows.filter((_, i) => i % Math.max(1, Math.floor(rows.length / n)) === 0).slice(0, n);
const cleanHtml = (text: string): string =>
  text.replace(/<br\s*\/?>/g, '\n').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\uFEFF/g, '').trim();

const rows: SeedRow[] = [];
const videos = ['Youtube01-Psy', 'Youtube02-KatyPerry', 'Youtube03-LMFAO', 'Youtube04-Eminem'];
for (const video of videos) {
  for (const r of every(read(`spam/youtube-spam-collection/${video}.csv`), 150)) {
    const date = r.DATE ? new Date(`${r.DATE.slice(0, 19)}Z`) : null;
    rows.push({
      platform: 'youtube',
      remoteId: r.COMMENT_ID ?? '',
      kind: 'comment',
      community: `Demo: ${video.replace(/^Youtube0\d-/, '')} video comments`,
      author: r.AUTHOR ?? null,
      body: cleanHtml(r.CONTENT ?? ''),
      createdAt: (date && !Number.isNaN(date.getTime()) ? date : new Date('2015-01-01T00:00:00Z')).toISOString(),
      source: 'YouTube Spam Collection (Alberto et al. 2015), CC BY 4.0',
    });
  }
}
// ScamSpot has no timestamps or authors: items get spaced times in the crawl's year.
every(read('spam/scamspot-instagram-comments/comments-rated.csv'), 400).forEach((r, i) => {
  rows.push({
    platform: 'instagram',
    remoteId: `scamspot-${r.number}`,
    kind: 'comment',
    community: 'Demo: creator post comments',
    author: null,
    body: (r.msg ?? '').trim(),
    createdAt: new Date(Date.UTC(2023, 0, 1) + i * 3_600_000).toISOString(),
    source: 'ScamSpot Instagram comments (Erben 2023), MIT',
  });
});
every(read('toxicity/davidson-hate-offensive/data_labeled_data.csv'), 300).forEach((r, i) => {
  rows.push({
    platform: 'discourse',
    remoteId: `davidson-${r[''] ?? i}`,
    kind: 'post',
    community: 'Demo: community forum',
    author: null,
    body: cleanHtml(r.tweet ?? ''),
    createdAt: new Date(Date.UTC(2017, 0, 1) + i * 5_400_000).toISOString(),
    source: 'Davidson et al. 2017 hate/offensive tweets, MIT',
  });
});

const usable = rows.filter((r) => r.remoteId && r.body);
writeFileSync(
  join(import.meta.dirname, '../resources/demo/seed.json'),
  `${JSON.stringify({ note: 'Real public rows from Stoa\'s labelled datasets, seeded straight into the store for the demo workspace.', rows: usable }, null, 0)}\n`,
);
console.log(`wrote ${usable.length} demo rows`);
