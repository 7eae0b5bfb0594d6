// Store benchmarks: upserting 100k items (vs a bare INSERT into an index-free table, the floor
// set by SQLite itself) and FTS query latency at 100k items (vs a LIKE scan over the same rows).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../store/clock.ts';
import { upsertItems, type ItemInput } from '../../store/items.ts';
import { openBareTable } from '../../store/benchBaselines.ts';
import { openDatabase } from '../../store/open.ts';
import { searchItems } from '../../store/search.ts';
import { ratioOf, type BenchEntry, type BenchSuite } from './types.ts';

const WORDS = ['check', 'my', 'channel', 'love', 'this', 'song', 'giveaway', 'crypto', 'discount', 'code', 'blush', 'gorgeous', 'refund', 'shipping', 'link', 'bio', 'subscribe', 'amazing', 'terrible', 'product'];

function syntheticItems(n: number): ItemInput[] {
  // A fixed linear-congruential sequence: same corpus every run, no Math.random.
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
  return Array.from({ length: n }, (_, i) => {
    const words = Array.from({ length: 8 + (next() % 20) }, () => WORDS[next() % WORDS.length]).join(' ');
    return {
      platform: 'youtube',
      remoteId: `bench-${i}`,
      kind: 'comment',
      author: { remoteId: `author-${next() % 5000}`, name: `Author ${i % 5000}` },
      community: { remoteId: `video-${i % 50}`, name: `Video ${i % 50}` },
      body: `${words} #${i}`,
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      raw: { id: `bench-${i}`, snippet: { textOriginal: words } },
    } satisfies ItemInput;
  });
}

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

export const storeBench: BenchSuite = {
  name: 'store',
  async run(): Promise<BenchEntry[]> {
    const dir = mkdtempSync(join(tmpdir(), 'stoa-bench-'));
    try {
      const n = 100_000;
      const items = syntheticItems(n);

      const bare = openBareTable(join(dir, 'bare.sqlite'));
      const bareRate = bare.insertRate(items);

      const db = openDatabase(join(dir, 'stoa.sqlite'));
      let start = process.hrtime.bigint();
      for (let i = 0; i < n; i += 5000) upsertItems(db, items.slice(i, i + 5000), systemClock);
      const upsertRate = n / seconds(start);

      const queries = ['giveaway', 'crypto discount', 'check my channel', 'refund', 'gorg', 'link bio', 'terrible product', 'subscri'];
      const timings: number[] = [];
      const likeTimings: number[] = [];
      for (let round = 0; round < 5; round += 1) {
        for (const q of queries) {
          start = process.hrtime.bigint();
          searchItems(db, q, 50, 0);
          timings.push(seconds(start) * 1000);
          likeTimings.push(bare.likeScanMs(q));
        }
      }
      timings.sort((a, b) => a - b);
      likeTimings.sort((a, b) => a - b);
      db.close();
      bare.close();
      const p50 = percentile(timings, 0.5);
      const likeP50 = percentile(likeTimings, 0.5);
      return [
        {
          name: 'store.upsert_100k_items',
          unit: 'items/s',
          value: Math.round(upsertRate),
          baseline: { name: 'bare INSERT into an index-free table (same rows, one transaction)', value: Math.round(bareRate) },
          ratio: ratioOf(upsertRate, bareRate, 'higher'),
          better: 'higher',
          notes: 'Stoa upserts in batches of 5,000 with authors, communities, unique keys, three indexes and FTS triggers.',
        },
        {
          name: 'store.fts_query_p50_at_100k_items',
          unit: 'ms',
          value: Math.round(p50 * 1000) / 1000,
          baseline: { name: "LIKE '%term%' scan over the same 100k rows, first 50 matches", value: Math.round(likeP50 * 1000) / 1000 },
          ratio: ratioOf(p50, likeP50, 'lower'),
          better: 'lower',
          notes: `FTS5 with BM25 ranking and snippets, top 50; p99 ${percentile(timings, 0.99).toFixed(3)} ms over ${timings.length} queries.`,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
