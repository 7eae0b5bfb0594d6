// Rights requests (migration 0014): one per post made from a community item. Creating one, editing
// its template, recording that it was sent and every status change are written with the audit
// entry that records them, in one transaction, so the hash-chained log says who asked, when, and
// what the author answered.
import type { Database } from 'better-sqlite3';
import type { PlatformName } from '../core/domain.ts';
import { canMoveRights, type RightsStatus } from '../core/rightsTemplate.ts';
import type { Actor } from './accounts.ts';
import { appendAudit } from './audit.ts';
import { isoNow, type Clock } from './clock.ts';
import { newId } from './ids.ts';
import { prepared } from './statements.ts';

export type RightsSentVia = 'manual' | 'outbox';

export interface RightsRequest {
  readonly id: string;
  readonly itemId: string;
  readonly postId: string;
  readonly author: string;
  readonly platform: PlatformName;
  readonly community: string | null;
  readonly link: string | null;
  readonly brand: string;
  readonly template: string;
  readonly messageSent: string | null;
  readonly sentVia: RightsSentVia | null;
  readonly sentAt: string | null;
  readonly status: RightsStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Who made the last change, and on which device. */
  readonly actor: string;
  readonly deviceId: string;
}

interface Row {
  id: string;
  item_id: string;
  post_id: string;
  author: string;
  platform: PlatformName;
  community: string | null;
  link: string | null;
  brand: string;
  template: string;
  message_sent: string | null;
  sent_via: RightsSentVia | null;
  sent_at: string | null;
  status: RightsStatus;
  created_at: string;
  updated_at: string;
  actor: string;
  device_id: string;
}

const toRequest = (r: Row): RightsRequest => ({
  id: r.id,
  itemId: r.item_id,
  postId: r.post_id,
  author: r.author,
  platform: r.platform,
  community: r.community,
  link: r.link,
  brand: r.brand,
  template: r.template,
  messageSent: r.message_sent,
  sentVia: r.sent_via,
  sentAt: r.sent_at,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  actor: r.actor,
  deviceId: r.device_id,
});

/** A change the request's current status does not allow (a refused request stays refused). */
export class RightsChangeRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RightsChangeRefusedError';
  }
}

export interface NewRightsRequest {
  readonly itemId: string;
  readonly postId: string;
  readonly author: string;
  readonly platform: PlatformName;
  readonly community: string | null;
  readonly link: string | null;
  readonly brand: string;
  readonly template: string;
}

/** Call inside the transaction that creates the post, so no community post exists without one. */
export function insertRightsRequest(db: Database, input: NewRightsRequest, who: Actor, clock: Clock): RightsRequest {
  const id = newId();
  const at = isoNow(clock);
  prepared(
    db,
    `INSERT INTO rights_requests (id, item_id, post_id, author, platform, community, link, brand, template, status, created_at, updated_at, actor, device_id)
     VALUES (@id, @itemId, @postId, @author, @platform, @community, @link, @brand, @template, 'asked', @at, @at, @actor, @deviceId)`,
  ).run({ id, ...input, at, actor: who.actor, deviceId: who.deviceId });
  appendAudit(db, { ...who, action: 'rights.request', subject: id, details: { itemId: input.itemId, postId: input.postId, author: input.author, platform: input.platform, status: 'asked' } }, clock);
  return getRightsRequest(db, id) as RightsRequest;
}

export function getRightsRequest(db: Database, id: string): RightsRequest | null {
  const row = prepared(db, 'SELECT * FROM rights_requests WHERE id = ?').get(id) as Row | undefined;
  return row ? toRequest(row) : null;
}

export function rightsRequestForPost(db: Database, postId: string): RightsRequest | null {
  const row = prepared(db, 'SELECT * FROM rights_requests WHERE post_id = ?').get(postId) as Row | undefined;
  return row ? toRequest(row) : null;
}

export function listRightsRequests(db: Database, status: RightsStatus | null, limit: number, itemId: string | null = null): RightsRequest[] {
  const rows = prepared(db, 'SELECT * FROM rights_requests WHERE (@status IS NULL OR status = @status) AND (@itemId IS NULL OR item_id = @itemId) ORDER BY updated_at DESC, id DESC LIMIT @limit').all({ status, itemId, limit }) as Row[];
  return rows.map(toRequest);
}

function current(db: Database, id: string): RightsRequest {
  const found = getRightsRequest(db, id);
  if (!found) throw new RightsChangeRefusedError(`There is no rights request with id ${id}.`);
  return found;
}

/** Edits the template or the brand; refused once the message was sent (what was sent is the record). */
export function editRightsRequest(db: Database, id: string, change: { readonly template?: string | undefined; readonly brand?: string | undefined }, who: Actor, clock: Clock): RightsRequest {
  return db.transaction(() => {
    const before = current(db, id);
    if (before.sentAt !== null) throw new RightsChangeRefusedError(`The rights request to @${before.author} was already sent on ${before.sentAt}; its message can no longer change.`);
    const template = change.template ?? before.template;
    const brand = change.brand ?? before.brand;
    if (template === before.template && brand === before.brand) return before;
    prepared(db, 'UPDATE rights_requests SET template = ?, brand = ?, updated_at = ?, actor = ?, device_id = ? WHERE id = ?').run(template, brand, isoNow(clock), who.actor, who.deviceId, id);
    appendAudit(db, { ...who, action: 'rights.edit', subject: id, details: { templateChanged: template !== before.template, brand } }, clock);
    return current(db, id);
  })();
}

/** Records the message as sent (by hand, or queued in the outbox), with its exact text. */
export function markRightsSent(db: Database, id: string, message: string, via: RightsSentVia, who: Actor, clock: Clock): RightsRequest {
  return db.transaction(() => {
    const before = current(db, id);
    if (before.status !== 'asked') throw new RightsChangeRefusedError(`The rights request to @${before.author} is already ${before.status}; there is nothing to send.`);
    if (before.sentAt !== null) throw new RightsChangeRefusedError(`The rights request to @${before.author} was already sent on ${before.sentAt}.`);
    const at = isoNow(clock);
    prepared(db, 'UPDATE rights_requests SET message_sent = ?, sent_via = ?, sent_at = ?, updated_at = ?, actor = ?, device_id = ? WHERE id = ?').run(message, via, at, at, who.actor, who.deviceId, id);
    appendAudit(db, { ...who, action: 'rights.send', subject: id, details: { via, message } }, clock);
    return current(db, id);
  })();
}

/** Sets the author's answer. Refused is final: the author said no, so the content is not used. */
export function setRightsStatus(db: Database, id: string, status: RightsStatus, who: Actor, clock: Clock): RightsRequest {
  return db.transaction(() => {
    const before = current(db, id);
    if (before.status === status) return before;
    if (!canMoveRights(before.status, status)) {
      throw new RightsChangeRefusedError(
        before.status === 'refused'
          ? `@${before.author} refused the rights request (recorded ${before.updatedAt} by ${before.actor}); that is final, so their content cannot be used.`
          : `A ${before.status} rights request cannot go back to ${status}.`,
      );
    }
    prepared(db, 'UPDATE rights_requests SET status = ?, updated_at = ?, actor = ?, device_id = ? WHERE id = ?').run(status, isoNow(clock), who.actor, who.deviceId, id);
    appendAudit(db, { ...who, action: 'rights.status', subject: id, details: { from: before.status, to: status, postId: before.postId } }, clock);
    return current(db, id);
  })();
}
