import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { upsertItems } from '../../../src/store/items.ts';
import { openDatabase } from '../../../src/store/open.ts';
import { searchItems, toFtsQuery } from '../../../src/store/search.ts';
import { MATCH_END, MATCH_START } from '../../../src/core/highlight.ts';
import { fixedClock } from '../../support/fixedClock.ts';
import { sampleItem } from '../../support/sampleItems.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir();

describe('full-text search', () => {
  it('finds items by words and prefixes, ranked, with highlighted snippets', () => {
    const db = openDatabase(join(tempDir(), 'w.sqlite'));
    upsertItems(db, [
      sampleItem(1, { body: 'Check out my channel for free giveaways' }),
      sampleItem(2, { body: 'This blush is gorgeous, where can I buy it?' }),
      sampleItem(3, { title: 'Giveaway winners', body: 'Congratulations to the giveaway winners of the giveaway' }),
      sampleItem(4, { body: 'Crème brûlée shade is my favourite' }),
    ], fixedClock());
    const giveaway = searchItems(db, 'giveaway', 10, 0).items;
    expect(giveaway.map((h) => h.remoteId)).toEqual(['c3', 'c1']);
    expect(giveaway[0]?.snippet?.toLowerCase()).toContain(`${MATCH_START}giveaway${MATCH_END}`);
    expect(searchItems(db, 'gorg', 10, 0).items.map((h) => h.remoteId)).toEqual(['c2']);
    // Diacritics fold: a person typing "creme brulee" finds "Crème brûlée".
    expect(searchItems(db, 'creme brulee', 10, 0).items.map((h) => h.remoteId)).toEqual(['c4']);
    db.close();
  });

  it('follows edits and deletes', () => {
    const db = openDatabase(join(tempDir(), 'w.sqlite'));
    const clock = fixedClock();
    upsertItems(db, [sampleItem(1, { body: 'original words' })], clock);
    upsertItems(db, [sampleItem(1, { body: 'replacement text' })], clock);
    expect(searchItems(db, 'original', 10, 0).items).toHaveLength(0);
    expect(searchItems(db, 'replacement', 10, 0).items).toHaveLength(1);
    db.prepare('DELETE FROM items').run();
    expect(searchItems(db, 'replacement', 10, 0).items).toHaveLength(0);
    db.close();
  });

  it('keeps the index identical to the items through inserts, refreshes, edits and deletes', () => {
    const db = openDatabase(join(tempDir(), 'w.sqlite'));
    const clock = fixedClock();
    upsertItems(db, Array.from({ length: 50 }, (_, i) => sampleItem(i)), clock);
    upsertItems(db, Array.from({ length: 50 }, (_, i) => sampleItem(i)), clock); // unchanged refresh
    upsertItems(db, Array.from({ length: 20 }, (_, i) => sampleItem(i, { title: `Edited ${i}`, body: `new text ${i}` })), clock);
    db.prepare("DELETE FROM items WHERE remote_id IN ('c30', 'c31')").run();
    // FTS5 compares every indexed row against the content table and throws on any difference.
    expect(() => db.prepare("INSERT INTO items_fts (items_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    expect(searchItems(db, 'blush', 100, 0).items).toHaveLength(28);
    expect(searchItems(db, 'edited', 100, 0).items).toHaveLength(20);
    db.close();
  });

  it('treats operators and punctuation typed by a person as plain words', () => {
    const db = openDatabase(join(tempDir(), 'w.sqlite'));
    upsertItems(db, [sampleItem(1, { body: 'buy NOW or NEVER' })], fixedClock());
    for (const text of ['"unbalanced', 'NOT AND OR', 'body:now', '*', '(((', 'NEAR(']) {
      expect(() => searchItems(db, text, 10, 0)).not.toThrow();
    }
    expect(searchItems(db, 'now OR', 10, 0).items).toHaveLength(1);
    expect(toFtsQuery('  ?? ')).toBeNull();
    db.close();
  });

  it('pages with offsets', () => {
    const db = openDatabase(join(tempDir(), 'w.sqlite'));
    upsertItems(db, Array.from({ length: 25 }, (_, i) => sampleItem(i)), fixedClock());
    const first = searchItems(db, 'blush', 10, 0);
    const third = searchItems(db, 'blush', 10, 20);
    expect(first.hasMore).toBe(true);
    expect(third.items).toHaveLength(5);
    expect(third.hasMore).toBe(false);
    db.close();
  });
  it('keeps the platform and state filters and a chosen order, with the count of every match', () => {
    const db = openDatabase(join(tempDir(), 'w.sqlite'));
    upsertItems(db, [
      sampleItem(1, { platform: 'reddit', remoteId: 't1_a', body: 'giveaway giveaway giveaway here', reports: [{ source: 'user', reason: 'spam', count: 1 }] }),
      sampleItem(2, { platform: 'reddit', remoteId: 't1_b', body: 'a giveaway', reports: [{ source: 'user', reason: 'spam', count: 5 }] }),
      sampleItem(3, { platform: 'youtube', remoteId: 'yt_c', body: 'giveaway giveaway giveaway giveaway' }),
      sampleItem(4, { platform: 'reddit', remoteId: 't1_d', body: 'nothing to see' }),
    ], fixedClock());
    db.prepare("UPDATE items SET state = 'removed' WHERE remote_id = 't1_a'").run();
    // Best match first without a sort; the filters narrow what matches and what is counted.
    expect(searchItems(db, 'giveaway', 10, 0).items.map((h) => h.remoteId)).toEqual(['yt_c', 't1_a', 't1_b']);
    const reddit = searchItems(db, 'giveaway', 10, 0, { platform: 'reddit' });
    expect(reddit.items.map((h) => h.remoteId)).toEqual(['t1_a', 't1_b']);
    expect(reddit.total).toBe(2);
    expect(searchItems(db, 'giveaway', 10, 0, { platform: 'reddit', state: 'open' }).items.map((h) => h.remoteId)).toEqual(['t1_b']);
    // A chosen order beats relevance: most reported first, then oldest first.
    expect(searchItems(db, 'giveaway', 10, 0, { sort: 'most_reported' }).items.map((h) => h.remoteId)).toEqual(['t1_b', 't1_a', 'yt_c']);
    expect(searchItems(db, 'giveaway', 10, 0, { sort: 'oldest' }).items.map((h) => h.remoteId)).toEqual(['t1_a', 't1_b', 'yt_c']);
    // A later page still says how many match in all.
    const page = searchItems(db, 'giveaway', 1, 1, { platform: 'reddit' });
    expect(page).toMatchObject({ total: 2, hasMore: false });
    expect(page.items.map((h) => h.remoteId)).toEqual(['t1_b']);
    db.close();
  });
});
