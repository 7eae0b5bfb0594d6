// The thread parent of a comment, from the stored items: connectors keep the parent's remote id
// (Reddit's t3_/t1_ fullname, a YouTube top-level comment, an Instagram comment a reply answers),
// and the parent is an item of the same platform when it was synced too.
import type { Database } from 'better-sqlite3';
import type { PlatformName } from '../core/domain.ts';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, toSummary, type ItemSummary, type ItemSummaryRow } from './itemRows.ts';
import { prepared } from './statements.ts';

export interface ItemParent {
  /** Null for a post, or a comment whose platform names no parent (a top-level comment). */
  readonly parentRemoteId: string | null;
  /** The parent as stored, or null when it was never synced. */
  readonly parent: (ItemSummary & { readonly url: string | null }) | null;
  /** The item's own address on the platform: its thread shows the parent when it is not synced. */
  readonly itemUrl: string | null;
}

export function itemParent(db: Database, itemId: string): ItemParent | null {
  const item = prepared(db, 'SELECT platform, parent_remote_id, url FROM items WHERE id = ?').get(itemId) as
    | { platform: PlatformName; parent_remote_id: string | null; url: string | null }
    | undefined;
  if (!item) return null;
  if (item.parent_remote_id === null) return { parentRemoteId: null, parent: null, itemUrl: item.url };
  const row = prepared(db, `SELECT ${SUMMARY_COLUMNS}, i.url FROM items i ${SUMMARY_JOINS} WHERE i.platform = ? AND i.remote_id = ?`).get(
    item.platform,
    item.parent_remote_id,
  ) as (ItemSummaryRow & { url: string | null }) | undefined;
  return { parentRemoteId: item.parent_remote_id, parent: row ? { ...toSummary(row), url: row.url } : null, itemUrl: item.url };
}
