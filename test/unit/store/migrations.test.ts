import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/store/migrations/index.ts';
import { openDatabase, StoreOpenError } from '../../../src/store/open.ts';
import { upsertItems } from '../../../src/store/items.ts';
import { searchItems } from '../../../src/store/search.ts';
import { fixedClock } from '../../support/fixedClock.ts';
import { sampleItem } from '../../support/sampleItems.ts';
import { dumpSchema } from '../../support/schemaDump.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir();

describe('migrations', () => {
  it('creates a fresh database at the latest version with WAL and foreign keys', () => {
    const db = openDatabase(join(tempDir(), 'w.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('numbers each migration by its position, and names its file NNNN-name.ts after that number', () => {
    MIGRATIONS.forEach((migration, index) => {
      expect(migration.version).toBe(index + 1);
      const file = `${String(migration.version).padStart(4, '0')}-${migration.name}.ts`;
      expect(existsSync(join(import.meta.dirname, '../../../src/store/migrations', file)), file).toBe(true);
    });
  });

  it('matches the committed schema snapshot (regenerate with scripts/schema-snapshot.ts)', () => {
    const db = openDatabase(':memory:');
    expect(dumpSchema(db)).toBe(readFileSync(join(import.meta.dirname, '../../fixtures/schema.sql'), 'utf8'));
    db.close();
  });

  it('upgrades an older database and moves its rows into the search index', () => {
    const file = join(tempDir(), 'old.sqlite');
    const clock = fixedClock();
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 2) });
    expect(old.pragma('user_version', { simple: true })).toBe(2);
    // Rows as version-2 code wrote them: plain inserts, no search index yet.
    const insert = old.prepare(
      "INSERT INTO items (id, platform, remote_id, kind, body, created_at, fetched_at, updated_at, raw) VALUES (?, 'youtube', ?, 'comment', ?, ?, ?, ?, '{}')",
    );
    const now = clock.now().toISOString();
    insert.run('i1', 'c1', 'vintage lipstick swatches', now, now, now);
    insert.run('i2', 'c2', 'matte finish', now, now, now);
    old.close();

    const upgraded = openDatabase(file);
    expect(upgraded.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const hits = searchItems(upgraded, 'lipstick', 10, 0).items;
    expect(hits.map((h) => h.remoteId)).toEqual(['c1']);
    // Items written after the upgrade are indexed by the repository (no insert trigger since v5).
    upsertItems(upgraded, [sampleItem(3, { body: 'glossy lipstick review' })], clock);
    expect(searchItems(upgraded, 'lipstick', 10, 0).items.map((h) => h.remoteId).sort()).toEqual(['c1', 'c3']);
    upgraded.close();
  });

  it('drops scores stored as 0 for an unsupported language so they are written again as "not scored"', () => {
    const file = join(tempDir(), 'v5.sqlite');
    const clock = fixedClock();
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 5) });
    // Rows as version-5 code wrote them: today's repository writes columns that version lacks.
    const now = clock.now().toISOString();
    const insertItem = old.prepare("INSERT INTO items (id, platform, remote_id, kind, body, created_at, fetched_at, updated_at, raw) VALUES (?, 'youtube', ?, 'comment', ?, ?, ?, ?, '{}')");
    insertItem.run('i1', 'c1', 'first comment', now, now, now);
    insertItem.run('i2', 'c2', 'zweiter Kommentar', now, now, now);
    const [first, second] = (old.prepare('SELECT id FROM items ORDER BY rowid').all() as { id: string }[]).map((r) => r.id);
    const note = JSON.stringify([{ task: 'spam', start: 0, end: 0, text: 'not scored: language de is not supported by this model', weight: 0 }]);
    const insert = old.prepare("INSERT INTO scores (item_id, model, model_version, score, evidence, scored_at) VALUES (?, 'spam', 'spam-1', ?, ?, '2026-11-01T00:00:00Z')");
    insert.run(first, 0.91, '[]');
    insert.run(second, 0, note);
    old.close();

    const upgraded = openDatabase(file);
    const rows = upgraded.prepare('SELECT item_id, score, unscored_reason FROM scores ORDER BY item_id').all();
    expect(rows).toEqual([{ item_id: first, score: 0.91, unscored_reason: null }]);
    expect(() => upgraded.prepare("INSERT INTO scores (item_id, model, model_version, score, evidence, scored_at) VALUES (?, 'toxicity', 'v', NULL, '[]', 'now')").run(second)).toThrow(/CHECK/);
    upgraded.prepare("INSERT INTO scores (item_id, model, model_version, score, unscored_reason, evidence, scored_at) VALUES (?, 'toxicity', 'v', NULL, 'language de is not supported by this model', '[]', 'now')").run(second);
    upgraded.close();
  });

  it('runs each migration in its own transaction: a failing step leaves the previous version', () => {
    const file = join(tempDir(), 'fail.sqlite');
    const broken = [...MIGRATIONS.slice(0, 2), { version: 3, name: 'broken', up: () => { throw new Error('boom'); } }];
    expect(() => openDatabase(file, { migrations: broken })).toThrow('boom');
    const db = new BetterSqlite3(file);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('refuses a database written by a newer Stoa, naming the file', () => {
    const file = join(tempDir(), 'newer.sqlite');
    const raw = new BetterSqlite3(file);
    raw.pragma('user_version = 99');
    raw.close();
    const attempt = () => openDatabase(file);
    expect(attempt).toThrow(StoreOpenError);
    expect(attempt).toThrow(/newer version of Stoa/);
    expect(attempt).toThrow(file);
  });

  it('reports a corrupt file clearly instead of crashing', () => {
    const file = join(tempDir(), 'corrupt.sqlite');
    writeFileSync(file, 'this is not a database, just some text that happens to be long enough '.repeat(80));
    try {
      openDatabase(file);
      expect.unreachable('a corrupt file must not open');
    } catch (error) {
      expect(error).toBeInstanceOf(StoreOpenError);
      expect((error as StoreOpenError).problem).toBe('corrupt');
      expect((error as Error).message).toContain(file);
    }
  });
});
