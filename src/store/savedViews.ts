// Saved views: a moderator's named filters and order for the queue ("Reddit reports, most
// reported first"), kept per moderator profile, each with a live count and its queue age (how long
// the oldest open item in it has waited). Stored in settings: a handful of small records.
import type { Database } from 'better-sqlite3';
import type { ItemState, PlatformName } from '../core/domain.ts';
import type { QueueSort } from '../core/queueSort.ts';
import type { Actor } from './accounts.ts';
import { appendAudit } from './audit.ts';
import { isoNow, type Clock } from './clock.ts';
import { newId } from './ids.ts';
import { toItemQuery } from './search.ts';
import { getSetting, setSetting } from './settings.ts';
import { prepared } from './statements.ts';

export interface ViewFilter {
  readonly query: string;
  readonly platform?: PlatformName | undefined;
  readonly state?: ItemState | undefined;
  readonly sort: QueueSort;
}

export interface SavedView {
  readonly id: string;
  /** The moderator profile it belongs to; null: made before any profile existed. */
  readonly profileId: string | null;
  readonly name: string;
  readonly filter: ViewFilter;
  readonly createdAt: string;
}

export interface ViewCount {
  readonly count: number;
  /** created_at of the oldest open item in the view, null when none is open. */
  readonly oldestOpenAt: string | null;
}

const KEY = 'saved_views';

export class SavedViewError extends Error {}

const allViews = (db: Database): SavedView[] => getSetting<SavedView[]>(db, KEY) ?? [];

export function listViews(db: Database, profileId: string | null): SavedView[] {
  // Views saved before any profile existed belong to no one in particular: everyone sees them.
  return allViews(db).filter((v) => v.profileId === profileId || v.profileId === null);
}

export function saveView(db: Database, profileId: string | null, name: string, filter: ViewFilter, who: Actor, clock: Clock): SavedView {
  return db.transaction(() => {
    const views = allViews(db);
    const trimmed = name.trim();
    // The same name again replaces that view's filter: "save" twice keeps one view.
    const existing = views.find((v) => v.profileId === profileId && v.name.toLowerCase() === trimmed.toLowerCase());
    const view: SavedView = { id: existing?.id ?? newId(), profileId, name: trimmed, filter, createdAt: existing?.createdAt ?? isoNow(clock) };
    setSetting(db, KEY, existing ? views.map((v) => (v.id === view.id ? view : v)) : [...views, view]);
    appendAudit(db, { ...who, action: 'view.save', subject: view.id, details: { name: view.name, filter } }, clock);
    return view;
  })();
}

export function deleteView(db: Database, id: string, who: Actor, clock: Clock): void {
  db.transaction(() => {
    const views = allViews(db);
    if (!views.some((v) => v.id === id)) throw new SavedViewError(`There is no saved view ${id}.`);
    setSetting(db, KEY, views.filter((v) => v.id !== id));
    appendAudit(db, { ...who, action: 'view.delete', subject: id }, clock);
  })();
}

/** How many items the filter shows and how old its oldest open item is — as the queue would list them. */
export function countView(db: Database, filter: ViewFilter): ViewCount {
  if (filter.query.trim()) {
    // A search view is counted as items.search lists it (text under the platform and state filters, like the queue's search box).
    const query = toItemQuery(filter.query);
    if (!query) return { count: 0, oldestOpenAt: null };
    const tags = Object.fromEntries(query.hashtags.map((tag, i) => [`tag${i}`, tag]));
    const tagSql = query.hashtags.map((_, i) => ` AND (lower(COALESCE(i.title, '') || ' ' || i.body || ' ') GLOB '*#' || @tag${i} || '[^a-z0-9_]*')`).join('');
    const filterSql = `${filter.platform ? ' AND i.platform = @platform' : ''}${filter.state ? ' AND i.state = @state' : ''}`;
    const row = prepared(
      db,
      `SELECT COUNT(*) AS count, MIN(CASE WHEN i.state = 'open' THEN i.created_at END) AS oldest
       FROM items_fts f JOIN items i ON i.rowid = f.rowid WHERE items_fts MATCH @query${tagSql}${filterSql}`,
    ).get({ query: query.match, ...tags, ...(filter.platform ? { platform: filter.platform } : {}), ...(filter.state ? { state: filter.state } : {}) }) as { count: number; oldest: string | null };
    return { count: row.count, oldestOpenAt: row.oldest };
  }
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (filter.platform) {
    where.push('platform = @platform');
    params.platform = filter.platform;
  }
  if (filter.state) {
    where.push('state = @state');
    params.state = filter.state;
  }
  // Two queries, not one MIN(CASE …): each then reads an index (a million items: under a
  // millisecond for the oldest, an index count for the total) instead of scanning the table.
  const count = prepared(db, `SELECT COUNT(*) FROM items ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).pluck().get(params) as number;
  if (filter.state && filter.state !== 'open') return { count, oldestOpenAt: null };
  const oldest = prepared(db, `SELECT MIN(created_at) FROM items WHERE state = 'open'${filter.platform ? ' AND platform = @platform' : ''}`)
    .pluck()
    .get(filter.platform ? { platform: filter.platform } : {}) as string | null;
  return { count, oldestOpenAt: oldest };
}
