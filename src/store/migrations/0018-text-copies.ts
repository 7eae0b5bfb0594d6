// Copies of one text: each item gets the key of its normalized title + body (core/textKey.ts),
// indexed, so the queue can say "3 copies" for the same text posted as separate items without
// comparing every row with every other. Rows stored before this step are keyed here, in batches.
import type { Database } from 'better-sqlite3';
import { textKey } from '../../core/textKey.ts';
import type { Migration } from './types.ts';

function backfill(db: Database): void {
  const page = db.prepare('SELECT rowid, title, body FROM items WHERE rowid > ? ORDER BY rowid LIMIT 5000');
  const update = db.prepare('UPDATE items SET text_key = ? WHERE rowid = ?');
  let after = 0;
  for (;;) {
    const rows = page.all(after) as { rowid: number; title: string | null; body: string }[];
    if (rows.length === 0) return;
    for (const row of rows) update.run(textKey(row.title, row.body), row.rowid);
    after = rows.at(-1)?.rowid ?? after;
  }
}

export const textCopies: Migration = {
  version: 18,
  name: 'text-copies',
  up(db) {
    db.exec('ALTER TABLE items ADD COLUMN text_key TEXT');
    backfill(db);
    db.exec('CREATE INDEX items_text_key ON items (text_key) WHERE text_key IS NOT NULL');
  },
};
