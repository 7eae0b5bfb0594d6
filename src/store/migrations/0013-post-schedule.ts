// Scheduling: a post's time is posts.scheduled_at (there since 0011); this adds the 'missed' state
// (the time passed while the app was not running, so a person decides) and an index for the
// scheduler's "next due" query. SQLite cannot change a CHECK constraint with ALTER TABLE, and
// rebuilding posts is not safe here: migrations run with foreign keys on inside a transaction, so
// dropping the old table would cascade-delete every post's media, tags, revisions and publish jobs.
// SQLite documents editing the stored CREATE TABLE text for loosening a constraint; the new CHECK
// only admits one more value, so every existing row still satisfies it.
import type { Migration } from './types.ts';

const OLD_CHECK = "CHECK (state IN ('draft', 'valid', 'scheduled', 'publishing', 'published', 'failed'))";
const NEW_CHECK = "CHECK (state IN ('draft', 'valid', 'scheduled', 'publishing', 'published', 'failed', 'missed'))";

export const postSchedule: Migration = {
  version: 13,
  name: 'post-schedule',
  up(db) {
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'posts'").pluck().get() as string | undefined;
    if (sql === undefined || !sql.includes(OLD_CHECK)) throw new Error('The posts table is not the one migration 11 made; refusing to change its state constraint.');
    // better-sqlite3 runs SQLite in defensive mode, which forbids writing sqlite_schema; lifted for this one statement.
    db.unsafeMode(true);
    try {
      db.pragma('writable_schema = ON');
      db.prepare("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'posts'").run(sql.replace(OLD_CHECK, NEW_CHECK));
      // A new schema cookie makes this and every other connection re-read the schema.
      const cookie = db.pragma('schema_version', { simple: true }) as number;
      db.pragma(`schema_version = ${cookie + 1}`);
      db.pragma('writable_schema = OFF');
    } finally {
      db.unsafeMode(false);
    }
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`The posts table failed its integrity check after the state change: ${String(check)}`);
    db.exec("CREATE INDEX posts_scheduled ON posts (scheduled_at) WHERE state = 'scheduled'");
  },
};
