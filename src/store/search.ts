// Full-text search over item titles and bodies (FTS5, BM25 ranking) with highlighted snippets.
import type { Database } from 'better-sqlite3';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, toSummary, type ItemSummary, type ItemSummaryRow } from './itemRows.ts';
import { sortKey } from './items.ts';
import { prepared } from './statements.ts';
import type { ItemKind, ItemState, PlatformName } from '../core/domain.ts';
import type { QueueSort } from '../core/queueSort.ts';
import { MATCH_END, MATCH_START } from '../core/highlight.ts';
import { decodeEntities } from '../core/htmlEntities.ts';

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

export interface ItemQuery {
  /** The FTS5 MATCH expression. */
  readonly match: string;
  /** Hashtags (lower case, without #) the text must carry as tags, not merely as words. */
  readonly hashtags: readonly string[];
}

const WORD = /[\p{L}\p{N}_]+/gu;

/**
 * What a moderator typed, as a search: `"discount code"` in quotes is a phrase (the words next to
 * each other), `#ad` is the hashtag — the token "ad" with the # before it, so neither "add on" nor
 * a plain "ad" matches — and other words must all occur, the last one as a prefix (search as you
 * type). The tokenizer drops "#", so the hashtag itself is checked against the text.
 */
export function toItemQuery(text: string): ItemQuery | null {
  const parts: string[] = [];
  const hashtags: string[] = [];
  const bare: string[] = [];
  const rest = text.replace(/"([^"]*)"/g, (_whole, phrase: string) => {
    const words = phrase.match(WORD) ?? [];
    if (words.length > 0) parts.push(`"${words.join(' ')}"`);
    return ' ';
  });
  for (const token of rest.split(/\s+/)) {
    const tag = /^#([\p{L}\p{N}_]+)$/u.exec(token);
    if (tag?.[1]) {
      hashtags.push(tag[1].toLowerCase());
      parts.push(`"${tag[1]}"`);
    } else bare.push(...(token.match(WORD) ?? []));
  }
  bare.forEach((w, i) => parts.push(`"${w}"${i === bare.length - 1 && !/["\s]$/.test(text) ? '*' : ''}`));
  return parts.length === 0 ? null : { match: parts.join(' '), hashtags };
}

/** SQL that holds when the item's title or body carries `#tag` (ASCII case folded), given as @tagN. */
function hashtagClause(index: number): string {
  // The text is padded so a tag at the very end is followed by a non-word character too.
  return `(lower(COALESCE(i.title, '') || ' ' || i.body || ' ') GLOB '*#' || @tag${index} || '[^a-z0-9_]*')`;
}

/** The queue's filters, applied to a search as they are to the list; no sort: best match first. */
export interface SearchFilter {
  readonly platform?: PlatformName | undefined;
  readonly kind?: ItemKind | undefined;
  readonly state?: ItemState | undefined;
  readonly sort?: QueueSort | undefined;
}

export function searchItems(
  db: Database,
  text: string,
  limit: number,
  offset: number,
  filter: SearchFilter = {},
): { items: SearchHit[]; hasMore: boolean; total: number } {
  const query = toItemQuery(text);
  if (!query) return { items: [], hasMore: false, total: 0 };
  const tags = Object.fromEntries(query.hashtags.map((tag, i) => [`tag${i}`, tag]));
  const where = ['items_fts MATCH @query', ...query.hashtags.map((_, i) => hashtagClause(i))];
  const params: Record<string, unknown> = { query: query.match, ...tags };
  for (const column of ['platform', 'kind', 'state'] as const) {
    const value = filter[column];
    if (value === undefined) continue;
    where.push(`i.${column} = @${column}`);
    params[column] = value;
  }
  const matching = `FROM items_fts f JOIN items i ON i.rowid = f.rowid WHERE ${where.join(' AND ')}`;
  // The chosen order first; among equal keys (same report count, same score), the best match.
  const chosen = filter.sort ? sortKey(filter.sort) : null;
  const order = `${chosen ? `${chosen.expr} ${chosen.direction}, ` : ''}bm25(items_fts, 2.0, 1.0)`;
  const rows = prepared(
    db,
    `SELECT ${SUMMARY_COLUMNS},
            snippet(items_fts, -1, @start, @end, '…', 12) AS snippet
     FROM items_fts f
     JOIN items i ON i.rowid = f.rowid
     ${SUMMARY_JOINS}
     WHERE ${where.join(' AND ')}
     ORDER BY ${order}, i.id
     LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: limit + 1, offset, start: MATCH_START, end: MATCH_END }) as (ItemSummaryRow & { snippet: string })[];
  // A first page that holds every match is its own count; otherwise count them.
  const total = offset === 0 && rows.length <= limit ? rows.length : (prepared(db, `SELECT COUNT(*) ${matching}`).pluck().get(params) as number);
  return {
    // Rows stored before connectors decoded HTML references: the snippet is cut from stored text.
    items: rows.slice(0, limit).map((row) => ({ ...toSummary(row), snippet: decodeEntities(row.snippet) })),
    hasMore: rows.length > limit,
    total,
  };
}
