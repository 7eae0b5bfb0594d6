// Reading the audit log for people: every decision, note, account change and import, newest
// first, filtered by moderator, action, community, date and free text, one page at a time (the log
// grows without bound). Entries about an item carry its platform and community, joined here.
import type { Database } from 'better-sqlite3';
import { prepared } from './statements.ts';

export interface AuditLogFilter {
  readonly actor?: string | undefined;
  /** An exact action ("decision.remove") or a family ("decision" matches every decision.*). */
  readonly action?: string | undefined;
  readonly community?: string | undefined;
  /** Inclusive ISO dates or instants; a bare date `to` covers that whole day. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly text?: string | undefined;
}

export interface AuditLogEntry {
  readonly seq: number;
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly deviceId: string;
  readonly action: string;
  readonly subject: string | null;
  readonly platform: string | null;
  readonly community: string | null;
  readonly details: Record<string, unknown>;
}

interface Row {
  seq: number;
  id: string;
  at: string;
  actor: string;
  device_id: string;
  action: string;
  subject: string | null;
  platform: string | null;
  community: string | null;
  details: string;
}

const FROM = `FROM audit_log a LEFT JOIN items i ON i.id = a.subject LEFT JOIN communities c ON c.id = i.community_id`;

function whereOf(filter: AuditLogFilter): { sql: string[]; params: Record<string, string> } {
  const sql: string[] = [];
  const params: Record<string, string> = {};
  if (filter.actor) {
    sql.push('a.actor = @actor');
    params.actor = filter.actor;
  }
  if (filter.action) {
    sql.push(`(a.action = @action OR a.action LIKE @actionFamily ESCAPE '\\')`);
    params.action = filter.action;
    params.actionFamily = `${escapeLike(filter.action)}.%`;
  }
  if (filter.community) {
    sql.push('c.name = @community');
    params.community = filter.community;
  }
  if (filter.from) {
    sql.push('a.at >= @from');
    params.from = filter.from;
  }
  if (filter.to) {
    // "to 2026-12-04" means through the end of that day; a full instant is taken as given.
    sql.push(/^\d{4}-\d{2}-\d{2}$/.test(filter.to) ? 'substr(a.at, 1, 10) <= @to' : 'a.at <= @to');
    params.to = filter.to;
  }
  if (filter.text?.trim()) {
    sql.push(`(a.action LIKE @text ESCAPE '\\' OR a.actor LIKE @text ESCAPE '\\' OR a.subject LIKE @text ESCAPE '\\' OR a.details LIKE @text ESCAPE '\\' OR c.name LIKE @text ESCAPE '\\')`);
    params.text = `%${escapeLike(filter.text.trim())}%`;
  }
  return { sql, params };
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const toEntry = (r: Row): AuditLogEntry => ({
  seq: r.seq,
  id: r.id,
  at: r.at,
  actor: r.actor,
  deviceId: r.device_id,
  action: r.action,
  subject: r.subject,
  platform: r.platform,
  community: r.community,
  details: JSON.parse(r.details) as Record<string, unknown>,
});

/** One page, newest first; `beforeSeq` is the cursor (the last seq of the previous page). */
export function queryAuditLog(db: Database, filter: AuditLogFilter, limit: number, beforeSeq: number | null): { entries: AuditLogEntry[]; nextBeforeSeq: number | null; total: number } {
  const { sql, params } = whereOf(filter);
  const where = (extra: string[]) => (extra.length ? `WHERE ${extra.join(' AND ')}` : '');
  // The join to items is only needed to count by community or text; a plain count stays on the log's own indexes.
  const countFrom = filter.community || filter.text?.trim() ? FROM : 'FROM audit_log a';
  const total = prepared(db, `SELECT COUNT(*) ${countFrom} ${where(sql)}`).pluck().get(params) as number;
  const pageSql = beforeSeq === null ? sql : [...sql, 'a.seq < @beforeSeq'];
  const rows = prepared(
    db,
    `SELECT a.seq, a.id, a.at, a.actor, a.device_id, a.action, a.subject, a.details, i.platform AS platform, c.name AS community
     ${FROM} ${where(pageSql)} ORDER BY a.seq DESC LIMIT @limit`,
  ).all({ ...params, ...(beforeSeq === null ? {} : { beforeSeq }), limit: limit + 1 }) as Row[];
  const page = rows.slice(0, limit).map(toEntry);
  return { entries: page, nextBeforeSeq: rows.length > limit ? (page.at(-1)?.seq ?? null) : null, total };
}

/** Every entry the filter matches, oldest first, streamed for export. */
export function* iterateAuditLog(db: Database, filter: AuditLogFilter): Generator<AuditLogEntry> {
  const { sql, params } = whereOf(filter);
  const rows = prepared(
    db,
    `SELECT a.seq, a.id, a.at, a.actor, a.device_id, a.action, a.subject, a.details, i.platform AS platform, c.name AS community
     ${FROM} ${sql.length ? `WHERE ${sql.join(' AND ')}` : ''} ORDER BY a.seq`,
  ).iterate(params) as IterableIterator<Row>;
  for (const row of rows) yield toEntry(row);
}

/** The moderators, action families and communities that occur, for the filter pickers. */
export function auditLogFacets(db: Database): { actors: string[]; actions: string[]; communities: string[] } {
  return {
    actors: prepared(db, 'SELECT DISTINCT actor FROM audit_log ORDER BY actor').pluck().all() as string[],
    actions: prepared(db, 'SELECT DISTINCT action FROM audit_log ORDER BY action').pluck().all() as string[],
    communities: prepared(db, `SELECT DISTINCT c.name ${FROM} WHERE c.name IS NOT NULL ORDER BY c.name`).pluck().all() as string[],
  };
}
