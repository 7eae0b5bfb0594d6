// Baselines for the store benchmarks, measured on bare SQLite so the ratio shows what Stoa's
// schema (unique keys, indexes, FTS triggers, authors, communities) costs on top of SQLite itself.
import BetterSqlite3, { type Database } from 'better-sqlite3';

export interface BareRow {
  readonly platform: string;
  readonly remoteId: string;
  readonly body: string;
  readonly createdAt: string;
  readonly raw: unknown;
}

export interface BareTable {
  /** Rows per second for one transaction of plain INSERTs into an index-free table. */
  insertRate(rows: readonly BareRow[]): number;
  /** Milliseconds for a LIKE '%text%' scan returning the first 50 matches. */
  likeScanMs(text: string): number;
  close(): void;
}

export function openBareTable(file: string): BareTable {
  const db: Database = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE items (platform TEXT, remote_id TEXT, body TEXT, created_at TEXT, raw TEXT)');
  const insert = db.prepare('INSERT INTO items VALUES (?, ?, ?, ?, ?)');
  const like = db.prepare('SELECT rowid FROM items WHERE body LIKE ? LIMIT 50');
  return {
    insertRate(rows) {
      const start = process.hrtime.bigint();
      db.transaction(() => {
        for (const r of rows) insert.run(r.platform, r.remoteId, r.body, r.createdAt, JSON.stringify(r.raw));
      })();
      return rows.length / (Number(process.hrtime.bigint() - start) / 1e9);
    },
    likeScanMs(text) {
      const start = process.hrtime.bigint();
      like.all(`%${text}%`);
      return Number(process.hrtime.bigint() - start) / 1e6;
    },
    close: () => db.close(),
  };
}
