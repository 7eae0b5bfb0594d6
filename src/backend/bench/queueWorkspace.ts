// The queue bench's workspaces: n synthetic items written straight through the store layer (the
// same upsert a sync uses, in large transactions), cached in the temp folder under the schema
// version, so a second run reuses the million-item database instead of spending minutes on it.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlatformName } from '../../core/domain.ts';
import { systemClock } from '../../store/clock.ts';
import { upsertItems, type ItemInput } from '../../store/items.ts';
import { SCHEMA_VERSION } from '../../store/migrations/index.ts';
import { openDatabase } from '../../store/open.ts';
import { databaseFileIn } from '../paths.ts';

const WORDS = ['check', 'my', 'channel', 'love', 'this', 'song', 'giveaway', 'crypto', 'discount', 'code', 'blush', 'gorgeous', 'refund', 'shipping', 'link', 'bio', 'subscribe', 'amazing', 'terrible', 'product', 'thread', 'rule', 'posted', 'again'];
const PLATFORMS: readonly { platform: PlatformName; kind: ItemInput['kind']; titled: boolean }[] = [
  { platform: 'youtube', kind: 'comment', titled: false },
  { platform: 'reddit', kind: 'post', titled: true },
  { platform: 'reddit', kind: 'comment', titled: false },
  { platform: 'discourse', kind: 'post', titled: true },
  { platform: 'instagram', kind: 'comment', titled: false },
];
const BATCH = 20_000;

/** Items i..i+count of a fixed corpus: the same text for the same i on every run (no Math.random). */
function syntheticBatch(start: number, count: number): ItemInput[] {
  let seed = 1 + start;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
  const words = (n: number) => Array.from({ length: n }, () => WORDS[next() % WORDS.length]).join(' ');
  return Array.from({ length: count }, (_, k) => {
    const i = start + k;
    const shape = PLATFORMS[i % PLATFORMS.length] ?? PLATFORMS[0]!;
    const author = next() % 20_000;
    const community = next() % 200;
    return {
      platform: shape.platform,
      remoteId: `qbench-${i}`,
      kind: shape.kind,
      author: { remoteId: `qb-author-${author}`, name: `author_${author}` },
      community: { remoteId: `qb-community-${community}`, name: `community ${community}` },
      title: shape.titled ? `${words(6)} ${i}` : null,
      body: `${words(12 + (next() % 40))} #${i}`,
      createdAt: new Date(Date.UTC(2025, 0, 1) + i * 15_000).toISOString(),
      raw: { id: `qbench-${i}` },
      ...(i % 20 === 0 ? { reports: [{ source: 'user' as const, reason: 'spam', count: 1 + (i % 7) }] } : {}),
    } satisfies ItemInput;
  });
}

function generate(file: string, n: number): void {
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const db = openDatabase(partial);
  // A throwaway cache: losing it to a crash only means generating it again.
  db.pragma('synchronous = OFF');
  for (let i = 0; i < n; i += BATCH) upsertItems(db, syntheticBatch(i, Math.min(BATCH, n - i)), systemClock);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  renameSync(partial, file);
}

export interface BenchWorkspace {
  readonly dataDir: string;
  /** Seconds spent generating the cached database now (0 when it was reused). */
  readonly generatedSeconds: number;
  remove(): void;
}

/** A fresh data folder holding a copy of the cached n-item workspace (generated first if missing). */
export function queueWorkspace(n: number, onGenerate?: (n: number) => void): BenchWorkspace {
  const cacheDir = join(tmpdir(), `stoa-bench-queue-schema${SCHEMA_VERSION}`);
  const cached = join(cacheDir, `items-${n}.sqlite`);
  let generatedSeconds = 0;
  if (!existsSync(cached)) {
    mkdirSync(cacheDir, { recursive: true });
    onGenerate?.(n);
    const started = performance.now();
    generate(cached, n);
    generatedSeconds = Math.round((performance.now() - started) / 100) / 10;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'stoa-bench-queue-run-'));
  copyFileSync(cached, databaseFileIn(dataDir));
  return { dataDir, generatedSeconds, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}
