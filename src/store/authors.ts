// One person as the workspace knows them: an author row per (platform, remote id), joined to
// others only by a moderator's explicit link (never by a matching name; a link can be undone), with every item they
// posted in any community, what was decided on those items and how often they were reported.
import type { Database } from 'better-sqlite3';
import type { ModerationAction, PlatformName } from '../core/domain.ts';
import type { Actor } from './accounts.ts';
import { appendAudit } from './audit.ts';
import { isoNow, type Clock } from './clock.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, toSummary, type ItemSummary, type ItemSummaryRow } from './itemRows.ts';
import { prepared } from './statements.ts';

export class AuthorError extends Error {
  constructor(
    readonly code: 'not_found' | 'invalid_input',
    message: string,
  ) {
    super(message);
    this.name = 'AuthorError';
  }
}

export interface Author {
  readonly id: string;
  readonly platform: PlatformName;
  readonly remoteId: string;
  readonly name: string;
}

export interface AuthorProfile {
  readonly author: Author;
  /** The same person's accounts elsewhere, linked by a moderator. */
  readonly linked: Author[];
  readonly itemCount: number;
  readonly reportedItems: number;
  readonly reportCount: number;
  /** Decisions on this person's items, per action, across all their linked accounts. */
  readonly decisions: Partial<Record<ModerationAction, number>>;
}

export interface AuthorItem extends ItemSummary {
  readonly authorId: string;
  readonly lastDecision: { readonly action: ModerationAction; readonly actor: string; readonly createdAt: string } | null;
}

// Every author reachable from ? through links (links are stored both ways), the author included.
const GROUP = `WITH RECURSIVE grp(id) AS (SELECT ? UNION SELECT l.linked_id FROM author_links l JOIN grp ON l.author_id = grp.id)`;

export function getAuthorRow(db: Database, id: string): Author | null {
  return (prepared(db, 'SELECT id, platform, remote_id AS remoteId, name FROM authors WHERE id = ?').get(id) as Author | undefined) ?? null;
}

export function authorIdOfItem(db: Database, itemId: string): string | null {
  const row = prepared(db, 'SELECT author_id FROM items WHERE id = ?').get(itemId) as { author_id: string | null } | undefined;
  if (!row) throw new AuthorError('not_found', `There is no item with id ${itemId}.`);
  return row.author_id;
}

export function authorGroup(db: Database, id: string): string[] {
  return prepared(db, `${GROUP} SELECT id FROM grp`).pluck().all(id) as string[];
}

export function authorProfile(db: Database, id: string): AuthorProfile {
  const author = getAuthorRow(db, id);
  if (!author) throw new AuthorError('not_found', `There is no author with id ${id}.`);
  const linked = prepared(db, `${GROUP} SELECT a.id, a.platform, a.remote_id AS remoteId, a.name FROM authors a JOIN grp ON grp.id = a.id WHERE a.id <> ? ORDER BY a.platform, a.name`).all(
    id,
    id,
  ) as Author[];
  const counts = prepared(
    db,
    `${GROUP} SELECT COUNT(*) AS items,
       COALESCE(SUM(EXISTS (SELECT 1 FROM reports r WHERE r.item_id = i.id)), 0) AS reported,
       COALESCE(SUM((SELECT SUM(r.count) FROM reports r WHERE r.item_id = i.id)), 0) AS reports
     FROM items i WHERE i.author_id IN (SELECT id FROM grp)`,
  ).get(id) as { items: number; reported: number; reports: number };
  const perAction = prepared(
    db,
    `${GROUP} SELECT d.action, COUNT(*) AS n FROM decisions d JOIN items i ON i.id = d.item_id
     WHERE i.author_id IN (SELECT id FROM grp) GROUP BY d.action`,
  ).all(id) as { action: ModerationAction; n: number }[];
  return {
    author,
    linked,
    itemCount: counts.items,
    reportedItems: counts.reported,
    reportCount: counts.reports,
    decisions: Object.fromEntries(perAction.map((r) => [r.action, r.n])),
  };
}

