// The items aggregate: upsert by (platform, remote_id) with authors, communities and reports,
// keyset-paginated queue listings, and the full record of one item.
import type { Database } from 'better-sqlite3';
import type { ItemKind, ItemState, PlatformName } from '../core/domain.ts';
import { scoreModelOf, type QueueSort } from '../core/queueSort.ts';
import { textKey } from '../core/textKey.ts';
import { nearTextKey } from '../core/nearText.ts';
import { isoNow, type Clock } from './clock.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { newId } from './ids.ts';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, toSummary, type ItemSummary, type ItemSummaryRow } from './itemRows.ts';
import { prepared } from './statements.ts';

export interface NamedRemote {
  readonly remoteId: string;
  readonly name: string;
}

export interface ItemReportInput {
  readonly source: 'user' | 'moderator' | 'automatic';
  readonly reason: string;
  readonly count: number;
}

export interface ItemInput {
  readonly platform: PlatformName;
  readonly remoteId: string;
  readonly kind: ItemKind;
  readonly accountId?: string | null;
  readonly community?: NamedRemote | null;
  readonly author?: NamedRemote | null;
  readonly parentRemoteId?: string | null;
  readonly title?: string | null;
  readonly body: string;
  readonly url?: string | null;
  readonly createdAt: string;
  readonly state?: ItemState;
  readonly raw: unknown;
  /** When given, replaces the item's reports (the platform's current view). */
  readonly reports?: readonly ItemReportInput[];
  /**
   * With `state: 'open'`: keep a state a person decided instead of reopening the item. A pull sets
   * it because an open remote state only says nobody acted there (Instagram shows an approved
   * comment exactly as it shows an untouched one).
   */
  readonly keepDecided?: boolean;
}

export interface UpsertOutcome {
  readonly inserted: number;
  readonly updated: number;
}

function upsertNamed(db: Database, table: 'authors' | 'communities', platform: string, named: NamedRemote): string {
  const row = prepared(
    db,
    `INSERT INTO ${table} (id, platform, remote_id, name) VALUES (?, ?, ?, ?)
     ON CONFLICT (platform, remote_id) DO UPDATE SET name = excluded.name
     RETURNING id`,
  ).get(newId(), platform, named.remoteId, named.name) as { id: string };
  return row.id;
}

/** Inserts or refreshes items in one transaction; local state survives a refresh unless given. */
export function upsertItems(db: Database, items: readonly ItemInput[], clock: Clock): UpsertOutcome {
  const now = isoNow(clock);
  let inserted = 0;
  // Authors and communities repeat within a batch (one video, one subreddit): upsert each once.
  const namedIds = new Map<string, string>();
  const named = (table: 'authors' | 'communities', platform: string, ref: NamedRemote | null | undefined): string | null => {
    if (!ref) return null;
    const key = `${table}\u0000${platform}\u0000${ref.remoteId}\u0000${ref.name}`;
    let id = namedIds.get(key);
    if (id === undefined) {
      id = upsertNamed(db, table, platform, ref);
      namedIds.set(key, id);
    }
    return id;
  };
  db.transaction(() => {
    for (const item of items) {
      const values = {
        id: newId(),
        platform: item.platform,
        remoteId: item.remoteId,
        kind: item.kind,
        accountId: item.accountId ?? null,
        communityId: named('communities', item.platform, item.community),
        authorId: named('authors', item.platform, item.author),
        parentRemoteId: item.parentRemoteId ?? null,
        title: item.title ?? null,
        body: item.body,
        url: item.url ?? null,
        createdAt: item.createdAt,
        now,
        state: item.state ?? 'open',
        stateGiven: item.state ? 1 : 0,
        raw: JSON.stringify(item.raw ?? null),
        textKey: textKey(item.title ?? null, item.body),
        nearKey: nearTextKey(item.title ?? null, item.body),
        keepDecided: item.keepDecided === true ? 1 : 0,
      };
      // New items are the common case in a sync: try the insert first, update only on conflict.
      const fresh = prepared(
        db,
        `INSERT INTO items (id, platform, remote_id, kind, account_id, community_id, author_id, parent_remote_id,
                            title, body, url, created_at, fetched_at, updated_at, state, raw, text_key, near_key)
         VALUES (@id, @platform, @remoteId, @kind, @accountId, @communityId, @authorId, @parentRemoteId,
                 @title, @body, @url, @createdAt, @now, @now, @state, @raw, @textKey, @nearKey)
         ON CONFLICT (platform, remote_id) DO NOTHING`,
      ).run(values);
      let itemId = values.id;
      if (fresh.changes === 1) {
        inserted += 1;
        indexText(db, fresh.lastInsertRowid, values.title, values.body);
      } else {
        const old = prepared(db, 'SELECT rowid, id, title, body FROM items WHERE platform = ? AND remote_id = ?').get(item.platform, item.remoteId) as {
          rowid: number;
          id: string;
          title: string | null;
          body: string;
        };
        itemId = old.id;
        prepared(
          db,
          `UPDATE items SET kind = @kind, account_id = COALESCE(@accountId, account_id),
             community_id = COALESCE(@communityId, community_id), author_id = COALESCE(@authorId, author_id),
             parent_remote_id = @parentRemoteId, title = @title, body = @body, url = @url,
             created_at = @createdAt, fetched_at = @now, updated_at = @now, raw = @raw, text_key = @textKey, near_key = @nearKey,
             state = CASE WHEN @stateGiven AND NOT (@keepDecided AND @state = 'open' AND state <> 'open') THEN @state ELSE state END
           WHERE id = @existingId`,
        ).run({ ...values, existingId: old.id });
        if (old.title !== values.title || old.body !== values.body) {
          unindexText(db, old.rowid, old.title, old.body);
          indexText(db, old.rowid, values.title, values.body);
        }
      }
      if (item.reports) replaceReports(db, itemId, item.reports);
    }
  })();
  return { inserted, updated: items.length - inserted };
}

