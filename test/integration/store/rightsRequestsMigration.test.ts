// Migration 0014 on a database with items and posts: they are untouched, rights requests attach to
// them (one per post, cascading with the post), and the status and sent-message constraints hold.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/store/migrations/index.ts';
import { openDatabase } from '../../../src/store/open.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir('stoa-migration-0014-');
const AT = '2026-12-04T10:00:00.000Z';
const position = MIGRATIONS.findIndex((m) => m.name === 'rights-requests');

describe('migration 0014 (rights requests)', () => {
  it('keeps items and posts, links one request per post, and enforces status and sent fields', () => {
    expect(MIGRATIONS[position]?.version).toBe(14);
    const file = join(tempDir(), 'w.sqlite');
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, position) });
    old.prepare("INSERT INTO items (id, platform, remote_id, kind, body, created_at, fetched_at, updated_at, state, raw) VALUES ('i1', 'instagram', 'm1', 'post', 'Linen Sunday', ?, ?, ?, 'open', '{}')").run(AT, AT, AT);
    old.prepare(`INSERT INTO posts (id, state, targets, caption, paid_partnership, revision, actor, device_id, created_at, updated_at) VALUES ('p1', 'draft', '["instagram"]', 'hello', 0, 1, 'a', 'd', ?, ?)`).run(AT, AT);
    old.close();

    const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, position + 1) });
    expect(db.pragma('user_version', { simple: true })).toBe(14);
    expect(db.prepare("SELECT body FROM items WHERE id = 'i1'").pluck().get()).toBe('Linen Sunday');
    expect(db.prepare("SELECT caption FROM posts WHERE id = 'p1'").pluck().get()).toBe('hello');
    const insert = db.prepare(
      `INSERT INTO rights_requests (id, item_id, post_id, author, platform, brand, template, message_sent, sent_at, status, created_at, updated_at, actor, device_id)
       VALUES (@id, 'i1', @post, 'mara.k', 'instagram', 'Kestrel', 'Hi {author}', @sent, @sentAt, @status, @at, @at, 'a', 'd')`,
    );
    insert.run({ id: 'r1', post: 'p1', sent: null, sentAt: null, status: 'asked', at: AT });
    expect(() => insert.run({ id: 'r2', post: 'p1', sent: null, sentAt: null, status: 'asked', at: AT })).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE rights_requests SET status = 'maybe' WHERE id = 'r1'").run()).toThrow(/CHECK constraint/);
    // A message is recorded with the time it was sent, never one without the other.
    expect(() => db.prepare("UPDATE rights_requests SET message_sent = 'Hi mara.k' WHERE id = 'r1'").run()).toThrow(/CHECK constraint/);
    expect(() => insert.run({ id: 'r3', post: 'nope', sent: null, sentAt: null, status: 'asked', at: AT })).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM posts WHERE id = 'p1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM rights_requests').pluck().get()).toBe(0);
    db.close();
  });
});
