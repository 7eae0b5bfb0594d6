// Migration 0022 on a workspace with items: the queue's counts (all, by state, by platform and
// state) and its platform + state page come from indexes alone, and listItems still answers them
// exactly. The plans are the reason the migration exists (a million items: see the queue bench).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listItems, upsertItems, type ItemInput } from '../../../src/store/items.ts';
import { MIGRATIONS } from '../../../src/store/migrations/index.ts';
import { openDatabase } from '../../../src/store/open.ts';
import { fixedClock } from '../../support/fixedClock.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir('stoa-migration-0022-');
const position = MIGRATIONS.findIndex((m) => m.name === 'queue-counts');

const items: ItemInput[] = Array.from({ length: 40 }, (_, i) => ({
  platform: i % 2 === 0 ? 'reddit' : 'youtube',
  remoteId: `c${i}`,
  kind: 'comment',
  body: `comment ${i}`,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
  state: i % 4 === 0 ? 'removed' : 'open',
  raw: {},
}));

const plan = (db: ReturnType<typeof openDatabase>, sql: string, ...params: string[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 0022 (queue counts)', () => {
  it('counts and pages the queue from indexes, with the same answers as before', () => {
    expect(MIGRATIONS[position]?.version).toBe(22);
    const file = join(tempDir(), 'w.sqlite');
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, position) });
    upsertItems(old, items, fixedClock());
    const before = listItems(old, { platform: 'reddit', state: 'open', sort: 'newest', limit: 5, cursor: null });
    expect(plan(old, 'SELECT COUNT(*) FROM items i WHERE i.platform = ? AND i.state = ?', 'reddit', 'open')).not.toMatch(/COVERING INDEX/);
    old.close();

    const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, position + 1) });
    expect(plan(db, 'SELECT COUNT(*) FROM items i WHERE i.platform = ? AND i.state = ?', 'reddit', 'open')).toMatch(/COVERING INDEX items_platform_state_created/);
    expect(plan(db, 'SELECT COUNT(*) FROM items i WHERE i.state = ?', 'open')).toMatch(/COVERING INDEX items_state\b/);
    expect(plan(db, 'SELECT COUNT(*) FROM items i')).toMatch(/COVERING INDEX items_state\b/);
    expect(plan(db, 'SELECT i.id FROM items i WHERE i.platform = ? AND i.state = ? ORDER BY i.created_at DESC, i.id DESC LIMIT 5', 'reddit', 'open')).toMatch(
      /items_platform_state_created/,
    );
    const after = listItems(db, { platform: 'reddit', state: 'open', sort: 'newest', limit: 5, cursor: null });
    expect(after.total).toBe(10);
    expect(after).toEqual(before);
    expect(after.items.map((i) => i.remoteId)).toEqual(['c38', 'c34', 'c30', 'c26', 'c22']);
    db.close();
  });
});
