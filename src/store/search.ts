// Full-text search over item titles and bodies (FTS5, BM25 ranking) with highlighted snippets.
import type { Database } from 'better-sqlite3';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, toSummary, type ItemSummary, type ItemSummaryRow } from './itemRows.ts';
import { prepared } from './statements.ts';
import { MATCH_END, MATCH_START } from '../core/highlight.ts';

export interface SearchHit extends ItemSummary {
  readonly snippet: string;
}

/**
 * Turns what a person typed into a safe FTS5 query: every word becomes a quoted term (so
 * operators and punctuation cannot break the syntax) and the last one matches as a prefix.
 */
export function toFtsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

export function searchItems(
  db: Database,
  text: string,
  limit: number,
  offset: number,
): { items: SearchHit[]; hasMore: boolean } {
  const query = toFtsQuery(text);
  if (!query) return { items: [], hasMore: false };
  const rows = prepared(
    db,
    `SELECT ${SUMMARY_COLUMNS},
            snippet(items_fts, -1, @start, @end, '…', 12) AS snippet
     FROM items_fts f
     JOIN items i ON i.rowid = f.rowid
     ${SUMMARY_JOINS}
     WHERE items_fts MATCH @query
     ORDER BY bm25(items_fts, 2.0, 1.0), i.id
     LIMIT @limit OFFSET @offset`,
  ).all({ query, limit: limit + 1, offset, start: MATCH_START, end: MATCH_END }) as (ItemSummaryRow & { snippet: string })[];
  return {
    items: rows.slice(0, limit).map((row) => ({ ...toSummary(row), snippet: row.snippet })),
    hasMore: rows.length > limit,
  };
}
