// The other items with the same or a near-identical text (core/nearText.ts), newest first and
// paged: the variants of one template posted by several accounts or in several communities.
import type { Database } from 'better-sqlite3';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, toSummary, type ItemSummary, type ItemSummaryRow } from './itemRows.ts';
import { prepared } from './statements.ts';

export interface SimilarItem extends ItemSummary {
  /** The very same text (same textKey), not only the same words apart from numbers and links. */
  readonly identical: boolean;
}

export interface SimilarItems {
  /** Other items with exactly this text. */
  readonly identical: number;
  /** Other items with this text apart from numbers, links and @names (the identical ones included). */
  readonly near: number;
  readonly items: SimilarItem[];
  readonly nextCursor: string | null;
}

export function similarItems(db: Database, itemId: string, page: { limit: number; cursor: string | null }): SimilarItems | null {
  const item = prepared(db, 'SELECT text_key, near_key FROM items WHERE id = ?').get(itemId) as { text_key: string | null; near_key: string | null } | undefined;
  if (!item) return null;
  if (item.near_key === null) return { identical: 0, near: 0, items: [], nextCursor: null };
  const counts = prepared(
    db,
    'SELECT COUNT(*) AS near, COALESCE(SUM(text_key IS NOT NULL AND text_key = ?), 0) AS identical FROM items WHERE near_key = ? AND id <> ?',
  ).get(item.text_key, item.near_key, itemId) as { near: number; identical: number };
  const after = page.cursor === null ? null : decodeCursor(page.cursor);
  const rows = prepared(
    db,
    `SELECT ${SUMMARY_COLUMNS}, (i.text_key IS NOT NULL AND i.text_key = ?) AS identical
     FROM items i ${SUMMARY_JOINS}
     WHERE i.near_key = ? AND i.id <> ? AND (? IS NULL OR (i.created_at, i.id) < (?, ?))
     ORDER BY i.created_at DESC, i.id DESC LIMIT ?`,
  ).all(item.text_key, item.near_key, itemId, after ? 1 : null, after?.key ?? null, after?.id ?? null, page.limit + 1) as (ItemSummaryRow & { identical: number })[];
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    identical: counts.identical,
    near: counts.near,
    items: shown.map((row) => ({ ...toSummary(row), identical: row.identical === 1 })),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ key: last.created_at, id: last.id }) : null,
  };
}
