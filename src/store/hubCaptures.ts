// What this desk tells its team hub: each local record that a team shares becomes a hub event in
// hub_outbox, written by a SQLite trigger in the same transaction as the record itself, so a crash
// can never keep one without the other. Migration 0023 creates the triggers from these definitions
// and joining a hub (hubLink.ts) queues this device's earlier records with the same expressions.
//
// Payloads name items and authors by (platform, remote id), which every desk shares, never by local
// ids; they carry the actor's name and never account ids, tokens or platform credentials.
// A trigger fires only while a link exists: records with a device column only for this device's
// rows (another member's decision, applied here, carries theirs); the rest only while hubApply.ts
// is not applying a pulled event (hub_link.applying).

/** A fresh UUIDv7 in SQL, for events that are a change to a record (an edit keeps the record's id). */
export const SQL_UUID_V7 = `lower(printf('%08x-%04x-7%s-%s%s-%s',
  (CAST(unixepoch('subsec') * 1000 AS INTEGER) >> 16), (CAST(unixepoch('subsec') * 1000 AS INTEGER) & 65535),
  substr(hex(randomblob(2)), 2), substr('89ab', 1 + (abs(random()) % 4), 1), substr(hex(randomblob(2)), 2), hex(randomblob(6))))`;

const itemRef = (id: string) => `(SELECT json_object('platform', platform, 'remoteId', remote_id) FROM items WHERE id = ${id})`;
const authorRef = (id: string) => `(SELECT json_object('platform', platform, 'remoteId', remote_id) FROM authors WHERE id = ${id})`;
const communityRef = (id: string) => `(SELECT json_object('platform', platform, 'remoteId', remote_id) FROM communities WHERE id = ${id})`;
const postRef = (id: string) =>
  `(SELECT json_object('platform', p.platform, 'remoteId', p.remote_id, 'creator', c.handle) FROM compliance_posts p JOIN compliance_creators c ON c.id = p.creator_id WHERE p.id = ${id})`;
/** json() keeps a sub-select's object an object inside json_object (not a string); NULL stays null. */
const j = (sql: string) => `json(${sql})`;

export interface HubCapture {
  /** Trigger name suffix. */
  readonly name: string;
  readonly table: string;
  readonly on: 'INSERT' | 'UPDATE' | 'DELETE' | `UPDATE OF ${string}`;
  /** Extra WHEN condition on r (the row: NEW or OLD). */
  readonly when?: string;
  /** Whether the table stamps device_id (then only this device's rows are captured). */
  readonly deviceColumn: boolean;
  /** Queued again on join for this device's history (records with a device column that are inserts). */
  readonly backfill: boolean;
  readonly id: (r: string) => string;
  readonly kind: (r: string) => string;
  readonly payload: (r: string) => string;
  readonly createdAt: (r: string) => string;
}

const templatePayload = (r: string) => `json_object('op', 'save', 'templateId', ${r}.id, 'community', ${j(communityRef(`${r}.community_id`))},
  'title', ${r}.title, 'rule', ${r}.rule, 'reason', ${r}.reason, 'message', ${r}.message, 'note', ${r}.note, 'banDays', ${r}.ban_days,
  'remoteReasonId', ${r}.remote_reason_id, 'actor', ${r}.actor, 'updatedAt', ${r}.updated_at)`;
// A template that sends a message or bans is a macro; a plain reason is a removal reason.
const templateKind = (r: string) => `CASE WHEN ${r}.message IS NOT NULL OR ${r}.ban_days IS NOT NULL THEN 'macro' ELSE 'removal_reason' END`;
const remediationPayload = (r: string) => `json_object('remediationId', ${r}.id, 'post', ${j(postRef(`${r}.post_id`))},
  'creator', (SELECT json_object('platform', platform, 'handle', handle) FROM compliance_creators WHERE id = ${r}.creator_id),
  'what', ${r}.what, 'dueBy', ${r}.due_by, 'status', ${r}.status, 'actor', ${r}.created_by, 'updatedAt', ${r}.updated_at)`;
const nowIso = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

