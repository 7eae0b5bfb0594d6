// Migration 0013 on a database with posts: every post, image, tag, revision and publish job is still
// there afterwards (the constraint was widened in place, not by rebuilding the table), the new
// 'missed' state is accepted and an unknown one still refused, and deleting a post still cascades.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/store/migrations/index.ts';
import { openDatabase } from '../../../src/store/open.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir('stoa-migration-0013-');
const AT = '2026-12-04T10:00:00.000Z';
const count = (db: ReturnType<typeof openDatabase>, table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

describe('migration 0013 (post schedule)', () => {
  it('keeps every post and its rows, and admits the missed state', () => {
    const file = join(tempDir(), 'w.sqlite');
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 12) });
    old.prepare(`INSERT INTO posts (id, state, targets, caption, paid_partnership, scheduled_at, revision, actor, device_id, created_at, updated_at) VALUES ('p1', 'scheduled', '["instagram"]', 'hello', 0, ?, 1, 'a', 'd', ?, ?)`).run(AT, AT, AT);
    old.prepare("INSERT INTO post_media (post_id, position, asset_id) VALUES ('p1', 0, 'asset-1')").run();
    old.prepare("INSERT INTO post_product_tags (post_id, seq, media_index, product_id, x, y) VALUES ('p1', 0, 0, 'prod-1', 0.5, 0.5)").run();
    old.prepare("INSERT INTO post_revisions (post_id, revision, content, actor, device_id, at) VALUES ('p1', 1, '{}', 'a', 'd', ?)").run(AT);
    old.prepare("INSERT INTO publish_jobs (id, post_id, target, idempotency_key, state, progress, created_at, updated_at) VALUES ('j1', 'p1', 'instagram', 'k1', 'done', '{}', ?, ?)").run(AT, AT);
    old.close();

    const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, 13) });
    expect(db.pragma('user_version', { simple: true })).toBe(13);
    expect(db.prepare("SELECT state, scheduled_at FROM posts WHERE id = 'p1'").get()).toEqual({ state: 'scheduled', scheduled_at: AT });
    expect([count(db, 'post_media'), count(db, 'post_product_tags'), count(db, 'post_revisions'), count(db, 'publish_jobs')]).toEqual([1, 1, 1, 1]);
    db.prepare("UPDATE posts SET state = 'missed' WHERE id = 'p1'").run();
    expect(() => db.prepare("UPDATE posts SET state = 'lost' WHERE id = 'p1'").run()).toThrow(/CHECK constraint/);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name = 'posts_scheduled'").pluck().get()).toBe('posts_scheduled');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.prepare("DELETE FROM posts WHERE id = 'p1'").run();
    expect([count(db, 'post_media'), count(db, 'post_product_tags'), count(db, 'post_revisions'), count(db, 'publish_jobs')]).toEqual([0, 0, 0, 0]);
    db.close();
  });
});
