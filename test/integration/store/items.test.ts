import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getItem } from '../../../src/store/itemDetail.ts';
import { listItems, upsertItems } from '../../../src/store/items.ts';
import { openDatabase } from '../../../src/store/open.ts';
import { upsertScores } from '../../../src/store/scores.ts';
import { fixedClock } from '../../support/fixedClock.ts';
import { sampleItem } from '../../support/sampleItems.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir();
const open = () => openDatabase(join(tempDir(), 'w.sqlite'));
const page = { sort: 'newest' as const, limit: 100, cursor: null };

describe('items repository', () => {
  it('inserts new items and refreshes existing ones by (platform, remote_id)', () => {
    const db = open();
    const clock = fixedClock();
    expect(upsertItems(db, [sampleItem(1), sampleItem(2)], clock)).toEqual({ inserted: 2, updated: 0 });
    expect(upsertItems(db, [sampleItem(1, { body: 'edited text' }), sampleItem(3)], clock)).toEqual({ inserted: 1, updated: 1 });
    const all = listItems(db, page);
    expect(all.total).toBe(3);
    expect(all.items.find((i) => i.remoteId === 'c1')?.body).toBe('edited text');
    // Same remote id on another platform is another item.
    upsertItems(db, [sampleItem(1, { platform: 'reddit' })], clock);
    expect(listItems(db, page).total).toBe(4);
    db.close();
  });

  it('keeps the local state on refresh unless the platform reports one', () => {
    const db = open();
    const clock = fixedClock();
    upsertItems(db, [sampleItem(1)], clock);
    const id = listItems(db, page).items[0]?.id as string;
    db.prepare("UPDATE items SET state = 'removed' WHERE id = ?").run(id);
    upsertItems(db, [sampleItem(1)], clock);
    expect(getItem(db, id)?.state).toBe('removed');
    upsertItems(db, [sampleItem(1, { state: 'approved' })], clock);
    expect(getItem(db, id)?.state).toBe('approved');
    db.close();
  });

  it('replaces reports with the platform view and sums them in the summary', () => {
    const db = open();
    const clock = fixedClock();
    upsertItems(db, [sampleItem(1, { reports: [{ source: 'user', reason: 'spam', count: 2 }, { source: 'moderator', reason: 'rule 3', count: 1 }] })], clock);
    const [summary] = listItems(db, page).items;
    expect(summary?.reportCount).toBe(3);
    upsertItems(db, [sampleItem(1, { reports: [{ source: 'user', reason: 'spam', count: 5 }] })], clock);
    const detail = getItem(db, summary?.id as string);
    expect(detail?.reports).toEqual([{ reason: 'spam', count: 5, source: 'user' }]);
    db.close();
  });

  it('pages through every item exactly once with keyset cursors, even when items arrive mid-walk', () => {
    const db = open();
    const clock = fixedClock();
    upsertItems(db, Array.from({ length: 95 }, (_, i) => sampleItem(i)), clock);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const result = listItems(db, { sort: 'newest', limit: 10, cursor });
      seen.push(...result.items.map((i) => i.remoteId));
      cursor = result.nextCursor;
      // A newer item arriving mid-walk sorts before the cursor and must not shift later pages.
      if (pages === 2) upsertItems(db, [sampleItem(1000)], clock);
      pages += 1;
    } while (cursor);
    expect(pages).toBe(10);
    expect(new Set(seen).size).toBe(95);
    expect(seen[0]).toBe('c94');
    expect(seen.at(-1)).toBe('c0');
    db.close();
  });

  it('filters by platform and state and orders by a model score', () => {
    const db = open();
    const clock = fixedClock();
    upsertItems(db, [sampleItem(1), sampleItem(2), sampleItem(3, { platform: 'reddit' })], clock);
    const ids = Object.fromEntries(listItems(db, page).items.map((i) => [i.remoteId, i.id]));
    upsertScores(db, [
      { itemId: ids.c1 as string, model: 'spam', modelVersion: '1', score: 0.2, evidence: [] },
      { itemId: ids.c2 as string, model: 'spam', modelVersion: '1', score: 0.9, evidence: [{ task: 'spam', start: 0, end: 7, text: 'comment', weight: 1.2 }] },
    ], clock);
    expect(listItems(db, { ...page, platform: 'reddit' }).items.map((i) => i.remoteId)).toEqual(['c3']);
    const bySpam = listItems(db, { ...page, sort: 'score:spam' }).items;
    expect(bySpam.map((i) => i.remoteId)).toEqual(['c2', 'c1', 'c3']);
    expect(bySpam[0]?.scores).toEqual({ spam: 0.9 });
    const detail = getItem(db, ids.c2 as string);
    expect(detail?.scoreDetails[0]?.evidence[0]?.text).toBe('comment');
    expect(listItems(db, { ...page, state: 'removed' }).total).toBe(0);
    db.close();
  });

  it('score-sorted pages are stable across cursors', () => {
    const db = open();
    const clock = fixedClock();
    upsertItems(db, Array.from({ length: 30 }, (_, i) => sampleItem(i)), clock);
    const all = listItems(db, { ...page, limit: 100 }).items;
    upsertScores(db, all.map((item, i) => ({ itemId: item.id, model: 'toxicity', modelVersion: '1', score: (i % 7) / 7, evidence: [] })), clock);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const result = listItems(db, { sort: 'score:toxicity', limit: 4, cursor });
      walked.push(...result.items.map((i) => i.id));
      cursor = result.nextCursor;
    } while (cursor);
    expect(walked).toHaveLength(30);
    expect(new Set(walked).size).toBe(30);
    db.close();
  });

  it('keeps the raw payload for audit', () => {
    const db = open();
    upsertItems(db, [sampleItem(7, { raw: { kind: 't1', data: { body: 'x', nested: [1, 2] } } })], fixedClock());
    const id = listItems(db, page).items[0]?.id as string;
    expect(getItem(db, id)?.raw).toEqual({ kind: 't1', data: { body: 'x', nested: [1, 2] } });
    expect(getItem(db, 'missing')).toBeNull();
    db.close();
  });
});