export const HUB_CAPTURES: readonly HubCapture[] = [
  {
    name: 'decision',
    table: 'decisions',
    on: 'INSERT',
    deviceColumn: true,
    backfill: true,
    id: (r) => `${r}.id`,
    kind: () => `'decision'`,
    payload: (r) => `json_object('decisionId', ${r}.id, 'item', ${j(itemRef(`${r}.item_id`))}, 'action', ${r}.action, 'reason', ${r}.reason,
      'params', json(${r}.params), 'actor', ${r}.actor, 'decidedAt', ${r}.created_at)`,
    createdAt: (r) => `${r}.created_at`,
  },
  {
    name: 'item_note',
    table: 'notes',
    on: 'INSERT',
    deviceColumn: true,
    backfill: true,
    id: (r) => `${r}.id`,
    kind: () => `'item_note'`,
    payload: (r) => `json_object('noteId', ${r}.id, 'item', ${j(itemRef(`${r}.item_id`))}, 'body', ${r}.body, 'actor', ${r}.actor, 'createdAt', ${r}.created_at)`,
    createdAt: (r) => `${r}.created_at`,
  },
  {
    name: 'person_note',
    table: 'person_notes',
    on: 'INSERT',
    deviceColumn: true,
    backfill: true,
    id: (r) => `${r}.id`,
    kind: () => `'person_note'`,
    payload: (r) => `json_object('op', 'add', 'noteId', ${r}.id, 'author', ${j(authorRef(`${r}.author_id`))}, 'item', ${j(itemRef(`${r}.item_id`))},
      'label', ${r}.label, 'body', ${r}.body, 'actor', ${r}.actor, 'createdAt', ${r}.created_at, 'expiresAt', ${r}.expires_at)`,
    createdAt: (r) => `${r}.created_at`,
  },
  {
    name: 'person_note_removed',
    table: 'person_notes',
    on: 'UPDATE OF removed_at',
    when: 'OLD.removed_at IS NULL AND NEW.removed_at IS NOT NULL',
    deviceColumn: false,
    backfill: false,
    id: () => SQL_UUID_V7,
    kind: () => `'person_note'`,
    payload: (r) => `json_object('op', 'remove', 'noteId', ${r}.id, 'author', ${j(authorRef(`${r}.author_id`))}, 'actor', ${r}.removed_by, 'removedAt', ${r}.removed_at)`,
    createdAt: (r) => `${r}.removed_at`,
  },
  { name: 'template_insert', table: 'removal_templates', on: 'INSERT', deviceColumn: false, backfill: false, id: () => SQL_UUID_V7, kind: templateKind, payload: templatePayload, createdAt: (r) => `${r}.updated_at` },
  { name: 'template_update', table: 'removal_templates', on: 'UPDATE', deviceColumn: false, backfill: false, id: () => SQL_UUID_V7, kind: templateKind, payload: templatePayload, createdAt: (r) => `${r}.updated_at` },
  {
    name: 'template_delete',
    table: 'removal_templates',
    on: 'DELETE',
    deviceColumn: false,
    backfill: false,
    id: () => SQL_UUID_V7,
    kind: templateKind,
    payload: (r) => `json_object('op', 'delete', 'templateId', ${r}.id, 'title', ${r}.title)`,
    createdAt: () => nowIso,
  },
  // Saved views live in one settings value; each save sends the list, merged by view id on other desks.
  ...(['INSERT', 'UPDATE'] as const).map(
    (on): HubCapture => ({
      name: `saved_views_${on.toLowerCase()}`,
      table: 'settings',
      on,
      when: `NEW.key = 'saved_views'`,
      deviceColumn: false,
      backfill: false,
      id: () => SQL_UUID_V7,
      kind: () => `'saved_view'`,
      payload: (r) => `json_object('views', json(${r}.value))`,
      createdAt: () => nowIso,
    }),
  ),
  {
    name: 'compliance_verdict',
    table: 'compliance_verdicts',
    on: 'INSERT',
    deviceColumn: true,
    backfill: true,
    id: (r) => `${r}.id`,
    kind: () => `'compliance_verdict'`,
    payload: (r) => `json_object('verdictId', ${r}.id, 'post', ${j(postRef(`${r}.post_id`))}, 'verdict', ${r}.verdict, 'reason', ${r}.reason,
      'snapshotSha256', (SELECT sha256 FROM compliance_snapshots WHERE id = ${r}.snapshot_id), 'actor', ${r}.actor, 'createdAt', ${r}.created_at)`,
    createdAt: (r) => `${r}.created_at`,
  },
  {
    name: 'snapshot_hash',
    table: 'compliance_snapshots',
    on: 'INSERT',
    deviceColumn: true,
    backfill: true,
    id: (r) => `${r}.id`,
    kind: () => `'snapshot_hash'`,
    // The hashes only: the captured content and thumbnail stay on this desk.
    payload: (r) => `json_object('snapshotId', ${r}.id, 'post', ${j(postRef(`${r}.post_id`))}, 'contentSha256', ${r}.content_sha256, 'sha256', ${r}.sha256,
      'actor', ${r}.captured_by, 'capturedAt', ${r}.captured_at)`,
    createdAt: (r) => `${r}.captured_at`,
  },
  {
    name: 'remediation_insert',
    table: 'compliance_remediations',
    on: 'INSERT',
    deviceColumn: false,
    backfill: false,
    id: (r) => `${r}.id`,
    kind: () => `'remediation_request'`,
    payload: remediationPayload,
    createdAt: (r) => `${r}.created_at`,
  },
  {
    name: 'remediation_status',
    table: 'compliance_remediations',
    on: 'UPDATE OF status',
    when: 'OLD.status IS NOT NEW.status',
    deviceColumn: false,
    backfill: false,
    id: () => SQL_UUID_V7,
    kind: () => `'remediation_request'`,
    payload: remediationPayload,
    createdAt: (r) => `${r}.updated_at`,
  },
];

const LINK_DEVICE = '(SELECT device FROM hub_link WHERE id = 1)';
const LINKED_NOT_APPLYING = '(SELECT applying FROM hub_link WHERE id = 1) = 0';

/** The CREATE TRIGGER statement for one capture. */
export function captureTrigger(capture: HubCapture): string {
  const r = capture.on === 'DELETE' ? 'OLD' : 'NEW';
  const conditions = [capture.deviceColumn ? `${r}.device_id = ${LINK_DEVICE}` : LINKED_NOT_APPLYING, capture.when].filter(Boolean).join(' AND ');
  return `CREATE TRIGGER hub_capture_${capture.name} AFTER ${capture.on} ON ${capture.table} WHEN ${conditions}
  BEGIN
    INSERT OR IGNORE INTO hub_outbox (event_id, kind, payload, created_at)
    VALUES (${capture.id(r)}, ${capture.kind(r)}, ${capture.payload(r)}, ${capture.createdAt(r)});
  END;`;
}

/** The INSERT that queues this device's earlier records of one capture (on join). */
export function captureBackfill(capture: HubCapture): string {
  return `INSERT OR IGNORE INTO hub_outbox (event_id, kind, payload, created_at)
    SELECT ${capture.id('r')}, ${capture.kind('r')}, ${capture.payload('r')}, ${capture.createdAt('r')}
    FROM ${capture.table} r WHERE r.device_id = ${LINK_DEVICE} ORDER BY r.rowid`;
}
