// Everything known about one item: the queue summary plus reports, scores with evidence,
// the decisions taken on it, moderators' notes, and the raw platform payload.
import type { Database } from 'better-sqlite3';
import type { ModerationAction } from '../core/domain.ts';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, toSummary, type ItemSummary, type ItemSummaryRow } from './itemRows.ts';
import { notesForItem, type Note } from './notes.ts';
import { scoresForItem, type StoredScore } from './scores.ts';
import { prepared } from './statements.ts';

export interface ItemDetail extends ItemSummary {
  url: string | null;
  parentRemoteId: string | null;
  fetchedAt: string;
  reports: { reason: string; count: number; source: string }[];
  scoreDetails: (Omit<StoredScore, 'itemId'>)[];
  decisions: { id: string; action: ModerationAction; reason: string | null; actor: string; createdAt: string }[];
  notes: Note[];
  raw: unknown;
}

export function getItem(db: Database, id: string): ItemDetail | null {
  const row = prepared(
    db,
    `SELECT ${SUMMARY_COLUMNS}, i.url, i.parent_remote_id, i.fetched_at, i.raw
     FROM items i ${SUMMARY_JOINS} WHERE i.id = ?`,
  ).get(id) as (ItemSummaryRow & { url: string | null; parent_remote_id: string | null; fetched_at: string; raw: string }) | undefined;
  if (!row) return null;
  const reports = prepared(db, 'SELECT reason, count, source FROM reports WHERE item_id = ? ORDER BY count DESC, reason').all(
    id,
  ) as ItemDetail['reports'];
  const decisions = prepared(
    db,
    'SELECT id, action, reason, actor, created_at AS createdAt FROM decisions WHERE item_id = ? ORDER BY created_at, id',
  ).all(id) as ItemDetail['decisions'];
  return {
    ...toSummary(row),
    url: row.url,
    parentRemoteId: row.parent_remote_id,
    fetchedAt: row.fetched_at,
    reports,
    scoreDetails: scoresForItem(db, id).map(({ itemId: _itemId, ...score }) => score),
    decisions,
    notes: notesForItem(db, id),
    raw: JSON.parse(row.raw) as unknown,
  };
}
