// Workspace settings: small JSON values by key (device id, demo flag, preferences).
import type { Database } from 'better-sqlite3';
import { prepared } from './statements.ts';

export function getSetting<T>(db: Database, key: string): T | undefined {
  const value = prepared(db, 'SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  return value === undefined ? undefined : (JSON.parse(value) as T);
}

export function setSetting(db: Database, key: string, value: unknown): void {
  prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}

export function deleteSetting(db: Database, key: string): void {
  prepared(db, 'DELETE FROM settings WHERE key = ?').run(key);
}
