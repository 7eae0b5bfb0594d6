// Applying the team's events pulled from the hub. A page is applied and the cursor moved in one
// transaction, and every applied event id is recorded, so a crash in between re-applies nothing.
// While applying, hub_link.applying is 1 so the capture triggers do not send the team's own events
// back; decisions and notes keep their author's device id, which is not this one's, for the same
// reason. Another member's decision is recorded as theirs with no platform outbox entry (their desk
// sends it). An event naming an item or author this desk has not synced yet is parked and tried
// again after the next platform pull.
import type { Database } from 'better-sqlite3';
import { MODERATION_ACTIONS, stateAfter, type ItemState, type ModerationAction } from '../core/domain.ts';
import { isPersonNoteLabel } from '../core/personNotes.ts';
import { appendAudit } from './audit.ts';
import { isoNow, type Clock } from './clock.ts';
import { getSetting, setSetting } from './settings.ts';
import { prepared } from './statements.ts';

export interface PulledHubEvent {
  readonly seq: number;
  readonly id: string;
  readonly kind: string;
  readonly actorName: string;
  readonly device: string;
  readonly payload: Record<string, unknown>;
  readonly createdAt: string;
}

type Outcome = { readonly applied: string } | { readonly waitingFor: string };

export interface ApplySummary {
  readonly applied: number;
  readonly parked: number;
  readonly skipped: number;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

interface RemoteRef {
  readonly platform: string;
  readonly remoteId: string;
}

function ref(value: unknown): RemoteRef | null {
  if (typeof value !== 'object' || value === null) return null;
  const { platform, remoteId } = value as Record<string, unknown>;
  return typeof platform === 'string' && typeof remoteId === 'string' ? { platform, remoteId } : null;
}

const describe = (what: string, r: RemoteRef) => `${what} ${r.platform}:${r.remoteId}`;

function localId(db: Database, table: 'items' | 'authors' | 'communities', r: RemoteRef): string | null {
  return (prepared(db, `SELECT id FROM ${table} WHERE platform = ? AND remote_id = ?`).pluck().get(r.platform, r.remoteId) as string | undefined) ?? null;
}

function applyDecision(db: Database, event: PulledHubEvent, clock: Clock): Outcome {
  const p = event.payload;
  const item = ref(p['item']);
  const action = MODERATION_ACTIONS.find((a) => a === p['action']);
  const id = text(p['decisionId']) ?? event.id;
  if (!item || !action) return { applied: 'ignored: not a decision this version knows' };
  const itemId = localId(db, 'items', item);
  if (itemId === null) return { waitingFor: describe('item', item) };
  if (prepared(db, 'SELECT 1 FROM decisions WHERE id = ?').pluck().get(id) !== undefined) return { applied: 'already here' };
  const decidedAt = text(p['decidedAt']) ?? event.createdAt;
  const actor = text(p['actor']) ?? event.actorName;
  const params = typeof p['params'] === 'object' && p['params'] !== null ? p['params'] : {};
  const latest = prepared(db, 'SELECT max(created_at) FROM decisions WHERE item_id = ?').pluck().get(itemId) as string | null;
  prepared(db, 'INSERT INTO decisions (id, item_id, action, reason, params, actor, device_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    id,
    itemId,
    action,
    text(p['reason']),
    JSON.stringify(params),
    actor,
    event.device,
    decidedAt,
  );
  // The item follows the newest decision, whichever desk made it.
  if (latest === null || decidedAt >= latest) {
    const current = prepared(db, 'SELECT state FROM items WHERE id = ?').pluck().get(itemId) as ItemState;
    prepared(db, 'UPDATE items SET state = ?, updated_at = ? WHERE id = ?').run(stateAfter(action as ModerationAction, current), isoNow(clock), itemId);
  }
  appendAudit(db, { actor, deviceId: event.device, action: `decision.${action}`, subject: itemId, details: { decisionId: id, reason: text(p['reason']), viaHub: true } }, clock);
  return { applied: 'decision recorded' };
}

function applyItemNote(db: Database, event: PulledHubEvent): Outcome {
  const p = event.payload;
  const item = ref(p['item']);
  const body = text(p['body']);
  if (!item || body === null) return { applied: 'ignored: not a note this version knows' };
  const itemId = localId(db, 'items', item);
  if (itemId === null) return { waitingFor: describe('item', item) };
  const changes = prepared(db, 'INSERT OR IGNORE INTO notes (id, item_id, body, actor, device_id, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    text(p['noteId']) ?? event.id,
    itemId,
    body,
    text(p['actor']) ?? event.actorName,
    event.device,
    text(p['createdAt']) ?? event.createdAt,
  ).changes;
  return { applied: changes > 0 ? 'note added' : 'already here' };
}

function applyPersonNote(db: Database, event: PulledHubEvent): Outcome {
  const p = event.payload;
  const noteId = text(p['noteId']);
  if (noteId === null) return { applied: 'ignored: no note id' };
  if (p['op'] === 'remove') {
    if (prepared(db, 'SELECT 1 FROM person_notes WHERE id = ?').pluck().get(noteId) === undefined) return { waitingFor: `person note ${noteId}` };
    prepared(db, 'UPDATE person_notes SET removed_at = ?, removed_by = ? WHERE id = ? AND removed_at IS NULL').run(
      text(p['removedAt']) ?? event.createdAt,
      text(p['actor']) ?? event.actorName,
      noteId,
    );
    return { applied: 'person note removed' };
  }
  const author = ref(p['author']);
  const label = text(p['label']);
  const body = text(p['body']);
  if (!author || label === null || !isPersonNoteLabel(label) || body === null) return { applied: 'ignored: not a person note this version knows' };
  const authorId = localId(db, 'authors', author);
  if (authorId === null) return { waitingFor: describe('author', author) };
  const item = ref(p['item']);
  const changes = prepared(
    db,
    `INSERT OR IGNORE INTO person_notes (id, author_id, label, body, item_id, actor, device_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(noteId, authorId, label, body, item ? localId(db, 'items', item) : null, text(p['actor']) ?? event.actorName, event.device, text(p['createdAt']) ?? event.createdAt, text(p['expiresAt'])).changes;
  return { applied: changes > 0 ? 'person note added' : 'already here' };
}

function applyTemplate(db: Database, event: PulledHubEvent): Outcome {
  const p = event.payload;
  const id = text(p['templateId']);
  if (id === null) return { applied: 'ignored: no template id' };
  if (p['op'] === 'delete') {
    prepared(db, 'DELETE FROM removal_templates WHERE id = ?').run(id);
    return { applied: 'template deleted' };
  }
  const title = text(p['title']);
  const reason = text(p['reason']);
  if (title === null || reason === null) return { applied: 'ignored: not a template this version knows' };
  const community = ref(p['community']);
  const communityId = community ? localId(db, 'communities', community) : null;
  if (community && communityId === null) return { waitingFor: describe('community', community) };
  const banDays = typeof p['banDays'] === 'number' ? p['banDays'] : null;
  const updatedAt = text(p['updatedAt']) ?? event.createdAt;
  const fields = [communityId, title, text(p['rule']) ?? '', reason, text(p['message']), text(p['note']), banDays, text(p['remoteReasonId']), text(p['actor']) ?? event.actorName, updatedAt] as const;
  // An older edit than the one here (events can arrive late, after a parked wait) changes nothing.
  const changed = prepared(
    db,
    'UPDATE removal_templates SET community_id = ?, title = ?, rule = ?, reason = ?, message = ?, note = ?, ban_days = ?, remote_reason_id = ?, actor = ?, updated_at = ? WHERE id = ? AND updated_at <= ?',
  ).run(...fields, id, updatedAt).changes;
  if (changed === 0 && prepared(db, 'SELECT 1 FROM removal_templates WHERE id = ?').pluck().get(id) === undefined) {
    const position = prepared(db, 'SELECT coalesce(max(position), 0) + 1 FROM removal_templates').pluck().get() as number;
    prepared(
      db,
      'INSERT INTO removal_templates (community_id, title, rule, reason, message, note, ban_days, remote_reason_id, actor, updated_at, id, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(...fields, id, position, updatedAt);
  }
  return { applied: 'template saved' };
}

interface ViewRecord {
  readonly id: string;
  readonly profileId: string | null;
  readonly [key: string]: unknown;
}

/** Another member's views join this desk's list by id; their profile ids mean nothing here, so they are shown to everyone. */
function applySavedViews(db: Database, event: PulledHubEvent): Outcome {
  const incoming = Array.isArray(event.payload['views']) ? (event.payload['views'] as unknown[]) : [];
  const views = [...(getSetting<ViewRecord[]>(db, 'saved_views') ?? [])];
  for (const value of incoming) {
    if (typeof value !== 'object' || value === null || typeof (value as { id?: unknown }).id !== 'string') continue;
    const view = value as ViewRecord;
    const at = views.findIndex((v) => v.id === view.id);
    const local = at >= 0 ? views[at] : undefined;
    const merged = { ...view, profileId: local ? local.profileId : null };
    if (at >= 0) views[at] = merged;
    else views.push(merged);
  }
  setSetting(db, 'saved_views', views);
  return { applied: 'views merged' };
}

function applyOne(db: Database, event: PulledHubEvent, clock: Clock): Outcome {
  switch (event.kind) {
    case 'decision':
      return applyDecision(db, event, clock);
    case 'item_note':
      return applyItemNote(db, event);
    case 'person_note':
      return applyPersonNote(db, event);
    case 'removal_reason':
    case 'macro':
      return applyTemplate(db, event);
    case 'saved_view':
      return applySavedViews(db, event);
    default:
      // Compliance verdicts, remediation requests and snapshot hashes name posts of another desk's
      // audits; this schema has no place for them, so they are kept in hub_applied as received.
      return { applied: 'recorded' };
  }
}

function record(db: Database, event: PulledHubEvent, outcome: string, at: string): void {
  prepared(db, 'INSERT OR IGNORE INTO hub_applied (event_id, seq, kind, actor_name, device, payload, outcome, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    event.id,
    event.seq,
    event.kind,
    event.actorName,
    event.device,
    JSON.stringify(event.payload),
    outcome,
    at,
  );
  prepared(db, 'DELETE FROM hub_parked WHERE event_id = ?').run(event.id);
}

function park(db: Database, event: PulledHubEvent, waitingFor: string, at: string): void {
  prepared(
    db,
    `INSERT INTO hub_parked (event_id, seq, kind, actor_name, device, payload, created_at, waiting_for, parked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (event_id) DO UPDATE SET waiting_for = excluded.waiting_for`,
  ).run(event.id, event.seq, event.kind, event.actorName, event.device, JSON.stringify(event.payload), event.createdAt, waitingFor, at);
}

function whileApplying<T>(db: Database, work: () => T): T {
  return db.transaction(() => {
    prepared(db, 'UPDATE hub_link SET applying = 1 WHERE id = 1').run();
    const result = work();
    prepared(db, 'UPDATE hub_link SET applying = 0 WHERE id = 1').run();
    return result;
  })();
}

function applyEvents(db: Database, events: readonly PulledHubEvent[], myDevice: string, clock: Clock): ApplySummary {
  let applied = 0;
  let parked = 0;
  let skipped = 0;
  const at = isoNow(clock);
  for (const event of events) {
    if (event.device === myDevice || prepared(db, 'SELECT 1 FROM hub_applied WHERE event_id = ?').pluck().get(event.id) !== undefined) {
      skipped += 1;
      continue;
    }
    const outcome = applyOne(db, event, clock);
    if ('waitingFor' in outcome) {
      park(db, event, outcome.waitingFor, at);
      parked += 1;
    } else {
      record(db, event, outcome.applied, at);
      applied += 1;
    }
  }
  return { applied, parked, skipped };
}

/** Applies one pulled page and moves the cursor to `cursor`, in one transaction. */
export function applyHubPage(db: Database, events: readonly PulledHubEvent[], cursor: number, myDevice: string, clock: Clock): ApplySummary {
  return whileApplying(db, () => {
    const summary = applyEvents(db, events, myDevice, clock);
    prepared(db, 'UPDATE hub_link SET cursor = max(cursor, ?), last_pull_at = ? WHERE id = 1').run(cursor, isoNow(clock));
    return summary;
  });
}

interface ParkedRow {
  event_id: string;
  seq: number;
  kind: string;
  actor_name: string;
  device: string;
  payload: string;
  created_at: string;
}

/** Tries the parked events again, oldest first (after a platform pull brought new items or authors). */
export function retryParkedHubEvents(db: Database, myDevice: string, clock: Clock): ApplySummary {
  const rows = prepared(db, 'SELECT event_id, seq, kind, actor_name, device, payload, created_at FROM hub_parked ORDER BY seq').all() as ParkedRow[];
  if (rows.length === 0) return { applied: 0, parked: 0, skipped: 0 };
  const events = rows.map((row) => ({
    id: row.event_id,
    seq: row.seq,
    kind: row.kind,
    actorName: row.actor_name,
    device: row.device,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    createdAt: row.created_at,
  }));
  return whileApplying(db, () => applyEvents(db, events, myDevice, clock));
}

export const parkedHubEventCount = (db: Database): number => prepared(db, 'SELECT count(*) FROM hub_parked').pluck().get() as number;

export const hubCursor = (db: Database): number => (prepared(db, 'SELECT cursor FROM hub_link WHERE id = 1').pluck().get() as number | undefined) ?? 0;