/** One page of the person's items, newest first, across every platform they are linked on. No cap: page on. */
export function authorItems(db: Database, id: string, page: { limit: number; cursor: string | null }): { items: AuthorItem[]; nextCursor: string | null } {
  if (!getAuthorRow(db, id)) throw new AuthorError('not_found', `There is no author with id ${id}.`);
  const after = page.cursor === null ? null : decodeCursor(page.cursor);
  const rows = prepared(
    db,
    `${GROUP} SELECT ${SUMMARY_COLUMNS}, i.author_id AS author_id,
       (SELECT json_object('action', d.action, 'actor', d.actor, 'createdAt', d.created_at) FROM decisions d
        WHERE d.item_id = i.id ORDER BY d.created_at DESC, d.id DESC LIMIT 1) AS last_decision
     FROM items i ${SUMMARY_JOINS}
     WHERE i.author_id IN (SELECT id FROM grp) AND (? IS NULL OR (i.created_at, i.id) < (?, ?))
     ORDER BY i.created_at DESC, i.id DESC LIMIT ?`,
  ).all(id, after ? 1 : null, after?.key ?? null, after?.id ?? null, page.limit + 1) as (ItemSummaryRow & { author_id: string; last_decision: string | null })[];
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    items: shown.map((row) => ({
      ...toSummary(row),
      authorId: row.author_id,
      lastDecision: row.last_decision === null ? null : (JSON.parse(row.last_decision) as AuthorItem['lastDecision']),
    })),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ key: last.created_at, id: last.id }) : null,
  };
}

/** Authors on `platform` with exactly this name (case-insensitive), for a moderator to pick one to link. */
export function findAuthors(db: Database, platform: PlatformName, name: string, limit: number): Author[] {
  return prepared(db, 'SELECT id, platform, remote_id AS remoteId, name FROM authors WHERE platform = ? AND name = ? COLLATE NOCASE ORDER BY name, remote_id LIMIT ?').all(
    platform,
    name.trim(),
    limit,
  ) as Author[];
}

/** A moderator says two accounts are one person (on another platform, say). Audited. */
export function linkAuthors(db: Database, id: string, otherId: string, who: Actor, clock: Clock): AuthorProfile {
  if (id === otherId) throw new AuthorError('invalid_input', 'An author cannot be linked to themselves.');
  for (const each of [id, otherId]) if (!getAuthorRow(db, each)) throw new AuthorError('not_found', `There is no author with id ${each}.`);
  db.transaction(() => {
    const now = isoNow(clock);
    const insert = prepared(db, 'INSERT OR IGNORE INTO author_links (author_id, linked_id, actor, created_at) VALUES (?, ?, ?, ?)');
    insert.run(id, otherId, who.actor, now);
    insert.run(otherId, id, who.actor, now);
    appendAudit(db, { ...who, action: 'author.link', subject: id, details: { linkedId: otherId } }, clock);
  })();
  return authorProfile(db, id);
}

/**
 * Undoes a moderator's link: the two accounts are two people again. Only a direct link can be
 * undone; an account reached through another one names that one. Audited like the link.
 */
export function unlinkAuthors(db: Database, id: string, otherId: string, who: Actor, clock: Clock): AuthorProfile {
  for (const each of [id, otherId]) if (!getAuthorRow(db, each)) throw new AuthorError('not_found', `There is no author with id ${each}.`);
  db.transaction(() => {
    const removed = prepared(db, 'DELETE FROM author_links WHERE (author_id = ? AND linked_id = ?) OR (author_id = ? AND linked_id = ?)').run(id, otherId, otherId, id).changes;
    if (removed === 0) {
      const other = getAuthorRow(db, otherId);
      // Reached through another account: name the one the other account is linked to directly.
      const via = prepared(
        db,
        `${GROUP} SELECT a.name, a.platform FROM author_links l JOIN authors a ON a.id = l.linked_id
         WHERE l.author_id = ? AND l.linked_id IN (SELECT id FROM grp) ORDER BY a.platform, a.name LIMIT 1`,
      ).get(id, otherId) as { name: string; platform: string } | undefined;
      const tail = via ? `; they are linked through ${via.name} on ${via.platform}: unlink that account instead` : '';
      throw new AuthorError('invalid_input', `${other?.name ?? otherId} on ${other?.platform ?? 'that platform'} is not linked to this author${tail}.`);
    }
    appendAudit(db, { ...who, action: 'author.unlink', subject: id, details: { linkedId: otherId } }, clock);
  })();
  return authorProfile(db, id);
}