// The search index (FTS5, external content) is written here rather than by triggers: see
// migrations/0005-search-writes.ts for why.
function indexText(db: Database, rowid: number | bigint, title: string | null, body: string): void {
  prepared(db, 'INSERT INTO items_fts (rowid, title, body) VALUES (?, ?, ?)').run(rowid, title, body);
}

function unindexText(db: Database, rowid: number | bigint, title: string | null, body: string): void {
  prepared(db, "INSERT INTO items_fts (items_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)").run(rowid, title, body);
}

function replaceReports(db: Database, itemId: string, reports: readonly ItemReportInput[]): void {
  prepared(db, 'DELETE FROM reports WHERE item_id = ?').run(itemId);
  const insert = prepared(
    db,
    `INSERT INTO reports (item_id, source, reason, count) VALUES (?, ?, ?, ?)
     ON CONFLICT (item_id, source, reason) DO UPDATE SET count = count + excluded.count`,
  );
  for (const report of reports) insert.run(itemId, report.source, report.reason, report.count);
}

export interface ListFilter {
  readonly platform?: PlatformName | undefined;
  readonly kind?: ItemKind | undefined;
  readonly state?: ItemState | undefined;
  readonly sort: QueueSort;
  readonly limit: number;
  readonly cursor: string | null;
}

export interface ItemPage {
  readonly items: ItemSummary[];
  readonly nextCursor: string | null;
  readonly total: number;
}

/** The key each ordering sorts by (descending unless `oldest`), with the id as tie-breaker. */
export function sortKey(sort: QueueSort): { expr: string; direction: 'ASC' | 'DESC' } {
  const model = scoreModelOf(sort);
  if (model) {
    return {
      expr: `COALESCE((SELECT s.score FROM scores s WHERE s.item_id = i.id AND s.model = '${model}'), -1)`,
      direction: 'DESC',
    };
  }
  if (sort === 'most_reported') {
    return { expr: 'COALESCE((SELECT SUM(r.count) FROM reports r WHERE r.item_id = i.id), 0)', direction: 'DESC' };
  }
  return { expr: 'i.created_at', direction: sort === 'oldest' ? 'ASC' : 'DESC' };
}

/** One page of the queue. Keyset pagination: stable when rows are added or leave mid-walk. */
export function listItems(db: Database, filter: ListFilter): ItemPage {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.platform) {
    where.push('i.platform = @platform');
    params.platform = filter.platform;
  }
  if (filter.kind) {
    where.push('i.kind = @kind');
    params.kind = filter.kind;
  }
  if (filter.state) {
    where.push('i.state = @state');
    params.state = filter.state;
  }
  const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = prepared(db, `SELECT COUNT(*) FROM items i ${filtered}`).pluck().get(params) as number;

  const { expr, direction } = sortKey(filter.sort);
  const cmp = direction === 'DESC' ? '<' : '>';
  const after = filter.cursor ? decodeCursor(filter.cursor) : null;
  const pageWhere = [...where];
  if (after) {
    pageWhere.push(`(${expr} ${cmp} @afterKey OR (${expr} = @afterKey AND i.id ${cmp} @afterId))`);
    params.afterKey = after.key;
    params.afterId = after.id;
  }
  const rows = prepared(
    db,
    `SELECT ${SUMMARY_COLUMNS}, ${expr} AS sort_key
     FROM items i ${SUMMARY_JOINS}
     ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
     ORDER BY sort_key ${direction}, i.id ${direction}
     LIMIT @limit`,
  ).all({ ...params, limit: filter.limit + 1 }) as (ItemSummaryRow & { sort_key: string | number })[];

  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > filter.limit && last ? encodeCursor({ key: last.sort_key, id: last.id }) : null;
  return { items: page.map(toSummary), nextCursor, total };
}

export function countItems(db: Database): number {
  return prepared(db, 'SELECT COUNT(*) FROM items').pluck().get() as number;
}
