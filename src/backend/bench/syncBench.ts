// Sync benchmarks: items/s pulled from the YouTube simulator over real HTTP on 127.0.0.1 (the
// connector's full path: request, JSON, validation, mapping), and items/s written into the store
// by the sync engine's page writer (items, remote state, cursor in one transaction per page).
// Both are set against the bound of JSON.parse over the very same response bodies, measured in
// the same run: no pull can go faster than reading its payloads.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlatform, type FetchFn, type PullPage, type QueueKind } from '../../platforms/index.ts';
import { corpusFromRows, createVirtualClock, startSimulators, type SeedRow } from '../../platforms/sim/index.ts';
import { createYoutubeSimulator } from '../../platforms/youtube/simulator.ts';
import { addAccount } from '../../store/accounts.ts';
import { systemClock } from '../../store/clock.ts';
import { openDatabase } from '../../store/open.ts';
import { aesGcmCipher } from '../../store/secrets.ts';
import { writePage } from '../../sync/pull.ts';
import { ratioOf, type BenchEntry, type BenchSuite } from './types.ts';

/** Comments seeded into the simulator; about 90% land in the two queues (held, likely spam). */
export const SYNC_BENCH_ROWS = 110_000;
const WORDS = ['check', 'my', 'channel', 'love', 'this', 'song', 'giveaway', 'crypto', 'discount', 'code', 'subscribe', 'amazing', 'link', 'bio'];

function syntheticRows(n: number): SeedRow[] {
  let seed = 7;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
  return Array.from({ length: n }, (_, i) => ({
    set: 'youtube',
    sourceId: `UgBench${String(i).padStart(7, '0')}`,
    author: `viewer${next() % 20_000}`,
    authorIsReal: false,
    text: `${Array.from({ length: 6 + (next() % 18) }, () => WORDS[next() % WORDS.length]).join(' ')} #${i}`,
    createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    label: 'spam',
    source: 'youtube/bench.csv',
  }));
}

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

export const syncBench: BenchSuite = {
  name: 'sync',
  async run(): Promise<BenchEntry[]> {
    const dir = mkdtempSync(join(tmpdir(), 'stoa-sync-bench-'));
    const clock = createVirtualClock(new Date());
    const sims = await startSimulators({
      seed: 'bench',
      clock,
      corpus: corpusFromRows(syntheticRows(SYNC_BENCH_ROWS)),
      simulators: { youtube: (context) => createYoutubeSimulator(context, { dailyQuota: 10_000_000 }) },
    });
    try {
      const account = sims.accounts()['youtube'];
      if (!account) throw new Error('the YouTube simulator did not start');
      const bodies: string[] = [];
      let capture = false;
      const fetchWithCapture: FetchFn = async (input, init) => {
        const response = await fetch(input, init);
        if (!capture) return response;
        const text = await response.text();
        bodies.push(text);
        return new Response(text, { status: response.status, headers: response.headers });
      };
      const platform = createPlatform('youtube', {
        baseUrl: account.baseUrl,
        authBaseUrl: account.baseUrl,
        options: { ...account.options, dailyQuota: '10000000' },
        credentials: account.credentials,
        credentialStore: { save: async () => undefined },
        userAgent: 'stoa-bench',
        fetch: fetchWithCapture,
        clock,
      });

      // 1. Pull every queue to the end over HTTP, timed, keeping the pages.
      const pages: { queue: QueueKind; page: PullPage }[] = [];
      const walk = async (keep: boolean): Promise<number> => {
        let items = 0;
        for (const queue of platform.capabilities.queues) {
          let cursor: string | null = null;
          do {
            const outcome = await platform.pull({ queue, cursor, limit: platform.capabilities.pageSize.max });
            if (outcome.status !== 'ok') throw new Error(`pull failed: ${outcome.status}`);
            if (keep) pages.push({ queue, page: outcome.page });
            items += outcome.page.items.length;
            cursor = outcome.page.nextCursor;
          } while (cursor !== null);
        }
        return items;
      };
      await platform.auth.ensure();
      let start = process.hrtime.bigint();
      const pulled = await walk(true);
      const pullRate = pulled / seconds(start);

      // 2. The same payloads again, captured as text (untimed), then parsed: the bound.
      capture = true;
      await walk(false);
      capture = false;
      start = process.hrtime.bigint();
      let parsedItems = 0;
      for (const body of bodies) parsedItems += (JSON.parse(body) as { items?: unknown[] }).items?.length ?? 0;
      const parseRate = pulled / seconds(start);
      const parsedBytes = bodies.reduce((sum, body) => sum + body.length, 0);

      // 3. The kept pages into a fresh store through the engine's page writer.
      const db = openDatabase(join(dir, 'bench.sqlite'));
      const stored = addAccount(db, { platform: 'youtube', baseUrl: account.baseUrl, displayName: 'bench', secret: '{}' }, aesGcmCipher(randomBytes(32)), { actor: 'bench', deviceId: 'bench' }, systemClock);
      start = process.hrtime.bigint();
      for (const { queue, page } of pages) writePage(db, systemClock, { accountId: stored.id, platform: 'youtube', queue }, page);
      const upsertRate = pulled / seconds(start);
      db.close();

      const baseline = { name: `JSON.parse of the same ${bodies.length} response bodies (${Math.round(parsedBytes / 1e6)} MB, ${parsedItems} top-level resources)`, value: Math.round(parseRate) };
      const notes = `${pulled} items in ${pages.length} pages from the YouTube simulator (${SYNC_BENCH_ROWS} seeded comments, 100 threads per page, replies completed) on 127.0.0.1; the simulator runs in the same process`;
      return [
        { name: 'sync.pull_http_items', unit: 'items/s', value: Math.round(pullRate), baseline, ratio: ratioOf(pullRate, parseRate, 'higher'), better: 'higher', notes },
        { name: 'sync.store_pulled_items', unit: 'items/s', value: Math.round(upsertRate), baseline, ratio: ratioOf(upsertRate, parseRate, 'higher'), better: 'higher', notes: `${notes}; written with writePage (upsert + remote state + cursor, one transaction per page)` },
      ];
    } finally {
      await sims.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
