// The schema as text: every table, index, trigger and view, sorted, for the snapshot test.
import type { Database } from 'better-sqlite3';

export function dumpSchema(db: Database): string {
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as { type: string; name: string; sql: string }[];
  const version = db.pragma('user_version', { simple: true }) as number;
  return `-- user_version ${version}\n${rows.map((r) => `${r.sql.replace(/[ \t]+$/gm, '')};`).join('\n\n')}\n`;
}
