// The removal reasons and macros a moderator keeps (migration 0020). Saving or deleting one is
// audited in the same transaction, like every other change a person makes.
import type { Database } from 'better-sqlite3';
import type { RemovalTemplate } from '../core/removalTemplates.ts';
import type { Actor } from './accounts.ts';
import { appendAudit } from './audit.ts';
import { isoNow, type Clock } from './clock.ts';
import { newId } from './ids.ts';
import { prepared } from './statements.ts';

export type TemplateInput = Omit<RemovalTemplate, 'id' | 'position'> & { readonly id?: string | undefined };

const COLUMNS = `id, community_id AS communityId, title, rule, reason, message, note, ban_days AS banDays,
  remote_reason_id AS remoteReasonId, position`;

/** Templates offered for a community (its own first, then those for every community), or all when null. */
export function listTemplates(db: Database, communityId: string | null | undefined): RemovalTemplate[] {
  if (communityId === undefined) return prepared(db, `SELECT ${COLUMNS} FROM removal_templates ORDER BY position, id`).all() as RemovalTemplate[];
  return prepared(db, `SELECT ${COLUMNS} FROM removal_templates WHERE community_id = ? OR community_id IS NULL ORDER BY community_id IS NULL, position, id`).all(communityId) as RemovalTemplate[];
}

export function getTemplate(db: Database, id: string): RemovalTemplate | null {
  return (prepared(db, `SELECT ${COLUMNS} FROM removal_templates WHERE id = ?`).get(id) as RemovalTemplate | undefined) ?? null;
}

/** Inserts a new template at the end, or updates the one with `input.id`; null when that id is unknown. */
export function saveTemplate(db: Database, input: TemplateInput, who: Actor, clock: Clock): RemovalTemplate | null {
  return db.transaction(() => {
    const now = isoNow(clock);
    const fields = [input.communityId, input.title, input.rule, input.reason, input.message, input.note, input.banDays, input.remoteReasonId] as const;
    let id = input.id;
    if (id) {
      const changed = prepared(db, `UPDATE removal_templates SET community_id = ?, title = ?, rule = ?, reason = ?, message = ?, note = ?, ban_days = ?, remote_reason_id = ?, actor = ?, updated_at = ? WHERE id = ?`).run(...fields, who.actor, now, id).changes;
      if (changed === 0) return null;
    } else {
      id = newId();
      const position = (prepared(db, 'SELECT coalesce(max(position), 0) + 1 FROM removal_templates').pluck().get() as number) ?? 1;
      prepared(db, `INSERT INTO removal_templates (community_id, title, rule, reason, message, note, ban_days, remote_reason_id, id, position, actor, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...fields, id, position, who.actor, now, now);
    }
    appendAudit(db, { ...who, action: 'template.save', subject: id, details: { title: input.title } }, clock);
    return getTemplate(db, id);
  })();
}

export function deleteTemplate(db: Database, id: string, who: Actor, clock: Clock): boolean {
  return db.transaction(() => {
    const gone = prepared(db, 'DELETE FROM removal_templates WHERE id = ?').run(id).changes > 0;
    if (gone) appendAudit(db, { ...who, action: 'template.delete', subject: id, details: {} }, clock);
    return gone;
  })();
}

/** What a template's placeholders and scope need to know about one item. */
export interface TemplateItemRow {
  readonly itemId: string;
  readonly platform: string;
  readonly state: string;
  readonly communityId: string | null;
  readonly communityName: string | null;
  readonly authorId: string | null;
  readonly authorName: string | null;
  readonly url: string | null;
}

export function templateItem(db: Database, itemId: string): TemplateItemRow | null {
  const row = prepared(
    db,
    `SELECT i.id AS itemId, i.platform, i.state, i.community_id AS communityId, c.name AS communityName,
       i.author_id AS authorId, a.name AS authorName, i.url
     FROM items i LEFT JOIN communities c ON c.id = i.community_id LEFT JOIN authors a ON a.id = i.author_id WHERE i.id = ?`,
  ).get(itemId) as TemplateItemRow | undefined;
  return row ?? null;
}

/** Open items by the same author as `itemId` (that item first), across every community of its platform. */
export function openItemsByAuthorOf(db: Database, itemId: string): string[] {
  const author = prepared(db, 'SELECT author_id FROM items WHERE id = ?').pluck().get(itemId) as string | null | undefined;
  if (author === undefined) return [];
  if (author === null) return [itemId];
  const others = prepared(db, "SELECT id FROM items WHERE author_id = ? AND state = 'open' AND id <> ? ORDER BY created_at, id").pluck().all(author, itemId) as string[];
  return [itemId, ...others];
}

/** A short line that names an item for a person ("ana: Great serum, link in bio"), or null when unknown. */
export function itemLabel(db: Database, itemId: string): string | null {
  const row = prepared(db, 'SELECT a.name AS author, coalesce(i.title, i.body) AS text FROM items i LEFT JOIN authors a ON a.id = i.author_id WHERE i.id = ?').get(itemId) as { author: string | null; text: string } | undefined;
  if (!row) return null;
  const text = row.text.replace(/\s+/g, ' ').trim();
  return `${row.author ?? 'unknown author'}: ${text.length > 60 ? `${text.slice(0, 59)}…` : text}`;
}

export function communityList(db: Database): { id: string; platform: string; name: string }[] {
  return prepared(db, 'SELECT id, platform, name FROM communities ORDER BY platform, name, id').all() as { id: string; platform: string; name: string }[];
}
