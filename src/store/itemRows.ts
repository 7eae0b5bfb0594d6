// Row shapes read from the items table and their mapping to the contract's summaries. Text is
// decoded on the way out: rows stored before the connectors decoded HTML references still hold them.
import type { ItemKind, ItemState, PlatformName } from '../core/domain.ts';
import { decodeEntities, decodeNullable } from '../core/htmlEntities.ts';

export interface ItemSummaryRow {
  id: string;
  platform: PlatformName;
  remote_id: string;
  kind: ItemKind;
  community: string | null;
  author: string | null;
  title: string | null;
  body: string;
  created_at: string;
  state: ItemState;
  report_count: number;
  scores: string;
  copies: number;
}

/** Selects everything a queue row shows; callers append WHERE/ORDER. Alias of items is `i`. */
export const SUMMARY_COLUMNS = `
  i.id, i.platform, i.remote_id, i.kind, c.name AS community, a.name AS author, i.title, i.body,
  i.created_at, i.state,
  COALESCE((SELECT SUM(r.count) FROM reports r WHERE r.item_id = i.id), 0) AS report_count,
  COALESCE((SELECT json_group_object(s.model, s.score) FROM scores s WHERE s.item_id = i.id AND s.score IS NOT NULL), '{}') AS scores,
  CASE WHEN i.text_key IS NULL THEN 1 ELSE (SELECT COUNT(*) FROM items d WHERE d.text_key = i.text_key) END AS copies`;

export const SUMMARY_JOINS = `
  LEFT JOIN communities c ON c.id = i.community_id
  LEFT JOIN authors a ON a.id = i.author_id`;

export interface ItemSummary {
  id: string;
  platform: PlatformName;
  remoteId: string;
  kind: ItemKind;
  community: string | null;
  author: string | null;
  title: string | null;
  body: string;
  createdAt: string;
  state: ItemState;
  reportCount: number;
  scores: Record<string, number>;
  /** Items with the same normalized text (this one included): 1 when it is the only one. */
  copies: number;
}

export function toSummary(row: ItemSummaryRow): ItemSummary {
  return {
    id: row.id,
    platform: row.platform,
    remoteId: row.remote_id,
    kind: row.kind,
    community: row.community,
    author: row.author,
    title: decodeNullable(row.title),
    body: decodeEntities(row.body),
    createdAt: row.created_at,
    state: row.state,
    reportCount: row.report_count,
    scores: JSON.parse(row.scores) as Record<string, number>,
    copies: row.copies,
  };
}
