// The remote side of an item: the state and version last pulled from its platform, and the
// target details a write needs (community, author, account). Kept beside `items` rather than in
// it so the local state a person sets and the remote state a pull sees never overwrite each other.
import type { Database } from 'better-sqlite3';
import type { ItemKind, ItemState, PlatformName } from '../core/domain.ts';
import { isoNow, type Clock } from './clock.ts';
import { prepared } from './statements.ts';

export function setItemRemote(db: Database, itemId: string, remote: { state: string; version: string | null }, clock: Clock): void {
  prepared(
    db,
    `INSERT INTO item_remote (item_id, remote_state, version, pulled_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (item_id) DO UPDATE SET remote_state = excluded.remote_state, version = excluded.version, pulled_at = excluded.pulled_at`,
  ).run(itemId, remote.state, remote.version, isoNow(clock));
}

export interface ItemTargetRow {
  readonly itemId: string;
  readonly platform: PlatformName;
  readonly remoteId: string;
  readonly kind: ItemKind;
  readonly state: ItemState;
  readonly accountId: string | null;
  readonly communityRemoteId: string | null;
  readonly communityName: string | null;
  readonly authorRemoteId: string | null;
  readonly authorName: string | null;
  readonly remoteState: string | null;
  readonly version: string | null;
}

/** Everything needed to address a write at the item, or null when there is no such item. */
export function itemTarget(db: Database, itemId: string): ItemTargetRow | null {
  const row = prepared(
    db,
    `SELECT i.id AS itemId, i.platform, i.remote_id AS remoteId, i.kind, i.state, i.account_id AS accountId,
            c.remote_id AS communityRemoteId, c.name AS communityName, a.remote_id AS authorRemoteId, a.name AS authorName,
            r.remote_state AS remoteState, r.version
     FROM items i
     LEFT JOIN communities c ON c.id = i.community_id
     LEFT JOIN authors a ON a.id = i.author_id
     LEFT JOIN item_remote r ON r.item_id = i.id
     WHERE i.id = ?`,
  ).get(itemId) as ItemTargetRow | undefined;
  return row ?? null;
}

export function itemIdByRemote(db: Database, platform: PlatformName, remoteId: string): string | null {
  const id = prepared(db, 'SELECT id FROM items WHERE platform = ? AND remote_id = ?').pluck().get(platform, remoteId) as string | undefined;
  return id ?? null;
}

/** Sets the local state from a remote verdict (reconciliation, accepting the remote side of a conflict). */
export function setItemState(db: Database, itemId: string, state: ItemState, clock: Clock): void {
  prepared(db, 'UPDATE items SET state = ?, updated_at = ? WHERE id = ?').run(state, isoNow(clock), itemId);
}

export function countItemsByPlatform(db: Database): Record<string, number> {
  const rows = prepared(db, 'SELECT platform, COUNT(*) AS n FROM items GROUP BY platform ORDER BY platform').all() as { platform: string; n: number }[];
  return Object.fromEntries(rows.map((row) => [row.platform, row.n]));
}

/**
 * Items of an account still open locally and not in `seen` (the remote ids a complete walk of its
 * queues returned), oldest check first: they left every queue on the platform, so someone settled
 * them there. Items with an unsettled local decision are left out (the outbox owns them).
 */
export function openItemsNotSeen(db: Database, accountId: string, seen: ReadonlySet<string>, limit: number): string[] {
  const rows = prepared(
    db,
    `SELECT i.id, i.remote_id AS remoteId FROM items i
     LEFT JOIN item_remote r ON r.item_id = i.id
     WHERE i.account_id = ? AND i.state = 'open'
       AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.item_id = i.id AND o.state IN ('pending', 'sending', 'conflict'))
     ORDER BY r.pulled_at, i.id`,
  ).all(accountId) as { id: string; remoteId: string }[];
  const out: string[] = [];
  for (const row of rows) {
    if (out.length >= limit) break;
    if (!seen.has(row.remoteId)) out.push(row.id);
  }
  return out;
}
